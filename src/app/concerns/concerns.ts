import { randomUUID } from 'node:crypto';
import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ConcernTable } from '../../db/schema-visits.js';
import { diff } from '../../domain/cooperative.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import type { ConcernKind, ConcernStatus, ConcernTopic, Severity } from '../../domain/visits/codes.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import { onConcernRaised, onConcernUpdated } from '../notifications/hooks.js';
import type { Page } from '../cooperatives/list-cooperatives.js';
import { authorize, concernPolicy, guardCooperative, guardManage, hideAbsence } from '../policy/index.js';
import { assertWritten, checkVersion, defined } from '../shared/records.js';
import { visitRef } from '../visits/view.js';
import { addDays, jakartaDayStart } from '../../domain/dates.js';
import type { ConcernOut } from '../../contract/visits.js';

export interface ConcernFields {
  kind: ConcernKind;
  topic: ConcernTopic;
  description: string;
  raisedBy: string;
  severity: Severity;
}

/** A concern as the API answers it (src/contract/visits.ts). */
export type Concern = ConcernOut;

export interface ConcernQuery {
  cooperativeId?: string;
  visitId?: string;
  status?: ConcernStatus;
  kind?: ConcernKind;
  topic?: ConcernTopic;
  severity?: Severity;
  unseen?: boolean;
  /** Kecamatan code of the cooperative. */
  district?: string;
  /** Where the concern came from (see Concern.raisedVia). */
  raisedVia?: 'VISIT' | 'PORTAL' | 'DINAS';
  /** Recorded on or after / on or before this day (YYYY-MM-DD, Asia/Jakarta). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const WHAT = 'Catatan permasalahan ini';

function base(db: Tx) {
  return db
    .selectFrom('concerns as cn')
    .innerJoin('cooperatives as c', 'c.id', 'cn.cooperative_id')
    .leftJoin('users as u', 'u.id', 'cn.created_by')
    .selectAll('cn')
    .select((eb) => [
      'c.name as cooperative_name',
      'u.role as creator_role',
      eb
        .selectFrom('follow_ups as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.concern_id', '=', 'cn.id')
        .as('follow_up_count'),
    ]);
}

type Row = ConcernTable & {
  cooperative_name: string;
  creator_role: string | null;
  follow_up_count: number | string | null;
};

function view(r: Row): Concern {
  return {
    id: r.id,
    cooperative: { id: r.cooperative_id, name: r.cooperative_name },
    visitId: r.visit_id,
    raisedVia: r.visit_id
      ? 'VISIT'
      : concernPolicy.raisedFromPortal({ role: r.creator_role ?? '' })
        ? 'PORTAL'
        : 'DINAS',
    kind: r.kind as ConcernKind,
    topic: r.topic as ConcernTopic,
    description: r.description,
    raisedBy: r.raised_by,
    severity: r.severity as Severity,
    status: r.status as ConcernStatus,
    response: r.response,
    seenAt: r.seen_at,
    followUps: Number(r.follow_up_count ?? 0),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadConcern(db: Tx, id: string): Promise<Concern> {
  const row = await base(db).where('cn.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Catatan permasalahan');
  return view(row as Row);
}

/** A koperasi user asking for another cooperative's concern is refused, not told whether it exists. */
async function visible(db: Tx, actor: Actor, id: string): Promise<Concern> {
  const c = await loadConcern(db, id).catch(
    hideAbsence(actor, 'Anda hanya dapat melihat catatan koperasi Anda sendiri.'),
  );
  authorize(
    concernPolicy.read,
    actor,
    { cooperativeId: c.cooperative.id },
    'Anda hanya dapat melihat catatan koperasi Anda sendiri.',
  );
  await guardCooperative(db, actor, c.cooperative.id, 'Catatan permasalahan');
  return c;
}

export const getConcern = (deps: AppDeps, actor: Actor, id: string) => visible(deps.db.kysely, actor, id);

type WithCn = Database & { cn: ConcernTable };
function filters(actor: Actor, q: ConcernQuery) {
  return (eb: ExpressionBuilder<WithCn, 'cn'>): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [];
    const scope = concernPolicy.scope(actor, 'cn.cooperative_id');
    if (scope) conds.push(scope);
    if (q.cooperativeId) conds.push(eb('cn.cooperative_id', '=', q.cooperativeId));
    if (q.visitId) conds.push(eb('cn.visit_id', '=', q.visitId));
    if (q.status) conds.push(eb('cn.status', '=', q.status));
    if (q.kind) conds.push(eb('cn.kind', '=', q.kind));
    if (q.topic) conds.push(eb('cn.topic', '=', q.topic));
    if (q.severity) conds.push(eb('cn.severity', '=', q.severity));
    if (q.unseen) conds.push(eb('cn.seen_at', 'is', null));
    // Jakarta is UTC+7 all year: its day D starts at D−1 17:00 UTC.
    if (q.from) conds.push(eb('cn.created_at', '>=', jakartaDayStart(q.from)));
    if (q.to) conds.push(eb('cn.created_at', '<', jakartaDayStart(addDays(q.to, 1))));
    if (q.district)
      conds.push(
        eb(
          'cn.cooperative_id',
          'in',
          eb.selectFrom('cooperatives').select('id').where('district_code', '=', q.district),
        ),
      );
    if (q.raisedVia === 'VISIT') conds.push(eb('cn.visit_id', 'is not', null));
    else if (q.raisedVia) {
      const byCoop = eb('cn.created_by', 'in', eb.selectFrom('users').select('id').where('role', '=', 'koperasi'));
      conds.push(
        eb.and([
          eb('cn.visit_id', 'is', null),
          q.raisedVia === 'PORTAL' ? byCoop : eb.or([eb('cn.created_by', 'is', null), eb.not(byCoop)]),
        ]),
      );
    }
    return eb.and(conds);
  };
}

/** The Dinas inbox and each cooperative's list: newest first. */
export async function listConcerns(deps: AppDeps, actor: Actor, q: ConcernQuery): Promise<Page<Concern>> {
  if (q.cooperativeId) await guardCooperative(deps.db.kysely, actor, q.cooperativeId);
  const db = deps.db.kysely;
  const where = filters(actor, q);
  const rows = await base(db)
    .where(where)
    .orderBy('cn.created_at', 'desc')
    .orderBy('cn.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const { n } = await db
    .selectFrom('concerns as cn')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => view(r as Row)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

export interface RaiseConcernInput extends Omit<ConcernFields, 'raisedBy' | 'severity'> {
  id?: string;
  cooperativeId: string;
  visitId: string | null;
  raisedBy: string | null;
  severity: Severity;
}

export async function raiseConcern(
  deps: AppDeps,
  actor: Actor,
  input: RaiseConcernInput,
): Promise<{ concern: Concern; created: boolean }> {
  await guardManage(deps.db.kysely, actor, input.cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    if (input.id) {
      const existing = await trx
        .selectFrom('concerns')
        .select(['id', 'cooperative_id'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (existing) {
        if (existing.cooperative_id !== input.cooperativeId)
          throw new AppError('CONFLICT', 'ID catatan ini sudah dipakai.', { id: 'Sudah dipakai.' });
        return { concern: await loadConcern(trx, input.id), created: false };
      }
    }
    const coop = await trx
      .selectFrom('cooperatives')
      .select(['id', 'status'])
      .where('id', '=', input.cooperativeId)
      .executeTakeFirst();
    if (!coop) throw invalid({ cooperativeId: 'Koperasi tidak ditemukan.' });
    let team: string[] | null = null;
    if (input.visitId) {
      const v = await visitRef(trx, input.visitId);
      if (!v || v.cooperativeId !== input.cooperativeId)
        throw invalid({ visitId: 'Kunjungan ini bukan kunjungan ke koperasi tersebut.' });
      if (v.status === 'cancelled')
        throw new AppError('CONFLICT', 'Kunjungan ini sudah dibatalkan.', { visitId: 'Sudah dibatalkan.' });
      team = v.team;
    }
    authorize(
      concernPolicy.raise,
      actor,
      { cooperativeId: input.cooperativeId, visitTeam: team },
      team ? 'Hanya anggota tim kunjungan ini yang dapat mencatat permasalahan di dalamnya.' : undefined,
    );
    const raisedBy = input.raisedBy?.trim() || (concernPolicy.raisedFromPortal(actor) ? actor.fullName : '');
    if (raisedBy.length < 2) throw invalid({ raisedBy: 'Sebutkan siapa yang menyampaikan (nama dan jabatan).' });
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    // What the Dinas writes down it has seen; what a cooperative sends waits in the inbox.
    const seen = !concernPolicy.raisedFromPortal(actor);
    await trx
      .insertInto('concerns')
      .values({
        id,
        cooperative_id: input.cooperativeId,
        visit_id: input.visitId,
        kind: input.kind,
        topic: input.topic,
        description: input.description.trim(),
        raised_by: raisedBy,
        severity: input.severity,
        status: 'open',
        response: null,
        seen_at: seen ? at : null,
        seen_by: seen ? actor.userId : null,
        created_by: actor.userId,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const { id: _id, cooperativeId: _c, ...fields } = input;
    await audit({
      action: 'concern.create',
      entityType: 'concern',
      entityId: id,
      cooperativeId: input.cooperativeId,
      changes: diff(null, { ...fields, raisedBy, status: 'open' }),
    });
    const concern = await loadConcern(trx, id);
    await onConcernRaised(deps, trx, actor, concern);
    return { concern, created: true };
  });
}

export interface UpdateConcernInput extends Partial<ConcernFields> {
  status?: ConcernStatus;
  response?: string | null;
  version?: number;
}

export async function updateConcern(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateConcernInput,
): Promise<Concern> {
  return mutate(deps, actor, async (trx, audit) => {
    const current = await visible(trx, actor, id);
    authorize(concernPolicy.handle, actor, null, 'Hanya petugas dan admin yang dapat menanggapi permasalahan.');
    checkVersion(input.version, current.version, WHAT);
    const { version: _v, ...rest } = input;
    const patch = defined(rest);
    const changes = diff(current as unknown as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return current;
    const next = { ...current, ...patch };
    if (next.status === 'closed' && !next.response?.trim())
      throw invalid({ response: 'Tuliskan tanggapan atau penyelesaian sebelum menutup catatan ini.' });
    const at = deps.now().toISOString();
    const written = await trx
      .updateTable('concerns')
      .set({
        kind: next.kind,
        topic: next.topic,
        description: next.description,
        raised_by: next.raisedBy,
        severity: next.severity,
        status: next.status,
        response: next.response?.trim() || null,
        seen_at: current.seenAt ?? at,
        seen_by: current.seenAt ? undefined : actor.userId,
        version: current.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertWritten(written, WHAT);
    await audit({
      action: 'concern.update',
      entityType: 'concern',
      entityId: id,
      cooperativeId: current.cooperative.id,
      changes,
    });
    const after = await loadConcern(trx, id);
    await onConcernUpdated(deps, trx, actor, current, after);
    return after;
  });
}

/** Marks an inbox item as seen by the Dinas (once; later calls change nothing). */
export async function markConcernSeen(deps: AppDeps, actor: Actor, id: string): Promise<Concern> {
  authorize(concernPolicy.markSeen, actor, null);
  return mutate(deps, actor, async (trx, audit) => {
    const current = await visible(trx, actor, id);
    if (current.seenAt) return current;
    const at = deps.now().toISOString();
    await trx
      .updateTable('concerns')
      .set({ seen_at: at, seen_by: actor.userId })
      .where('id', '=', id)
      .where('seen_at', 'is', null)
      .execute();
    await audit({
      action: 'concern.seen',
      entityType: 'concern',
      entityId: id,
      cooperativeId: current.cooperative.id,
      changes: { seenAt: { before: null, after: at } },
    });
    return loadConcern(trx, id);
  });
}

/** Opening a concern to a follow-up marks it addressed (inside the follow-up's transaction). */
export async function markAddressed(
  trx: Tx,
  audit: (e: {
    action: string;
    entityType: string;
    entityId: string;
    cooperativeId: string | null;
    changes: Record<string, { before: unknown; after: unknown }>;
  }) => Promise<void>,
  concernId: string,
  at: string,
) {
  const row = await trx
    .selectFrom('concerns')
    .select(['status', 'version', 'cooperative_id'])
    .where('id', '=', concernId)
    .executeTakeFirst();
  if (!row || row.status !== 'open') return;
  await trx
    .updateTable('concerns')
    .set({ status: 'addressed', version: row.version + 1, updated_at: at })
    .where('id', '=', concernId)
    .execute();
  await audit({
    action: 'concern.update',
    entityType: 'concern',
    entityId: concernId,
    cooperativeId: row.cooperative_id,
    changes: { status: { before: 'open', after: 'addressed' } },
  });
}
