import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from '../unit/rubrics/fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

describe.each(DB_KINDS)('health assessments on %s', (kind) => {
  let api: Api;
  let petugas: string;
  let pimpinan: string;
  let koperasi: string;
  beforeAll(async () => {
    api = await startApi(kind);
    [petugas, pimpinan, koperasi] = await Promise.all([
      api.login('petugas.koperasi'),
      api.login('pimpinan'),
      api.login('dewirengganis'),
    ]);
  });
  afterAll(() => api?.close());
  const call = (method: string, url: string, cookie: string, body?: unknown) =>
    api.req({ method, url, cookie, ...(body !== undefined ? { body } : {}) });

  it('scores a full ksp-2016 input without storing anything', async () => {
    const before = (await call('GET', '/api/v1/assessments?pageSize=1', petugas)).json().total;
    const res = await call('POST', '/api/v1/assessments/score', koperasi, { rubric: 'ksp-2016', ...WORKED_EXAMPLE });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rubric: 'ksp-2016', rubricVersion: 1, complete: true });
    expect(r.aspects.map((a: { code: string }) => a.code)).toEqual([
      'capital',
      'assetQuality',
      'management',
      'efficiency',
      'liquidity',
      'independence',
      'identity',
    ]);
    const sum = r.aspects.reduce((s: number, a: { score: number }) => s + a.score, 0);
    expect(r.total).toBeCloseTo(sum, 9);
    expect(['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS']).toContain(r.category.code);
    const c = r.aspects[0].components[0];
    for (const k of ['code', 'label', 'ratio', 'nilai', 'weight', 'score', 'provisional']) expect(c).toHaveProperty(k);
    expect((await call('GET', '/api/v1/assessments?pageSize=1', petugas)).json().total).toBe(before);
  });

  it('names each missing or negative line in Indonesian', async () => {
    const { kas: _kas, ...rest } = WORKED_EXAMPLE.financials;
    const res = await call('POST', '/api/v1/assessments/score', petugas, {
      rubric: 'ksp-2016',
      financials: { ...rest, bank: -5 },
      management: { ...WORKED_EXAMPLE.management, general: [true] },
    });
    expect(res.statusCode).toBe(400);
    const f = res.json().error.fields;
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['financials.kas', 'financials.bank', 'management.general']));
    expect(f['financials.kas']).toMatch(/wajib diisi/);
    expect((await call('POST', '/api/v1/assessments/score', petugas, { rubric: 'ksp-1999' })).statusCode).toBe(400);
  });

  it('takes a statement, drafts from it, scores live, finalizes once, and keeps it immutable', async () => {
    const st = await call('PUT', `/api/v1/cooperatives/${DEWI_ID}/statements/2024`, petugas, {
      lines: WORKED_EXAMPLE.financials,
    });
    expect(st.statusCode).toBe(200);
    expect(st.json()).toMatchObject({ fiscalYear: 2024, balanced: true, missing: [] });
    const bad = await call('PUT', `/api/v1/cooperatives/${DEWI_ID}/statements/2024`, petugas, {
      lines: { kas: -1, modalGaib: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['lines.kas', 'lines.modalGaib']);

    const draft = await call('POST', `/api/v1/cooperatives/${DEWI_ID}/assessments`, petugas, {
      fiscalYear: 2024,
      rubric: 'ksp-2016',
    });
    expect(draft.statusCode).toBe(201);
    const a = draft.json();
    expect(a).toMatchObject({ status: 'DRAFT', rubric: 'ksp-2016', rubricVersion: 1, statementId: st.json().id });
    expect(a.inputs.financials.kas).toBe(WORKED_EXAMPLE.financials.kas);
    expect(a.result.complete).toBe(false); // no questionnaire yet

    const early = await call('POST', `/api/v1/assessments/${a.id}/finalize`, petugas, {});
    expect(early.statusCode).toBe(400);
    expect(Object.keys(early.json().error.fields)).toContain('management.general');

    const saved = await call('PATCH', `/api/v1/assessments/${a.id}`, petugas, {
      inputs: WORKED_EXAMPLE,
      version: a.version,
    });
    expect(saved.statusCode).toBe(200);
    const scored = (
      await call('POST', '/api/v1/assessments/score', petugas, { rubric: 'ksp-2016', ...WORKED_EXAMPLE })
    ).json();
    expect(saved.json().total).toBeCloseTo(scored.total, 9);

    // The demo already holds a final ksp-2016 assessment of 2024: replacing it takes an explicit supersede.
    const twice = await call('POST', `/api/v1/assessments/${a.id}/finalize`, petugas, { assessedOn: '2025-02-10' });
    expect(twice.statusCode).toBe(409);
    const earlier = twice.json().error.fields.supersede.split(',');
    const final = await call('POST', `/api/v1/assessments/${a.id}/finalize`, petugas, {
      assessedOn: '2025-02-10',
      supersede: true,
    });
    expect(final.statusCode).toBe(200);
    for (const id of earlier)
      expect((await call('GET', `/api/v1/assessments/${id}`, petugas)).json().status).toBe('SUPERSEDED');
    const trail = (await call('GET', `/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=20`, petugas))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(trail).toContain('assessment.supersede');
    expect(final.json()).toMatchObject({
      status: 'FINAL',
      assessedOn: '2025-02-10',
      category: scored.category.code,
      assessor: { name: 'Petugas Bidang Koperasi (demo)' },
    });
    expect((await call('PATCH', `/api/v1/assessments/${a.id}`, petugas, { inputs: WORKED_EXAMPLE })).statusCode).toBe(
      409,
    );
    expect((await call('POST', `/api/v1/assessments/${a.id}/finalize`, petugas, {})).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/assessments/${a.id}`, petugas)).statusCode).toBe(409);

    // A statement a score rests on cannot be deleted; an unused one can.
    expect((await call('DELETE', `/api/v1/cooperatives/${DEWI_ID}/statements/2024`, petugas)).statusCode).toBe(409);
    await call('PUT', `/api/v1/cooperatives/${DEWI_ID}/statements/2017`, petugas, { lines: { kas: 5 } });
    expect((await call('DELETE', `/api/v1/cooperatives/${DEWI_ID}/statements/2017`, petugas)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/cooperatives/${DEWI_ID}/statements/2017`, petugas)).statusCode).toBe(404);

    // The stored score does not move when the statement is corrected later.
    await call('PUT', `/api/v1/cooperatives/${DEWI_ID}/statements/2024`, petugas, {
      lines: { ...WORKED_EXAMPLE.financials, kas: 1 },
    });
    expect((await call('GET', `/api/v1/assessments/${a.id}`, pimpinan)).json().total).toBeCloseTo(scored.total, 9);
  });

  it('shows a cooperative only its own finalized assessments', async () => {
    const draft = (
      await call('POST', `/api/v1/cooperatives/${DEWI_ID}/assessments`, petugas, {
        fiscalYear: 2023,
        rubric: 'ksp-2016',
      })
    ).json();
    expect((await call('GET', `/api/v1/assessments/${draft.id}`, koperasi)).statusCode).toBe(403);
    const mine = (await call('GET', '/api/v1/assessments', koperasi)).json();
    expect(mine.items.length).toBeGreaterThan(0);
    for (const i of mine.items) {
      expect(i.status).toBe('FINAL');
      expect(i.cooperative.id).toBe(DEWI_ID);
    }
    expect(
      (
        await call('POST', `/api/v1/cooperatives/${DEWI_ID}/assessments`, koperasi, {
          fiscalYear: 2023,
          rubric: 'ksp-2016',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/v1/cooperatives/${DEWI_ID}/assessments`, pimpinan, {
          fiscalYear: 2023,
          rubric: 'ksp-2016',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('DELETE', `/api/v1/assessments/${draft.id}`, petugas)).statusCode).toBe(200);
  });

  it('lists with filters and counts finalized assessments per category', async () => {
    const res = (
      await call('GET', '/api/v1/assessments?status=FINAL&rubric=ksp-2016&district=35.13.07', pimpinan)
    ).json();
    expect(res.items.length).toBeGreaterThan(0);
    for (const i of res.items) expect(i.cooperative.district.code).toBe('35.13.07');
    const counts = res.countsByCategory;
    expect(Object.keys(counts).sort()).toEqual(['CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS', 'SEHAT']);
    const sum = Object.values(counts as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(sum).toBe(res.total);
    expect((await call('GET', '/api/v1/assessments?category=BAGUS', pimpinan)).statusCode).toBe(400);
  });

  it('lists the published rubric versions and serves their tables', async () => {
    const list = (await call('GET', '/api/v1/rubrics', koperasi)).json().items;
    expect(list.map((r: { rubric: string; version: number }) => `${r.rubric}@${r.version}`)).toEqual(
      expect.arrayContaining(['ksp-2016@1', 'kk-2021@1']),
    );
    const def = (await call('GET', '/api/v1/rubrics/ksp-2016/versions/1', petugas)).json();
    expect(def.aspects).toHaveLength(7);
    expect((await call('GET', '/api/v1/rubrics/ksp-2016/versions/99', petugas)).statusCode).toBe(404);
  });
});

describe.each(DB_KINDS)('assessment reports and rubric versions on %s', (kind) => {
  let api: Api;
  let admin: string;
  let petugas: string;
  let koperasi: string;
  beforeAll(async () => {
    api = await startApi(kind);
    [admin, petugas, koperasi] = await Promise.all([
      api.login('admin'),
      api.login('petugas.koperasi'),
      api.login('dewirengganis'),
    ]);
  });
  afterAll(() => api?.close());

  it('prints a finalized assessment as a PDF the cooperative itself may download', async () => {
    const own = (
      await api.req({ method: 'GET', url: `/api/v1/assessments?cooperativeId=${DEWI_ID}`, cookie: koperasi })
    ).json().items[0];
    const res = await api.req({ method: 'GET', url: `/api/v1/assessments/${own.id}/report.pdf`, cookie: koperasi });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/penilaian-kopwan-dewi-rengganis-\d{4}\.pdf/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
  });

  it('exports the filtered assessment list as XLSX with Indonesian headers', async () => {
    const res = await api.req({
      method: 'GET',
      url: '/api/v1/assessments/export.xlsx?status=FINAL&category=SEHAT',
      cookie: petugas,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual(
      expect.arrayContaining(['Koperasi', 'Kecamatan', 'Tahun buku', 'Skor total', 'Predikat']),
    );
    const expected = (
      await api.req({
        method: 'GET',
        url: '/api/v1/assessments?status=FINAL&category=SEHAT&pageSize=1',
        cookie: petugas,
      })
    ).json().total;
    expect(ws.rowCount - 3).toBe(expected);
    for (let i = 4; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(7).value).toBe('Sehat');
  });

  it('publishes a corrected rubric as a new version; earlier assessments keep theirs', async () => {
    const v1 = (await api.req({ method: 'GET', url: '/api/v1/rubrics/ksp-2016/versions/1', cookie: admin })).json();
    const before = (
      await api.req({
        method: 'GET',
        url: '/api/v1/assessments?rubric=ksp-2016&status=FINAL&pageSize=1',
        cookie: admin,
      })
    ).json().items[0];
    const broken = {
      ...v1,
      aspects: v1.aspects.map((a: { weight: number }, i: number) => (i === 0 ? { ...a, weight: 99 } : a)),
    };
    const bad = await api.req({
      method: 'POST',
      url: '/api/v1/rubrics/ksp-2016/versions',
      cookie: admin,
      body: { definition: broken, note: 'Bobot salah ketik' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.values(bad.json().error.fields).join(' ')).toMatch(/100/);
    expect(
      (
        await api.req({
          method: 'POST',
          url: '/api/v1/rubrics/ksp-2016/versions',
          cookie: petugas,
          body: { definition: v1, note: 'Coba terbitkan' },
        })
      ).statusCode,
    ).toBe(403);

    const corrected = { ...v1, settings: { ...v1.settings, ruleChoices: { 'assetQuality.b': 'linear' } } };
    const ok = await api.req({
      method: 'POST',
      url: '/api/v1/rubrics/ksp-2016/versions',
      cookie: admin,
      body: { definition: corrected, note: 'Aturan linear untuk RPM sesuai arahan Dinas' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ rubric: 'ksp-2016', version: 2, latest: true });

    const draft = (
      await api.req({
        method: 'POST',
        url: `/api/v1/cooperatives/${DEWI_ID}/assessments`,
        cookie: petugas,
        body: { fiscalYear: 2022, rubric: 'ksp-2016' },
      })
    ).json();
    expect(draft.rubricVersion).toBe(2);
    const again = (await api.req({ method: 'GET', url: `/api/v1/assessments/${before.id}`, cookie: admin })).json();
    expect(again.rubricVersion).toBe(1);
    expect(again.total).toBe(before.total);
    const versions = (await api.req({ method: 'GET', url: '/api/v1/rubrics', cookie: petugas }))
      .json()
      .items.filter((v: { rubric: string }) => v.rubric === 'ksp-2016');
    expect(versions.map((v: { version: number; latest: boolean }) => [v.version, v.latest])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});

describe.each(DB_KINDS)('financial statements from the XLSX template on %s', (kind) => {
  let api: Api;
  let koperasi: string;
  beforeAll(async () => {
    api = await startApi(kind);
    koperasi = await api.login('dewirengganis');
  });
  afterAll(() => api?.close());
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  async function filled(edit: (code: string) => unknown): Promise<Buffer> {
    const t = await api.req({ method: 'GET', url: '/api/v1/statements/template.xlsx', cookie: koperasi });
    expect(t.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    wb.worksheets[0]!.eachRow((row) => {
      const code = String(row.getCell(1).value ?? '');
      if (code in WORKED_EXAMPLE.financials) row.getCell(4).value = edit(code) as number;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (fy: number, body: Buffer | string) =>
    api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${DEWI_ID}/statements/${fy}/xlsx`,
      cookie: koperasi,
      body,
      headers: { 'content-type': XLSX },
    });

  it('imports a filled template as the statement of that year', async () => {
    const res = await upload(2019, await filled((c) => WORKED_EXAMPLE.financials[c]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fiscalYear: 2019, source: 'XLSX', balanced: true, missing: [] });
    expect(res.json().lines).toEqual(WORKED_EXAMPLE.financials);
  });

  it('rejects the whole file with a message per bad row, saving nothing', async () => {
    const res = await upload(
      2018,
      await filled((c) =>
        c === 'kas' ? 'seribu' : c === 'bank' ? -5 : c === 'tabungan' ? null : WORKED_EXAMPLE.financials[c],
      ),
    );
    expect(res.statusCode).toBe(400);
    const messages = Object.values(res.json().error.fields as Record<string, string>).join(' | ');
    expect(messages).toMatch(/kas: "seribu" bukan angka/);
    expect(messages).toMatch(/bank: tidak boleh negatif/);
    expect(messages).toMatch(/tabungan: nilai kosong/);
    const list = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/statements`, cookie: koperasi })
    ).json().items;
    expect(list.map((s: { fiscalYear: number }) => s.fiscalYear)).not.toContain(2018);
    const junk = await upload(2018, Buffer.from('bukan excel'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.fields.file).toMatch(/bukan XLSX/);
  });
});
