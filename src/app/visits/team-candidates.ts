import type { Bidang, Role } from '../../domain/codes.js';
import type { Actor, AppDeps } from '../context.js';
import { authorize, officeFilter, visitPolicy } from '../policy/index.js';

export interface TeamCandidate {
  id: string;
  fullName: string;
  role: Role;
  bidang: Bidang | null;
}

/**
 * Who can be put on a visit team: every active Dinas account (any bidang, pimpinan included), by
 * name only. Petugas cannot list users (that is admin work), yet must pick colleagues from other
 * bidang when they plan a visit; this is the narrow read they need. Koperasi accounts never appear.
 */
export async function listTeamCandidates(deps: AppDeps, actor: Actor): Promise<{ items: TeamCandidate[] }> {
  authorize(visitPolicy.seeBookings, actor, null);
  const rows = await deps.db.kysely
    .selectFrom('users')
    .select(['id', 'full_name', 'role', 'bidang'])
    .where('disabled', '=', 0)
    .where((eb) => officeFilter(actor, 'office_id', 'manages') ?? eb.lit(true))
    .where('role', '!=', 'koperasi')
    .orderBy('full_name')
    .orderBy('id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      role: r.role as Role,
      bidang: r.bidang as Bidang | null,
    })),
  };
}
