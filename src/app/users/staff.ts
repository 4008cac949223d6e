import type { Bidang, Role } from '../../domain/codes.js';
import { invalid } from '../../domain/errors.js';
import type { Tx } from '../context.js';
import { visitPolicy } from '../policy/index.js';

/** Dinas accounts as teams, owners of recommendations and mentors see them. */
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
