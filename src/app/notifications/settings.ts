import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError, invalid } from '../../domain/errors.js';
import {
  type Channel,
  CHANNEL_LABELS,
  mergePrefs,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  type NoticeKind,
} from '../../domain/notifications/kinds.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { authorize, userPolicy } from '../policy/index.js';
import type { NotificationSettingsOut } from '../../contract/notifications.js';

const DIGEST_HOUR_KEY = 'notifications.digestHour';
export const DEFAULT_DIGEST_HOUR = 7;

export async function digestHour(deps: AppDeps): Promise<number> {
  const row = await deps.db.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', DIGEST_HOUR_KEY)
    .executeTakeFirst();
  const n = row ? Number(row.value) : DEFAULT_DIGEST_HOUR;
  return Number.isInteger(n) && n >= 0 && n <= 23 ? n : DEFAULT_DIGEST_HOUR;
}

/** One's notification settings as the API answers them (src/contract/notifications.ts). */
export type NotificationSettings = NotificationSettingsOut;

function requireUser(actor: Actor): string {
  if (!actor.userId)
    throw new AppError('FORBIDDEN', 'Hanya pengguna yang masuk yang memiliki pengaturan pemberitahuan.');
  return actor.userId;
}

export async function getSettings(deps: AppDeps, actor: Actor): Promise<NotificationSettings> {
  const userId = requireUser(actor);
  const db = deps.db.kysely;
  const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('notification_prefs')
    .select('prefs')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const prefs = mergePrefs(row ? JSON.parse(row.prefs) : null);
  return {
    email: user.email ?? null,
    smtpConfigured: Boolean(deps.config.smtpUrl),
    digestHour: await digestHour(deps),
    kinds: NOTICE_KINDS.map((kind) => ({ kind, label: NOTICE_KIND_LABELS[kind], channel: prefs[kind] })),
    channels: (Object.keys(CHANNEL_LABELS) as Channel[]).map((code) => ({ code, label: CHANNEL_LABELS[code] })),
  };
}

const emailSchema = z.email();
/** An address someone can be mailed at; '' or null clears it. */
export function normaliseEmail(v: string | null | undefined, field = 'email'): string | null | undefined {
  if (v === undefined) return undefined;
  const t = v?.trim().toLowerCase() ?? '';
  if (t === '') return null;
  if (t.length > 200 || !emailSchema.safeParse(t).success)
    throw invalid({ [field]: 'Alamat surel tidak valid (contoh: nama@dinas.go.id).' });
  return t;
}

/** A user's own preferences and address; audited like every change. */
export async function putSettings(
  deps: AppDeps,
  actor: Actor,
  input: { email?: string | null; kinds?: Partial<Record<NoticeKind, Channel>> },
): Promise<NotificationSettings> {
  const userId = requireUser(actor);
  const email = normaliseEmail(input.email);
  await mutate(deps, actor, async (trx, audit) => {
    const user = await trx
      .selectFrom('users')
      .select(['email', 'cooperative_id'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .selectFrom('notification_prefs')
      .select('prefs')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const before = mergePrefs(row ? JSON.parse(row.prefs) : null);
    const after = { ...before, ...(input.kinds ?? {}) };
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const k of NOTICE_KINDS)
      if (before[k] !== after[k]) changes[`kinds.${k}`] = { before: before[k], after: after[k] };
    if (email !== undefined && email !== (user.email ?? null))
      changes.email = { before: user.email ?? null, after: email };
    if (!Object.keys(changes).length) return;
    const at = deps.now().toISOString();
    if (email !== undefined)
      await trx.updateTable('users').set({ email, updated_at: at }).where('id', '=', userId).execute();
    await trx
      .insertInto('notification_prefs')
      .values({ user_id: userId, prefs: JSON.stringify(after), updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ prefs: JSON.stringify(after), updated_at: at }))
      .execute();
    await audit({
      action: 'notification.settings',
      entityType: 'user',
      entityId: userId,
      cooperativeId: user.cooperative_id,
      changes,
    });
  });
  return getSettings(deps, actor);
}

export async function putDigestHour(deps: AppDeps, actor: Actor, hour: number): Promise<{ digestHour: number }> {
  authorize(userPolicy.manage, actor, null, 'Jam ringkasan harian diatur oleh admin.');
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw invalid({ digestHour: 'Jam 0–23 (WIB).' });
  const before = await digestHour(deps);
  await mutate(deps, actor, async (trx, audit) => {
    await trx
      .insertInto('settings')
      .values({ key: DIGEST_HOUR_KEY, value: String(hour) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(hour) }))
      .execute();
    await audit({
      action: 'settings.update',
      entityType: 'settings',
      entityId: DIGEST_HOUR_KEY,
      cooperativeId: null,
      changes: { digestHour: { before, after: hour } },
    });
  });
  return { digestHour: hour };
}

/** The calendar feed's secret: created on first ask, replaced (the old URL stops working) on rotate. */
export async function calendarToken(deps: AppDeps, actor: Actor, rotate = false): Promise<string> {
  const userId = requireUser(actor);
  const current = await deps.db.kysely
    .selectFrom('users')
    .select(['calendar_token', 'cooperative_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (current.calendar_token && !rotate) return current.calendar_token;
  const token = randomBytes(24).toString('base64url');
  await mutate(deps, actor, async (trx, audit) => {
    await trx.updateTable('users').set({ calendar_token: token }).where('id', '=', userId).execute();
    await audit({
      action: rotate ? 'calendar.rotate' : 'calendar.create',
      entityType: 'user',
      entityId: userId,
      cooperativeId: current.cooperative_id,
      changes: { calendarToken: { before: current.calendar_token ? '•••' : null, after: '••• (baru)' } },
    });
  });
  return token;
}
