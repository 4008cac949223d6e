import type { Selectable } from 'kysely';
import type { UserTable } from '../../db/schema.js';
import type { Bidang, Role } from '../../domain/codes.js';
import type { Actor } from '../context.js';
import { type AppAbilities, appAbilities } from '../policy/app.js';
import type { Reach } from '../policy/reach.js';

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  bidang: Bidang | null;
  cooperativeId: string | null;
  cooperativeName: string | null;
  mustChangePassword: boolean;
  /** What this user may reach in the app (src/app/policy/app.ts). */
  abilities: AppAbilities;
}

export function meOf(u: Selectable<UserTable>, cooperativeName: string | null): Me {
  const me: Omit<Me, 'abilities'> = {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role as Role,
    bidang: u.bidang as Bidang | null,
    cooperativeId: u.cooperative_id,
    cooperativeName,
    mustChangePassword: u.must_change_password === 1,
  };
  // App-level abilities depend on the role only; the office reach is applied record by record.
  const anyOffice: Reach = { officeId: u.office_id ?? null, reads: null, manages: null };
  return { ...me, abilities: appAbilities(actorOf(me, anyOffice)) };
}

/** The actor of a logged-in user: who they are and their office reach (`reachOf`, policy/reach.ts). */
export function actorOf(me: Omit<Me, 'abilities'>, reach: Reach): Actor {
  return {
    ...reach,
    userId: me.id,
    username: me.username,
    fullName: me.fullName,
    role: me.role,
    bidang: me.bidang,
    cooperativeId: me.cooperativeId,
  };
}
