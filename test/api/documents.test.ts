import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, SYSTEM_ACTOR } from '../../src/app/context.js';
import { nextNumber } from '../../src/app/documents/documents.js';
import { WORKED_EXAMPLE } from '../unit/rubrics/fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * Official documents (issue 12) and the office profile they read (issue 11 point 2), on SQLite and
 * PostgreSQL: issuing, re-issuing, cancelling, frozen bytes, public verification, the QR code, and
 * letter numbers that stay unique and gap-free when many officers issue at once.
 */
const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
// jsqr is CommonJS with a `default` export: typed as the module under NodeNext, unwrapped by the test runner.
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as typeof jsqr.default;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Text of a PDF (poppler's pdftotext). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'papers-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders the page carrying the QR code (the last) with pdftoppm and decodes the QR with jsQR. */
function qrOf(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'papers-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '110', '-png', join(dir, 'a.pdf'), join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const png = PNG.sync.read(readFileSync(join(dir, pages[pages.length - 1]!)));
    return (
      jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ??
      null
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DB_KINDS)('official documents on %s', { timeout: 240_000 }, (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  let coop: string;

  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of ['admin', 'pimpinan', 'petugas.koperasi', 'dewirengganis']) c[u] = await api.login(u);
    for (const u of await api.deps.db.kysely.selectFrom('users').select(['id', 'username']).execute())
      id[u.username] = u.id;
    coop = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&status=AKTIF&pageSize=1', cookie: c.admin })
    ).json().items[0].id;
  });
  afterAll(() => api?.close());

  const get = (url: string, who = 'petugas.koperasi') => api.req({ method: 'GET', url, cookie: c[who] });
  const send = (method: string, url: string, body: unknown, who = 'petugas.koperasi') =>
    api.req({ method, url, cookie: c[who], body });
  async function approvedVisit(cooperativeId = coop): Promise<string> {
    const v = await send('POST', '/api/v1/visits', {
      cooperativeId,
      date: jakartaToday(),
      startTime: '09:00',
      purposes: ['PEMBINAAN', 'PENGAWASAN'],
      team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id['petugas.usahamikro'] }],
    });
    expect(v.statusCode).toBe(201);
    expect((await send('POST', `/api/v1/visits/${v.json().id}/approve`, {}, 'pimpinan')).statusCode).toBe(200);
    return v.json().id as string;
  }
  async function doneVisit(cooperativeId = coop): Promise<string> {
    const v = await approvedVisit(cooperativeId);
    await send('PATCH', `/api/v1/visits/${v}`, {
      findings: { kelembagaan: 'Pengurus lengkap.' },
      attendance: [{ name: 'Siti Aminah', role: 'pengurus', gender: 'P' }],
    });
    expect((await send('POST', `/api/v1/visits/${v}/complete`, {})).statusCode).toBe(200);
    return v;
  }
  const issue = (visitId: string, k: 'SPT' | 'BERITA_ACARA', who = 'petugas.koperasi') =>
    send('POST', `/api/v1/visits/${visitId}/documents`, { kind: k }, who);

  describe('the office profile', () => {
    it('is made at first start and read by every staff member; only an admin edits it, NIP checked', async () => {
      const office = (await get('/api/v1/offices/current')).json();
      expect(office).toMatchObject({
        level: 'KABUPATEN',
        regionCode: '35.13',
        government: 'Pemerintah Kabupaten Probolinggo',
        shortName: 'DKUPP',
        hasLogo: true,
      });
      expect((await send('PATCH', `/api/v1/offices/${office.id}`, { city: 'Kraksaan' })).statusCode).toBe(403);
      const bad = await send('PATCH', `/api/v1/offices/${office.id}`, { headNip: '19720415 199813 1 005' }, 'admin');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.headNip).toMatch(/bulan pengangkatan/);
      const ok = await send(
        'PATCH',
        `/api/v1/offices/${office.id}`,
        { phone: '(0335) 123456', version: office.version },
        'admin',
      );
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ phone: '(0335) 123456', version: office.version + 1 });
      const stale = await send(
        'PATCH',
        `/api/v1/offices/${office.id}`,
        { phone: '(0335) 1', version: office.version },
        'admin',
      );
      expect(stale.statusCode).toBe(409);
      const audit = (await get('/api/v1/audit?entityType=office', 'admin')).json();
      expect(audit.items.some((e: { action: string }) => e.action === 'office.update')).toBe(true);
    });

    it('takes a PNG logo and refuses anything else', async () => {
      const office = (await get('/api/v1/offices/current')).json();
      const png = readFileSync(new URL('../../src/app/demo/demo-logo.png', import.meta.url));
      const put = (body: Buffer, type: string) =>
        api.req({
          method: 'PUT',
          url: `/api/v1/offices/${office.id}/logo`,
          cookie: c.admin,
          body,
          headers: { 'content-type': type },
        });
      expect((await put(Buffer.from('GIF89a not a png'), 'image/png')).statusCode).toBe(400);
      expect((await put(png, 'image/png')).statusCode).toBe(200);
      const logo = await api.req({ method: 'GET', url: `/api/v1/offices/${office.id}/logo` });
      expect(logo.statusCode).toBe(200);
      expect(logo.rawPayload.equals(png)).toBe(true);
    });
  });

  describe("officers' identity", () => {
    it('stores a well-formed NIP with rank and position, and refuses a malformed one in Indonesian', async () => {
      const u = id['petugas.industri'];
      const bad = await send('PATCH', `/api/v1/users/${u}`, { nip: '19900224 201503 3 001' }, 'admin');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.nip).toMatch(/jenis kelamin/);
      const ok = await send(
        'PATCH',
        `/api/v1/users/${u}`,
        { nip: '19900224 201503 2 001', rank: 'Penata Muda Tk. I, III/b', position: 'Pembina Industri' },
        'admin',
      );
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user).toMatchObject({
        nip: '199002242015032001',
        rank: 'Penata Muda Tk. I, III/b',
        position: 'Pembina Industri',
      });
    });
  });

  describe('issuing, re-issuing and verifying', () => {
    let visit: string;
    let spt: { id: string; number: string; code: string; sha256: string };

    it('issues an SPT only for an approved visit, and only to Dinas staff', async () => {
      const planned = (
        await send('POST', '/api/v1/visits', {
          cooperativeId: DEWI_ID,
          date: jakartaToday(),
          purposes: ['PEMBINAAN'],
          team: [{ userId: id['petugas.koperasi'], leader: true }],
        })
      ).json();
      expect((await issue(planned.id, 'SPT')).statusCode).toBe(409);
      visit = await approvedVisit(DEWI_ID);
      expect((await issue(visit, 'SPT', 'dewirengganis')).statusCode).toBe(403);
      expect((await issue(visit, 'BERITA_ACARA')).statusCode).toBe(409);
      const res = await issue(visit, 'SPT');
      expect(res.statusCode).toBe(201);
      spt = res.json();
      expect(Object.keys(spt)).toEqual(
        expect.arrayContaining(['id', 'kind', 'number', 'code', 'sha256', 'status', 'issuedAt']),
      );
      expect(spt).toMatchObject({ kind: 'SPT', status: 'CURRENT' });
      expect(spt.number).toMatch(new RegExp(`^800\\.1\\.11\\.1/\\d{3}/426\\.113/${jakartaToday().slice(0, 4)}$`));
      expect(spt.code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    });

    it('keeps the exact bytes: the file hashes to the stored SHA-256, prints the number, and its QR opens /v/{code}', async () => {
      const file = await get(`/api/v1/documents/${spt.id}/file.pdf`);
      expect(file.statusCode).toBe(200);
      expect(sha(file.rawPayload)).toBe(spt.sha256);
      const again = await get(`/api/v1/documents/${spt.id}/file.pdf`, 'admin');
      expect(again.rawPayload.equals(file.rawPayload)).toBe(true);
      const text = pdfText(file.rawPayload);
      expect(text).toContain('SURAT PERINTAH TUGAS');
      expect(text).toContain(`Nomor: ${spt.number}`);
      expect(text).toMatch(/NIP\. 19830612 200901 2 004/); // petugas.koperasi, from the demo
      expect(text).toContain('Drs. Hariyanto Wibisono'); // the head of office signs
      expect(text).toContain(spt.code);
      expect(qrOf(file.rawPayload)).toBe(`http://localhost:80/v/${spt.code}`);
    });

    it('tells the public what the document is, and nothing more', async () => {
      const res = await api.req({ method: 'GET', url: `/api/v1/public/verify/${spt.code}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual([
        'cooperative',
        'issuedAt',
        'kind',
        'kindLabel',
        'number',
        'office',
        'status',
        'statusLabel',
      ]);
      expect(body).toMatchObject({
        kind: 'SPT',
        number: spt.number,
        cooperative: 'Kopwan Dewi Rengganis',
        status: 'CURRENT',
      });
      expect(body.office).toBe('Dinas Koperasi, Usaha Mikro, Perdagangan dan Perindustrian Kabupaten Probolinggo');
      expect(JSON.stringify(body)).not.toMatch(/NIP|19830612|petugas/i);
      // Lower-case typing of the code works too.
      expect(
        (await api.req({ method: 'GET', url: `/api/v1/public/verify/${spt.code.toLowerCase()}` })).statusCode,
      ).toBe(200);
    });

    it('says genuine only for the very bytes issued', async () => {
      const bytes = (await get(`/api/v1/documents/${spt.id}/file.pdf`)).rawPayload;
      const check = (b: Buffer, code = spt.code) =>
        api.req({
          method: 'POST',
          url: `/api/v1/public/verify/${code}`,
          body: b,
          headers: { 'content-type': 'application/pdf' },
        });
      expect((await check(bytes)).json()).toEqual({ genuine: true });
      const altered = Buffer.from(bytes);
      const middle = Math.floor(altered.length / 2);
      altered.writeUInt8(altered.readUInt8(middle) ^ 1, middle);
      expect((await check(altered)).json()).toEqual({ genuine: false });
      expect((await check(Buffer.alloc(0))).json()).toEqual({ genuine: false });
      expect((await check(bytes, 'ZZZZZZZZZZZZ')).statusCode).toBe(404);
    });

    it('answers an unknown or malformed code with the same 404', async () => {
      for (const code of ['ZZZZZZZZZZZZ', 'abc', '0000000000000', "'; drop table documents"]) {
        const res = await api.req({ method: 'GET', url: `/api/v1/public/verify/${encodeURIComponent(code)}` });
        expect(res.statusCode, code).toBe(404);
        expect(res.json().error.message).toBe('Dokumen dengan kode ini tidak ditemukan.');
      }
    });

    it('re-issues as a new version with its own number and code; the earlier one stays readable as superseded', async () => {
      const res = await issue(visit, 'SPT', 'admin');
      expect(res.statusCode).toBe(201);
      const second = res.json();
      expect(second.number).not.toBe(spt.number);
      expect(second.code).not.toBe(spt.code);
      expect(second.supersedesId).toBe(spt.id);
      expect((await get(`/api/v1/documents/${spt.id}`)).json().status).toBe('SUPERSEDED');
      expect((await api.req({ method: 'GET', url: `/api/v1/public/verify/${spt.code}` })).json()).toMatchObject({
        status: 'SUPERSEDED',
        statusLabel: 'Digantikan versi baru',
      });
      const file = await get(`/api/v1/documents/${spt.id}/file.pdf`);
      expect(sha(file.rawPayload)).toBe(spt.sha256);
    });

    it('issues the berita acara once the visit is done, in official form with the date in words', async () => {
      await send('PATCH', `/api/v1/visits/${visit}`, { findings: { kelembagaan: 'Pengurus lengkap.' } });
      expect((await send('POST', `/api/v1/visits/${visit}/complete`, {})).statusCode).toBe(200);
      expect((await issue(visit, 'SPT')).statusCode).toBe(409);
      const res = await issue(visit, 'BERITA_ACARA');
      expect(res.statusCode).toBe(201);
      const ba = res.json();
      expect(ba.number).toMatch(/^\d{3}\/BA-SAMBANG\/426\.113\/[IVX]+\/\d{4}$/);
      const text = pdfText((await get(`/api/v1/documents/${ba.id}/file.pdf`)).rawPayload).replace(/\s+/g, ' ');
      expect(text).toMatch(/Pada hari \w+ tanggal [a-z ]+ bulan \w+ tahun dua ribu [a-z ]+\(/);
      expect(text).toContain(`Nomor: ${ba.number}`);
      expect(text).toContain('NIP. 19830612 200901 2 004');
      // The draft stays what it was: unnumbered.
      const draft = pdfText((await get(`/api/v1/visits/${visit}/minutes.pdf`)).rawPayload);
      expect(draft).toContain('Nomor: ......');
    });

    it('cancels with a reason: the number stays in the register, marked cancelled', async () => {
      const ba = (await get(`/api/v1/documents?visitId=${visit}&kind=BERITA_ACARA`)).json().items[0];
      expect((await send('POST', `/api/v1/documents/${ba.id}/cancel`, { reason: 'x' }, 'admin')).statusCode).toBe(400);
      expect(
        (
          await send(
            'POST',
            `/api/v1/documents/${ba.id}/cancel`,
            { reason: 'Salah tanggal kunjungan.' },
            'dewirengganis',
          )
        ).statusCode,
      ).toBe(403);
      const res = await send(
        'POST',
        `/api/v1/documents/${ba.id}/cancel`,
        { reason: 'Salah tanggal kunjungan.' },
        'pimpinan',
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'CANCELLED',
        number: ba.number,
        cancelReason: 'Salah tanggal kunjungan.',
      });
      expect((await api.req({ method: 'GET', url: `/api/v1/public/verify/${ba.code}` })).json()).toMatchObject({
        status: 'CANCELLED',
        number: ba.number,
      });
      expect(
        (await send('POST', `/api/v1/documents/${ba.id}/cancel`, { reason: 'Sekali lagi.' }, 'admin')).statusCode,
      ).toBe(409);
      const cancelled = (await get(`/api/v1/documents?status=CANCELLED`)).json();
      expect(cancelled.items.map((d: { number: string }) => d.number)).toContain(ba.number);
    });

    it("lists a cooperative's documents to its own user only", async () => {
      const own = await get(`/api/v1/documents?cooperativeId=${DEWI_ID}`, 'dewirengganis');
      expect(own.statusCode).toBe(200);
      expect(own.json().total).toBeGreaterThanOrEqual(3);
      expect((await get('/api/v1/documents', 'dewirengganis')).json().total).toBe(own.json().total);
      expect((await get(`/api/v1/documents?cooperativeId=${coop}`, 'dewirengganis')).statusCode).toBe(403);
      const other = await doneVisit();
      const doc = (await issue(other, 'BERITA_ACARA')).json();
      expect((await get(`/api/v1/documents/${doc.id}`, 'dewirengganis')).statusCode).toBe(403);
      expect((await get(`/api/v1/documents/${doc.id}/file.pdf`, 'dewirengganis')).statusCode).toBe(403);
    });

    it('exports the register as XLSX with its filters', async () => {
      const res = await get(`/api/v1/documents/export.xlsx?kind=SPT&year=${jakartaToday().slice(0, 4)}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  });

  describe('the activity report', () => {
    it("has a headline in the tense of the visit, names the leader with title, and keeps the officer's edit with the visit", async () => {
      const v = await approvedVisit();
      const planned = (await get(`/api/v1/visits/${v}/activity-report`)).json();
      expect(planned.headline).toMatch(/^DKUPP Jadwalkan Kunjungan ke /);
      expect(planned.text).toMatch(
        /^Probolinggo — Pengawas Koperasi Ahli Muda DKUPP Petugas Bidang Koperasi \(demo\) bersama tim/,
      );
      expect(planned.edited).toBeNull();
      await send('PATCH', `/api/v1/visits/${v}`, { findings: { kelembagaan: 'Pengurus lengkap.' } });
      await send('POST', `/api/v1/visits/${v}/complete`, {});
      const done = (await get(`/api/v1/visits/${v}/activity-report`)).json();
      expect(done.headline).toMatch(/^DKUPP Sambangi /);
      expect(decodeURIComponent(done.shareUrl.split('text=')[1]).startsWith(`*${done.headline}*\n\n`)).toBe(true);
      expect(
        (await send('PUT', `/api/v1/visits/${v}/activity-report`, { headline: 'x', text: 'pendek' })).statusCode,
      ).toBe(400);
      expect(
        (
          await send(
            'PUT',
            `/api/v1/visits/${v}/activity-report`,
            { headline: 'Judul', text: 'Teks yang cukup panjang untuk laporan.' },
            'dewirengganis',
          )
        ).statusCode,
      ).toBe(403);
      const edited = {
        headline: 'DKUPP Dampingi Pengurus Menata Pembukuan',
        text: `${done.text}\n\nCatatan petugas: pembukuan akan diperiksa bulan depan.`,
      };
      const saved = await send('PUT', `/api/v1/visits/${v}/activity-report`, edited);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        ...edited,
        edited: { by: 'Petugas Bidang Koperasi (demo)' },
        generated: { headline: done.headline },
      });
      expect((await get(`/api/v1/visits/${v}/activity-report`, 'pimpinan')).json().text).toBe(edited.text);
      const reset = await send('PUT', `/api/v1/visits/${v}/activity-report`, null, 'admin');
      expect(reset.json()).toMatchObject({ headline: done.headline, text: done.text, edited: null });
      const audit = (await get(`/api/v1/audit?entityType=visit`, 'admin')).json();
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['visit.activity_report.edit', 'visit.activity_report.reset']),
      );
    });
  });

  describe('the assessment report', () => {
    it('is issued once the assessment is final, not before', async () => {
      const a = (
        await send(
          'POST',
          `/api/v1/cooperatives/${coop}/assessments`,
          { fiscalYear: 2023, rubric: 'ksp-2016' },
          'admin',
        )
      ).json();
      await send('PATCH', `/api/v1/assessments/${a.id}`, { inputs: WORKED_EXAMPLE }, 'admin');
      expect((await send('POST', `/api/v1/assessments/${a.id}/documents`, {})).statusCode).toBe(409);
      await send('POST', `/api/v1/assessments/${a.id}/finalize`, {}, 'admin');
      const res = await send('POST', `/api/v1/assessments/${a.id}/documents`, {});
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'LAPORAN_PENILAIAN', assessmentId: a.id, status: 'CURRENT' });
      const text = pdfText((await get(`/api/v1/documents/${res.json().id}/file.pdf`)).rawPayload);
      expect(text).toContain(`Nomor: ${res.json().number}`);
      expect(text).toContain('Mengetahui');
    });
  });

  describe('letter numbers', () => {
    it('follow the pattern the admin sets; a bad pattern is refused in Indonesian', async () => {
      const bad = await send(
        'PUT',
        '/api/v1/letter-registers/BERITA_ACARA',
        { name: 'Berita Acara Kunjungan', pattern: 'BA/{tahun}' },
        'admin',
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.pattern).toMatch(/hanya boleh/);
      expect(
        (
          await send('PUT', '/api/v1/letter-registers/BERITA_ACARA', {
            name: 'Berita Acara',
            pattern: '{seq}/BA/{year}',
          })
        ).statusCode,
      ).toBe(403);
      const ok = await send(
        'PUT',
        '/api/v1/letter-registers/BERITA_ACARA',
        { name: 'Berita Acara Kunjungan', pattern: 'BA.{month:2}.{seq:4}/{year}' },
        'admin',
      );
      expect(ok.statusCode).toBe(200);
      const next = ok.json().example as string;
      const doc = (await issue(await doneVisit(), 'BERITA_ACARA')).json();
      expect(doc.number).toBe(next);
      const added = await send(
        'PUT',
        '/api/v1/letter-registers/UNDANGAN',
        { name: 'Surat Undangan', pattern: '005/{seq}/{year}' },
        'admin',
      );
      expect(added.statusCode).toBe(200);
      expect((await get('/api/v1/letter-registers')).json().items.map((r: { kind: string }) => r.kind)).toEqual(
        expect.arrayContaining(['SPT', 'BERITA_ACARA', 'LAPORAN_PENILAIAN', 'UNDANGAN']),
      );
    });

    it('are unique and without gaps when many officers issue at the same moment, and only one version stays current', async () => {
      const visits = [await doneVisit(), await doneVisit(), await doneVisit()];
      const year = Number(jakartaToday().slice(0, 4));
      const before = await api.deps.db.kysely
        .selectFrom('documents')
        .select(['seq'])
        .where('kind', '=', 'BERITA_ACARA')
        .where('year', '=', year)
        .execute();
      const who = ['petugas.koperasi', 'admin', 'pimpinan'];
      const results = await Promise.all(
        Array.from({ length: 15 }, (_, i) => issue(visits[i % 3]!, 'BERITA_ACARA', who[i % 3])),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(15).fill(201));
      const rows = await api.deps.db.kysely
        .selectFrom('documents')
        .select(['seq', 'number', 'visit_id', 'status'])
        .where('kind', '=', 'BERITA_ACARA')
        .where('year', '=', year)
        .execute();
      const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: before.length + 15 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
      for (const v of visits) expect(rows.filter((r) => r.visit_id === v && r.status === 'CURRENT')).toHaveLength(1);
    });

    it('gives a number back when its document is not stored, so no gap is left', async () => {
      const register = await api.deps.db.kysely
        .selectFrom('letter_registers')
        .select('id')
        .where('kind', '=', 'UNDANGAN')
        .executeTakeFirstOrThrow();
      const taken = await mutate(api.deps, SYSTEM_ACTOR, (trx) => nextNumber(trx, register.id, 2030));
      await expect(
        mutate(api.deps, SYSTEM_ACTOR, async (trx) => {
          await nextNumber(trx, register.id, 2030);
          throw new Error('rendering failed');
        }),
      ).rejects.toThrow('rendering failed');
      expect(await mutate(api.deps, SYSTEM_ACTOR, (trx) => nextNumber(trx, register.id, 2030))).toBe(taken + 1);
      // A new year starts again at 1.
      expect(await mutate(api.deps, SYSTEM_ACTOR, (trx) => nextNumber(trx, register.id, 2031))).toBe(1);
    });
  });
  describe('the public page cannot be used to enumerate codes', () => {
    it('slows a caller down after 30 lookups a minute, in Indonesian', async () => {
      const codes = Array.from({ length: 35 }, (_, i) => `ABCDEFGH${String(2222 + i).replace(/[01]/g, '2')}`);
      const answers = [];
      for (const code of codes) answers.push(await api.req({ method: 'GET', url: `/api/v1/public/verify/${code}` }));
      const limited = answers.filter((r) => r.statusCode === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(answers.filter((r) => r.statusCode !== 404 && r.statusCode !== 429)).toEqual([]);
      expect(limited[0]!.json().error.message).toMatch(/[Tt]erlalu banyak/);
    });
  });
});

describe.each(DB_KINDS)('an office started for another regency on %s', { timeout: 240_000 }, (kind) => {
  let api: Api;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind, { demo: false, env: { SAMBANG_REGION: '35.08' } });
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());
  const send = (method: string, url: string, body?: unknown) =>
    api.req({ method, url, cookie: admin, ...(body !== undefined ? { body } : {}) });

  it('names Lumajang in its profile, every PDF and the activity report, never Probolinggo', async () => {
    const office = (await send('GET', '/api/v1/offices/current')).json();
    expect(office).toMatchObject({
      regionCode: '35.08',
      government: 'Pemerintah Kabupaten Lumajang',
      city: 'Lumajang',
      address: 'Kabupaten Lumajang, Jawa Timur',
    });
    const district = (await send('GET', '/api/v1/regions/districts')).json().items[0];
    const village = (await send('GET', `/api/v1/regions/districts/${district.code}/villages`)).json().items[0];
    const coop = await send('POST', '/api/v1/cooperatives', {
      name: 'Koperasi Sumber Makmur',
      type: 'KONSUMEN',
      group: 'KSU',
      districtCode: district.code,
      villageCode: village.code,
    });
    expect(coop.statusCode).toBe(201);
    const me = await api.deps.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const planned = await send('POST', '/api/v1/visits', {
      cooperativeId: coop.json().id,
      date: jakartaToday(),
      purposes: ['PEMBINAAN'],
      team: [{ userId: me.id, leader: true }],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const visit = planned.json();
    await send('POST', `/api/v1/visits/${visit.id}/approve`, {});
    const spt = (await send('POST', `/api/v1/visits/${visit.id}/documents`, { kind: 'SPT' })).json();
    await send('PATCH', `/api/v1/visits/${visit.id}`, { findings: { kelembagaan: 'Pengurus lengkap.' } });
    expect((await send('POST', `/api/v1/visits/${visit.id}/complete`, {})).statusCode).toBe(200);
    const ba = (await send('POST', `/api/v1/visits/${visit.id}/documents`, { kind: 'BERITA_ACARA' })).json();
    const a = (
      await send('POST', `/api/v1/cooperatives/${coop.json().id}/assessments`, { fiscalYear: 2023, rubric: 'ksp-2016' })
    ).json();
    await send('PATCH', `/api/v1/assessments/${a.id}`, { inputs: WORKED_EXAMPLE });
    await send('POST', `/api/v1/assessments/${a.id}/finalize`, {});
    const year = Number(jakartaToday().slice(0, 4));
    const pdfs: Record<string, Buffer> = {
      spt: (await send('GET', `/api/v1/documents/${spt.id}/file.pdf`)).rawPayload,
      beritaAcara: (await send('GET', `/api/v1/documents/${ba.id}/file.pdf`)).rawPayload,
      draft: (await send('GET', `/api/v1/visits/${visit.id}/minutes.pdf`)).rawPayload,
      assessment: (await send('GET', `/api/v1/assessments/${a.id}/report.pdf`)).rawPayload,
      recap: (await send('GET', `/api/v1/reports/recap.pdf?year=${year - 1}`)).rawPayload,
    };
    for (const [name, pdf] of Object.entries(pdfs)) {
      const text = pdfText(pdf);
      expect(text, name).toMatch(/KABUPATEN LUMAJANG/);
      expect(text, name).not.toMatch(/Probolinggo|DKUPP/i);
    }
    expect(pdfText(pdfs.beritaAcara!)).toMatch(/Lumajang, \d+ \w+ \d{4}/);
    const report = (await send('GET', `/api/v1/visits/${visit.id}/activity-report`)).json().text as string;
    expect(report).toMatch(/^Lumajang — /);
    expect(report).toContain('Kabupaten Lumajang');
    expect(report).not.toMatch(/Probolinggo|DKUPP/);
    const meta = (await api.req({ method: 'GET', url: '/api/v1/meta' })).json();
    expect(JSON.stringify(meta)).not.toMatch(/Probolinggo/);
  });
});
