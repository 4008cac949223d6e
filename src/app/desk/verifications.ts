import { randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { VerificationTable } from '../../db/schema-desk.js';
import { DOCUMENT_KIND_LABELS, RAT_REQUIRED_KINDS } from '../../domain/desk/documents.js';
import { hasQuorum } from '../../domain/desk/quorum.js';
import {
  countedValues,
  STAFF_ENTERED,
  VERIFICATION_KIND_LABELS,
  type VerificationKind,
  type VerificationState,
  type VerificationStatus,
} from '../../domain/desk/verification.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import type { RatMeeting } from '../../domain/rat/compliance.js';
import { type Actor, type AppDeps, type AuditInput, mutate, type Tx } from '../context.js';
import { onFilingDecided, onFilingPending } from '../notifications/hooks.js';
import { authorize, verificationPolicy } from '../policy/index.js';
import { loadCooperative, type Officer } from '../cooperatives/view.js';
import { replaceOfficers } from '../cooperatives/write-cooperative.js';
import type { VerificationItemOut } from '../../contract/desk.js';

export interface Filing {
  cooperativeId: string;
  kind: VerificationKind;
  entityId: string;
  fiscalYear: number | null;
  summary: string;
  /** The values standing before this filing (null for a new record): they keep counting until it is verified. */
  previous: Record<string, unknown> | null;
}

/**
 * Records what a `koperasi` user just filed as waiting for the Dinas, in the caller's transaction.
 * Staff entries count at once and leave no filing. A refiling of a waiting or returned record keeps
 * the values that stood before the first one.
 */
export async function fileForVerification(
  trx: Transaction<Database>,
  deps: AppDeps,
  actor: Actor,
  audit: (e: AuditInput) => Promise<void>,
  f: Filing,
): Promise<void> {
  if (!verificationPolicy.mustBeVerified(actor)) return;
  const at = deps.now().toISOString();
  const existing = await trx
    .selectFrom('verifications')
    .selectAll()
    .where('kind', '=', f.kind)
    .where('entity_id', '=', f.entityId)
    .executeTakeFirst();
  const submitted = {
    submitted_by: actor.userId,
    submitted_by_name: actor.fullName,
    submitted_at: at,
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
  };
  let id: string;
  if (existing) {
    id = existing.id;
    const previous =
      existing.status === 'VERIFIED' ? (f.previous ? JSON.stringify(f.previous) : null) : existing.previous;
    await trx
      .updateTable('verifications')
      .set({ ...submitted, status: 'PENDING', reason: null, previous, summary: f.summary, fiscal_year: f.fiscalYear })
      .where('id', '=', id)
      .execute();
  } else {
    id = randomUUID();
    await trx
      .insertInto('verifications')
      .values({
        id,
        cooperative_id: f.cooperativeId,
        kind: f.kind,
        entity_id: f.entityId,
        fiscal_year: f.fiscalYear,
        summary: f.summary,
        status: 'PENDING',
        reason: null,
        previous: f.previous ? JSON.stringify(f.previous) : null,
        ...submitted,
      })
      .execute();
  }
  await audit({
    action: 'verification.submit',
    entityType: 'verification',
    entityId: id,
    cooperativeId: f.cooperativeId,
    changes: {
      status: { before: existing?.status ?? null, after: 'PENDING' },
      kind: { before: null, after: f.kind },
      entityId: { before: null, after: f.entityId },
    },
  });
  // Officers hear of a filing when it starts waiting; a change to one already waiting is in the queue.
  if (existing?.status !== 'PENDING') {
    await onFilingPending(
      deps,
      trx,
      actor,
      await filingFacts(
        trx,
        { id, kind: f.kind, entity_id: f.entityId, cooperative_id: f.cooperativeId, summary: f.summary },
        actor.fullName,
      ),
    );
  }
}

async function filingFacts(
  trx: Tx,
  r: { id: string; kind: string; entity_id: string; cooperative_id: string; summary: string },
  by: string,
) {
  const coop = await trx
    .selectFrom('cooperatives')
    .select('name')
    .where('id', '=', r.cooperative_id)
    .executeTakeFirst();
  const kind = r.kind as VerificationKind;
  return {
    id: r.id,
    kind,
    kindLabel: VERIFICATION_KIND_LABELS[kind] ?? r.kind,
    entityId: r.entity_id,
    cooperativeId: r.cooperative_id,
    cooperativeName: coop?.name ?? '',
    summary: r.summary,
    by,
  };
}

/** The verification state of each given record of a kind; records never filed by a cooperative count as verified. */
export async function verificationStates(
  db: Tx,
  kind: VerificationKind,
  entityIds: string[],
): Promise<Map<string, VerificationState>> {
  const out = new Map<string, VerificationState>();
  if (entityIds.length === 0) return out;
  const rows = await db
    .selectFrom('verifications')
    .select(['entity_id', 'status', 'reason'])
    .where('kind', '=', kind)
    .where('entity_id', 'in', entityIds)
    .execute();
  for (const r of rows)
    out.set(r.entity_id, {
      status: r.status as VerificationStatus,
      ...(r.status === 'RETURNED' && r.reason ? { reason: r.reason } : {}),
    });
  return out;
}

export const stateOr = (m: Map<string, VerificationState>, id: string): VerificationState => m.get(id) ?? STAFF_ENTERED;

interface MeetingValues {
  heldOn: string;
  reportedOn: string | null;
  membersPresent: number;
  membersTotal: number;
  quorumRequired: number | null;
}
export const meetingSnapshot = (r: {
  held_on: string;
  reported_to_ods_on: string | null;
  members_present: number;
  members_total: number;
  quorum_required: number | null;
}): MeetingValues => ({
  heldOn: r.held_on,
  reportedOn: r.reported_to_ods_on,
  membersPresent: r.members_present,
  membersTotal: r.members_total,
  quorumRequired: r.quorum_required,
});

/**
 * The RATs that count, per cooperative: verified (or entered by the Dinas) values only, and only
 * those that reached quorum. Every reader of RAT compliance (dashboard, priorities, recap, minutes)
 * reads through here, so they cannot disagree. Also says how many filings wait per cooperative.
 */
export async function countedMeetings(
  db: Tx,
  cooperativeId?: string,
): Promise<{ meetings: Map<string, RatMeeting[]>; pending: Map<string, number> }> {
  let q = db
    .selectFrom('annual_meetings as m')
    .leftJoin('verifications as v', (j) => j.onRef('v.entity_id', '=', 'm.id').on('v.kind', '=', 'ANNUAL_MEETING'))
    .select([
      'm.cooperative_id',
      'm.fiscal_year',
      'm.held_on',
      'm.reported_to_ods_on',
      'm.members_present',
      'm.members_total',
      'm.quorum_required',
      'v.status',
      'v.previous',
    ]);
  if (cooperativeId) q = q.where('m.cooperative_id', '=', cooperativeId);
  const rows = await q.execute();
  const meetings = new Map<string, RatMeeting[]>();
  const pending = new Map<string, number>();
  for (const r of rows) {
    if (r.status === 'PENDING') pending.set(r.cooperative_id, (pending.get(r.cooperative_id) ?? 0) + 1);
    const counted = countedValues(
      meetingSnapshot(r),
      r.status
        ? {
            status: r.status as VerificationStatus,
            previous: r.previous ? (JSON.parse(r.previous) as MeetingValues) : null,
          }
        : undefined,
    );
    if (!counted || !hasQuorum(counted)) continue;
    const list = meetings.get(r.cooperative_id) ?? [];
    list.push({ fiscalYear: r.fiscal_year, heldOn: counted.heldOn, reportedOn: counted.reportedOn });
    meetings.set(r.cooperative_id, list);
  }
  return { meetings, pending };
}

/** One filing in the queue as the API answers it (src/contract/desk.ts). */
export type VerificationItem = VerificationItemOut;

export interface VerificationQuery {
  status?: VerificationStatus;
  kind?: VerificationKind;
  district?: string;
  cooperativeId?: string;
  /** Only filings waiting at least this many days. */
  minAgeDays?: number;
  page: number;
  pageSize: number;
}

async function missingRatDocuments(db: Tx, cooperativeId: string, fiscalYear: number | null): Promise<string[]> {
  if (fiscalYear === null) return RAT_REQUIRED_KINDS.map((k) => DOCUMENT_KIND_LABELS[k]);
  const docs = await db
    .selectFrom('cooperative_documents as d')
    .leftJoin('verifications as v', (j) => j.onRef('v.entity_id', '=', 'd.id').on('v.kind', '=', 'DOCUMENT'))
    .select(['d.kind', 'v.status'])
    .where('d.cooperative_id', '=', cooperativeId)
    .where('d.fiscal_year', '=', fiscalYear)
    .where('d.status', '=', 'ACTIVE')
    .where('d.kind', 'in', [...RAT_REQUIRED_KINDS])
    .execute();
  const present = new Set(docs.filter((d) => d.status !== 'RETURNED').map((d) => d.kind));
  return RAT_REQUIRED_KINDS.filter((k) => !present.has(k)).map((k) => DOCUMENT_KIND_LABELS[k]);
}

const DAY = 86_400_000;

export async function listVerifications(
  deps: AppDeps,
  actor: Actor,
  q: VerificationQuery,
): Promise<{ items: VerificationItem[]; total: number; page: number; pageSize: number }> {
  q = verificationPolicy.restrictList(actor, q);
  const db = deps.db.kysely;
  const now = deps.now();
  let base = db
    .selectFrom('verifications as v')
    .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
    .innerJoin('districts as d', 'd.code', 'c.district_code');
  const scope = verificationPolicy.scope(actor, 'v.cooperative_id', 'c.office_id');
  if (scope) base = base.where(scope);
  if (q.status) base = base.where('v.status', '=', q.status);
  if (q.kind) base = base.where('v.kind', '=', q.kind);
  if (q.district) base = base.where('c.district_code', '=', q.district);
  if (q.cooperativeId) base = base.where('v.cooperative_id', '=', q.cooperativeId);
  if (q.minAgeDays)
    base = base.where('v.submitted_at', '<=', new Date(now.getTime() - q.minAgeDays * DAY).toISOString());
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll('v')
    .select(['c.name as coop_name', 'c.district_code', 'd.name as district_name'])
    .orderBy('v.submitted_at')
    .orderBy('v.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items: VerificationItem[] = [];
  for (const r of rows) {
    items.push({
      ...itemOf(r, now),
      cooperative: {
        id: r.cooperative_id,
        name: r.coop_name,
        district: { code: r.district_code, name: r.district_name },
      },
      missingDocuments:
        r.kind === 'ANNUAL_MEETING' && r.status !== 'VERIFIED'
          ? await missingRatDocuments(db, r.cooperative_id, r.fiscal_year)
          : [],
    });
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

function itemOf(
  r: Selectable<VerificationTable>,
  now: Date,
): Omit<VerificationItem, 'cooperative' | 'missingDocuments'> {
  return {
    id: r.id,
    kind: r.kind as VerificationKind,
    kindLabel: VERIFICATION_KIND_LABELS[r.kind as VerificationKind] ?? r.kind,
    entityId: r.entity_id,
    fiscalYear: r.fiscal_year,
    summary: r.summary,
    status: r.status as VerificationStatus,
    reason: r.reason,
    submittedBy: r.submitted_by_name,
    submittedAt: r.submitted_at,
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(r.submitted_at)) / DAY)),
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
  };
}

async function pendingRow(trx: Tx, actor: Actor, id: string) {
  authorize(verificationPolicy.decide, actor, null, 'Hanya petugas Dinas yang dapat memverifikasi laporan koperasi.');
  const row = await trx.selectFrom('verifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Laporan yang diverifikasi');
  if (row.status !== 'PENDING') {
    throw new AppError(
      'CONFLICT',
      row.status === 'VERIFIED'
        ? 'Laporan ini sudah diverifikasi.'
        : 'Laporan ini sudah dikembalikan; tunggu perbaikan dari koperasi.',
    );
  }
  return row;
}

export async function verifyFiling(deps: AppDeps, actor: Actor, id: string): Promise<{ ok: true }> {
  return mutate(deps, actor, async (trx, audit) => {
    const row = await pendingRow(trx, actor, id);
    if (row.kind === 'ANNUAL_MEETING') {
      const missing = await missingRatDocuments(trx, row.cooperative_id, row.fiscal_year);
      if (missing.length) {
        throw new AppError(
          'CONFLICT',
          `Catatan RAT belum dapat diverifikasi: ${missing.join(' dan ')} tahun buku ${row.fiscal_year} belum diunggah.`,
          { documents: missing.join(', ') },
        );
      }
    }
    const at = deps.now().toISOString();
    await trx
      .updateTable('verifications')
      .set({
        status: 'VERIFIED',
        reason: null,
        previous: null,
        decided_by: actor.userId,
        decided_by_name: actor.fullName,
        decided_at: at,
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'verification.verify',
      entityType: 'verification',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes: {
        status: { before: 'PENDING', after: 'VERIFIED' },
        kind: { before: row.kind, after: row.kind },
        entityId: { before: row.entity_id, after: row.entity_id },
      },
    });
    if (row.kind === 'ANNUAL_MEETING' && row.fiscal_year !== null) {
      // The officer verified the RAT against its minutes and attendance list: those stand verified with it.
      const docs = await trx
        .selectFrom('verifications as v')
        .innerJoin('cooperative_documents as d', 'd.id', 'v.entity_id')
        .select(['v.id', 'v.entity_id'])
        .where('v.kind', '=', 'DOCUMENT')
        .where('v.status', '=', 'PENDING')
        .where('d.cooperative_id', '=', row.cooperative_id)
        .where('d.fiscal_year', '=', row.fiscal_year)
        .where('d.status', '=', 'ACTIVE')
        .where('d.kind', 'in', [...RAT_REQUIRED_KINDS])
        .execute();
      for (const d of docs) {
        await trx
          .updateTable('verifications')
          .set({
            status: 'VERIFIED',
            reason: null,
            previous: null,
            decided_by: actor.userId,
            decided_by_name: actor.fullName,
            decided_at: at,
          })
          .where('id', '=', d.id)
          .execute();
        await audit({
          action: 'verification.verify',
          entityType: 'verification',
          entityId: d.id,
          cooperativeId: row.cooperative_id,
          changes: {
            status: { before: 'PENDING', after: 'VERIFIED' },
            kind: { before: 'DOCUMENT', after: 'DOCUMENT' },
            entityId: { before: d.entity_id, after: d.entity_id },
            with: { before: null, after: row.entity_id },
          },
        });
      }
    }
    await onFilingDecided(deps, trx, actor, await filingFacts(trx, row, actor.fullName), null);
    return { ok: true as const };
  });
}

/**
 * A returned change of officers puts back exactly the officers that stood before it (those the
 * Dinas verified or entered), as a new version of the cooperative, audited.
 */
async function restoreOfficers(
  trx: Tx,
  deps: AppDeps,
  audit: (e: AuditInput) => Promise<void>,
  row: Selectable<VerificationTable>,
  why: string,
): Promise<void> {
  const previous = row.previous ? ((JSON.parse(row.previous) as { officers?: Officer[] }).officers ?? []) : [];
  const current = await loadCooperative(trx, row.cooperative_id);
  await replaceOfficers(trx, row.cooperative_id, previous);
  await trx
    .updateTable('cooperatives')
    .set({ version: current.version + 1, updated_at: deps.now().toISOString() })
    .where('id', '=', row.cooperative_id)
    .execute();
  await audit({
    action: 'cooperative.officers_restore',
    entityType: 'cooperative',
    entityId: row.cooperative_id,
    cooperativeId: row.cooperative_id,
    changes: { officers: { before: current.officers, after: previous }, reason: { before: null, after: why } },
  });
}

/**
 * Returns a filing to the cooperative with a reason. What stood before keeps counting; a follow-up
 * claimed done goes back to "in progress", so it is overdue again if its deadline has passed; a
 * change of officers is undone.
 */
export async function returnFiling(deps: AppDeps, actor: Actor, id: string, reason: string): Promise<{ ok: true }> {
  const why = reason.trim();
  if (why.length < 5) throw invalid({ reason: 'Alasan pengembalian wajib diisi (minimal 5 karakter).' });
  return mutate(deps, actor, async (trx, audit) => {
    const row = await pendingRow(trx, actor, id);
    const at = deps.now().toISOString();
    await trx
      .updateTable('verifications')
      .set({
        status: 'RETURNED',
        reason: why,
        decided_by: actor.userId,
        decided_by_name: actor.fullName,
        decided_at: at,
      })
      .where('id', '=', id)
      .execute();
    if (row.kind === 'OFFICERS') await restoreOfficers(trx, deps, audit, row, why);
    if (row.kind === 'FOLLOW_UP') {
      const f = await trx
        .selectFrom('follow_ups')
        .select(['status', 'version'])
        .where('id', '=', row.entity_id)
        .executeTakeFirst();
      if (f?.status === 'done') {
        await trx
          .updateTable('follow_ups')
          .set({
            status: 'in_progress',
            closed_at: null,
            progress_note: `Dikembalikan Dinas: ${why}`,
            version: f.version + 1,
            updated_at: at,
          })
          .where('id', '=', row.entity_id)
          .execute();
        await audit({
          action: 'follow_up.reopen',
          entityType: 'follow_up',
          entityId: row.entity_id,
          cooperativeId: row.cooperative_id,
          changes: { status: { before: 'done', after: 'in_progress' }, reason: { before: null, after: why } },
        });
      }
    }
    await audit({
      action: 'verification.return',
      entityType: 'verification',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes: {
        status: { before: 'PENDING', after: 'RETURNED' },
        reason: { before: null, after: why },
        kind: { before: row.kind, after: row.kind },
      },
    });
    await onFilingDecided(deps, trx, actor, await filingFacts(trx, row, actor.fullName), why);
    return { ok: true as const };
  });
}

/**
 * Follow-ups a cooperative marked done that wait for the Dinas: until verified they still count as
 * open (and overdue past their deadline) in priorities, the dashboard and the overdue list.
 */
export async function followUpsAwaitingVerification(db: Tx): Promise<Set<string>> {
  const rows = await db
    .selectFrom('verifications')
    .select('entity_id')
    .where('kind', '=', 'FOLLOW_UP')
    .where('status', '=', 'PENDING')
    .execute();
  return new Set(rows.map((r) => r.entity_id));
}
