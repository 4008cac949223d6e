import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, PNG, TYPES } from './desk-fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

const CHUNK = 256 * 1024;

describe.each(DB_KINDS)("a cooperative's document uploaded in chunks on %s", (kind) => {
  let api: Api;
  let koperasi: string;
  let petugas: string;
  let other: string;
  beforeAll(async () => {
    api = await startApi(kind);
    koperasi = await api.login('dewirengganis');
    petugas = await api.login('petugas.koperasi');
    other = (await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&pageSize=1', cookie: petugas })).json()
      .items[0].id;
  });
  afterAll(() => api?.close());

  const start = (coop: string, body: Record<string, unknown>, cookie = koperasi) =>
    api.req({ method: 'POST', url: `/api/v1/cooperatives/${coop}/documents/uploads`, cookie, body });
  const chunk = (id: string, offset: number, bytes: Buffer, cookie = koperasi) =>
    api.req({
      method: 'PUT',
      url: `/api/v1/uploads/${id}?offset=${offset}`,
      cookie,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });

  it('names a refused chunk of a document as a document, not a photo', async () => {
    const id = randomUUID();
    const size = CHUNK + 100;
    expect(
      (await start(DEWI_ID, { id, size, contentType: TYPES.pdf, kind: 'LAINNYA', title: 'Potongan uji' })).statusCode,
    ).toBe(200);
    const big = await chunk(id, 0, Buffer.alloc(CHUNK + 1, 0x20));
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toBe('Potongan dokumen terlalu besar.');
    expect(big.json().error.fields.body).toBe('Potongan maksimal 256 KiB.');
    expect((await chunk(id, 0, Buffer.alloc(CHUNK, 0x20))).statusCode).toBe(200);
    const past = await chunk(id, CHUNK, Buffer.alloc(200, 0x20));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('Potongan dokumen tidak diterima.');
  });

  it('resumes after a wrong offset and ends as exactly one document with the right hash, audited', async () => {
    // A PDF of about 650 KB: three chunks.
    const file = Buffer.concat([PDF, Buffer.alloc(650 * 1024, 0x20)]);
    const id = randomUUID();
    const started = await start(DEWI_ID, {
      id,
      size: file.length,
      contentType: TYPES.pdf,
      kind: 'LAPORAN_KEUANGAN',
      fiscalYear: 2024,
      title: 'Neraca 2024',
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ id, size: file.length, received: 0, document: null });

    expect((await chunk(id, 0, file.subarray(0, CHUNK))).json()).toMatchObject({ received: CHUNK, document: null });
    // The connection dropped; the client guesses wrong and is told where to resume.
    const wrong = await chunk(id, 2 * CHUNK, file.subarray(2 * CHUNK));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().received).toBe(CHUNK);
    // Starting again with the same id tells the same resume point; nothing new is made.
    expect(
      (
        await start(DEWI_ID, {
          id,
          size: file.length,
          contentType: TYPES.pdf,
          kind: 'LAPORAN_KEUANGAN',
          fiscalYear: 2024,
        })
      ).json().received,
    ).toBe(CHUNK);
    let received = wrong.json().received as number;
    let last = wrong;
    while (received < file.length) {
      last = await chunk(id, received, file.subarray(received, received + CHUNK));
      expect(last.statusCode).toBe(200);
      received = last.json().received;
    }
    const doc = last.json().document;
    expect(doc).toMatchObject({
      id,
      kind: 'LAPORAN_KEUANGAN',
      fiscalYear: 2024,
      title: 'Neraca 2024',
      contentType: TYPES.pdf,
      sizeBytes: file.length,
      verification: { status: 'PENDING' },
    });
    expect(doc.sha256).toBe(createHash('sha256').update(file).digest('hex'));

    // A re-sent last chunk and a status call answer with the same one document.
    const again = await chunk(
      id,
      file.length - (file.length % CHUNK),
      file.subarray(file.length - (file.length % CHUNK)),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().document.id).toBe(id);
    expect((await api.req({ method: 'GET', url: `/api/v1/uploads/${id}`, cookie: koperasi })).json().document.id).toBe(
      id,
    );

    const shelf = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/documents?history=1`, cookie: koperasi })
    ).json().items;
    expect(
      shelf.filter((d: { kind: string; fiscalYear: number }) => d.kind === 'LAPORAN_KEUANGAN' && d.fiscalYear === 2024),
    ).toHaveLength(1);
    expect((await api.req({ method: 'GET', url: doc.url, cookie: petugas })).rawPayload.equals(file)).toBe(true);
    const audit = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=100`, cookie: petugas })
    ).json().items;
    expect(audit.filter((e: { action: string; entityId?: string }) => e.action === 'document.upload')).toHaveLength(1);
  });

  it('refuses at finish a file whose content is not what it claims, and files nothing', async () => {
    const id = randomUUID();
    expect((await start(DEWI_ID, { id, size: PNG.length, contentType: TYPES.pdf, kind: 'NIB' })).statusCode).toBe(200);
    const res = await chunk(id, 0, PNG);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toMatch(/tidak sesuai dengan isinya/);
    const text = randomUUID();
    await start(DEWI_ID, { id: text, size: 4, kind: 'NIB' });
    const plain = await chunk(text, 0, Buffer.from('halo'));
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.fields.file).toMatch(/bukan PDF/);
    const shelf = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/documents?history=1`, cookie: koperasi })
    ).json().items;
    expect(shelf.filter((d: { id: string }) => d.id === id || d.id === text)).toEqual([]);
  });

  it("refuses another cooperative's user, a declared size over 20 MB and a yearly kind without its year", async () => {
    expect((await start(other, { id: randomUUID(), size: PDF.length, kind: 'NIB' })).statusCode).toBe(403);
    // An upload the Dinas started for the other cooperative cannot be fed or read by this user either.
    const theirs = randomUUID();
    expect((await start(other, { id: theirs, size: PDF.length, kind: 'NIB' }, petugas)).statusCode).toBe(200);
    expect((await chunk(theirs, 0, PDF)).statusCode).toBe(403);
    expect((await api.req({ method: 'GET', url: `/api/v1/uploads/${theirs}`, cookie: koperasi })).statusCode).toBe(403);
    const big = await start(DEWI_ID, { id: randomUUID(), size: 20 * 1024 * 1024 + 1, kind: 'NIB' });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields.size).toMatch(/maksimal 20 MB/);
    const noYear = await start(DEWI_ID, { id: randomUUID(), size: PDF.length, kind: 'NOTULEN_RAT' });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.fields.fiscalYear).toMatch(/wajib/);
    // Staff file for any cooperative: the Dinas' own upload counts at once.
    const done = await chunk(theirs, 0, PDF, petugas);
    expect(done.json().document).toMatchObject({ cooperativeId: other, verification: { status: 'VERIFIED' } });
  });
});
