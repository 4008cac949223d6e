import { describe, expect, it } from 'vitest';
import { afterLoginPath, homePath, safeNext } from './home';

describe('after login (shared by the React login page and the early form of masuk.html)', () => {
  // `abilities` as GET /auth/me gives them (test/api/abilities.test.ts).
  const as = (home: 'cooperative' | 'dashboard' | 'registry', cooperativeId: string | null = null) => ({
    mustChangePassword: false,
    cooperativeId,
    abilities: { home, portal: home === 'cooperative' },
  });
  const petugas = as('registry');
  it('goes to next when it stays on this site and is not the login page', () => {
    expect(afterLoginPath(petugas, '/koperasi/abc?tab=data-tahunan')).toBe('/koperasi/abc?tab=data-tahunan');
    expect(afterLoginPath(petugas, '//evil.example/x')).toBe('/koperasi');
    expect(afterLoginPath(petugas, 'https://evil.example/')).toBe('/koperasi');
    expect(afterLoginPath(petugas, '/masuk?next=/x')).toBe('/koperasi');
    expect(safeNext(null)).toBeNull();
  });
  it('a forced password change wins over next; a cooperative user always goes home', () => {
    expect(afterLoginPath({ ...petugas, mustChangePassword: true }, '/dasbor')).toBe('/ganti-sandi');
    expect(afterLoginPath(as('cooperative', 'c1'), '/dasbor')).toBe('/koperasi/c1');
  });
  it('home by the home the server names', () => {
    expect(homePath(as('dashboard'))).toBe('/dasbor');
    expect(homePath(as('registry'))).toBe('/koperasi');
    expect(homePath(as('cooperative', 'c1'))).toBe('/koperasi/c1');
    expect(homePath(as('cooperative'))).toBe('/tentang');
  });
});
