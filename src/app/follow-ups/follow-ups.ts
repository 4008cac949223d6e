import { randomUUID } from 'node:crypto';
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FollowUpTable } from '../../db/schema-visits.js';
import { type Bidang, BIDANG_LABELS } from '../../domain/codes.js';
import { diff } from '../../domain/cooperative.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import type { Aspect, FollowUpFilter, FollowUpStatus, ResponsibleKind } from '../../domain/visits/codes.js';
import { daysOverdue, isClosed, isOverdue, transition, type TransitionInput } from '../../domain/visits/follow-up.js';
import { type Actor, type AppDeps, mutate, type Tx, todayJakarta } from '../context.js';
import type { Page } from '../cooperatives/list-cooperatives.js';
import {
  authorize,
  followUpAbilities,
  followUpPolicy,
  type FollowUpRef,
  guardCooperative,
  guardManage,
  missing,
} from '../policy/index.js';
import { fileForVerification } from '../desk/verifications.js';
import type { VerificationStatus } from '../../domain/desk/verification.js';
import { markAddressed } from '../concerns/concerns.js';
import { jakartaDate } from '../../domain/dates.js';
import { assertWritten, checkVersion, defined } from '../shared/records.js';
import { requireStaffUser } from '../users/staff.js';
import { teamsOf, visitRef } from '../visits/view.js';
import type { FollowUpOut } from '../../contract/visits.js';

export interface Responsible {
  kind: ResponsibleKind;
  bidang: Bidang | null;
  userId: string | null;
}

export interface FollowUpFields {
  recommendation: string;
  aspect: Aspect | null;
  responsible: Responsible;
  deadline: string;
  monitoringPlan: string | null;
}

/** A follow-up as the API answers it (src/contract/visits.ts). */
export type FollowUp = FollowUpOut;

export interface FollowUpQuery {
  status?: FollowUpFilter;
  assignee?: 'me';
  cooperativeId?: string;
  visitId?: string;
  concernId?: string;
  /** Assigned to this bidang, or to one of its officers (the dashboard's grouping per bidang). */
  bidang?: Bidang;
  responsibleKind?: ResponsibleKind;
  page: number;
  pageSize: number;
}

const WHAT = 'Tindak lanjut ini';

function base(db: Tx) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('cooperatives as c', 'c.id', 'f.cooperative_id')
    .leftJoin('users as ru', 'ru.id', 'f.responsible_user_id')
    .leftJoin('verifications as vf', (j) => j.onRef('vf.entity_id', '=', 'f.id').on('vf.kind', '=', 'FOLLOW_UP'))
    .selectAll('f')
    .select([
      'c.name as cooperative_name',
      'ru.full_name as responsible_name',
      'vf.status as verification_status',
      'vf.reason as verification_reason',
    ]);
}
type Row = FollowUpTable & {
  cooperative_name: string;
  responsible_name: string | null;
  verification_status: string | null;
  verification_reason: string | null;
};

export function responsibleLabel(kind: string, bidang: string | null, userName: string | null): string {
  if (kind === 'BIDANG') return BIDANG_LABELS[bidang as Bidang] ?? 'Bidang';
  if (kind === 'USER') return userName ?? 'Petugas';
  return 'Koperasi';
}

function view(r: Row, today: string): FollowUp {
  const status = r.status as FollowUpStatus;
  // A cooperative's "done" waiting for the Dinas is still overdue past its deadline (issue 13).
  const counted: FollowUpStatus = status === 'done' && r.verification_status === 'PENDING' ? 'in_progress' : status;
  return {
    id: r.id,
    cooperative: { id: r.cooperative_id, name: r.cooperative_name },
    visitId: r.visit_id,
    concernId: r.concern_id,
    aspect: r.aspect as Aspect | null,
    recommendation: r.recommendation,
    responsible: {
      kind: r.responsible_kind as ResponsibleKind,
      bidang: r.responsible_bidang as Bidang | null,
      userId: r.responsible_user_id,
      user: r.responsible_user_id ? { id: r.responsible_user_id, fullName: r.responsible_name ?? '' } : null,
      label: responsibleLabel(r.responsible_kind, r.responsible_bidang, r.responsible_name),
    },
    deadline: r.deadline,
    monitoringPlan: r.monitoring_plan,
    status,
    overdue: isOverdue({ status: counted, deadline: r.deadline }, today),
    daysOverdue: daysOverdue({ status: counted, deadline: r.deadline }, today),
    verification: r.verification_status
      ? {
          status: r.verification_status as VerificationStatus,
          ...(r.verification_status === 'RETURNED' && r.verification_reason ? { reason: r.verification_reason } : {}),
        }
      : { status: 'VERIFIED' },
    progressNote: r.progress_note,
    evidence: r.evidence_note
      ? { note: r.evidence_note, photoId: r.evidence_photo_id, documentRef: r.evidence_document }
      : null,
    cancelReason: r.cancel_reason,
    closedAt: r.closed_at,
    createdBy: r.created_by,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function load(deps: AppDeps, db: Tx, id: string): Promise<FollowUp> {
  const row = await base(db).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Tindak lanjut');
  return view(row as Row, todayJakarta(deps));
}

/** The facts policy needs, loaded with a koperasi user refused rather than told what exists. */
export async function followUpRef(
  db: Tx,
  actor: Actor,
  id: string,
): Promise<FollowUpRef & { id: string; status: FollowUpStatus; version: number }> {
  const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing(actor, 'Tindak lanjut', 'Anda hanya dapat melihat tindak lanjut koperasi Anda sendiri.');
  await guardCooperative(db, actor, row.cooperative_id, 'Tindak lanjut');
  authorize(
    followUpPolicy.read,
    actor,
    { cooperativeId: row.cooperative_id },
    'Anda hanya dapat melihat tindak lanjut koperasi Anda sendiri.',
  );
  const team = row.visit_id ? ((await visitRef(db, row.visit_id))?.team ?? []) : [];
  return {
    id: row.id,
    cooperativeId: row.cooperative_id,
    createdBy: row.created_by,
    visitTeam: team,
    responsible: { kind: row.responsible_kind, bidang: row.responsible_bidang, userId: row.responsible_user_id },
    status: row.status as FollowUpStatus,
    version: row.version,
  };
}

export async function getFollowUp(deps: AppDeps, actor: Actor, id: string): Promise<FollowUp> {
  await followUpRef(deps.db.kysely, actor, id);
  return load(deps, deps.db.kysely, id);
}

/** Follow-ups with what the actor may do with each (`can`), from the follow-up policy. */
export async function withFollowUpAbilities<F extends FollowUp>(
  deps: AppDeps,
  actor: Actor,
  items: F[],
): Promise<(F & { can: ReturnType<typeof followUpAbilities> })[]> {
  const teams = await teamsOf(deps.db.kysely, [...new Set(items.flatMap((f) => (f.visitId ? [f.visitId] : [])))]);
  return items.map((f) => ({
    ...f,
    can: followUpAbilities(actor, {
      cooperativeId: f.cooperative.id,
      createdBy: f.createdBy,
      visitTeam: f.visitId ? (teams.get(f.visitId) ?? []).map((m) => m.userId) : [],
      responsible: {
        kind: f.responsible.kind,
        bidang: f.responsible.bidang ?? null,
        userId: f.responsible.userId ?? null,
      },
    }),
  }));
}

type WithF = Database & { f: FollowUpTable };
function filters(actor: Actor, q: FollowUpQuery, today: string) {
  return (eb: ExpressionBuilder<WithF, 'f'>): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [];
    const scope = followUpPolicy.scope(actor, 'f.cooperative_id');
    if (scope) conds.push(scope);
    if (q.cooperativeId) conds.push(eb('f.cooperative_id', '=', q.cooperativeId));
    if (q.visitId) conds.push(eb('f.visit_id', '=', q.visitId));
    if (q.concernId) conds.push(eb('f.concern_id', '=', q.concernId));
    if (q.bidang) {
      conds.push(
        eb.or([
          eb.and([eb('f.responsible_kind', '=', 'BIDANG'), eb('f.responsible_bidang', '=', q.bidang)]),
          eb.and([
            eb('f.responsible_kind', '=', 'USER'),
            eb('f.responsible_user_id', 'in', eb.selectFrom('users').select('id').where('bidang', '=', q.bidang)),
          ]),
        ]),
      );
    }
    if (q.responsibleKind) conds.push(eb('f.responsible_kind', '=', q.responsibleKind));
    if (q.status === 'overdue') {
      // A cooperative's "done" waiting for verification is still open (issue 13).
      const awaiting = eb
        .selectFrom('verifications')
        .select('entity_id')
        .where('kind', '=', 'FOLLOW_UP')
        .where('status', '=', 'PENDING');
      conds.push(
        eb.and([
          eb.or([eb('f.status', 'in', ['open', 'in_progress']), eb('f.id', 'in', awaiting)]),
          eb('f.deadline', '<', today),
        ]),
      );
    } else if (q.status) conds.push(eb('f.status', '=', q.status));
    if (q.assignee === 'me') {
      // Mine: assigned to me by name, to my bidang, or (for a cooperative's account) to my cooperative.
      if (followUpPolicy.mineAreTheCooperatives(actor)) conds.push(eb('f.responsible_kind', '=', 'COOPERATIVE'));
      else {
        const mine: Expression<SqlBool>[] = [eb('f.responsible_user_id', '=', actor.userId ?? '')];
        if (actor.bidang)
          mine.push(eb.and([eb('f.responsible_kind', '=', 'BIDANG'), eb('f.responsible_bidang', '=', actor.bidang)]));
        conds.push(eb.or(mine));
      }
    }
    return eb.and(conds);
  };
}

/** Follow-ups still to do first, the nearest deadline first (overdue ones therefore lead); then the closed ones. */
export async function listFollowUps(deps: AppDeps, actor: Actor, q: FollowUpQuery): Promise<Page<FollowUp>> {
  if (q.cooperativeId) await guardCooperative(deps.db.kysely, actor, q.cooperativeId);
  const db = deps.db.kysely;
  const today = todayJakarta(deps);
  const where = filters(actor, q, today);
  const rows = await base(db)
    .where(where)
    .orderBy(sql`case when f.status in ('done', 'cancelled') then 1 else 0 end`)
    .orderBy('f.deadline')
    .orderBy('f.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const { n } = await db
    .selectFrom('follow_ups as f')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => view(r as Row, today)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

async function checkResponsible(trx: Tx, r: Responsible): Promise<Responsible> {
  if (r.kind === 'BIDANG') {
    if (!r.bidang) throw invalid({ 'responsible.bidang': 'Pilih bidang penanggung jawab.' });
    return { kind: 'BIDANG', bidang: r.bidang, userId: null };
  }
  if (r.kind === 'USER') {
    if (!r.userId) throw invalid({ 'responsible.userId': 'Pilih petugas penanggung jawab.' });
    await requireStaffUser(trx, r.userId, 'responsible.userId');
    return { kind: 'USER', bidang: null, userId: r.userId };
  }
  return { kind: 'COOPERATIVE', bidang: null, userId: null };
}

export interface CreateFollowUpInput extends FollowUpFields {
  id?: string;
  cooperativeId?: string;
  visitId: string | null;
  concernId: string | null;
}

/** A recommendation from a concern or a visit finding. */
export async function createFollowUp(
  deps: AppDeps,
  actor: Actor,
  input: CreateFollowUpInput,
): Promise<{ followUp: FollowUp; created: boolean }> {
  if (input.cooperativeId) await guardManage(deps.db.kysely, actor, input.cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    if (input.id) {
      const existing = await trx
        .selectFrom('follow_ups')
        .select(['id', 'cooperative_id'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (existing) {
        if (input.cooperativeId && existing.cooperative_id !== input.cooperativeId)
          throw new AppError('CONFLICT', 'ID tindak lanjut ini sudah dipakai.', { id: 'Sudah dipakai.' });
        await followUpRef(trx, actor, input.id);
        return { followUp: await load(deps, trx, input.id), created: false };
      }
    }
    if (!input.visitId && !input.concernId)
      throw invalid({ visitId: 'Rekomendasi harus berasal dari sebuah kunjungan (temuan) atau catatan permasalahan.' });
    let cooperativeId = input.cooperativeId ?? null;
    let visitId = input.visitId;
    let earliest = todayJakarta(deps);
    if (input.concernId) {
      const c = await trx
        .selectFrom('concerns')
        .select(['cooperative_id', 'visit_id', 'created_at'])
        .where('id', '=', input.concernId)
        .executeTakeFirst();
      if (!c || (cooperativeId && c.cooperative_id !== cooperativeId))
        throw invalid({ concernId: 'Catatan permasalahan tidak ditemukan untuk koperasi ini.' });
      cooperativeId = c.cooperative_id;
      if (visitId && c.visit_id && c.visit_id !== visitId)
        throw invalid({ visitId: 'Catatan permasalahan ini berasal dari kunjungan lain.' });
      visitId = visitId ?? c.visit_id;
      earliest = jakartaDate(c.created_at) < earliest ? jakartaDate(c.created_at) : earliest;
    }
    let team: string[] = [];
    if (visitId) {
      const v = await visitRef(trx, visitId);
      if (!v || (cooperativeId && v.cooperativeId !== cooperativeId))
        throw invalid({ visitId: 'Kunjungan tidak ditemukan untuk koperasi ini.' });
      if (v.status === 'cancelled')
        throw new AppError('CONFLICT', 'Kunjungan ini sudah dibatalkan.', { visitId: 'Sudah dibatalkan.' });
      cooperativeId = v.cooperativeId;
      team = v.team;
      earliest = v.date;
    }
    await guardManage(trx, actor, cooperativeId!);
    authorize(
      followUpPolicy.create,
      actor,
      { visitTeam: team },
      visitId
        ? 'Hanya anggota tim kunjungan ini (atau admin) yang dapat mencatat rekomendasinya.'
        : 'Hanya petugas dan admin yang dapat mencatat rekomendasi.',
    );
    if (input.deadline < earliest)
      throw invalid({
        deadline: `Tenggat tidak boleh sebelum ${visitId ? 'tanggal kunjungan' : 'hari ini'} (${earliest}).`,
      });
    const responsible = await checkResponsible(trx, input.responsible);
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('follow_ups')
      .values({
        id,
        cooperative_id: cooperativeId!,
        visit_id: visitId,
        concern_id: input.concernId,
        aspect: input.aspect,
        recommendation: input.recommendation.trim(),
        responsible_kind: responsible.kind,
        responsible_bidang: responsible.bidang,
        responsible_user_id: responsible.userId,
        deadline: input.deadline,
        monitoring_plan: input.monitoringPlan?.trim() || null,
        status: 'open',
        progress_note: null,
        evidence_note: null,
        evidence_photo_id: null,
        evidence_document: null,
        cancel_reason: null,
        closed_at: null,
        created_by: actor.userId,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({
      action: 'follow_up.create',
      entityType: 'follow_up',
      entityId: id,
      cooperativeId,
      changes: diff(null, {
        recommendation: input.recommendation,
        aspect: input.aspect,
        responsible,
        deadline: input.deadline,
        monitoringPlan: input.monitoringPlan,
        visitId,
        concernId: input.concernId,
        status: 'open',
      }),
    });
    if (input.concernId) await markAddressed(trx, audit, input.concernId, at);
    return { followUp: await load(deps, trx, id), created: true };
  });
}

/** Changes what was agreed: text, owner, deadline, plan. A closed follow-up stays as it was closed. */
export async function updateFollowUp(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: Partial<FollowUpFields> & { version?: number },
): Promise<FollowUp> {
  return mutate(deps, actor, async (trx, audit) => {
    const ref = await followUpRef(trx, actor, id);
    authorize(
      followUpPolicy.edit,
      actor,
      ref,
      'Hanya yang mencatat rekomendasi ini, tim kunjungannya, atau admin yang dapat mengubahnya.',
    );
    checkVersion(patch.version, ref.version, WHAT);
    if (isClosed(ref.status))
      throw new AppError('CONFLICT', 'Tindak lanjut yang sudah selesai atau dibatalkan tidak dapat diubah.');
    const current = await load(deps, trx, id);
    const currentFields: FollowUpFields = {
      recommendation: current.recommendation,
      aspect: current.aspect,
      deadline: current.deadline,
      monitoringPlan: current.monitoringPlan,
      responsible: {
        kind: current.responsible.kind,
        bidang: current.responsible.bidang,
        userId: current.responsible.userId,
      },
    };
    const { version: _v, ...rest } = patch;
    const clean = defined(rest);
    if (clean.responsible) clean.responsible = await checkResponsible(trx, clean.responsible);
    const changes = diff(currentFields as unknown as Record<string, unknown>, clean);
    if (Object.keys(changes).length === 0) return current;
    const next = { ...currentFields, ...clean };
    if ('deadline' in changes) {
      const visit = current.visitId ? await visitRef(trx, current.visitId) : null;
      const earliest = visit?.date ?? jakartaDate(current.createdAt);
      if (next.deadline < earliest) throw invalid({ deadline: `Tenggat tidak boleh sebelum ${earliest}.` });
    }
    const written = await trx
      .updateTable('follow_ups')
      .set({
        recommendation: next.recommendation.trim(),
        aspect: next.aspect,
        deadline: next.deadline,
        monitoring_plan: next.monitoringPlan?.trim() || null,
        responsible_kind: next.responsible.kind,
        responsible_bidang: next.responsible.bidang,
        responsible_user_id: next.responsible.userId,
        version: ref.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', ref.version)
      .executeTakeFirst();
    assertWritten(written, WHAT);
    await audit({
      action: 'follow_up.update',
      entityType: 'follow_up',
      entityId: id,
      cooperativeId: ref.cooperativeId,
      changes,
    });
    return load(deps, trx, id);
  });
}

/** Moves a follow-up along open → in_progress → done (with evidence) or cancelled (with a reason). */
export async function changeFollowUpStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: TransitionInput & { version?: number },
): Promise<FollowUp> {
  return mutate(deps, actor, async (trx, audit) => {
    const ref = await followUpRef(trx, actor, id);
    const rule = input.to === 'cancelled' ? followUpPolicy.edit : followUpPolicy.progress;
    authorize(
      rule,
      actor,
      ref,
      input.to === 'cancelled'
        ? 'Hanya yang mencatat rekomendasi ini, tim kunjungannya, atau admin yang dapat membatalkannya.'
        : 'Anda bukan penanggung jawab tindak lanjut ini.',
    );
    checkVersion(input.version, ref.version, WHAT);
    const t = transition(ref.status, input);
    if (!t.ok) {
      if (t.conflict) throw new AppError('CONFLICT', Object.values(t.fields)[0]!, t.fields);
      throw invalid(t.fields, 'Perubahan status belum lengkap. Periksa kolom yang ditandai.');
    }
    if (
      t.evidence?.documentRef &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t.evidence.documentRef)
    ) {
      // Evidence may be a document on the cooperative's shelf (a PDF, say), named by its id.
      const doc = await trx
        .selectFrom('cooperative_documents')
        .select('cooperative_id')
        .where('id', '=', t.evidence.documentRef)
        .executeTakeFirst();
      if (!doc || doc.cooperative_id !== ref.cooperativeId)
        throw invalid({ 'evidence.documentRef': 'Dokumen bukti tidak ditemukan untuk koperasi ini.' });
    }
    if (t.evidence?.photoId) {
      const photo = await trx
        .selectFrom('photos')
        .select('cooperative_id')
        .where('id', '=', t.evidence.photoId)
        .executeTakeFirst();
      if (!photo || photo.cooperative_id !== ref.cooperativeId)
        throw invalid({ 'evidence.photoId': 'Foto bukti tidak ditemukan untuk koperasi ini.' });
    }
    const at = deps.now().toISOString();
    const written = await trx
      .updateTable('follow_ups')
      .set({
        status: t.status,
        ...(t.status === 'in_progress' && t.note ? { progress_note: t.note } : {}),
        ...(t.evidence
          ? {
              evidence_note: t.evidence.note,
              evidence_photo_id: t.evidence.photoId,
              evidence_document: t.evidence.documentRef,
            }
          : {}),
        ...(t.reason ? { cancel_reason: t.reason } : {}),
        ...(isClosed(t.status) ? { closed_at: at } : {}),
        version: ref.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', ref.version)
      .executeTakeFirst();
    assertWritten(written, WHAT);
    if (t.status === 'done') {
      await fileForVerification(trx, deps, actor, audit, {
        cooperativeId: ref.cooperativeId,
        kind: 'FOLLOW_UP',
        entityId: id,
        fiscalYear: null,
        summary: `Tindak lanjut selesai: ${t.evidence?.note ?? ''}`.slice(0, 300),
        previous: null,
      });
    }
    await audit({
      action: `follow_up.${t.status === 'in_progress' ? 'start' : t.status === 'done' ? 'complete' : 'cancel'}`,
      entityType: 'follow_up',
      entityId: id,
      cooperativeId: ref.cooperativeId,
      changes: {
        status: { before: ref.status, after: t.status },
        ...(t.note ? { progressNote: { before: null, after: t.note } } : {}),
        ...(t.evidence ? { evidence: { before: null, after: t.evidence } } : {}),
        ...(t.reason ? { cancelReason: { before: null, after: t.reason } } : {}),
      },
    });
    return load(deps, trx, id);
  });
}
