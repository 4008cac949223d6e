import { randomUUID } from 'node:crypto';
import { diff, insideBbox } from '../../domain/cooperative.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import {
  checkAnswers,
  type Checklist,
  type ChecklistAnswer,
  DEFAULT_CHECKLIST,
} from '../../domain/visits/checklist.js';
import type { Aspect, AttendeeRole, Gender, VisitPurpose, VisitStatus } from '../../domain/visits/codes.js';
import { canMoveVisit, visitMoveRefusal } from '../../domain/visits/visit-status.js';
import { type Actor, type AppDeps, mutate, type Tx, todayJakarta } from '../context.js';
import { onVisitCreated, onVisitMoved, onVisitUpdated } from '../notifications/hooks.js';
import { authorize, guardCooperative, guardManage, missing, visitPolicy } from '../policy/index.js';
import { addDays } from '../../domain/dates.js';
import { assertWritten, checkVersion, defined } from '../shared/records.js';
import { loadUsers } from '../users/staff.js';
import { loadVisit, type Visit, visitRef } from './view.js';
import { officeBbox, officeOfCooperative } from '../offices/ownership.js';

export interface TeamInput {
  userId: string;
  leader: boolean;
}
export interface AttendeeInput {
  name: string;
  role: AttendeeRole;
  gender: Gender;
}

export interface PlanFields {
  programId: string | null;
  annualMeetingId: string | null;
  date: string;
  startTime: string | null;
  endTime: string | null;
  purposes: VisitPurpose[];
  team: TeamInput[];
  businessUnitIds: string[];
}

export interface CreateVisitInput extends PlanFields {
  /** A client-generated id (field mode): sending the same create twice makes one visit. */
  id?: string;
  cooperativeId: string;
}

export interface UpdateVisitInput extends Partial<PlanFields> {
  attendance?: AttendeeInput[];
  findings?: Partial<Record<Aspect, string | null>>;
  checklist?: Record<string, ChecklistAnswer | null>;
  gps?: { lat: number; lng: number; accuracy: number | null; at: string | null } | null;
  version?: number;
}

const WHAT = 'Kunjungan ini';
/** How far ahead a visit may be planned; further is a typo, not a plan. */
const MAX_YEARS_AHEAD = 2;
const EARLIEST = '2000-01-01';

/** Rules of a plan that need the database: team members, the cooperative's RAT and units, the program period. */
async function checkPlan(
  deps: AppDeps,
  trx: Tx,
  actor: Actor,
  cooperativeId: string,
  p: PlanFields,
  status: VisitStatus,
): Promise<void> {
  const fields: Record<string, string> = {};
  const today = todayJakarta(deps);
  if (p.date < EARLIEST || p.date > addDays(today, 366 * MAX_YEARS_AHEAD)) {
    fields.date = `Tanggal kunjungan tidak masuk akal (antara ${EARLIEST} dan ${MAX_YEARS_AHEAD} tahun ke depan).`;
  } else if (status === 'done' && p.date > today) {
    fields.date = 'Kunjungan yang sudah selesai tidak boleh bertanggal di masa depan.';
  }
  if (p.startTime && p.endTime && p.endTime <= p.startTime) fields.endTime = 'Jam selesai harus setelah jam mulai.';
  if (p.endTime && !p.startTime) fields.startTime = 'Isi jam mulai bila jam selesai diisi.';
  if (p.purposes.length === 0) fields.purposes = 'Pilih minimal satu tujuan kunjungan.';
  else if (new Set(p.purposes).size !== p.purposes.length) fields.purposes = 'Tujuan kunjungan tidak boleh berulang.';

  const leaders = p.team.filter((m) => m.leader).length;
  const ids = p.team.map((m) => m.userId);
  if (p.team.length === 0) fields.team = 'Tim kunjungan wajib diisi, dengan tepat satu ketua tim.';
  else if (leaders !== 1)
    fields.team = leaders === 0 ? 'Tim harus memiliki satu ketua tim.' : 'Tim hanya boleh memiliki satu ketua tim.';
  else if (new Set(ids).size !== ids.length) fields.team = 'Anggota tim tidak boleh tercantum dua kali.';
  else {
    const users = await loadUsers(trx, ids);
    p.team.forEach((m, i) => {
      const u = users.get(m.userId);
      if (!u || u.disabled || !visitPolicy.mayJoinTeam(u))
        fields[`team.${i}.userId`] = 'Pengguna tidak ditemukan atau bukan petugas Dinas yang aktif.';
    });
    if (visitPolicy.mustJoinTeam(actor, ids)) {
      fields.team = 'Anda harus termasuk dalam tim kunjungan yang Anda rencanakan atau ubah.';
    }
  }

  if (p.annualMeetingId) {
    const m = await trx
      .selectFrom('annual_meetings')
      .select(['cooperative_id', 'held_on', 'fiscal_year'])
      .where('id', '=', p.annualMeetingId)
      .executeTakeFirst();
    if (!m || m.cooperative_id !== cooperativeId)
      fields.annualMeetingId = 'RAT ini bukan milik koperasi yang dikunjungi.';
    else if (m.held_on !== p.date)
      fields.annualMeetingId = `RAT tahun buku ${m.fiscal_year} diadakan pada ${m.held_on}; tanggal kunjungan harus sama.`;
  }
  if (p.programId) {
    const prog = await trx
      .selectFrom('programs')
      .select(['period_start', 'period_end', 'name'])
      .where('id', '=', p.programId)
      .executeTakeFirst();
    if (!prog) fields.programId = 'Program tidak ditemukan.';
    else if (p.date < prog.period_start || p.date > prog.period_end) {
      fields.date = `Tanggal kunjungan di luar periode program ${prog.name} (${prog.period_start} s.d. ${prog.period_end}).`;
    }
  }
  if (p.businessUnitIds.length) {
    const units = await trx
      .selectFrom('business_units')
      .select('id')
      .where('cooperative_id', '=', cooperativeId)
      .where('id', 'in', p.businessUnitIds)
      .execute();
    const found = new Set(units.map((u) => u.id));
    p.businessUnitIds.forEach((id, i) => {
      if (!found.has(id)) fields[`businessUnitIds.${i}`] = 'Unit usaha ini bukan milik koperasi yang dikunjungi.';
    });
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

async function writeTeam(trx: Tx, visitId: string, team: TeamInput[]) {
  await trx.deleteFrom('visit_team').where('visit_id', '=', visitId).execute();
  await trx
    .insertInto('visit_team')
    .values(team.map((m, i) => ({ visit_id: visitId, user_id: m.userId, position: i, leader: m.leader ? 1 : 0 })))
    .execute();
}

async function writeUnits(trx: Tx, visitId: string, ids: string[]) {
  await trx.deleteFrom('visit_business_units').where('visit_id', '=', visitId).execute();
  if (ids.length)
    await trx
      .insertInto('visit_business_units')
      .values([...new Set(ids)].map((id) => ({ visit_id: visitId, business_unit_id: id })))
      .execute();
}

async function writeAttendance(trx: Tx, visitId: string, list: AttendeeInput[]) {
  await trx.deleteFrom('visit_attendees').where('visit_id', '=', visitId).execute();
  for (let i = 0; i < list.length; i += 100) {
    await trx
      .insertInto('visit_attendees')
      .values(
        list.slice(i, i + 100).map((a, j) => ({
          id: randomUUID(),
          visit_id: visitId,
          position: i + j,
          name: a.name.replace(/\s+/g, ' ').trim(),
          role: a.role,
          gender: a.gender,
        })),
      )
      .execute();
  }
}

/** Reads one visit; a koperasi user asking for another cooperative's visit is refused, not told it exists. */
export async function getVisit(deps: AppDeps, actor: Actor, id: string): Promise<Visit> {
  const ref = await visitRef(deps.db.kysely, id);
  if (!ref) throw missing(actor, 'Kunjungan', 'Anda hanya dapat melihat kunjungan ke koperasi Anda sendiri.');
  await guardCooperative(
    deps.db.kysely,
    actor,
    ref.cooperativeId,
    'Kunjungan',
    'Anda hanya dapat melihat kunjungan ke koperasi Anda sendiri.',
  );
  authorize(visitPolicy.read, actor, ref, 'Anda hanya dapat melihat kunjungan ke koperasi Anda sendiri.');
  return loadVisit(deps.db.kysely, id, actor);
}

/** Loads a visit for a change, checking who may change it and that it is not closed. */
export async function editableVisit(trx: Tx, actor: Actor, id: string, rule: 'edit' | 'cancel' = 'edit') {
  const ref = await visitRef(trx, id);
  if (!ref) throw missing(actor, 'Kunjungan');
  await guardManage(trx, actor, ref.cooperativeId, 'Kunjungan');
  if (!visitPolicy[rule](actor, ref)) {
    throw new AppError('FORBIDDEN', 'Hanya anggota tim kunjungan ini (atau admin) yang dapat mengubahnya.', {
      team: 'Anda bukan anggota tim kunjungan ini.',
    });
  }
  return ref;
}

export async function createVisit(
  deps: AppDeps,
  actor: Actor,
  input: CreateVisitInput,
): Promise<{ visit: Visit; created: boolean }> {
  authorize(visitPolicy.plan, actor, null, 'Hanya petugas dan admin yang dapat merencanakan kunjungan.');
  await guardManage(deps.db.kysely, actor, input.cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    if (input.id) {
      const existing = await visitRef(trx, input.id);
      if (existing) {
        if (existing.cooperativeId !== input.cooperativeId)
          throw new AppError('CONFLICT', 'ID kunjungan ini sudah dipakai untuk kunjungan lain.', {
            id: 'Sudah dipakai.',
          });
        authorize(visitPolicy.read, actor, existing);
        return { visit: await loadVisit(trx, input.id, actor), created: false };
      }
    }
    const coop = await trx
      .selectFrom('cooperatives')
      .select(['id', 'status'])
      .where('id', '=', input.cooperativeId)
      .executeTakeFirst();
    if (!coop) throw invalid({ cooperativeId: 'Koperasi tidak ditemukan.' });
    if (coop.status === 'DIBUBARKAN')
      throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; tidak dapat dikunjungi dalam program pembinaan.', {
        cooperativeId: 'Sudah dibubarkan.',
      });
    await checkPlan(deps, trx, actor, input.cooperativeId, input, 'planned');
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('visits')
      .values({
        id,
        office_id: await officeOfCooperative(trx, input.cooperativeId),
        cooperative_id: input.cooperativeId,
        program_id: input.programId,
        annual_meeting_id: input.annualMeetingId,
        visit_date: input.date,
        start_time: input.startTime,
        end_time: input.endTime,
        purposes: JSON.stringify(input.purposes),
        status: 'planned',
        cancel_reason: null,
        findings: '{}',
        checklist: null,
        gps_lat: null,
        gps_lng: null,
        gps_accuracy: null,
        gps_at: null,
        approved_by: null,
        approved_at: null,
        completed_at: null,
        cancelled_at: null,
        created_by: actor.userId,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await writeTeam(trx, id, input.team);
    await writeUnits(trx, id, input.businessUnitIds);
    const { id: _id, cooperativeId: _c, ...plan } = input;
    await audit({
      action: 'visit.create',
      entityType: 'visit',
      entityId: id,
      cooperativeId: input.cooperativeId,
      changes: diff(null, { ...plan, status: 'planned' }),
    });
    const visit = await loadVisit(trx, id, actor);
    await onVisitCreated(deps, trx, actor, visit);
    return { visit, created: true };
  });
}

async function checkRecord(deps: AppDeps, db: Tx, input: UpdateVisitInput): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (input.checklist) Object.assign(fields, checkAnswers(DEFAULT_CHECKLIST, input.checklist));
  if (input.gps) {
    const b = await officeBbox(db, deps.config.bbox);
    if (b && !insideBbox(input.gps.lat, input.gps.lng, b)) {
      fields.gps = 'Posisi GPS berada di luar wilayah kerja Dinas. Periksa kembali atau ambil ulang posisi.';
    }
    if (input.gps.at && Date.parse(input.gps.at) > deps.now().getTime() + 5 * 60_000)
      fields['gps.at'] = 'Waktu pengambilan posisi tidak boleh di masa depan.';
  }
  return fields;
}

/**
 * Changes a visit's plan or its record (attendance, findings, checklist, GPS, units). Moving an
 * approved visit to another date or team sends it back for approval. A cancelled visit is closed.
 */
export async function updateVisit(deps: AppDeps, actor: Actor, id: string, input: UpdateVisitInput): Promise<Visit> {
  return mutate(deps, actor, async (trx, audit) => {
    const ref = await editableVisit(trx, actor, id);
    checkVersion(input.version, ref.version, WHAT);
    if (ref.status === 'cancelled')
      throw new AppError('CONFLICT', 'Kunjungan ini sudah dibatalkan; datanya tidak dapat diubah lagi.');
    const recordErrors = await checkRecord(deps, trx, input);
    if (Object.keys(recordErrors).length) throw invalid(recordErrors);

    const current = await loadVisit(trx, id, actor);
    const currentPlan: PlanFields = {
      programId: current.programId,
      annualMeetingId: current.annualMeetingId,
      date: current.date,
      startTime: current.startTime,
      endTime: current.endTime,
      purposes: current.purposes,
      team: current.team.map((m) => ({ userId: m.userId, leader: m.leader })),
      businessUnitIds: current.businessUnitIds,
    };
    const planPatch = defined({
      programId: input.programId,
      annualMeetingId: input.annualMeetingId,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      purposes: input.purposes,
      team: input.team,
      businessUnitIds: input.businessUnitIds,
    });
    const nextPlan: PlanFields = { ...currentPlan, ...planPatch };
    const planChanges = diff(currentPlan as unknown as Record<string, unknown>, planPatch);
    if (Object.keys(planChanges).length) await checkPlan(deps, trx, actor, ref.cooperativeId, nextPlan, ref.status);

    const nextFindings = input.findings ? { ...current.findings, ...defined(input.findings) } : current.findings;
    let nextChecklist: Checklist | null = current.checklist;
    if (input.checklist) {
      const answers = { ...(current.checklist?.answers ?? {}) };
      for (const [code, a] of Object.entries(input.checklist)) {
        if (a === null) delete answers[code];
        else answers[code] = { result: a.result, note: a.note?.trim() || null };
      }
      nextChecklist = { version: DEFAULT_CHECKLIST.version, answers };
    }
    const recordChanges = diff(
      { attendance: current.attendance, findings: current.findings, checklist: current.checklist, gps: current.gps },
      defined({
        attendance: input.attendance,
        findings: input.findings ? nextFindings : undefined,
        checklist: input.checklist ? nextChecklist : undefined,
        gps: input.gps === undefined ? undefined : input.gps,
      }),
    );
    const changes = { ...planChanges, ...recordChanges };
    if (Object.keys(changes).length === 0) return current;

    // A plan that moved in time or people needs a fresh approval.
    const reapprove = ref.status === 'approved' && ('date' in planChanges || 'team' in planChanges);
    if (reapprove) changes.status = { before: 'approved', after: 'planned' };
    const gps = input.gps === undefined ? current.gps : input.gps;
    const written = await trx
      .updateTable('visits')
      .set({
        program_id: nextPlan.programId,
        annual_meeting_id: nextPlan.annualMeetingId,
        visit_date: nextPlan.date,
        start_time: nextPlan.startTime,
        end_time: nextPlan.endTime,
        purposes: JSON.stringify(nextPlan.purposes),
        findings: JSON.stringify(nextFindings),
        checklist: nextChecklist ? JSON.stringify(nextChecklist) : null,
        gps_lat: gps?.lat ?? null,
        gps_lng: gps?.lng ?? null,
        gps_accuracy: gps?.accuracy ?? null,
        gps_at: gps ? (gps.at ?? deps.now().toISOString()) : null,
        ...(reapprove ? { status: 'planned', approved_by: null, approved_at: null } : {}),
        version: ref.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', ref.version)
      .executeTakeFirst();
    assertWritten(written, WHAT);
    if ('team' in planChanges) await writeTeam(trx, id, nextPlan.team);
    if ('businessUnitIds' in planChanges) await writeUnits(trx, id, nextPlan.businessUnitIds);
    if (input.attendance) await writeAttendance(trx, id, input.attendance);
    await audit({
      action: 'visit.update',
      entityType: 'visit',
      entityId: id,
      cooperativeId: ref.cooperativeId,
      changes,
    });
    const after = await loadVisit(trx, id, actor);
    await onVisitUpdated(deps, trx, actor, current, after);
    return after;
  });
}

async function move(
  deps: AppDeps,
  actor: Actor,
  id: string,
  to: VisitStatus,
  opts: { version?: number; reason?: string },
): Promise<Visit> {
  return mutate(deps, actor, async (trx, audit) => {
    const ref =
      to === 'approved'
        ? await (async () => {
            authorize(
              visitPolicy.approve,
              actor,
              null,
              'Hanya pimpinan dan admin yang dapat menyetujui rencana kunjungan.',
            );
            const r = await visitRef(trx, id);
            if (!r) throw notFound('Kunjungan');
            return r;
          })()
        : await editableVisit(trx, actor, id, to === 'cancelled' ? 'cancel' : 'edit');
    checkVersion(opts.version, ref.version, WHAT);
    if (!canMoveVisit(ref.status, to))
      throw new AppError('CONFLICT', visitMoveRefusal(ref.status, to), { status: visitMoveRefusal(ref.status, to) });
    const at = deps.now().toISOString();
    if (to === 'done' && ref.date > todayJakarta(deps)) {
      throw invalid(
        { status: `Kunjungan bertanggal ${ref.date} belum dapat ditandai selesai.` },
        'Kunjungan belum terjadi.',
      );
    }
    const reason = opts.reason?.trim() ?? '';
    if (to === 'cancelled' && reason.length < 5)
      throw invalid({ reason: 'Alasan pembatalan wajib diisi (minimal 5 karakter).' });
    const written = await trx
      .updateTable('visits')
      .set({
        status: to,
        ...(to === 'approved' ? { approved_by: actor.userId, approved_at: at } : {}),
        ...(to === 'done' ? { completed_at: at } : {}),
        ...(to === 'cancelled' ? { cancelled_at: at, cancel_reason: reason } : {}),
        version: ref.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', ref.version)
      .executeTakeFirst();
    assertWritten(written, WHAT);
    const action = {
      approved: 'visit.approve',
      done: 'visit.complete',
      cancelled: 'visit.cancel',
      planned: 'visit.update',
    }[to];
    await audit({
      action,
      entityType: 'visit',
      entityId: id,
      cooperativeId: ref.cooperativeId,
      changes: {
        status: { before: ref.status, after: to },
        ...(to === 'cancelled' ? { cancelReason: { before: null, after: reason } } : {}),
      },
    });
    const visit = await loadVisit(trx, id, actor);
    await onVisitMoved(deps, trx, actor, visit);
    return visit;
  });
}

export const approveVisit = (deps: AppDeps, actor: Actor, id: string, version?: number) =>
  move(deps, actor, id, 'approved', defined({ version }));
export const completeVisit = (deps: AppDeps, actor: Actor, id: string, version?: number) =>
  move(deps, actor, id, 'done', defined({ version }));
export const cancelVisit = (deps: AppDeps, actor: Actor, id: string, reason: string, version?: number) =>
  move(deps, actor, id, 'cancelled', defined({ version, reason }));
