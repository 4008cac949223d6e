import type { Change } from '../../domain/cooperative.js';
import type { Actor, AppDeps } from '../context.js';
import type { Page } from '../cooperatives/list-cooperatives.js';
import { loadCooperative } from '../cooperatives/view.js';
import { auditPolicy, authorize, guardCooperative, officeFilter, scopeFilter } from '../policy/index.js';
import { addDays, jakartaDayStart } from '../../domain/dates.js';

export interface AuditEvent {
  id: string;
  at: string;
  actor: { id: string | null; username: string; fullName: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  cooperativeId: string | null;
  cooperativeName: string | null;
  changes: Record<string, Change>;
}

export interface AuditQuery {
  action?: string;
  entityType?: string;
  actorId?: string;
  cooperativeId?: string;
  from?: string; // YYYY-MM-DD, inclusive, Asia/Jakarta
  to?: string;
  page: number;
  pageSize: number;
}

async function queryAudit(deps: AppDeps, actor: Actor, q: AuditQuery): Promise<Page<AuditEvent>> {
  const db = deps.db.kysely;
  let base = db.selectFrom('audit_events as a');
  // Office reach: events about the cooperatives the actor reads, and other events made in the offices it reads.
  const ofCooperatives = scopeFilter(actor, 'a.cooperative_id');
  const ofOffices = officeFilter(actor, 'a.office_id');
  if (ofCooperatives && ofOffices)
    base = base.where((eb) => eb.or([eb.and([eb('a.cooperative_id', 'is not', null), ofCooperatives]), ofOffices]));
  if (q.action) base = base.where('a.action', '=', q.action);
  if (q.entityType) base = base.where('a.entity_type', '=', q.entityType);
  if (q.actorId) base = base.where('a.actor_id', '=', q.actorId);
  if (q.cooperativeId) base = base.where('a.cooperative_id', '=', q.cooperativeId);
  if (q.from) base = base.where('a.at', '>=', jakartaDayStart(q.from));
  if (q.to) {
    const next = addDays(q.to, 1);
    base = base.where('a.at', '<', jakartaDayStart(next));
  }
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('cooperatives as c', 'c.id', 'a.cooperative_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_name',
      'u.username',
      'u.full_name',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.cooperative_id',
      'c.name as cooperative_name',
      'a.changes',
    ])
    .orderBy('a.seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_id
        ? { id: r.actor_id, username: r.username ?? r.actor_name ?? '', fullName: r.full_name ?? r.actor_name ?? '' }
        : { id: null, username: 'system', fullName: r.actor_name ?? 'Sistem' },
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      cooperativeId: r.cooperative_id,
      cooperativeName: r.cooperative_name,
      changes: JSON.parse(r.changes) as Record<string, Change>,
    })),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function listAudit(deps: AppDeps, actor: Actor, q: AuditQuery): Promise<Page<AuditEvent>> {
  authorize(auditPolicy.readAll, actor, null, 'Log audit hanya untuk admin dan pimpinan.');
  return queryAudit(deps, actor, q);
}

/** A cooperative's timeline: the audit events about it, newest first. */
export async function cooperativeTimeline(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  page: { page: number; pageSize: number },
): Promise<Page<AuditEvent>> {
  await guardCooperative(deps.db.kysely, actor, cooperativeId);
  await loadCooperative(deps.db.kysely, cooperativeId);
  return queryAudit(deps, actor, { cooperativeId, ...page });
}
