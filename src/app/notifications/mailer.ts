import nodemailer, { type Transporter } from 'nodemailer';
import { nextMailAttempt } from '../../domain/notifications/reminders.js';
import type { AppDeps } from '../context.js';

/** Sends one prepared e-mail; nodemailer over SAMBANG_SMTP_URL in production, a stub in some tests. */
export type MailSender = (m: {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}) => Promise<void>;

const transports = new Map<string, Transporter>();

export function smtpSender(deps: AppDeps): MailSender | null {
  const url = deps.config.smtpUrl;
  if (!url) return null;
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  const transport = t;
  return async (m) => {
    await transport.sendMail(m);
  };
}

const CLAIM_MINUTES = 5;
const BATCH = 20;

/**
 * Sends what is due from the outbox. Each row is first claimed by a conditional update (pending and
 * due, or a claim of a crashed process that expired), so two processes never send one mail twice.
 * A failure is retried with backoff (1, 5, 30 min, 2 h, 12 h) and then stays `failed`, with its
 * error, in the admin's mail log.
 */
export async function deliverDueMail(deps: AppDeps, sender?: MailSender): Promise<{ sent: number; failed: number }> {
  const send = sender ?? smtpSender(deps);
  const result = { sent: 0, failed: 0 };
  if (!send) return result;
  const db = deps.db.kysely;
  const now = deps.now().toISOString();
  const due = await db
    .selectFrom('mail_outbox')
    .select(['id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(BATCH)
    .execute();
  for (const { id } of due) {
    const claimedUntil = new Date(deps.now().getTime() + CLAIM_MINUTES * 60_000).toISOString();
    const claim = await db
      .updateTable('mail_outbox')
      .set((eb) => ({ status: 'sending', claimed_until: claimedUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue; // another process has it
    const m = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    try {
      await send({
        from: deps.config.mailFrom,
        to: m.to_address,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body,
      });
      await db
        .updateTable('mail_outbox')
        .set({ status: 'sent', sent_at: deps.now().toISOString(), claimed_until: null, last_error: null })
        .where('id', '=', id)
        .execute();
      result.sent++;
    } catch (e) {
      const wait = nextMailAttempt(m.attempts);
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      await db
        .updateTable('mail_outbox')
        .set(
          wait === null
            ? { status: 'failed', claimed_until: null, last_error: error }
            : {
                status: 'pending',
                claimed_until: null,
                last_error: error,
                next_attempt_at: new Date(deps.now().getTime() + wait * 60_000).toISOString(),
              },
        )
        .where('id', '=', id)
        .execute();
      result.failed++;
    }
  }
  return result;
}
