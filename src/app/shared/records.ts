import type { Bidang, Role } from '../../domain/codes.js';
import { AppError, invalid } from '../../domain/errors.js';
import type { Tx } from '../context.js';
import { visitPolicy } from '../policy/index.js';

/** The version the editor started from; a stale one is a CONFLICT, never a silent overwrite (issue 6 relies on it). */
export function checkVersion(expected: number | undefined, current: number, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'CONFLICT',
      `${what} sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.`,
      {
        version: `Versi Anda ${expected}, versi di server ${current}.`,
      },
    );
  }
}

/** After `update … where version = current`: no row means someone else wrote first. */
export function assertWritten(result: { numUpdatedRows: bigint | number }, what: string): void {
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', `${what} baru saja diubah orang lain. Muat ulang lalu ulangi perubahan Anda.`);
  }
}

export interface StaffUser {
  id: string;
  fullName: string;
  role: Role;
  bidang: Bidang | null;
  disabled: boolean;
}

export async function loadUsers(db: Tx, ids: readonly string[]): Promise<Map<string, StaffUser>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'role', 'bidang', 'disabled'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        fullName: r.full_name,
        role: r.role as Role,
        bidang: r.bidang as Bidang | null,
        disabled: r.disabled === 1,
      },
    ]),
  );
}

/** A user who can be on a team or own a recommendation: an active Dinas account. */
export async function requireStaffUser(db: Tx, id: string, field: string): Promise<StaffUser> {
  const u = (await loadUsers(db, [id])).get(id);
  if (!u || u.disabled || !visitPolicy.mayJoinTeam(u))
    throw invalid({ [field]: 'Pengguna tidak ditemukan atau bukan petugas Dinas yang aktif.' });
  return u;
}

export function jsonOf<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}

/** Drops keys whose value is undefined (a PATCH names only what it touches). */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Jakarta date of a UTC instant. */
export function jakartaDate(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
