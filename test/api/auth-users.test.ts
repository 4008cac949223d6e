import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

describe.each(DB_KINDS)('accounts and sessions on %s', (kind) => {
  let api: Api;
  let admin: string;
  // A clock the test can move, to pass lockouts without waiting.
  let offsetMs = 0;
  beforeAll(async () => {
    api = await startApi(kind, { now: () => new Date(Date.now() + offsetMs) });
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());

  const login = (username: string, password: string) =>
    api.req({ method: 'POST', url: '/api/v1/auth/login', body: { username, password } });

  it('sets an HttpOnly, SameSite session cookie on login and returns the user', async () => {
    const res = await login('pimpinan', 'sambang-demo');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'pimpinan', role: 'pimpinan', mustChangePassword: false });
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/sambang_session=/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i);
  });

  it('ignores X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
    const res = await api.req({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: 'pimpinan', password: 'sambang-demo' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('answers wrong credentials and unknown users alike with 401 in Indonesian', async () => {
    for (const [u, p] of [
      ['pimpinan', 'salah-sekali'],
      ['tidak.ada', 'sambang-demo'],
    ]) {
      const res = await login(u!, p!);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah.' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses every API call without a session with 401', async () => {
    for (const url of ['/api/v1/cooperatives', `/api/v1/cooperatives/${DEWI_ID}`, '/api/v1/users', '/api/v1/auth/me']) {
      const res = await api.req({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const forged = await api.req({ method: 'GET', url: '/api/v1/cooperatives', cookie: 'sambang_session=forged' });
    expect(forged.statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const cookie = await api.login('petugas.industri');
    expect((await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
    expect((await api.req({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(200);
    expect((await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('blocks an account only for the address that guessed wrong, with growing delays and an audit entry', async () => {
    const created = await api.req({
      method: 'POST',
      url: '/api/v1/users',
      cookie: admin,
      body: { username: 'korban', fullName: 'Akun Uji', role: 'pimpinan', password: 'benar-sekali' },
    });
    expect(created.statusCode).toBe(201);
    const from = (address: string, password: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: address,
        payload: { username: 'korban', password },
      });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.9', 'salah')).statusCode).toBe(401);
    const blocked = await from('203.0.113.9', 'benar-sekali');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/dari alamat ini\. Coba lagi dalam 1 menit/);
    // The owner, elsewhere, is not locked out by the stranger.
    expect((await from('198.51.100.7', 'benar-sekali')).statusCode).toBe(200);
    // The delay grows: after 1 minute one more wrong guess costs 2 minutes.
    offsetMs = 61_000;
    expect((await from('203.0.113.9', 'salah')).statusCode).toBe(401);
    expect((await from('203.0.113.9', 'benar-sekali')).json().error.message).toMatch(/Coba lagi dalam 2 menit/);
    offsetMs = 61_000 + 121_000;
    expect((await from('203.0.113.9', 'benar-sekali')).statusCode).toBe(200);
    offsetMs = 0;
    const log = (
      await api.req({ method: 'GET', url: '/api/v1/audit?entityType=user&pageSize=100', cookie: admin })
    ).json();
    const blocks = log.items.filter((e: { action: string }) => e.action === 'auth.login_blocked');
    expect(blocks.length).toBe(2);
    expect(JSON.stringify(blocks)).toMatch(/203\.0\.113\.9/);
  });

  describe('user administration', () => {
    it('creates a user with a generated password that must be changed first', async () => {
      const res = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: admin,
        body: { username: 'petugas.baru', fullName: 'Petugas Baru', role: 'petugas', bidang: 'usaha_mikro' },
      });
      expect(res.statusCode).toBe(201);
      const { user, temporaryPassword } = res.json();
      expect(user).toMatchObject({
        username: 'petugas.baru',
        bidang: 'usaha_mikro',
        mustChangePassword: true,
        disabled: false,
      });
      expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);

      const cookie = await api.login('petugas.baru', temporaryPassword);
      const blocked = await api.req({ method: 'GET', url: '/api/v1/cooperatives', cookie });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await api.req({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        cookie,
        body: { currentPassword: temporaryPassword, newPassword: 'pendek' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.fields.newPassword).toMatch(/minimal 8/);
      const wrongOld = await api.req({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        cookie,
        body: { currentPassword: 'keliru-keliru', newPassword: 'sandi-baru-kuat' },
      });
      expect(wrongOld.statusCode).toBe(400);
      const changed = await api.req({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        cookie,
        body: { currentPassword: temporaryPassword, newPassword: 'sandi-baru-kuat' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().user.mustChangePassword).toBe(false);
      expect((await api.req({ method: 'GET', url: '/api/v1/cooperatives', cookie })).statusCode).toBe(200);
      expect((await login('petugas.baru', temporaryPassword)).statusCode).toBe(401);
    });

    it('stores passwords as argon2id hashes, never in clear', async () => {
      const row = await api.deps.db.kysely
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'petugas.baru')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain('sandi-baru-kuat');
    });

    it('requires a bidang for petugas and exactly one cooperative for a koperasi user', async () => {
      const noBidang = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: admin,
        body: { username: 'tanpa.bidang', fullName: 'X Y', role: 'petugas' },
      });
      expect(noBidang.statusCode).toBe(400);
      expect(noBidang.json().error.fields.bidang).toBeDefined();
      const noCoop = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: admin,
        body: { username: 'tanpa.kop', fullName: 'X Y', role: 'koperasi' },
      });
      expect(noCoop.json().error.fields.cooperativeId).toBeDefined();
      const ghost = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: admin,
        body: {
          username: 'kop.hantu',
          fullName: 'X Y',
          role: 'koperasi',
          cooperativeId: '00000000-0000-4000-8000-000000000000',
        },
      });
      expect(ghost.statusCode).toBe(400);
      const ok = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: admin,
        body: { username: 'bendahara.dewi', fullName: 'Bendahara Dewi', role: 'koperasi', cooperativeId: DEWI_ID },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().user.cooperative).toEqual({ id: DEWI_ID, name: 'Kopwan Dewi Rengganis' });
      const dup = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: admin,
        body: { username: 'Bendahara.Dewi', fullName: 'X Y', role: 'pimpinan' },
      });
      expect(dup.statusCode).toBe(409);
    });

    it('disables a user, ending their sessions, and enables them again', async () => {
      const target = (
        await api.req({ method: 'GET', url: '/api/v1/users?search=petugas.usahamikro', cookie: admin })
      ).json().items[0];
      const cookie = await api.login('petugas.usahamikro');
      const off = await api.req({
        method: 'PATCH',
        url: `/api/v1/users/${target.id}`,
        cookie: admin,
        body: { disabled: true },
      });
      expect(off.json().user.disabled).toBe(true);
      expect((await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
      const refused = await login('petugas.usahamikro', 'sambang-demo');
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.message).toMatch(/dinonaktifkan/);
      await api.req({ method: 'PATCH', url: `/api/v1/users/${target.id}`, cookie: admin, body: { disabled: false } });
      expect((await login('petugas.usahamikro', 'sambang-demo')).statusCode).toBe(200);
    });

    it('resets a password to a temporary one that must be changed', async () => {
      const target = (
        await api.req({ method: 'GET', url: '/api/v1/users?role=petugas&search=industri', cookie: admin })
      ).json().items[0];
      const res = await api.req({ method: 'POST', url: `/api/v1/users/${target.id}/reset-password`, cookie: admin });
      expect(res.statusCode).toBe(200);
      expect((await login('petugas.industri', 'sambang-demo')).statusCode).toBe(401);
      const again = await login('petugas.industri', res.json().temporaryPassword);
      expect(again.json().user.mustChangePassword).toBe(true);
    });

    it('does not let an admin disable or demote themselves', async () => {
      const me = (await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie: admin })).json().user;
      expect(
        (await api.req({ method: 'PATCH', url: `/api/v1/users/${me.id}`, cookie: admin, body: { disabled: true } }))
          .statusCode,
      ).toBe(409);
    });

    it('lists users with paging and filters, admin only', async () => {
      const res = (
        await api.req({ method: 'GET', url: '/api/v1/users?role=petugas&pageSize=2', cookie: admin })
      ).json();
      expect(res.items.length).toBeLessThanOrEqual(2);
      expect(res.total).toBeGreaterThanOrEqual(3);
      for (const u of res.items) expect(u.role).toBe('petugas');
      expect(JSON.stringify(res)).not.toMatch(/argon2|password_hash/);
      const petugas = await api.login('petugas.koperasi');
      expect((await api.req({ method: 'GET', url: '/api/v1/users', cookie: petugas })).statusCode).toBe(403);
    });

    it('audits account changes without recording any password', async () => {
      const log = (
        await api.req({ method: 'GET', url: '/api/v1/audit?entityType=user&pageSize=100', cookie: admin })
      ).json();
      const actions = new Set(log.items.map((e: { action: string }) => e.action));
      for (const a of [
        'user.create',
        'user.update',
        'user.reset_password',
        'user.change_password',
        'auth.login_blocked',
      ])
        expect(actions).toContain(a);
      expect(JSON.stringify(log)).not.toMatch(/sandi-baru-kuat|benar-sekali|argon2/);
    });
  });
});

describe('first start without SAMBANG_ADMIN_PASSWORD', () => {
  it('generates an admin password that must be changed at first login', async () => {
    const api = await startApi('sqlite', { demo: false, adminPassword: null });
    try {
      const row = await api.deps.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(1);
      const cooperatives = await api.deps.db.kysely.selectFrom('cooperatives').select('id').execute();
      expect(cooperatives).toHaveLength(0);
    } finally {
      await api.close();
    }
  });
});

describe.each(DB_KINDS)('client addresses on %s', (kind) => {
  it('does not let rotating X-Forwarded-For spray passwords (no proxy trusted by default)', async () => {
    const api = await startApi(kind, { demo: false, env: { SAMBANG_LOGIN_LIMIT: '30' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 32; i++) {
        const res = await api.req({
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { username: `semprot${i}`, password: 'salah-salah' },
          headers: { 'x-forwarded-for': `10.9.${i}.1` },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
      expect(codes.slice(30)).toEqual([429, 429]);
    } finally {
      await api.close();
    }
  });

  it('believes X-Forwarded-For only from a proxy named in SAMBANG_TRUST_PROXY', async () => {
    const api = await startApi(kind, { demo: false, env: { SAMBANG_TRUST_PROXY: '127.0.0.1' } });
    try {
      const wrong = (ip: string) =>
        api.req({
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { username: 'admin', password: 'salah-salah' },
          headers: { 'x-forwarded-for': ip },
        });
      // Behind the proxy each client has its own count: one client's failures do not block another.
      for (let i = 0; i < 5; i++) expect((await wrong('192.0.2.10')).statusCode).toBe(401);
      expect((await wrong('192.0.2.10')).statusCode).toBe(429);
      expect((await wrong('192.0.2.11')).statusCode).toBe(401);
      // A request that does not come from the proxy cannot pick its address.
      const direct = await api.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.1',
        headers: { 'x-forwarded-for': '192.0.2.11' },
        payload: { username: 'admin', password: 'salah-salah' },
      });
      expect(direct.statusCode).toBe(401);
      // Behind an HTTPS proxy the cookie is Secure.
      const https = await api.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { username: 'admin', password: ADMIN_PASSWORD },
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.12' },
      });
      expect(https.statusCode).toBe(200);
      expect(String(https.headers['set-cookie'])).toMatch(/Secure/);
      const row = await api.deps.db.kysely
        .selectFrom('login_failures')
        .select('address')
        .where('address', '=', '198.51.100.1')
        .executeTakeFirst();
      expect(row?.address).toBe('198.51.100.1');
    } finally {
      await api.close();
    }
  });
});
