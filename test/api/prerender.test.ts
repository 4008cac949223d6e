import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/context.js';
import { createOffice, defaultProfile } from '../../src/app/offices/offices.js';
import { createUser } from '../../src/app/users/manage-users.js';
import { buildServer } from '../../src/http/server.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * Issue #15: a cold load of /dasbor or /koperasi carries the screen in its HTML (src/http/prerender.ts).
 * That HTML must follow the API's rules exactly: the session, the app abilities (no registry for a
 * cooperative's account, no dashboard for a petugas) and the office reach (a regency office never sees
 * another regency's cooperatives or kecamatan). The demo office is the first regency (35.13); the test
 * adds a second regency office (35.09) with an admin and one cooperative.
 */
const SHELL = `<!doctype html><html lang="id"><head><title>Sambang</title></head><body><div id="root">
<!-- shell:start --><!-- head:start --><div class="shell-head">Sambang</div><!-- head:end -->
<main class="shell-body">Memuat Sambang…</main><!-- shell:end --></div></body></html>`;
const PASSWORD = 'Prerender-test-2026!';

describe.each(DB_KINDS)('server-rendered dashboard and cooperative list (%s)', (kind) => {
  let api: Api;
  let web: FastifyInstance;
  let dir: string;
  const cookie: Record<string, string> = {};
  let otherCoop = '';
  let otherDistricts: string[] = [];
  let ownDistricts: string[] = [];

  const page = async (url: string, who: string | null) => {
    const res = await web.inject({
      method: 'GET',
      url,
      headers: { accept: 'text/html', ...(who ? { cookie: cookie[who] } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const prerendered = (html: string) => html.includes('id="pre-main"');
  /** The cooperative ids the HTML links to. */
  const linkedIds = (html: string) => [...html.matchAll(/href="\/koperasi\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

  beforeAll(async () => {
    api = await startApi(kind);
    dir = mkdtempSync(join(os.tmpdir(), 'sambang-prerender-'));
    writeFileSync(join(dir, 'index.html'), SHELL);
    web = await buildServer(api.deps, { logger: false, webDir: dir });
    await web.ready();
    const db = api.deps.db.kysely;
    const otherOffice =
      (await db.selectFrom('offices').select('id').where('region_code', '=', '35.09').executeTakeFirst())?.id ??
      (await createOffice(api.deps, SYSTEM_ACTOR, await defaultProfile(db, 'KABUPATEN', '35.09'))).id;
    const { user } = await createUser(api.deps, SYSTEM_ACTOR, {
      username: 'admin.lain',
      fullName: 'Admin kabupaten lain',
      role: 'admin',
      bidang: null,
      password: PASSWORD,
    });
    await db
      .updateTable('users')
      .set({ office_id: otherOffice, must_change_password: 0 })
      .where('id', '=', user.id)
      .execute();
    for (const u of ['admin', 'pimpinan', 'petugas.koperasi', 'dewirengganis']) cookie[u] = await api.login(u);
    cookie['admin.lain'] = await api.login('admin.lain', PASSWORD);
    const place = await db
      .selectFrom('villages as v')
      .innerJoin('districts as d', 'd.code', 'v.district_code')
      .select(['v.code as villageCode', 'd.code as districtCode'])
      .where('d.regency_code', '=', '35.09')
      .orderBy('v.code')
      .limit(1)
      .executeTakeFirstOrThrow();
    const created = await api.req({
      method: 'POST',
      url: '/api/v1/cooperatives',
      cookie: cookie['admin.lain'],
      body: { name: 'Koperasi Uji Prarender', type: 'KONSUMEN', group: 'KSU', ...place },
    });
    expect(created.statusCode, created.body).toBe(201);
    otherCoop = created.json().id;
    const names = async (regency: string) =>
      (await db.selectFrom('districts').select('name').where('regency_code', '=', regency).execute()).map(
        (d) => d.name,
      );
    ownDistricts = await names('35.13');
    otherDistricts = await names('35.09');
  });
  afterAll(async () => {
    await web?.close();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the list an office user would get from the API, page for page and search for search', async () => {
    for (const [who, url, apiUrl] of [
      ['admin', '/koperasi', '/api/v1/cooperatives?sort=name&page=1&pageSize=20'],
      ['petugas.koperasi', '/koperasi?page=2', '/api/v1/cooperatives?sort=name&page=2&pageSize=20'],
      ['admin', '/koperasi?q=Dewi', '/api/v1/cooperatives?search=Dewi&sort=name&page=1&pageSize=20'],
      ['admin.lain', '/koperasi', '/api/v1/cooperatives?sort=name&page=1&pageSize=20'],
    ] as const) {
      const res = await page(url, who);
      expect(prerendered(res.body), `${who} ${url}`).toBe(true);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const expected = await api.req({ method: 'GET', url: apiUrl, cookie: cookie[who] });
      const body = expected.json() as { items: Array<{ id: string }>; total: number };
      expect(linkedIds(res.body), `${who} ${url}`).toEqual(body.items.map((c) => c.id));
      expect(res.body).toContain(`${body.total.toLocaleString('id-ID')} koperasi`);
    }
  });

  it("never shows another office's cooperatives or kecamatan", async () => {
    const own = await page('/koperasi?q=Prarender', 'admin');
    expect(linkedIds(own.body)).toEqual([]);
    expect(own.body).not.toContain('Koperasi Uji Prarender');
    const other = await page('/koperasi', 'admin.lain');
    expect(linkedIds(other.body)).toEqual([otherCoop]);
    expect(other.body).not.toContain(DEWI_ID);
    const search = await page('/koperasi?q=Dewi', 'admin.lain');
    expect(linkedIds(search.body)).toEqual([]);
    expect(search.body).not.toContain('Dewi Rengganis');

    const dashOwn = await page('/dasbor', 'admin');
    const dashOther = await page('/dasbor', 'admin.lain');
    expect(prerendered(dashOwn.body) && prerendered(dashOther.body)).toBe(true);
    const rows = (html: string) => [...html.matchAll(/<th scope="row"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(rows(dashOwn.body).sort()).toEqual([...ownDistricts].sort());
    expect(rows(dashOther.body).sort()).toEqual([...otherDistricts].sort());
    // A region outside the office's reach is refused by the use case: the plain app shell, no figures.
    const foreign = await page('/dasbor?region=35.13', 'admin.lain');
    expect(prerendered(foreign.body)).toBe(false);
    for (const d of ownDistricts.filter((n) => !otherDistricts.includes(n))) expect(foreign.body).not.toContain(d);
  });

  it("never serves a cooperative's account the registry or the dashboard, nor anyone without a session", async () => {
    for (const [who, url] of [
      ['dewirengganis', '/koperasi'],
      ['dewirengganis', '/koperasi?q=Kop'],
      ['dewirengganis', '/dasbor'],
      ['petugas.koperasi', '/dasbor'],
      [null, '/koperasi'],
      [null, '/dasbor'],
    ] as const) {
      const res = await page(url, who);
      expect(prerendered(res.body), `${who} ${url}`).toBe(false);
      expect(res.body, `${who} ${url}`).toContain('Memuat Sambang…');
      expect(linkedIds(res.body)).toEqual([]);
      expect(res.body).not.toContain(DEWI_ID);
    }
    // A user who must still change a generated password sees nothing before changing it.
    await api.deps.db.kysely
      .updateTable('users')
      .set({ must_change_password: 1 })
      .where('username', '=', 'pimpinan')
      .execute();
    const res = await page('/dasbor', 'pimpinan');
    expect(prerendered(res.body)).toBe(false);
    await api.deps.db.kysely
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('username', '=', 'pimpinan')
      .execute();
    expect(prerendered((await page('/dasbor', 'pimpinan')).body)).toBe(true);
  });

  it('escapes what users typed and falls back to the app for a query the API would refuse', async () => {
    const res = await page('/koperasi?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'admin');
    expect(prerendered(res.body)).toBe(true);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(prerendered((await page('/koperasi?status=NOPE', 'admin')).body)).toBe(false);
    expect(prerendered((await page('/dasbor?year=19999', 'pimpinan')).body)).toBe(false);
    // Sent compressed (a weak link pays for every byte), and whole.
    const br = await web.inject({
      method: 'GET',
      url: '/koperasi',
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br', cookie: cookie.admin ?? '' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(prerendered(html)).toBe(true);
    expect(html).toContain('</html>');
    const json = await web.inject({ method: 'GET', url: '/koperasi', headers: { cookie: cookie.admin ?? '' } });
    expect(json.statusCode).toBe(404);
  });
});
