import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/** Issue 16, "Edges": control characters, cross-site requests, security headers. */
describe.each(DB_KINDS)('edges on %s', (kind) => {
  let api: Api;
  let koperasi: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind);
    koperasi = await api.login('dewirengganis');
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());

  const count = async (table: 'concerns' | 'audit_events') =>
    Number(
      (
        await api.deps.db.kysely
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const concern = (description: string) => ({
    cooperativeId: DEWI_ID,
    kind: 'KELUHAN',
    topic: 'permodalan',
    description,
  });

  describe('control characters', () => {
    it.each([
      ['NUL', 'Modal kurang\u0000 sekali'],
      ['bell', 'Modal kurang\u0007 sekali'],
      ['escape', '\u001b[31mModal kurang sekali'],
      ['DEL', 'Modal kurang sekali\u007f'],
      ['C1', 'Modal kurang sekali\u0085'],
    ])('refuses %s in a JSON text field with a 400 in Indonesian and stores nothing', async (_name, text) => {
      const [concerns, audit] = [await count('concerns'), await count('audit_events')];
      const res = await api.req({ method: 'POST', url: '/api/v1/concerns', cookie: koperasi, body: concern(text) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/karakter kendali/),
        fields: { description: expect.any(String) },
      });
      expect([await count('concerns'), await count('audit_events')]).toEqual([concerns, audit]);
    });

    it('refuses them in nested values, keys, query strings and path parameters too', async () => {
      const nested = await api.req({
        method: 'PUT',
        url: `/api/v1/cooperatives/${DEWI_ID}/statements/2023`,
        cookie: koperasi,
        body: { lines: { 'kas\u0000': 5 } },
      });
      expect(nested.statusCode).toBe(400);
      expect(nested.json().error.message).toMatch(/karakter kendali/);
      const query = await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=abc%00def', cookie: admin });
      expect(query.statusCode).toBe(400);
      expect(query.json().error.fields).toEqual({ search: expect.any(String) });
      const param = await api.req({ method: 'GET', url: '/api/v1/cooperatives/abc%00', cookie: admin });
      expect(param.statusCode).toBe(400);
      const login = await api.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { username: 'admin\u0000', password: 'x' },
      });
      expect(login.statusCode).toBe(400);
    });

    it('keeps tabs and line breaks in text', async () => {
      const res = await api.req({
        method: 'POST',
        url: '/api/v1/concerns',
        cookie: koperasi,
        body: concern('Baris satu\r\nbaris dua\tdengan tab'),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().description).toContain('\tdengan tab');
    });
  });

  describe('cross-site requests', () => {
    it('refuses a cross-site POST to logout with 403 in Indonesian, and the session lives on', async () => {
      const cookie = await api.login('pimpinan');
      const tries: Record<string, string>[] = [
        { origin: 'https://jahat.example' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: 'http://localhost' },
        { origin: 'null' },
      ];
      for (const headers of tries) {
        const res = await api.req({ method: 'POST', url: '/api/v1/auth/logout', cookie, headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.json().error).toEqual({
          code: 'FORBIDDEN',
          message: expect.stringMatching(/Permintaan dari situs lain ditolak/),
        });
      }
      expect((await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
      // The app itself (same origin, as a browser says it) logs out.
      const same = await api.req({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookie,
        headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
      });
      expect(same.statusCode).toBe(200);
      expect((await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    });

    it('refuses a cross-site mutation and writes nothing; same-origin and clients without Origin still work', async () => {
      const [concerns, audit] = [await count('concerns'), await count('audit_events')];
      const evil = await api.req({
        method: 'POST',
        url: '/api/v1/concerns',
        cookie: koperasi,
        body: concern('Dikirim dari situs lain'),
        headers: { origin: 'https://jahat.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(evil.statusCode).toBe(403);
      expect(evil.json().error.message).toMatch(/situs lain/);
      const login = await api.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { username: 'admin', password: 'admin-test-123' },
        headers: { origin: 'https://jahat.example' },
      });
      expect(login.statusCode).toBe(403);
      expect([await count('concerns'), await count('audit_events')]).toEqual([concerns, audit]);
      const same = await api.req({
        method: 'POST',
        url: '/api/v1/concerns',
        cookie: koperasi,
        body: concern('Dari aplikasi sendiri'),
        headers: { origin: 'http://localhost', host: 'localhost', 'sec-fetch-site': 'same-origin' },
      });
      expect(same.statusCode, same.body).toBe(201);
      const script = await api.req({
        method: 'POST',
        url: '/api/v1/concerns',
        cookie: koperasi,
        body: concern('Dari skrip tanpa Origin'),
      });
      expect(script.statusCode).toBe(201);
      // Reads are not affected: a cross-site GET carries no effect.
      expect(
        (
          await api.req({
            method: 'GET',
            url: '/api/v1/auth/me',
            cookie: koperasi,
            headers: { 'sec-fetch-site': 'cross-site' },
          })
        ).statusCode,
      ).toBe(200);
    });
  });

  it('sends security headers: CSP with frame-ancestors none, nosniff, a referrer policy, no framing', async () => {
    for (const url of ['/healthz', '/api/v1/auth/me', '/api/v1/tidak-ada']) {
      const res = await api.req({ method: 'GET', url, cookie: admin });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/img-src 'self' data: blob:/);
      expect(csp).not.toMatch(/upgrade-insecure-requests|unsafe-eval/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});
