import { AppError } from '../../domain/errors.js';
import type { Tx } from '../context.js';

/**
 * Failed logins are counted per account AND client address. The first FREE_FAILURES wrong
 * passwords from an address cost nothing; each further one blocks that address for that account for
 * a delay that doubles (1, 2, 4 … minutes, at most MAX_DELAY_MINUTES). The same account from any
 * other address is not affected, so a stranger cannot lock an admin out. Twenty-four quiet hours, or
 * a successful login from the address, forget the count. Spraying many accounts from one address is
 * bounded by the per-address rate limit on the login route.
 */
export const FREE_FAILURES = 4;
export const MAX_DELAY_MINUTES = 60;
const FORGET_MS = 24 * 3_600_000;

export function delayMinutes(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MINUTES, 2 ** (failures - FREE_FAILURES - 1));
}

/** Refuses with 429 while this account is blocked for this address. */
export async function assertNotBlocked(db: Tx, username: string, address: string, now: Date): Promise<void> {
  const row = await db
    .selectFrom('login_failures')
    .select('blocked_until')
    .where('username', '=', username)
    .where('address', '=', address)
    .executeTakeFirst();
  if (row?.blocked_until && row.blocked_until > now.toISOString()) {
    const minutes = Math.max(1, Math.ceil((Date.parse(row.blocked_until) - now.getTime()) / 60_000));
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam ${minutes} menit.`,
    );
  }
}

/** Counts a failure; returns the new block's end when this failure starts one. */
export async function recordFailure(
  db: Tx,
  username: string,
  address: string,
  now: Date,
): Promise<{ failures: number; blockedUntil: string | null }> {
  const at = now.toISOString();
  await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', new Date(now.getTime() - FORGET_MS).toISOString())
    .execute();
  const row = await db
    .selectFrom('login_failures')
    .select('failures')
    .where('username', '=', username)
    .where('address', '=', address)
    .executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const delay = delayMinutes(failures);
  const blockedUntil = delay > 0 ? new Date(now.getTime() + delay * 60_000).toISOString() : null;
  if (row) {
    await db
      .updateTable('login_failures')
      .set({ failures, last_failed_at: at, blocked_until: blockedUntil })
      .where('username', '=', username)
      .where('address', '=', address)
      .execute();
  } else {
    await db
      .insertInto('login_failures')
      .values({ username, address, failures, last_failed_at: at, blocked_until: blockedUntil })
      .onConflict((oc) =>
        oc.columns(['username', 'address']).doUpdateSet({ failures, last_failed_at: at, blocked_until: blockedUntil }),
      )
      .execute();
  }
  return { failures, blockedUntil };
}

export async function forgetFailures(db: Tx, username: string, address?: string): Promise<void> {
  let q = db.deleteFrom('login_failures').where('username', '=', username);
  if (address !== undefined) q = q.where('address', '=', address);
  await q.execute();
}
