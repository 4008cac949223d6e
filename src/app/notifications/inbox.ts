import { notFound } from '../../domain/errors.js';
import type { NoticeKind } from '../../domain/notifications/kinds.js';
import type { Actor, AppDeps } from '../context.js';
import { authorize, userPolicy } from '../policy/index.js';
import type { MailLogOut, NoticeOut } from '../../contract/notifications.js';

/** A notice as the API answers it (src/contract/notifications.ts). */
export type NoticeView = NoticeOut;

/** Everyone reads only their own inbox: the user id comes from the session, never from the request. */
function own(actor: Actor): string {
  return actor.userId ?? '';
}

export async function listNotices(
  deps: AppDeps,
  actor: Actor,
  q: { unread?: boolean; limit: number },
): Promise<{ items: NoticeView[]; unread: number }> {
  const db = deps.db.kysely;
  let base = db.selectFrom('notifications').where('user_id', '=', own(actor));
  const { n } = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (q.unread) base = base.where('read_at', 'is', null);
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NoticeKind,
      title: r.title,
      body: r.body,
      link: r.link,
      waLink: r.wa_link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unread: Number(n),
  };
}

/** Reading is no change of the record anyone else sees: not audited (the row itself says when). */
export async function markRead(deps: AppDeps, actor: Actor, id: string): Promise<{ ok: true; unread: number }> {
  const db = deps.db.kysely;
  const row = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', own(actor))
    .executeTakeFirst();
  if (!row) throw notFound('Pemberitahuan');
  if (!row.read_at)
    await db
      .updateTable('notifications')
      .set({ read_at: deps.now().toISOString() })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  return { ok: true, unread: await unreadCount(deps, actor) };
}

export async function markAllRead(deps: AppDeps, actor: Actor): Promise<{ ok: true; unread: number }> {
  await deps.db.kysely
    .updateTable('notifications')
    .set({ read_at: deps.now().toISOString() })
    .where('user_id', '=', own(actor))
    .where('read_at', 'is', null)
    .execute();
  return { ok: true, unread: 0 };
}

export async function unreadCount(deps: AppDeps, actor: Actor): Promise<number> {
  const { n } = await deps.db.kysely
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', own(actor))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export type MailLogItem = MailLogOut['items'][number];

/** The admin's view of e-mail: what waits, what went, what failed and why. */
export async function mailLog(
  deps: AppDeps,
  actor: Actor,
  q: { status?: 'pending' | 'sent' | 'failed'; limit: number },
): Promise<{ items: MailLogItem[]; counts: Record<string, number> }> {
  authorize(userPolicy.manage, actor, null, 'Log surel hanya untuk admin.');
  const db = deps.db.kysely;
  let base = db.selectFrom('mail_outbox');
  if (q.status === 'pending') base = base.where('status', 'in', ['pending', 'sending']);
  else if (q.status) base = base.where('status', '=', q.status);
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).execute();
  const counts = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      kind: r.kind,
      status: r.status as MailLogItem['status'],
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
    counts: Object.fromEntries(
      ['pending', 'sending', 'sent', 'failed'].map((s) => [s, Number(counts.find((c) => c.status === s)?.n ?? 0)]),
    ),
  };
}

/** An admin sends a failed e-mail again: it goes back to the queue with its attempts reset. */
export async function retryMail(deps: AppDeps, actor: Actor, id: string): Promise<{ ok: true }> {
  authorize(userPolicy.manage, actor, null, 'Log surel hanya untuk admin.');
  const r = await deps.db.kysely
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: deps.now().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw notFound('Surel gagal');
  return { ok: true };
}
