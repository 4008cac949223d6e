import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/http/access.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';
import { aboutARecord, routeTargets, SAMPLES } from './route-samples/all.js';

/**
 * Issue 11 point 3, "extend the route × role test to route × role × office": every registered route,
 * called by users of other offices about the records of one office. The demo holds the Probolinggo
 * office (the first; it holds Dewi Rengganis, a regency-authority cooperative), the neighbouring
 * regency office (admin.lumajang, petugas.lumajang) and the province office (provinsi as pimpinan,
 * admin.provinsi), which holds a few province-authority cooperatives.
 *
 * - another regency's users get nothing of the record: a route about it answers 404 or 403, a list,
 *   search, dashboard, export or file answers without it (no id, no name, in JSON, XLSX or PDF);
 * - a regency office's users get nothing of a province-authority cooperative either;
 * - a province user reads a regency cooperative's records (every read its role may call answers) but
 *   changes none (every write its role may call is FORBIDDEN);
 * - and nothing any of them called left an audit event on the record's cooperative.
 */
type Caller = 'admin.lumajang' | 'petugas.lumajang' | 'provinsi' | 'admin.provinsi' | 'admin' | 'petugas.koperasi';
const ROLE: Record<Caller, string> = {
  'admin.lumajang': 'admin',
  'petugas.lumajang': 'petugas',
  provinsi: 'pimpinan',
  'admin.provinsi': 'admin',
  admin: 'admin',
  'petugas.koperasi': 'petugas',
};

function allowed(access: Access, caller: Caller): boolean {
  if (access === 'public' || access === 'session') return true;
  return (access as readonly string[]).includes(ROLE[caller]);
}

/** Every text a response shows: JSON or text as is, an XLSX's cells, a PDF's words (pdftotext). */
async function shownText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text ?? '')))));
    return cells.join('\n');
  }
  if (type.includes('pdf')) {
    const dir = mkdtempSync(join(tmpdir(), 'reach-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), res.rawPayload);
      return execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8', stdio: 'pipe' }).replace(
        /\s+/g,
        ' ',
      );
    } catch {
      return res.rawPayload.toString('latin1'); // not a PDF after all (a test fixture's bytes): as it is
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return res.body;
}

/**
 * Routes whose sample is not about a record of the cooperative's office: each office keeps its own
 * letter registers, so another office's admin setting `UJI_PERAN` sets its own.
 */
const NOT_THE_OFFICE_RECORD = new Set(['PUT /api/v1/letter-registers/:kind']);
/** An unknown record (the nil id), or an upload session, which is its owner's alone: 404 for anyone else. */
const NOBODYS = (target: string) =>
  target.includes('00000000-0000-4000-8000-000000000000') || target.startsWith('/api/v1/uploads/');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

// Some 150 routes × 2–4 callers with fresh fixtures each, once per database: minutes on a loaded machine.
describe.each(DB_KINDS)('every route × role × office on %s', { timeout: 420_000 }, (kind) => {
  let api: Api;
  const cookies: Partial<Record<Caller, string>> = {};
  let provinceCoop = '';
  const names: Record<string, string> = {};
  /** The admin of the office holding the records under test, who makes the fixtures, and a bystander user of it. */
  let owner: Caller = 'admin';
  const bystander: Partial<Record<Caller, string>> = {};
  const { fixtures, url } = routeTargets(
    () => api,
    () => cookies[owner]!,
    () => bystander[owner]!,
  );

  beforeAll(async () => {
    api = await startApi(kind);
    for (const who of Object.keys(ROLE) as Caller[]) cookies[who] = await api.login(who);
    const db = api.deps.db.kysely;
    provinceCoop = (
      await db
        .selectFrom('cooperatives')
        .select('id')
        .where('authority_level', '=', 'PROVINSI')
        .orderBy('name')
        .executeTakeFirstOrThrow()
    ).id;
    for (const c of await db
      .selectFrom('cooperatives')
      .select(['id', 'name'])
      .where('id', 'in', [DEWI_ID, provinceCoop])
      .execute())
      names[c.id] = c.name;
    for (const admin of ['admin', 'admin.provinsi'] as const) {
      const res = await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: cookies[admin],
        body: { username: `bystander.${admin}`, fullName: 'Akun Penonton', role: 'pimpinan' },
      });
      expect(res.statusCode, res.body).toBe(201);
      bystander[admin] = res.json().user.id;
    }
  });
  afterAll(() => api?.close());

  async function call(route: { method: string; url: string }, coopId: string, caller: Caller) {
    const sample = SAMPLES[`${route.method} ${route.url}`] ?? {};
    const unitId = await fixtures(coopId, route.url);
    const target = sample.fixture
      ? await sample.fixture({ api, adminCookie: cookies[owner]!, cooperativeId: coopId })
      : url(route.url, coopId, unitId, sample.query);
    // The cooperative's own samples name Dewi Rengganis in their bodies (a visit, a concern…): aim them at the target.
    const body =
      sample.body === undefined ? undefined : JSON.parse(JSON.stringify(sample.body).replaceAll(DEWI_ID, coopId));
    const res = await api.req({
      method: route.method,
      url: target,
      cookie: cookies[caller],
      ...(body !== undefined ? { body } : {}),
    });
    // The record ids the call was about (in its path or query), to find them in the answer.
    const ids = (target.match(UUID) ?? []).filter((id) => id !== '00000000-0000-4000-8000-000000000000');
    return { res, target, ids };
  }

  const auditBy = async (coopId: string, usernames: string[]) =>
    Number(
      (
        await api.deps.db.kysely
          .selectFrom('audit_events as e')
          .innerJoin('users as u', 'u.id', 'e.actor_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('e.cooperative_id', '=', coopId)
          .where('u.username', 'in', usernames)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Every route as `callers` about `coopId`'s records (held by `holder`'s office): nothing of it comes back. */
  async function outsiders(coopId: string, holder: Caller, callers: Caller[]) {
    owner = holder;
    const report: string[] = [];
    for (const route of api.app.apiRoutes) {
      if (route.url === '/api/v1/auth/logout') continue; // would end the caller's session for the next routes
      for (const caller of callers) {
        const { res, target, ids } = await call(route, coopId, caller);
        const where = `${route.method} ${route.url} as ${caller} (${target})`;
        if (res.statusCode >= 500) {
          report.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          continue;
        }
        if (
          aboutARecord(route) &&
          !NOT_THE_OFFICE_RECORD.has(`${route.method} ${route.url}`) &&
          allowed(route.access, caller) &&
          ![403, 404].includes(res.statusCode)
        )
          report.push(`${where}: ${res.statusCode} instead of 403/404 ${res.body.slice(0, 120)}`);
        if (res.statusCode < 300) {
          const text = await shownText(res);
          for (const secret of [coopId, names[coopId]!, ...ids])
            if (text.includes(secret)) report.push(`${where}: ${res.statusCode} shows ${secret}`);
        }
      }
    }
    return report;
  }

  it('gives another regency office nothing of this office’s records, on any route', async () => {
    const callers: Caller[] = ['admin.lumajang', 'petugas.lumajang'];
    expect(await outsiders(DEWI_ID, 'admin', callers)).toEqual([]);
    expect(await auditBy(DEWI_ID, [...callers])).toBe(0);
  });

  it('gives a regency office nothing of a province-authority cooperative, on any route', async () => {
    const callers: Caller[] = ['admin', 'petugas.koperasi'];
    expect(await outsiders(provinceCoop, 'admin.provinsi', callers)).toEqual([]);
    expect(await auditBy(provinceCoop, [...callers])).toBe(0);
  });

  it('lets a province user read a regency cooperative’s records and change none of them', async () => {
    const callers: Caller[] = ['provinsi', 'admin.provinsi'];
    const version = async () =>
      (
        await api.deps.db.kysely
          .selectFrom('cooperatives')
          .select('version')
          .where('id', '=', DEWI_ID)
          .executeTakeFirstOrThrow()
      ).version;
    const before = await version();
    owner = 'admin';
    const report: string[] = [];
    for (const route of api.app.apiRoutes.filter(aboutARecord)) {
      if (NOT_THE_OFFICE_RECORD.has(`${route.method} ${route.url}`)) continue;
      for (const caller of callers) {
        if (!allowed(route.access, caller)) continue; // the route × role test covers the role gate
        const { res, target } = await call(route, DEWI_ID, caller);
        if (NOBODYS(target) && res.statusCode === 404) continue;
        const where = `${route.method} ${route.url} as ${caller} (${target})`;
        const reads = route.method === 'GET' || route.method === 'HEAD';
        if (reads && res.statusCode >= 300) report.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (!reads && res.statusCode !== 403) report.push(`${where}: ${res.statusCode} instead of 403`);
      }
    }
    expect(report).toEqual([]);
    expect(await version()).toBe(before);
    expect(await auditBy(DEWI_ID, [...callers])).toBe(0);
  });
});
