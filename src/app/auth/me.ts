import type { Selectable } from 'kysely';
import type { UserTable } from '../../db/schema.js';
import type { Bidang, Role } from '../../domain/codes.js';
import type { Actor } from '../context.js';
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
}

export function meOf(u: Selectable<UserTable>, cooperativeName: string | null): Me {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role as Role,
    bidang: u.bidang as Bidang | null,
    cooperativeId: u.cooperative_id,
    cooperativeName,
    mustChangePassword: u.must_change_password === 1,
  };
}

/** The actor of a logged-in user: who they are and their office reach (`reachOf`, policy/reach.ts). */
export function actorOf(me: Me, reach: Reach): Actor {
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
