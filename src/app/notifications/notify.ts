import { randomUUID } from 'node:crypto';
import { type Channel, mergePrefs, type NoticeKind } from '../../domain/notifications/kinds.js';
import { type Notice, waLink } from '../../domain/notifications/messages.js';
import { type Audience, type Candidate, recipients } from '../policy/notifications.js';
import { officeOfCooperativeId } from '../policy/reach.js';
import type { AppDeps, Tx } from '../context.js';
import { renderNoticeMail } from './mail-content.js';

export interface Emit {
  notice: Notice;
  audiences: readonly Audience[];
  /** The person who made the change: told nothing about their own act. */
  exclude?: string | null;
  cooperativeId: string | null;
  /** Reminders name themselves (record, stage, date) so that they are written once; events get a fresh key. */
  dedupeKey?: string;
}

interface Recipient extends Candidate {
  email: string | null;
  fullName: string;
}

/**
 * Every active account is a candidate; the audiences narrow them (a cooperative's notices reach only
 * its own koperasi accounts). A notice about a cooperative goes only to the Dinas accounts of the
 * office that holds it (office reach, policy/reach.ts): a regency's notices stay in that regency.
 */
async function candidates(trx: Tx, cooperativeId: string | null): Promise<Recipient[]> {
  const office = cooperativeId ? await officeOfCooperativeId(trx, cooperativeId) : null;
  let q = trx
    .selectFrom('users')
    .select(['id', 'role', 'bidang', 'cooperative_id', 'disabled', 'email', 'full_name'])
    .where('disabled', '=', 0);
  if (office) q = q.where((eb) => eb.or([eb('office_id', '=', office), eb('cooperative_id', 'is not', null)]));
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Candidate['role'],
    bidang: r.bidang,
    cooperativeId: r.cooperative_id,
    disabled: r.disabled === 1,
    email: r.email ?? null,
    fullName: r.full_name,
  }));
}

export async function channelOf(trx: Tx, userId: string, kind: NoticeKind): Promise<Channel> {
  const row = await trx
    .selectFrom('notification_prefs')
    .select('prefs')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return mergePrefs(row ? JSON.parse(row.prefs) : null)[kind];
}

/**
 * Writes a notice into each recipient's inbox, inside the caller's transaction (the change that
 * causes it and its notices land together or not at all), and queues the e-mail where the user has
 * an address, SMTP is configured and their preference for this kind asks for one. Returns the ids
 * of the users who got it now (a reminder already written is skipped, not repeated).
 */
export async function emit(deps: AppDeps, trx: Tx, e: Emit): Promise<string[]> {
  const users = await candidates(trx, e.cooperativeId);
  const ids = recipients(e.audiences, users, e.exclude ?? null);
  const byId = new Map(users.map((u) => [u.id, u]));
  const at = deps.now().toISOString();
  const key = e.dedupeKey ?? `event:${randomUUID()}`;
  const wa = e.notice.whatsapp ? waLink(e.notice.whatsapp.phone, e.notice.whatsapp.text) : null;
  const reached: string[] = [];
  for (const userId of ids) {
    const id = randomUUID();
    const inserted = await trx
      .insertInto('notifications')
      .values({
        id,
        user_id: userId,
        kind: e.notice.kind,
        title: e.notice.title,
        body: e.notice.body,
        link: e.notice.link,
        wa_link: wa,
        cooperative_id: e.cooperativeId,
        dedupe_key: key,
        created_at: at,
        read_at: null,
        digest_state: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) continue;
    reached.push(userId);
    const user = byId.get(userId)!;
    if (!deps.config.smtpUrl || !user.email) continue;
    const channel = await channelOf(trx, userId, e.notice.kind);
    if (channel === 'digest') {
      await trx.updateTable('notifications').set({ digest_state: 'pending' }).where('id', '=', id).execute();
    } else if (channel === 'instant') {
      const mail = renderNoticeMail(deps.config.publicUrl, user.fullName, e.notice, wa);
      await trx
        .insertInto('mail_outbox')
        .values({
          id: randomUUID(),
          user_id: userId,
          to_address: user.email,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          kind: e.notice.kind,
          dedupe_key: `n:${id}`,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          claimed_until: null,
          last_error: null,
          created_at: at,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    }
  }
  return reached;
}
