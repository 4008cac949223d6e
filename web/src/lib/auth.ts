import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './api';
import type { Me, Role } from './types';

/** A yes/no ability of the logged-in user in the app (GET /auth/me `abilities`, src/app/policy/app.ts). */
export type AbilityFlag = {
  [K in keyof Me['abilities']]: Me['abilities'][K] extends boolean ? K : never;
}[keyof Me['abilities']];

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const res = await get<{ user: Me }>('/auth/me');
    return res.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, meta: { silent: true } });
}

/**
 * Old role predicates, kept only for screens not yet moved to `abilities` / `can` (see eslint.config.js,
 * where this file is on the role-check rule's ignore list until they are gone).
 */
export const isStaff = (role: Role | undefined) => role === 'admin' || role === 'pimpinan' || role === 'petugas';
export const canManageCoops = (role: Role | undefined) => role === 'admin' || role === 'petugas';

export { homePath } from './home';

/** Fields a `koperasi` user may change on its own cooperative. */
export const KOPERASI_EDITABLE_FIELDS = [
  'officers',
  'phone',
  'email',
  'street',
  'membersMale',
  'membersFemale',
  'employeesMale',
  'employeesFemale',
] as const;
