import { randomUUID } from 'node:crypto';
import { RETENTION_DAYS } from '../../domain/notifications/kinds.js';
import { followUpNotice, ratNotice } from '../../domain/notifications/messages.js';
import { followUpOwner } from '../policy/notifications.js';
import {
  digestDue,
  followUpKey,
  followUpStage,
  ratKey,
  ratStage,
  ratYearInView,
} from '../../domain/notifications/reminders.js';
import { ratDeadline } from '../../domain/rat/compliance.js';
import { graceMonths } from '../annual-meetings/annual-meetings.js';
import { type AppDeps, todayJakarta } from '../context.js';
import { addDays, jakartaHour } from '../../domain/dates.js';
import { contactOf } from './hooks.js';
import { renderDigestMail } from './mail-content.js';
import { deliverDueMail, type MailSender } from './mailer.js';
import { emit } from './notify.js';
import { digestHour } from './settings.js';

/**
 * Time-driven work, on the injected clock (`deps.now`): reminders, the daily digest, e-mail
 * delivery and the inbox's retention. Exactly once, also across restarts and with several server
 * processes on one database: every reminder has a dedupe key that is unique per user in
 * `notifications`, a digest is unique per user and day in `mail_outbox`, and a mail is claimed by a
 * conditional update before it is sent.
 */

/** Keys of reminders already written (to anyone): skipped without touching the users table again. */
async function alreadySent(deps: AppDeps, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await deps.db.kysely
      .selectFrom('notifications')
      .select('dedupe_key')
      .distinct()
      .where('dedupe_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.dedupe_key);
  }
  return found;
}

export async function runFollowUpReminders(deps: AppDeps): Promise<number> {
  const today = todayJakarta(deps);
  const rows = await deps.db.kysely
    .selectFrom('follow_ups as f')
    .innerJoin('cooperatives as c', 'c.id', 'f.cooperative_id')
    .select([
      'f.id',
      'f.status',
      'f.deadline',
      'f.recommendation',
      'f.responsible_kind',
      'f.responsible_bidang',
      'f.responsible_user_id',
      'f.cooperative_id',
      'c.name as cooperative_name',
    ])
    .where('f.status', 'in', ['open', 'in_progress'])
    .where('f.deadline', '<=', addDays(today, 7))
    .where('f.deadline', '>=', addDays(today, -31))
    .execute();
  const due = rows.flatMap((r) => {
    const stage = followUpStage({ status: r.status, deadline: r.deadline }, today);
    return stage ? [{ r, stage, key: followUpKey(r.id, stage, r.deadline) }] : [];
  });
  const sent = await alreadySent(
    deps,
    due.map((d) => d.key),
  );
  let n = 0;
  for (const { r, stage, key } of due.filter((d) => !sent.has(d.key))) {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const c = await contactOf(trx, r.cooperative_id);
      const notice = followUpNotice(
        stage,
        {
          id: r.id,
          cooperativeId: r.cooperative_id,
          cooperativeName: r.cooperative_name,
          recommendation: r.recommendation,
          deadline: r.deadline,
          cooperativePhone: c.phone,
          chairName: c.chairName,
          responsibleKind: r.responsible_kind,
        },
        today,
      );
      const owner = followUpOwner({
        responsibleKind: r.responsible_kind,
        responsibleBidang: r.responsible_bidang,
        responsibleUserId: r.responsible_user_id,
        cooperativeId: r.cooperative_id,
      });
      n += (await emit(deps, trx, { notice, audiences: [owner], cooperativeId: r.cooperative_id, dedupeKey: key }))
        .length;
    });
  }
  return n;
}

export async function runRatReminders(deps: AppDeps): Promise<number> {
  const today = todayJakarta(deps);
  const grace = await graceMonths(deps);
  const fy = ratYearInView(today, (y) => ratDeadline(y, grace));
  const deadline = ratDeadline(fy, grace);
  const coops = await deps.db.kysely
    .selectFrom('cooperatives as c')
    .select(['c.id', 'c.name', 'c.legal_entity_date', 'c.created_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('annual_meetings as m')
            .select('m.id')
            .whereRef('m.cooperative_id', '=', 'c.id')
            .where('m.fiscal_year', '=', fy),
        )
        .as('held'),
    )
    .where('c.status', '!=', 'DIBUBARKAN')
    .execute();
  const due = coops.flatMap((c) => {
    const founded = c.legal_entity_date ?? c.created_at.slice(0, 10);
    if (Number(founded.slice(0, 4)) > fy) return []; // not late before its first fiscal year
    const stage = ratStage(deadline, today, Boolean(c.held));
    return stage ? [{ c, stage, key: ratKey(c.id, fy, stage) }] : [];
  });
  const sent = await alreadySent(
    deps,
    due.map((d) => d.key),
  );
  let n = 0;
  for (const { c, stage, key } of due.filter((d) => !sent.has(d.key))) {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const contact = await contactOf(trx, c.id);
      const notice = ratNotice(stage, {
        cooperativeId: c.id,
        cooperativeName: c.name,
        fiscalYear: fy,
        deadline,
        cooperativePhone: contact.phone,
        chairName: contact.chairName,
      });
      const audiences = [
        { kind: 'cooperative' as const, cooperativeId: c.id },
        ...(stage === 'missed' ? [{ kind: 'bidang' as const, bidang: 'koperasi' }] : []),
      ];
      n += (await emit(deps, trx, { notice, audiences, cooperativeId: c.id, dedupeKey: key })).length;
    });
  }
  return n;
}

/** Once the office's hour has come (Jakarta time), one e-mail per user gathering their waiting notices. */
export async function runDigest(deps: AppDeps): Promise<number> {
  const now = deps.now();
  if (!deps.config.smtpUrl || !digestDue(jakartaHour(now), await digestHour(deps))) return 0;
  const date = todayJakarta(deps);
  const users = await deps.db.kysely
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.id', 'u.email', 'u.full_name'])
    .distinct()
    .where('n.digest_state', '=', 'pending')
    .where('u.disabled', '=', 0)
    .execute();
  let n = 0;
  for (const u of users) {
    if (!u.email) continue;
    await deps.db.kysely.transaction().execute(async (trx) => {
      const items = await trx
        .selectFrom('notifications')
        .select(['id', 'title', 'body', 'link'])
        .where('user_id', '=', u.id)
        .where('digest_state', '=', 'pending')
        .orderBy('created_at')
        .execute();
      if (!items.length) return;
      const mail = renderDigestMail(deps.config.publicUrl, u.full_name, date, items);
      const at = now.toISOString();
      const inserted = await trx
        .insertInto('mail_outbox')
        .values({
          id: randomUUID(),
          user_id: u.id,
          to_address: u.email!,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          kind: 'digest',
          dedupe_key: `digest:${u.id}:${date}`,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          claimed_until: null,
          last_error: null,
          created_at: at,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .execute();
      if (!inserted.length) return;
      await trx
        .updateTable('notifications')
        .set({ digest_state: 'sent' })
        .where(
          'id',
          'in',
          items.map((i) => i.id),
        )
        .execute();
      n++;
    });
  }
  return n;
}

/** Notices older than the retention period leave the inbox. */
export async function sweepOld(deps: AppDeps): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - RETENTION_DAYS * 86_400_000).toISOString();
  await deps.db.kysely.deleteFrom('notifications').where('created_at', '<', cutoff).execute();
  await deps.db.kysely
    .deleteFrom('mail_outbox')
    .where('status', '=', 'sent')
    .where('created_at', '<', cutoff)
    .execute();
}

export interface TickResult {
  reminders: number;
  digests: number;
  mail: { sent: number; failed: number };
}

/** One pass of everything due (reminders too unless `reminders: false`). Tests call it after moving the clock. */
export async function tick(
  deps: AppDeps,
  opts: { sender?: MailSender; reminders?: boolean } = {},
): Promise<TickResult> {
  const reminders = opts.reminders === false ? 0 : (await runFollowUpReminders(deps)) + (await runRatReminders(deps));
  const digests = await runDigest(deps);
  const mail = await deliverDueMail(deps, opts.sender);
  await sweepOld(deps);
  return { reminders, digests, mail };
}

/**
 * The in-process scheduler started with the server: a pass every `everyMs` (default one minute:
 * e-mail, digest, retention), looking for due reminders every `remindersEveryMs` (default ten
 * minutes, and at once when the Jakarta date changes); never two passes of one process at once.
 * Returns a stop function.
 */
export function startScheduler(
  deps: AppDeps,
  opts: { everyMs?: number; remindersEveryMs?: number; log?: (msg: string, e?: unknown) => void } = {},
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let lastReminders = { at: 0, day: '' };
  const pass = () => {
    if (running || stopped) return;
    const now = deps.now().getTime();
    const day = todayJakarta(deps);
    const reminders = day !== lastReminders.day || now - lastReminders.at >= (opts.remindersEveryMs ?? 600_000);
    if (reminders) lastReminders = { at: now, day };
    running = tick(deps, { reminders })
      .catch((e: unknown) => opts.log?.('Penjadwal pemberitahuan gagal / notification scheduler failed', e))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(pass, 2_000);
  const timer = setInterval(pass, opts.everyMs ?? 60_000);
  timer.unref();
  first.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
