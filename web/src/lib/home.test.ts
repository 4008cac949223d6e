import { describe, expect, it } from 'vitest';
import { afterLoginPath, homePath, safeNext } from './home';

describe('after login (shared by the React login page and the early form of masuk.html)', () => {
  const petugas = { role: 'petugas' as const, mustChangePassword: false, cooperativeId: null };
  it('goes to next when it stays on this site and is not the login page', () => {
    expect(afterLoginPath(petugas, '/koperasi/abc?tab=data-tahunan')).toBe('/koperasi/abc?tab=data-tahunan');
    expect(afterLoginPath(petugas, '//evil.example/x')).toBe('/koperasi');
    expect(afterLoginPath(petugas, 'https://evil.example/')).toBe('/koperasi');
    expect(afterLoginPath(petugas, '/masuk?next=/x')).toBe('/koperasi');
    expect(safeNext(null)).toBeNull();
  });
  it('a forced password change wins over next; a cooperative user always goes home', () => {
    expect(afterLoginPath({ ...petugas, mustChangePassword: true }, '/dasbor')).toBe('/ganti-sandi');
    expect(afterLoginPath({ role: 'koperasi', mustChangePassword: false, cooperativeId: 'c1' }, '/dasbor')).toBe(
      '/koperasi/c1',
    );
  });
  it('home by role', () => {
    expect(homePath({ role: 'pimpinan', mustChangePassword: false, cooperativeId: null })).toBe('/dasbor');
    expect(homePath({ role: 'admin', mustChangePassword: false, cooperativeId: null })).toBe('/koperasi');
    expect(homePath({ role: 'koperasi', mustChangePassword: false, cooperativeId: null })).toBe('/tentang');
  });
});
