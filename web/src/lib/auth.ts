import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './api';
import type { Me } from './types';

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

export { homePath } from './home';
