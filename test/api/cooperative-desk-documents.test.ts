import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX, PDF, PLAIN_ZIP, PNG, TYPES, xlsx } from './desk-fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

describe.each(DB_KINDS)("the cooperative's document shelf on %s", (kind) => {
  let api: Api;
  let koperasi: string;
  let petugas: string;
  let pimpinan: string;
  let other: string;
  beforeAll(async () => {
    api = await startApi(kind);
    koperasi = await api.login('dewirengganis');
    petugas = await api.login('petugas.koperasi');
    pimpinan = await api.login('pimpinan');
    other = (await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&pageSize=1', cookie: petugas })).json()
      .items[0].id;
  });
  afterAll(() => api?.close());

  const upload = (coop: string, query: string, body: Buffer, type: string, cookie = koperasi) =>
    api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${coop}/documents?${query}`,
      cookie,
      body,
      headers: { 'content-type': type },
    });

  it('takes a PDF, keeps it by its SHA-256 and serves the same bytes back', async () => {
    const res = await upload(DEWI_ID, 'kind=AKTA_PENDIRIAN&title=Akta%20pendirian%202012', PDF, TYPES.pdf);
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: 'AKTA_PENDIRIAN',
      contentType: TYPES.pdf,
      sizeBytes: PDF.length,
      version: 1,
      status: 'ACTIVE',
      verification: { status: 'PENDING' },
    });
    expect(doc.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const file = await api.req({ method: 'GET', url: doc.url, cookie: petugas });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(TYPES.pdf);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('tells the type by content: DOCX and XLSX apart, a PNG named PDF refused, a plain zip refused', async () => {
    const docx = await upload(DEWI_ID, 'kind=LAINNYA&title=Surat', DOCX, 'application/octet-stream');
    expect(docx.statusCode).toBe(201);
    expect(docx.json().contentType).toBe(TYPES.docx);
    const book = await upload(DEWI_ID, 'kind=LAPORAN_KEUANGAN&fiscalYear=2024', await xlsx(), TYPES.xlsx);
    expect(book.statusCode).toBe(201);
    expect(book.json().contentType).toBe(TYPES.xlsx);
    const lie = await upload(DEWI_ID, 'kind=NIB', PNG, TYPES.pdf);
    expect(lie.statusCode).toBe(400);
    expect(lie.json().error.fields.file).toMatch(/tidak sesuai dengan isinya/);
    const zip = await upload(DEWI_ID, 'kind=NIB', PLAIN_ZIP, 'application/zip');
    expect(zip.statusCode).toBe(400);
    expect(zip.json().error.fields.file).toMatch(/bukan PDF, JPEG, PNG, XLSX atau DOCX/);
    const text = await upload(DEWI_ID, 'kind=NIB', Buffer.from('halo'), 'text/plain');
    expect(text.statusCode).toBe(400);
  });

  it('refuses a file over 20 MB and a yearly kind without its fiscal year', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const res = await upload(DEWI_ID, 'kind=NIB', big, TYPES.pdf);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toMatch(/maksimal 20 MB/);
    const noYear = await upload(DEWI_ID, 'kind=NOTULEN_RAT', PDF, TYPES.pdf);
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.fields.fiscalYear).toMatch(/wajib/);
  });

  it('never overwrites: a second minutes for the year must name what it replaces, and the old version stays', async () => {
    const first = (await upload(DEWI_ID, 'kind=NOTULEN_RAT&fiscalYear=2023', PDF, TYPES.pdf)).json();
    const again = await upload(DEWI_ID, 'kind=NOTULEN_RAT&fiscalYear=2023', PNG, TYPES.png);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.replaces).toBe(first.id);
    const second = await upload(DEWI_ID, `kind=NOTULEN_RAT&fiscalYear=2023&replaces=${first.id}`, PNG, TYPES.png);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ version: 2, seriesId: first.id, replacesId: first.id });
    const shelf = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/documents`, cookie: koperasi })
    ).json().items;
    expect(
      shelf
        .filter((d: { kind: string; fiscalYear: number }) => d.kind === 'NOTULEN_RAT' && d.fiscalYear === 2023)
        .map((d: { id: string }) => d.id),
    ).toEqual([second.json().id]);
    const history = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/documents?history=1`, cookie: koperasi })
    ).json().items;
    expect(history.find((d: { id: string }) => d.id === first.id).status).toBe('REPLACED');
    expect((await api.req({ method: 'GET', url: first.url, cookie: koperasi })).rawPayload.equals(PDF)).toBe(true);

    const removed = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${DEWI_ID}/documents/${second.json().id}/remove`,
      cookie: koperasi,
      body: { reason: 'salah unggah berkas' },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ status: 'REMOVED', removedReason: 'salah unggah berkas' });
    const audit = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=100`, cookie: petugas })
    )
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['document.upload', 'document.replace', 'document.remove']));
  });

  it('keeps each cooperative to its own shelf, and pimpinan reads but does not upload', async () => {
    const mine = (await upload(DEWI_ID, 'kind=NIB', PNG, TYPES.png)).json();
    const theirs = (await upload(other, 'kind=NIB', PDF, TYPES.pdf, petugas)).json();
    expect(theirs.verification).toEqual({ status: 'VERIFIED' }); // entered by the Dinas: counts at once
    expect((await upload(other, 'kind=NIB', PDF, TYPES.pdf)).statusCode).toBe(403);
    expect(
      (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${other}/documents`, cookie: koperasi })).statusCode,
    ).toBe(403);
    expect((await api.req({ method: 'GET', url: theirs.url, cookie: koperasi })).statusCode).toBe(403);
    expect(
      (
        await api.req({
          method: 'GET',
          url: '/api/v1/documents/files/00000000-0000-4000-8000-000000000000',
          cookie: koperasi,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/cooperatives/${other}/documents/${theirs.id}/remove`,
          cookie: koperasi,
          body: { reason: 'coba hapus' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await api.req({ method: 'GET', url: mine.url, cookie: pimpinan })).statusCode).toBe(200);
    expect((await upload(DEWI_ID, 'kind=NIB', PDF, TYPES.pdf, pimpinan)).statusCode).toBe(403);
  });
});
