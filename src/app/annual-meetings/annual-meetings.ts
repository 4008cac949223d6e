import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AnnualMeetingTable } from '../../db/schema.js';
import { diff } from '../../domain/cooperative.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { DEFAULT_GRACE_MONTHS, fiscalYearEnd, ratCompliance } from '../../domain/rat/compliance.js';
import { type Actor, type AppDeps, mutate, type Tx, todayJakarta } from '../context.js';
import { getCooperative } from '../cooperatives/get-cooperative.js';
import { loadCooperative } from '../cooperatives/view.js';
import { authorize, cooperativePolicy, guardManage } from '../policy/index.js';
import {
  countedMeetings,
  fileForVerification,
  meetingSnapshot,
  stateOr,
  verificationStates,
} from '../desk/verifications.js';
import { hasQuorum, memberCountMismatch, quorumOf } from '../../domain/desk/quorum.js';
import type { VerificationState } from '../../domain/desk/verification.js';
import { AGENDA_ITEMS, AGENDA_LABELS, type AgendaItem } from '../../domain/rat/agenda.js';
import type { AnnualMeetingOut, CooperativeRatComplianceOut } from '../../contract/annual-meetings.js';

export { AGENDA_ITEMS, AGENDA_LABELS, type AgendaItem };

export interface AnnualMeetingFields {
  fiscalYear: number;
  heldOn: string;
  place: string | null;
  membersPresent: number;
  membersTotal: number;
  quorumRequired: number | null;
  agenda: Record<AgendaItem, boolean>;
  reportedToOdsOn: string | null;
  notes: string | null;
}
/** A RAT record as the API answers it (src/contract/annual-meetings.ts). */
export type AnnualMeeting = AnnualMeetingOut;

function view(
  r: Selectable<AnnualMeetingTable>,
  verification: VerificationState = { status: 'VERIFIED' },
  registryMembers: number | null = null,
): AnnualMeeting {
  const agenda = JSON.parse(r.agenda) as Partial<Record<AgendaItem, boolean>>;
  return {
    id: r.id,
    cooperativeId: r.cooperative_id,
    fiscalYear: r.fiscal_year,
    heldOn: r.held_on,
    place: r.place,
    membersPresent: r.members_present,
    membersTotal: r.members_total,
    quorumRequired: r.quorum_required,
    quorumMet: hasQuorum({
      membersPresent: r.members_present,
      membersTotal: r.members_total,
      quorumRequired: r.quorum_required,
    }),
    quorum: quorumOf(r.members_total, r.quorum_required),
    memberCountMismatch:
      registryMembers === null || registryMembers === 0 ? null : memberCountMismatch(registryMembers, r.members_total),
    verification,
    agenda: Object.fromEntries(AGENDA_ITEMS.map((k) => [k, agenda[k] === true])) as Record<AgendaItem, boolean>,
    reportedToOdsOn: r.reported_to_ods_on,
    notes: r.notes,
    version: r.version,
  };
}

/** Rules of a RAT record that need no database: dates in order, attendance possible. */
function check(f: AnnualMeetingFields, today: string): void {
  const fields: Record<string, string> = {};
  if (f.heldOn <= fiscalYearEnd(f.fiscalYear))
    fields.heldOn = `RAT tahun buku ${f.fiscalYear} baru dapat diadakan setelah tahun buku berakhir (${f.fiscalYear}-12-31).`;
  if (f.heldOn > today) fields.heldOn = 'Tanggal RAT tidak boleh di masa depan.';
  if (f.membersPresent > f.membersTotal)
    fields.membersPresent = 'Anggota yang hadir tidak boleh melebihi jumlah anggota.';
  if (f.quorumRequired !== null && f.quorumRequired > f.membersTotal)
    fields.quorumRequired = 'Kuorum tidak boleh melebihi jumlah anggota.';
  if (f.reportedToOdsOn && f.reportedToOdsOn < f.heldOn)
    fields.reportedToOdsOn = 'Tanggal lapor ODS tidak boleh sebelum tanggal RAT.';
  if (f.reportedToOdsOn && f.reportedToOdsOn > today)
    fields.reportedToOdsOn = 'Tanggal lapor ODS tidak boleh di masa depan.';
  if (Object.keys(fields).length) throw invalid(fields);
}

async function writable(deps: AppDeps, actor: Actor, trx: Tx, cooperativeId: string) {
  const coop = await loadCooperative(trx, cooperativeId);
  authorize(cooperativePolicy.editDetails, actor, coop);
  if (coop.status === 'DIBUBARKAN')
    throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; datanya tidak dapat diubah lagi.');
  return coop;
}

export async function listAnnualMeetings(deps: AppDeps, actor: Actor, cooperativeId: string): Promise<AnnualMeeting[]> {
  const coop = await getCooperative(deps, actor, cooperativeId);
  const rows = await deps.db.kysely
    .selectFrom('annual_meetings')
    .selectAll()
    .where('cooperative_id', '=', cooperativeId)
    .orderBy('fiscal_year', 'desc')
    .execute();
  const states = await verificationStates(
    deps.db.kysely,
    'ANNUAL_MEETING',
    rows.map((r) => r.id),
  );
  // The registry holds today's members: only the latest RAT is compared with it.
  return rows.map((r, i) => view(r, stateOr(states, r.id), i === 0 ? coop.membersMale + coop.membersFemale : null));
}

export async function recordAnnualMeeting(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  input: AnnualMeetingFields,
): Promise<AnnualMeeting> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  check(input, todayJakarta(deps));
  return mutate(deps, actor, async (trx, audit) => {
    const coop = await writable(deps, actor, trx, cooperativeId);
    const founded = coop.legalEntityDate ?? coop.createdAt.slice(0, 10);
    if (input.fiscalYear < Number(founded.slice(0, 4))) {
      throw invalid({
        fiscalYear: `Koperasi ini berbadan hukum sejak ${founded}; tahun buku ${input.fiscalYear} belum ada.`,
      });
    }
    const taken = await trx
      .selectFrom('annual_meetings')
      .select('id')
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', input.fiscalYear)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', `RAT tahun buku ${input.fiscalYear} sudah tercatat; ubah catatan yang ada.`, {
        fiscalYear: 'Sudah tercatat.',
      });
    const id = randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('annual_meetings')
      .values({
        id,
        cooperative_id: cooperativeId,
        fiscal_year: input.fiscalYear,
        held_on: input.heldOn,
        place: input.place,
        members_present: input.membersPresent,
        members_total: input.membersTotal,
        quorum_required: input.quorumRequired,
        agenda: JSON.stringify(input.agenda),
        documents: null,
        reported_to_ods_on: input.reportedToOdsOn,
        notes: input.notes,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({
      action: 'annual_meeting.create',
      entityType: 'annual_meeting',
      entityId: id,
      cooperativeId,
      changes: diff(null, { ...input }),
    });
    await fileForVerification(trx, deps, actor, audit, {
      cooperativeId,
      kind: 'ANNUAL_MEETING',
      entityId: id,
      fiscalYear: input.fiscalYear,
      summary: meetingSummary(input),
      previous: null,
    });
    return withState(
      trx,
      await trx.selectFrom('annual_meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      coop.membersMale + coop.membersFemale,
    );
  });
}

export async function updateAnnualMeeting(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  meetingId: string,
  patch: Partial<Omit<AnnualMeetingFields, 'fiscalYear'>> & { version?: number },
): Promise<AnnualMeeting> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    const coop = await writable(deps, actor, trx, cooperativeId);
    const row = await trx
      .selectFrom('annual_meetings')
      .selectAll()
      .where('id', '=', meetingId)
      .where('cooperative_id', '=', cooperativeId)
      .executeTakeFirst();
    if (!row) throw notFound('Catatan RAT');
    const current = await withState(trx, row, coop.membersMale + coop.membersFemale);
    const { version, ...fields } = patch;
    if (version !== undefined && version !== current.version) {
      throw new AppError(
        'CONFLICT',
        'Catatan RAT ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.',
      );
    }
    const clean = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<AnnualMeetingFields>;
    const next: AnnualMeetingFields = { ...current, ...clean, agenda: { ...current.agenda, ...clean.agenda } };
    check(next, todayJakarta(deps));
    const changes = diff(current as unknown as Record<string, unknown>, {
      ...clean,
      ...(clean.agenda ? { agenda: next.agenda } : {}),
    });
    if (Object.keys(changes).length === 0) return current;
    await trx
      .updateTable('annual_meetings')
      .set({
        held_on: next.heldOn,
        place: next.place,
        members_present: next.membersPresent,
        members_total: next.membersTotal,
        quorum_required: next.quorumRequired,
        agenda: JSON.stringify(next.agenda),
        reported_to_ods_on: next.reportedToOdsOn,
        notes: next.notes,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', meetingId)
      .execute();
    await audit({
      action: 'annual_meeting.update',
      entityType: 'annual_meeting',
      entityId: meetingId,
      cooperativeId,
      changes: { fiscalYear: { before: current.fiscalYear, after: current.fiscalYear }, ...changes },
    });
    await fileForVerification(trx, deps, actor, audit, {
      cooperativeId,
      kind: 'ANNUAL_MEETING',
      entityId: meetingId,
      fiscalYear: current.fiscalYear,
      summary: meetingSummary(next),
      previous: { ...meetingSnapshot(row) },
    });
    return withState(
      trx,
      await trx.selectFrom('annual_meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow(),
      coop.membersMale + coop.membersFemale,
    );
  });
}

const meetingSummary = (f: Pick<AnnualMeetingFields, 'fiscalYear' | 'heldOn' | 'membersPresent' | 'membersTotal'>) =>
  `RAT tahun buku ${f.fiscalYear}, tanggal ${f.heldOn}, hadir ${f.membersPresent} dari ${f.membersTotal} anggota`;

async function withState(trx: Tx, r: Selectable<AnnualMeetingTable>, registryMembers: number): Promise<AnnualMeeting> {
  const states = await verificationStates(trx, 'ANNUAL_MEETING', [r.id]);
  const later = await trx
    .selectFrom('annual_meetings')
    .select('id')
    .where('cooperative_id', '=', r.cooperative_id)
    .where('fiscal_year', '>', r.fiscal_year)
    .executeTakeFirst();
  return view(r, stateOr(states, r.id), later ? null : registryMembers);
}

export async function graceMonths(deps: AppDeps): Promise<number> {
  const row = await deps.db.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'rat.graceMonths')
    .executeTakeFirst();
  return row ? Number(row.value) : DEFAULT_GRACE_MONTHS;
}

/**
 * Compliance answers from verified RATs that reached quorum only (filings waiting are counted in
 * `pending`), from the founding on; a dissolved cooperative is never active.
 */
export async function cooperativeRatCompliance(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  asOf?: string,
): Promise<CooperativeRatComplianceOut> {
  const coop = await getCooperative(deps, actor, cooperativeId);
  const date = asOf ?? todayJakarta(deps);
  const { meetings, pending } = await countedMeetings(deps.db.kysely, cooperativeId);
  const founded = coop.legalEntityDate ?? coop.createdAt.slice(0, 10);
  const result = ratCompliance(
    meetings.get(cooperativeId) ?? [],
    founded,
    date,
    await graceMonths(deps),
    coop.status === 'DIBUBARKAN' ? (coop.dissolvedAt ?? date).slice(0, 10) : null,
  );
  return { asOf: date, ...result, pending: pending.get(cooperativeId) ?? 0 };
}
