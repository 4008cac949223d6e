import type { Me } from './types';

/**
 * Where a user goes after logging in. Kept free of React and the API client: the entry chunk's
 * early login form (web/src/shell-login.ts) uses it before the app has arrived.
 */
export function homePath(me: Pick<Me, 'mustChangePassword' | 'role' | 'cooperativeId'>): string {
  if (me.mustChangePassword) return '/ganti-sandi';
  if (me.role === 'koperasi') return me.cooperativeId != null ? `/koperasi/${me.cooperativeId}` : '/tentang';
  if (me.role === 'pimpinan') return '/dasbor';
  return '/koperasi';
}

/** A `next` parameter that stays on this site and does not lead back to the login page. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/masuk')) return null;
  return next;
}

/** The screen after a successful login: the forced password change, `next`, or the user's home. */
export function afterLoginPath(
  user: Pick<Me, 'mustChangePassword' | 'role' | 'cooperativeId'>,
  next: string | null,
): string {
  const to = safeNext(next);
  if (user.mustChangePassword) return '/ganti-sandi';
  if (to && user.role !== 'koperasi') return to;
  return homePath(user);
}
