import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has defaults that make `npm start` work on an empty machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: 'sqlite:./data/sambang.db',
      demo: false,
      region: '35.13',
      adminPassword: undefined,
    });
    // No map extent is kept in code (issue 11): it is office data, or SAMBANG_REGION_BBOX.
    expect(c.bbox).toBeNull();
  });

  it('takes a province code too (a province office at first start)', () => {
    expect(loadConfig({ SAMBANG_REGION: '35' }).region).toBe('35');
    expect(() => loadConfig({ SAMBANG_REGION: '35.1' })).toThrow(/kode kabupaten\/kota \(mis. 35.13\) atau provinsi/);
    expect(() => loadConfig({ SAMBANG_REGION: '35.13.07' })).toThrow(ConfigError);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u@db/sambang',
      SAMBANG_ADMIN_PASSWORD: 'rahasia-sekali',
      SAMBANG_DEMO: '1',
      SAMBANG_REGION: '35.74',
      SAMBANG_REGION_BBOX: '-7.8,113.1,-7.7,113.3',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u@db/sambang',
      adminPassword: 'rahasia-sekali',
      demo: true,
      region: '35.74',
    });
    expect(c.bbox).toEqual({ minLat: -7.8, minLng: 113.1, maxLat: -7.7, maxLng: 113.3 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT harus berupa angka \/ PORT must be a number/],
    [{ PORT: '70000' }, /PORT harus 0–65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL harus "sqlite:PATH" atau "postgres:\/\/…"/],
    [{ SAMBANG_ADMIN_PASSWORD: 'short' }, /minimal 8 karakter/],
    [{ SAMBANG_DEMO: 'yes' }, /SAMBANG_DEMO harus 1 atau 0/],
    [{ SAMBANG_REGION: 'Probolinggo' }, /kode kabupaten\/kota \(mis. 35.13\) atau provinsi \(mis. 35\) Kemendagri/],
  ])('rejects %o with a bilingual message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', DATABASE_URL: 'ftp://y' });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });
  it('keeps photos where SAMBANG_PHOTO_DIR says, else beside the SQLite file', async () => {
    const { photoDir } = await import('../../src/app/photos/photo-store.js');
    const { resolve } = await import('node:path');
    const db = { schema: undefined } as never;
    expect(photoDir({ config: loadConfig({ DATABASE_URL: 'sqlite:/srv/sambang/db.sqlite' }), db })).toBe(
      '/srv/sambang/photos',
    );
    expect(
      photoDir({ config: loadConfig({ DATABASE_URL: 'sqlite:/srv/x.db', SAMBANG_PHOTO_DIR: '/mnt/foto' }), db }),
    ).toBe('/mnt/foto');
    expect(photoDir({ config: loadConfig({ DATABASE_URL: 'postgres://h/db' }), db: { schema: 't1' } as never })).toBe(
      resolve('data', 'photos', 't1'),
    );
  });
});

describe('SAMBANG_TRUST_PROXY', () => {
  it('trusts no proxy by default, so X-Forwarded-For cannot be forged', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ SAMBANG_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a list of proxy addresses and CIDR ranges', () => {
    expect(loadConfig({ SAMBANG_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it.each(['1', 'true', 'proxy.local', '10.0.0.0/33', '300.1.1.1'])('rejects %s with a bilingual message', (value) => {
    expect(() => loadConfig({ SAMBANG_TRUST_PROXY: value })).toThrow(/SAMBANG_TRUST_PROXY: .* bukan alamat IP/);
  });
});
