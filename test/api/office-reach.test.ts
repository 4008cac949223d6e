import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/context.js';
import { createOffice, defaultProfile } from '../../src/app/offices/offices.js';
import { createUser } from '../../src/app/users/manage-users.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * Issue 11 point 3: what a user sees and may change is their role and their office. The demo's office
 * (regency 35.13) is K1; the test adds a second regency of the same province (K2, 35.09), the province
 * office (P, 35) and the national office (N), users of each role per office, and records in each.
 */
const PASSWORD = 'Reach-test-2026!';
const ROLES = ['admin', 'pimpinan', 'petugas'] as const;

describe.each(DB_KINDS)('office reach (%s)', (kind) => {
  let api: Api;
  const office: Record<'K1' | 'K2' | 'P' | 'N', string> = { K1: '', K2: '', P: '', N: '' };
  const cookie: Record<string, string> = {};
  let k2Coop = '';
  let pCoop = '';
  let k2Visit = '';
  let k1Visit = '';
  let k2FollowUp = '';
  let k2Concern = '';

  const req = (method: string, url: string, who: string, body?: unknown) =>
    api.req({ method, url, cookie: cookie[who], ...(body !== undefined ? { body } : {}) });
  const get = (url: string, who: string) => req('GET', url, who);
  const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  async function placeIn(regency: string): Promise<{ districtCode: string; villageCode: string }> {
    const v = await api.deps.db.kysely
      .selectFrom('villages as v')
      .innerJoin('districts as d', 'd.code', 'v.district_code')
      .select(['v.code as villageCode', 'd.code as districtCode'])
      .where('d.regency_code', '=', regency)
      .orderBy('v.code')
      .limit(1)
      .executeTakeFirstOrThrow();
    return v;
  }

  beforeAll(async () => {
    api = await startApi(kind);
    const db = api.deps.db.kysely;
    office.K1 = (
      await db.selectFrom('offices').select('id').orderBy('created_at').orderBy('id').executeTakeFirstOrThrow()
    ).id;
    // The demo may hold these offices already (its neighbouring regency and province): use them, else make them.
    const officeOf = async (level: 'KABUPATEN' | 'PROVINSI', code: string) =>
      (await db.selectFrom('offices').select('id').where('region_code', '=', code).executeTakeFirst())?.id ??
      (await createOffice(api.deps, SYSTEM_ACTOR, await defaultProfile(db, level, code))).id;
    office.K2 = await officeOf('KABUPATEN', '35.09');
    office.P = await officeOf('PROVINSI', '35');
    office.N = (
      await createOffice(api.deps, SYSTEM_ACTOR, {
        level: 'NASIONAL',
        name: 'Kementerian Koperasi',
        shortName: 'Kemenkop',
        government: 'Pemerintah Republik Indonesia',
        address: 'Jakarta',
        city: 'Jakarta',
      })
    ).id;
    for (const [key, id] of Object.entries(office)) {
      for (const role of ROLES) {
        const username = `${role}.${key.toLowerCase()}`;
        const { user } = await createUser(api.deps, SYSTEM_ACTOR, {
          username,
          fullName: `${role} ${key}`,
          role,
          bidang: role === 'petugas' ? 'koperasi' : null,
          password: PASSWORD,
        });
        await db
          .updateTable('users')
          .set({ office_id: id, must_change_password: 0 })
          .where('id', '=', user.id)
          .execute();
        cookie[`${role}.${key}`] = await api.login(username, PASSWORD);
      }
    }
    // K2 registers a cooperative of its regency and visits it; the province one of its own.
    const k2 = await req('POST', '/api/v1/cooperatives', 'admin.K2', {
      name: 'Koperasi Uji Regensi Dua',
      type: 'KONSUMEN',
      group: 'KSU',
      ...(await placeIn('35.09')),
    });
    expect(k2.statusCode, k2.body).toBe(201);
    k2Coop = k2.json().id;
    const p = await req('POST', '/api/v1/cooperatives', 'admin.P', {
      name: 'Koperasi Uji Provinsi',
      type: 'KONSUMEN',
      group: 'KSU',
      ...(await placeIn('35.09')),
    });
    expect(p.statusCode, p.body).toBe(201);
    pCoop = p.json().id;
    const team = async (username: string) =>
      (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const visit = await req('POST', '/api/v1/visits', 'petugas.K2', {
      cooperativeId: k2Coop,
      date: today(),
      startTime: '09:00',
      purposes: ['PEMBINAAN'],
      team: [{ userId: await team('petugas.k2'), leader: true }],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    k2Visit = visit.json().id;
    const concern = await req('POST', '/api/v1/concerns', 'petugas.K2', {
      cooperativeId: k2Coop,
      kind: 'KELUHAN',
      topic: 'lainnya',
      description: 'Pengurus belum lengkap sejak rapat terakhir.',
      raisedBy: 'Ketua Koperasi',
    });
    expect(concern.statusCode, concern.body).toBe(201);
    k2Concern = concern.json().id;
    const fu = await req('POST', '/api/v1/follow-ups', 'petugas.K2', {
      concernId: k2Concern,
      recommendation: 'Lengkapi susunan pengurus dan laporkan ke Dinas.',
      responsible: { kind: 'COOPERATIVE' },
      deadline: '2030-01-01',
    });
    expect(fu.statusCode, fu.body).toBe(201);
    k2FollowUp = fu.json().id;
    k1Visit = (
      await db.selectFrom('visits').select('id').where('cooperative_id', '=', DEWI_ID).executeTakeFirstOrThrow()
    ).id;
  }, 240_000);
  afterAll(async () => api?.close());

  it('gives new records the creating user office and the office authority level', async () => {
    const db = api.deps.db.kysely;
    const c = await db.selectFrom('cooperatives').select(['office_id', 'authority_level']).where('id', '=', k2Coop);
    expect(await c.executeTakeFirstOrThrow()).toEqual({ office_id: office.K2, authority_level: 'KABUPATEN' });
    const p = await db.selectFrom('cooperatives').select(['office_id', 'authority_level']).where('id', '=', pCoop);
    expect(await p.executeTakeFirstOrThrow()).toEqual({ office_id: office.P, authority_level: 'PROVINSI' });
    const v = await db.selectFrom('visits').select('office_id').where('id', '=', k2Visit).executeTakeFirstOrThrow();
    expect(v.office_id).toBe(office.K2);
    const ev = await db
      .selectFrom('audit_events')
      .select('office_id')
      .where('entity_id', '=', k2Coop)
      .executeTakeFirstOrThrow();
    expect(ev.office_id).toBe(office.K2);
  });

  it('refuses a regency office a cooperative outside its regency', async () => {
    const res = await req('POST', '/api/v1/cooperatives', 'admin.K2', {
      name: 'Koperasi Salah Wilayah',
      type: 'KONSUMEN',
      group: 'KSU',
      ...(await placeIn('35.13')),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.districtCode).toMatch(/tidak ada di wilayah ini|di luar kabupaten/);
  });

  it("keeps each regency's cooperatives, visits, concerns and follow-ups out of the other regency", async () => {
    for (const role of ROLES) {
      const k2 = `${role}.K2`;
      const list = (await get('/api/v1/cooperatives?pageSize=100', k2)).json();
      expect(list.items.map((c: { id: string }) => c.id)).toEqual([k2Coop]);
      expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, k2)).statusCode).toBe(404);
      expect((await get(`/api/v1/cooperatives?search=dewi`, k2)).json().total).toBe(0);
      expect((await get(`/api/v1/visits/${k1Visit}`, k2)).statusCode).toBe(404);
      const visits = (await get('/api/v1/visits?pageSize=100', k2)).json().items as { cooperative: { id: string } }[];
      expect(visits.every((v) => v.cooperative.id === k2Coop)).toBe(true);
      const concerns = (await get('/api/v1/concerns?pageSize=100', k2)).json().items as {
        cooperative: { id: string };
      }[];
      expect(concerns.map((c) => c.cooperative.id)).toEqual([k2Coop]);
      const fus = (await get('/api/v1/follow-ups?pageSize=100', k2)).json().items as { cooperative: { id: string } }[];
      expect(fus.map((f) => f.cooperative.id)).toEqual([k2Coop]);
      expect((await get(`/api/v1/cooperatives/${DEWI_ID}/annual-meetings`, k2)).statusCode).toBe(404);
      expect((await get(`/api/v1/assessments?pageSize=100`, k2)).json().total).toBe(0);
      // And the other way round.
      const k1 = role === 'petugas' ? 'petugas.K1' : `${role}.K1`;
      expect((await get(`/api/v1/cooperatives/${k2Coop}`, k1)).statusCode).toBe(404);
      expect((await get(`/api/v1/visits/${k2Visit}`, k1)).statusCode).toBe(404);
      expect((await get(`/api/v1/concerns/${k2Concern}`, k1)).statusCode).toBe(404);
      expect((await get(`/api/v1/follow-ups/${k2FollowUp}`, k1)).statusCode).toBe(404);
      const k1List = (await get('/api/v1/cooperatives?pageSize=100', k1)).json().items as { id: string }[];
      expect(k1List.map((c) => c.id)).not.toContain(k2Coop);
      expect(k1List.map((c) => c.id)).not.toContain(pCoop);
      const dewi = (await get('/api/v1/cooperatives?search=dewi', k1)).json().items as { id: string }[];
      expect(dewi.map((c) => c.id)).toContain(DEWI_ID);
    }
  });

  it('lets the province read every cooperative of its regencies but change only its own', async () => {
    const ids = async (search: string) =>
      (await get(`/api/v1/cooperatives?pageSize=100&search=${search}`, 'pimpinan.P'))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids('uji')).toEqual(expect.arrayContaining([k2Coop, pCoop]));
    expect(await ids('dewi')).toContain(DEWI_ID);
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, 'petugas.P')).statusCode).toBe(200);
    expect((await get(`/api/v1/visits/${k2Visit}`, 'petugas.P')).statusCode).toBe(200);
    const dewi = (await get(`/api/v1/cooperatives/${DEWI_ID}`, 'admin.P')).json();
    expect(dewi.can.update).toBe(false);
    const refused = await req('PATCH', `/api/v1/cooperatives/${DEWI_ID}`, 'admin.P', {
      phone: '0335123456',
      version: dewi.version,
    });
    expect(refused.statusCode).toBe(403);
    const own = (await get(`/api/v1/cooperatives/${pCoop}`, 'admin.P')).json();
    expect(own.can.update).toBe(true);
    const ok = await req('PATCH', `/api/v1/cooperatives/${pCoop}`, 'admin.P', {
      phone: '0335123456',
      version: own.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // A regency never sees the province's own cooperatives.
    expect((await get(`/api/v1/cooperatives/${pCoop}`, 'admin.K2')).statusCode).toBe(404);
    // A write to a record the province only reads lands nowhere, and is not half done.
    const before = await api.deps.db.kysely.selectFrom('concerns').select('id').execute();
    const concern = await req('POST', '/api/v1/concerns', 'petugas.P', {
      cooperativeId: k2Coop,
      kind: 'KELUHAN',
      topic: 'lainnya',
      description: 'Catatan dari provinsi untuk koperasi kabupaten.',
      raisedBy: 'Provinsi',
    });
    expect(concern.statusCode).toBe(403);
    expect(await api.deps.db.kysely.selectFrom('concerns').select('id').execute()).toHaveLength(before.length);
  });

  it('lets the national office read everything and change only what it holds', async () => {
    const ids = async (search: string) =>
      (await get(`/api/v1/cooperatives?pageSize=100&search=${search}`, 'pimpinan.N'))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids('uji')).toEqual(expect.arrayContaining([k2Coop, pCoop]));
    expect(await ids('dewi')).toContain(DEWI_ID);
    const c = (await get(`/api/v1/cooperatives/${k2Coop}`, 'admin.N')).json();
    const res = await req('PATCH', `/api/v1/cooperatives/${k2Coop}`, 'admin.N', {
      phone: '0211234567',
      version: c.version,
    });
    expect(res.statusCode).toBe(403);
  });

  it('gives each office its own profile, users, programs, audit log and jobs', async () => {
    expect((await get('/api/v1/offices/current', 'petugas.K2')).json().id).toBe(office.K2);
    // The app's header names the user's own office; before login, the first office.
    expect((await get('/api/v1/meta', 'petugas.K2')).json().office.id).toBe(office.K2);
    expect((await api.req({ method: 'GET', url: '/api/v1/meta' })).json().office.id).toBe(office.K1);
    expect((await get('/api/v1/offices/current', 'pimpinan.P')).json().id).toBe(office.P);
    expect((await get('/api/v1/offices/current', 'admin.K1')).json().id).toBe(office.K1);
    const offices = (await get('/api/v1/offices', 'admin.K2')).json().items.map((o: { id: string }) => o.id);
    expect(offices).toEqual([office.K2]);
    expect((await req('PATCH', `/api/v1/offices/${office.K1}`, 'admin.K2', { phone: '0335 1' })).statusCode).toBe(404);
    expect((await req('PATCH', `/api/v1/offices/${office.K2}`, 'admin.P', { phone: '0335 1' })).statusCode).toBe(403);
    expect((await req('PATCH', `/api/v1/offices/${office.K2}`, 'admin.K2', { phone: '0334 123' })).statusCode).toBe(
      200,
    );
    const users = (await get('/api/v1/users?pageSize=100', 'admin.K2'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(users.sort()).toEqual(['admin.k2', 'petugas.k2', 'pimpinan.k2']);
    const k1User = await api.deps.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'petugas.koperasi')
      .executeTakeFirstOrThrow();
    expect(
      (await req('PATCH', `/api/v1/users/${k1User.id}`, 'admin.K2', { fullName: 'Diambil alih' })).statusCode,
    ).toBe(404);
    expect((await get('/api/v1/programs', 'pimpinan.K2')).json().items).toEqual([]);
    const audit = (await get('/api/v1/audit?pageSize=100', 'admin.K2')).json().items as {
      cooperativeId: string | null;
    }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.cooperativeId === null || e.cooperativeId === k2Coop)).toBe(true);
    // An export job of K1 is not found for K2's admin.
    const job = await req('POST', '/api/v1/exports', 'petugas.K1', {
      list: 'cooperatives',
      format: 'csv',
      filters: {},
    });
    expect(job.statusCode, job.body).toBe(202);
    expect((await get(`/api/v1/jobs/${job.json().id}`, 'admin.K2')).statusCode).toBe(404);
  });

  it('leaves another office out of field packs and refuses its records in sync pushes', async () => {
    const pack = (await get('/api/v1/field/pack?days=7', 'petugas.K2')).json();
    const coops = (pack.items as { cooperative: { id: string } }[]).map((i) => i.cooperative.id);
    expect(coops).toContain(k2Coop);
    expect(coops.every((c) => c === k2Coop)).toBe(true);
    const count = async () => (await api.deps.db.kysely.selectFrom('concerns').select('id').execute()).length;
    const before = await count();
    const push = await req('POST', '/api/v1/sync/push', 'petugas.K1', {
      changes: [
        {
          changeId: '6c1b1a2e-8f00-4f00-9000-000000000001',
          kind: 'concern.create',
          entityId: '6c1b1a2e-8f00-4f00-9000-000000000002',
          fields: {
            cooperativeId: k2Coop,
            kind: 'KELUHAN',
            topic: 'lainnya',
            description: 'Dari kabupaten lain, lewat ponsel.',
            raisedBy: 'Uji',
          },
        },
      ],
    });
    expect(push.statusCode, push.body).toBe(200);
    expect(push.json().results[0]).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
    expect(await count()).toBe(before);
  });
});
