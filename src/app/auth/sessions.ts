import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { assertNotBlocked, forgetFailures, recordFailure } from './login-guard.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { reachOf } from '../policy/reach.js';
import { actorOf, type Me, meOf } from './me.js';

/** A session lives 7 days from its last renewal: field officers log in rarely and sync later. */
export const SESSION_DAYS = 7;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const WRONG = 'Nama pengguna atau kata sandi salah.';

// Verifying against a real hash when the user does not exist keeps the timing the same.
let dummyHash: Promise<string> | null = null;

export async function login(
  deps: AppDeps,
  input: { username: string; password: string; userAgent?: string; address?: string },
): Promise<{ token: string; user: Me; expiresAt: Date }> {
  const db = deps.db.kysely;
  const username = input.username.trim().toLowerCase();
  const address = input.address ?? 'unknown';
  const now = deps.now();
  await assertNotBlocked(db, username, address, now);
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  let ok: boolean;
  if (!user) {
    dummyHash ??= hashPassword(randomUUID());
    await verifyPassword(await dummyHash, input.password);
    ok = false;
  } else {
    ok = await verifyPassword(user.password_hash, input.password);
  }
  const actor: Actor = {
    userId: user?.id ?? null,
    username: user?.username ?? username,
    fullName: user?.full_name ?? username,
    role: 'system',
    bidang: null,
    cooperativeId: null,
    officeId: user?.office_id ?? null,
    reads: null,
    manages: null,
  };
  if (!user || !ok) {
    // Unknown names are counted like real ones: the answer never tells which accounts exist.
    await mutate(deps, actor, async (trx, audit) => {
      const { failures, blockedUntil } = await recordFailure(trx, username, address, now);
      if (blockedUntil) {
        await audit({
          action: 'auth.login_blocked',
          entityType: 'user',
          entityId: user?.id ?? username,
          cooperativeId: null,
          changes: {
            address: { before: null, after: address },
            failures: { before: failures - 1, after: failures },
            blockedUntil: { before: null, after: blockedUntil },
          },
        });
      }
    });
    throw new AppError('UNAUTHENTICATED', WRONG);
  }
  if (user.disabled) throw new AppError('UNAUTHENTICATED', 'Akun ini dinonaktifkan. Hubungi admin Dinas.');

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await mutate(deps, { ...actor, role: user.role as Actor['role'] }, async (trx, audit) => {
    await trx
      .insertInto('sessions')
      .values({
        id: tokenHash(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await forgetFailures(trx, username, address);
    // Expired sessions are swept here rather than by a timer: logins are rare and this is cheap.
    await trx.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    await audit({ action: 'auth.login', entityType: 'user', entityId: user.id, cooperativeId: null, changes: {} });
  });
  return { token, user: await meById(deps, user.id), expiresAt };
}

export async function meById(deps: AppDeps, userId: string): Promise<Me> {
  const row = await deps.db.kysely
    .selectFrom('users as u')
    .leftJoin('cooperatives as c', 'c.id', 'u.cooperative_id')
    .selectAll('u')
    .select('c.name as cooperative_name')
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return meOf(row, row.cooperative_name);
}

/** The user behind a session token, or null when the token is unknown, expired or the user disabled. */
export async function authenticate(
  deps: AppDeps,
  token: string,
): Promise<{ me: Me; actor: Actor; renewed: Date | null } | null> {
  const now = deps.now();
  const row = await deps.db.kysely
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('cooperatives as c', 'c.id', 'u.cooperative_id')
    .selectAll('u')
    .select(['s.id as session_id', 's.expires_at', 'c.name as cooperative_name'])
    .where('s.id', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString() || row.disabled) return null;
  const me = meOf(row, row.cooperative_name);
  // Sliding expiry, renewed at most once a day to keep reads read-only.
  let renewed: Date | null = null;
  const remaining = Date.parse(row.expires_at) - now.getTime();
  if (remaining < (SESSION_DAYS - 1) * 86_400_000) {
    renewed = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await deps.db.kysely
      .updateTable('sessions')
      .set({ expires_at: renewed.toISOString() })
      .where('id', '=', row.session_id)
      .execute();
  }
  return { me, actor: actorOf(me, await reachOf(deps.db.kysely, row.office_id)), renewed };
}

export async function logout(deps: AppDeps, actor: Actor | null, token: string): Promise<void> {
  if (!actor) {
    await deps.db.kysely.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
    return;
  }
  await mutate(deps, actor, async (trx, audit) => {
    await trx.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
    await audit({
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId ?? '',
      cooperativeId: null,
      changes: {},
    });
  });
}

export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<Me> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  const userId = actor.userId;
  const user = await deps.db.kysely.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION', 'Kata sandi lama salah.', { currentPassword: 'Kata sandi lama salah.' });
  }
  checkPasswordStrength(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', 'Kata sandi baru harus berbeda dari yang lama.', {
      newPassword: 'Harus berbeda dari kata sandi lama.',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await mutate(deps, actor, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0, updated_at: deps.now().toISOString() })
      .where('id', '=', userId)
      .execute();
    // Other sessions of this account end: whoever knew the old password is out.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', tokenHash(token)).execute();
    await audit({
      action: 'user.change_password',
      entityType: 'user',
      entityId: userId,
      cooperativeId: null,
      changes: { password: { before: '•••', after: 'diganti' } },
    });
  });
  return meById(deps, userId);
}
