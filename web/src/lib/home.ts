import type { Me } from './types';

/** What the start page depends on: the forced password change, the user's cooperative and abilities. */
export type HomeUser = Pick<Me, 'mustChangePassword' | 'cooperativeId'> & {
  abilities: Pick<Me['abilities'], 'home' | 'portal'>;
};

/**
 * Where a user goes after logging in (`abilities.home`, from src/app/policy/app.ts). Kept free of
 * React and the API client: the entry chunk's early login form (web/src/shell-login.ts) uses it
 * before the app has arrived.
 */
export function homePath(me: HomeUser): string {
  if (me.mustChangePassword) return '/ganti-sandi';
  switch (me.abilities.home) {
    case 'cooperative':
      return me.cooperativeId != null ? `/koperasi/${me.cooperativeId}` : '/tentang';
    case 'dashboard':
      return '/dasbor';
    default:
      return '/koperasi';
  }
}

/** A `next` parameter that stays on this site and does not lead back to the login page. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/masuk')) return null;
  return next;
}

/** The screen after a successful login: the forced password change, `next`, or the user's home. */
export function afterLoginPath(user: HomeUser, next: string | null): string {
  const to = safeNext(next);
  if (user.mustChangePassword) return '/ganti-sandi';
  // A cooperative's account always opens its own portal.
  if (to && !user.abilities.portal) return to;
  return homePath(user);
}
