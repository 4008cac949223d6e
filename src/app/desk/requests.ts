import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { CooperativeRequestTable } from '../../db/schema-desk.js';
import { type Bidang, BIDANG_LABELS } from '../../domain/codes.js';
import {
  OPEN_REQUEST_STATUSES,
  REQUEST_BIDANG,
  REQUEST_KIND_LABELS,
  REQUEST_OUTCOME_LABELS,
  REQUEST_PURPOSES,
  type RequestKind,
  type RequestOutcome,
  type RequestStatus,
} from '../../domain/desk/requests.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, todayJakarta, withinTransaction } from '../context.js';
import { loadCooperative } from '../cooperatives/view.js';
import { createVisit } from '../visits/visits.js';
import { authorize, guardManage, requestPolicy } from '../policy/index.js';
import type { RequestOut } from '../../contract/desk.js';

/** A cooperative's request as the API answers it (src/contract/desk.ts). */
export type CooperativeRequest = RequestOut;

type Row = Selectable<CooperativeRequestTable> & { coop_name: string; district_code: string; district_name: string };
const view = (r: Row): CooperativeRequest => ({
  id: r.id,
  cooperative: { id: r.cooperative_id, name: r.coop_name, district: { code: r.district_code, name: r.district_name } },
  kind: r.kind as RequestKind,
  kindLabel: REQUEST_KIND_LABELS[r.kind as RequestKind] ?? r.kind,
  bidang: r.bidang as Bidang,
  bidangLabel: BIDANG_LABELS[r.bidang as Bidang] ?? r.bidang,
  message: r.message,
  status: r.status as RequestStatus,
  visitId: r.visit_id,
  createdBy: r.created_by_name,
  createdAt: r.created_at,
  closure:
    r.status === 'CLOSED' && r.outcome
      ? {
          outcome: r.outcome as RequestOutcome,
          outcomeLabel: REQUEST_OUTCOME_LABELS[r.outcome as RequestOutcome] ?? r.outcome,
          note: r.closing_note ?? '',
          by: r.closed_by_name ?? '',
          at: r.closed_at ?? '',
        }
      : null,
});

const base = (deps: AppDeps) =>
  deps.db.kysely
    .selectFrom('cooperative_requests as r')
    .innerJoin('cooperatives as c', 'c.id', 'r.cooperative_id')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .selectAll('r')
    .select(['c.name as coop_name', 'c.district_code', 'd.name as district_name']);

/** A cooperative asks the Dinas for a visit, a consultation or help with a business unit; it lands in the right division's queue. */
export async function createRequest(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  input: { kind: RequestKind; message: string },
): Promise<CooperativeRequest> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  authorize(requestPolicy.create, actor, null);
  const message = input.message.trim();
  if (message.length < 10) throw invalid({ message: 'Uraikan permintaan Anda (minimal 10 karakter).' });
  const id = randomUUID();
  await mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    if (coop.status === 'DIBUBARKAN') throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan.');
    const at = deps.now().toISOString();
    const bidang = REQUEST_BIDANG[input.kind];
    await trx
      .insertInto('cooperative_requests')
      .values({
        id,
        cooperative_id: cooperativeId,
        kind: input.kind,
        bidang,
        message,
        status: 'OPEN',
        visit_id: null,
        created_by: actor.userId,
        created_by_name: actor.fullName,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({
      action: 'request.create',
      entityType: 'cooperative_request',
      entityId: id,
      cooperativeId,
      changes: {
        kind: { before: null, after: input.kind },
        bidang: { before: null, after: bidang },
        message: { before: null, after: message },
      },
    });
  });
  return view(await base(deps).where('r.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * Staff see the queue (a petugas their own division's unless another is asked for); a cooperative sees its own requests.
 * `open` keeps only those still to handle (waiting or planned), as the queue does.
 */
export async function listRequests(
  deps: AppDeps,
  actor: Actor,
  q: { status?: RequestStatus; open?: boolean; bidang?: Bidang; cooperativeId?: string },
): Promise<CooperativeRequest[]> {
  let query = base(deps);
  const scope = requestPolicy.scope(actor, 'r.cooperative_id');
  if (scope) query = query.where(scope);
  else if (q.cooperativeId) query = query.where('r.cooperative_id', '=', q.cooperativeId);
  const bidang = q.bidang ?? requestPolicy.defaultBidang(actor);
  if (bidang && requestPolicy.filtersByBidang(actor)) query = query.where('r.bidang', '=', bidang);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.open) query = query.where('r.status', 'in', [...OPEN_REQUEST_STATUSES]);
  const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id').limit(200).execute();
  return rows.map(view);
}

/** Turns a request into a planned visit (the officer on its team, as leader) and links them. */
export async function planVisitFromRequest(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { date: string },
): Promise<CooperativeRequest> {
  authorize(requestPolicy.plan, actor, null, 'Hanya petugas dan admin yang dapat merencanakan kunjungan.');
  if (input.date < todayJakarta(deps)) throw invalid({ date: 'Tanggal kunjungan tidak boleh di masa lalu.' });
  await mutate(deps, actor, async (trx, audit) => {
    const row = await trx.selectFrom('cooperative_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Permintaan');
    if (row.status !== 'OPEN') throw new AppError('CONFLICT', 'Permintaan ini sudah direncanakan atau ditutup.');
    const { visit } = await createVisit(withinTransaction(deps, trx), actor, {
      cooperativeId: row.cooperative_id,
      programId: null,
      annualMeetingId: null,
      date: input.date,
      startTime: null,
      endTime: null,
      purposes: REQUEST_PURPOSES[row.kind as RequestKind] ?? ['PEMBINAAN'],
      team: actor.userId ? [{ userId: actor.userId, leader: true }] : [],
      businessUnitIds: [],
    });
    await trx
      .updateTable('cooperative_requests')
      .set({ status: 'PLANNED', visit_id: visit.id, updated_at: deps.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'request.plan_visit',
      entityType: 'cooperative_request',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes: { status: { before: 'OPEN', after: 'PLANNED' }, visitId: { before: null, after: visit.id } },
    });
  });
  return view(await base(deps).where('r.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * An officer closes a request — handled ("Selesai") or declined ("Ditolak") — with a note the
 * cooperative reads. It leaves the open queue; a planned visit stays as it is.
 */
export async function closeRequest(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { outcome: RequestOutcome; note: string },
): Promise<CooperativeRequest> {
  authorize(requestPolicy.close, actor, null, 'Hanya petugas dan admin yang dapat menutup permintaan.');
  const note = input.note.trim();
  if (note.length < 5) throw invalid({ note: 'Tuliskan catatan penutupan untuk koperasi (minimal 5 karakter).' });
  await mutate(deps, actor, async (trx, audit) => {
    const row = await trx.selectFrom('cooperative_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Permintaan');
    if (row.status === 'CLOSED') throw new AppError('CONFLICT', 'Permintaan ini sudah ditutup.');
    const at = deps.now().toISOString();
    await trx
      .updateTable('cooperative_requests')
      .set({
        status: 'CLOSED',
        outcome: input.outcome,
        closing_note: note,
        closed_by: actor.userId,
        closed_by_name: actor.fullName,
        closed_at: at,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .execute();
    await audit({
      action: 'request.close',
      entityType: 'cooperative_request',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes: {
        status: { before: row.status, after: 'CLOSED' },
        outcome: { before: null, after: input.outcome },
        note: { before: null, after: note },
      },
    });
  });
  return view(await base(deps).where('r.id', '=', id).executeTakeFirstOrThrow());
}
