import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from '../unit/rubrics/fixtures.js';
import { PDF, TYPES } from './desk-fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, RANUAGUNG, startApi, TIRIS } from './harness.js';

type Year = { fiscalYear: number; status: string; heldOn: string | null };

describe.each(DB_KINDS)('verification of what a cooperative files on %s', (kind) => {
  let api: Api;
  let koperasi: string;
  let petugas: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind);
    koperasi = await api.login('dewirengganis');
    petugas = await api.login('petugas.koperasi');
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());

  const compliance = async (asOf = '2026-07-15') =>
    (
      await api.req({
        method: 'GET',
        url: `/api/v1/cooperatives/${DEWI_ID}/rat-compliance?asOf=${asOf}`,
        cookie: petugas,
      })
    ).json();
  const year = (c: { years: Year[] }, fy: number) => c.years.find((y) => y.fiscalYear === fy)!;
  const tirisRat = async () =>
    (await api.req({ method: 'GET', url: '/api/v1/dashboard?year=2026', cookie: admin }))
      .json()
      .rat.byDistrict.find((d: { code: string }) => d.code === TIRIS);
  const queue = async (query: string, cookie = petugas) =>
    (await api.req({ method: 'GET', url: `/api/v1/verifications?${query}`, cookie })).json();
  const upload = (query: string) =>
    api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${DEWI_ID}/documents?${query}`,
      cookie: koperasi,
      body: PDF,
      headers: { 'content-type': TYPES.pdf },
    });

  it("holds a cooperative's RAT out of compliance and the dashboard until an officer verifies it, and only with its minutes and attendance list", async () => {
    const before = await tirisRat();
    const rec = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings`,
      cookie: koperasi,
      body: { fiscalYear: 2025, heldOn: '2026-02-14', membersPresent: 150, membersTotal: 214 },
    });
    expect(rec.statusCode).toBe(201);
    expect(rec.json().verification).toEqual({ status: 'PENDING' });
    const waiting = await compliance();
    expect(year(waiting, 2025)).toMatchObject({ status: 'NOT_HELD', heldOn: null });
    expect(waiting.pending).toBe(1);
    expect(await tirisRat()).toEqual(before);

    const item = (await queue(`status=PENDING&kind=ANNUAL_MEETING&district=${TIRIS}`)).items.find(
      (i: { entityId: string }) => i.entityId === rec.json().id,
    );
    expect(item).toMatchObject({
      fiscalYear: 2025,
      cooperative: { id: DEWI_ID },
      missingDocuments: ['Notulen RAT', 'Daftar hadir RAT'],
    });
    const early = await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: petugas });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Notulen RAT dan Daftar hadir RAT/);

    expect((await upload('kind=NOTULEN_RAT&fiscalYear=2025')).statusCode).toBe(201);
    expect((await upload('kind=DAFTAR_HADIR_RAT&fiscalYear=2025')).statusCode).toBe(201);
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: koperasi })).statusCode,
    ).toBe(403);
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: petugas })).statusCode,
    ).toBe(200);

    const counted = await compliance();
    expect(year(counted, 2025)).toMatchObject({ status: 'ON_TIME', heldOn: '2026-02-14' });
    expect(counted.pending).toBe(0);
    const after = await tirisRat();
    expect(after.held).toBe(before.held + 1);
    expect(after.onTime).toBe(before.onTime + 1);
    const listed = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings`, cookie: koperasi })
    ).json().items;
    expect(listed.find((m: { fiscalYear: number }) => m.fiscalYear === 2025).verification).toEqual({
      status: 'VERIFIED',
    });
    const docs = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/documents`, cookie: koperasi })
    ).json().items;
    for (const k of ['NOTULEN_RAT', 'DAFTAR_HADIR_RAT']) {
      expect(
        docs.find((d: { kind: string; fiscalYear: number }) => d.kind === k && d.fiscalYear === 2025).verification,
      ).toEqual({ status: 'VERIFIED' });
    }
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: petugas })).statusCode,
    ).toBe(409);
  });

  it('keeps the verified date counting while a changed date waits, and shows the cooperative why it came back', async () => {
    const m2024 = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings`, cookie: koperasi })
    )
      .json()
      .items.find((m: { fiscalYear: number }) => m.fiscalYear === 2024);
    expect(m2024.verification).toEqual({ status: 'VERIFIED' }); // entered by the Dinas
    const moved = await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings/${m2024.id}`,
      cookie: koperasi,
      body: { heldOn: '2025-08-10', reportedToOdsOn: '2025-08-20' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ heldOn: '2025-08-10', verification: { status: 'PENDING' } });
    expect(year(await compliance('2025-12-01'), 2024)).toMatchObject({ status: 'ON_TIME', heldOn: '2025-01-19' });

    const item = (await queue('status=PENDING&kind=ANNUAL_MEETING')).items.find(
      (i: { entityId: string }) => i.entityId === m2024.id,
    );
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/verifications/${item.id}/return`,
          cookie: petugas,
          body: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/verifications/${item.id}/return`,
          cookie: petugas,
          body: { reason: 'Tanggal tidak sesuai notulen' },
        })
      ).statusCode,
    ).toBe(200);
    const back = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings`, cookie: koperasi })
    )
      .json()
      .items.find((m: { id: string }) => m.id === m2024.id);
    expect(back.verification).toEqual({ status: 'RETURNED', reason: 'Tanggal tidak sesuai notulen' });
    expect(year(await compliance('2025-12-01'), 2024)).toMatchObject({ status: 'ON_TIME', heldOn: '2025-01-19' });
    const own = await queue('status=RETURNED', koperasi);
    expect(own.items.map((i: { entityId: string }) => i.entityId)).toContain(m2024.id);
    expect(own.items.every((i: { cooperative: { id: string } }) => i.cooperative.id === DEWI_ID)).toBe(true);
  });

  it("returns a year's figures with a reason the cooperative sees, and counts the Dinas' own entry at once", async () => {
    const put = await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/figures/2024`,
      cookie: koperasi,
      body: { assets: 1_800_000_000, shu: 12_000_000 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().verification).toEqual({ status: 'PENDING' });
    const item = (await queue('status=PENDING&kind=YEARLY_FIGURES')).items[0];
    expect(item.summary).toMatch(/Rp1\.800\.000\.000/);
    await api.req({
      method: 'POST',
      url: `/api/v1/verifications/${item.id}/return`,
      cookie: petugas,
      body: { reason: 'Aset tidak sesuai neraca yang diunggah' },
    });
    const figures = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/figures`, cookie: koperasi })
    ).json().items;
    expect(figures.find((f: { fiscalYear: number }) => f.fiscalYear === 2024).verification).toEqual({
      status: 'RETURNED',
      reason: 'Aset tidak sesuai neraca yang diunggah',
    });
    const staff = await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/figures/2023`,
      cookie: petugas,
      body: { assets: 500_000_000 },
    });
    expect(staff.json().verification).toEqual({ status: 'VERIFIED' });
  });

  it('keeps a follow-up the cooperative marked done overdue in priorities until verified, and reopens it when returned', async () => {
    const concernId = (
      await api.req({ method: 'GET', url: `/api/v1/concerns?cooperativeId=${DEWI_ID}`, cookie: admin })
    ).json().items[0].id;
    const created = await api.req({
      method: 'POST',
      url: '/api/v1/follow-ups',
      cookie: admin,
      body: {
        cooperativeId: DEWI_ID,
        concernId,
        recommendation: 'Menyerahkan daftar anggota terbaru ke Dinas',
        responsible: { kind: 'COOPERATIVE' },
        deadline: '2030-01-31',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    // Long past its deadline (a deadline in the past cannot be typed in): overdue.
    await api.deps.db.kysely.updateTable('follow_ups').set({ deadline: '2025-01-31' }).where('id', '=', id).execute();
    const overdue = async () =>
      (await api.req({ method: 'GET', url: '/api/v1/priorities?limit=500', cookie: admin }))
        .json()
        .items.find((i: { cooperative: { id: string } }) => i.cooperative.id === DEWI_ID)
        .reasons.find((r: { code: string }) => r.code === 'OVERDUE_FOLLOW_UPS')?.label;
    const before = await overdue();
    const done = await api.req({
      method: 'POST',
      url: `/api/v1/follow-ups/${id}/status`,
      cookie: koperasi,
      body: { status: 'done', evidence: { note: 'Daftar anggota sudah diserahkan' } },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', overdue: true, verification: { status: 'PENDING' } });
    expect(await overdue()).toBe(before);
    const list = (
      await api.req({
        method: 'GET',
        url: `/api/v1/follow-ups?status=overdue&cooperativeId=${DEWI_ID}&pageSize=100`,
        cookie: admin,
      })
    )
      .json()
      .items.map((f: { id: string }) => f.id);
    expect(list).toContain(id);
    const item = (await queue('status=PENDING&kind=FOLLOW_UP')).items.find(
      (i: { entityId: string }) => i.entityId === id,
    );
    await api.req({
      method: 'POST',
      url: `/api/v1/verifications/${item.id}/return`,
      cookie: petugas,
      body: { reason: 'Bukti penyerahan belum dilampirkan' },
    });
    const reopened = (await api.req({ method: 'GET', url: `/api/v1/follow-ups/${id}`, cookie: koperasi })).json();
    expect(reopened.status).toBe('in_progress');
    expect(reopened.progressNote).toMatch(/Bukti penyerahan belum dilampirkan/);
  });

  it('finalizes an assessment only on a verified, balanced statement', async () => {
    const lines = WORKED_EXAMPLE.financials as Record<string, number>;
    const st = await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/statements/2019`,
      cookie: koperasi,
      body: { lines },
    });
    expect(st.json()).toMatchObject({ balanced: true, verification: { status: 'PENDING' } });
    const draft = (
      await api.req({
        method: 'POST',
        url: `/api/v1/cooperatives/${DEWI_ID}/assessments`,
        cookie: petugas,
        body: { fiscalYear: 2019, rubric: 'ksp-2016' },
      })
    ).json();
    await api.req({
      method: 'PATCH',
      url: `/api/v1/assessments/${draft.id}`,
      cookie: petugas,
      body: { inputs: WORKED_EXAMPLE },
    });
    const waiting = await api.req({
      method: 'POST',
      url: `/api/v1/assessments/${draft.id}/finalize`,
      cookie: petugas,
      body: {},
    });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.message).toMatch(/menunggu verifikasi/);
    const item = (await queue('status=PENDING&kind=FINANCIAL_STATEMENT')).items.find(
      (i: { entityId: string }) => i.entityId === st.json().id,
    );
    await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: petugas });

    const off = { ...WORKED_EXAMPLE, financials: { ...lines, totalPasiva: lines.totalPasiva! + 2 } };
    await api.req({ method: 'PATCH', url: `/api/v1/assessments/${draft.id}`, cookie: petugas, body: { inputs: off } });
    const unbalanced = await api.req({
      method: 'POST',
      url: `/api/v1/assessments/${draft.id}/finalize`,
      cookie: petugas,
      body: {},
    });
    expect(unbalanced.statusCode).toBe(400);
    expect(unbalanced.json().error.fields['financials.totalPasiva']).toMatch(/Neraca tidak seimbang/);
    const rounding = { ...WORKED_EXAMPLE, financials: { ...lines, totalPasiva: lines.totalPasiva! + 1 } };
    await api.req({
      method: 'PATCH',
      url: `/api/v1/assessments/${draft.id}`,
      cookie: petugas,
      body: { inputs: rounding },
    });
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/assessments/${draft.id}/finalize`, cookie: petugas, body: {} }))
        .statusCode,
    ).toBe(200);
  });

  it('files a change of officers after an election for verification', async () => {
    const before = (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}`, cookie: koperasi })).json()
      .officers;
    const res = await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}`,
      cookie: koperasi,
      body: {
        officers: [
          { role: 'KETUA', name: 'Siti Aminah' },
          { role: 'BENDAHARA', name: 'Rini Lestari' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const item = (await queue('status=PENDING&kind=OFFICERS')).items.find(
      (i: { cooperative: { id: string } }) => i.cooperative.id === DEWI_ID,
    );
    expect(item.summary).toMatch(/Siti Aminah \(ketua\)/);
    const row = await api.deps.db.kysely
      .selectFrom('verifications')
      .select('previous')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.previous!).officers).toEqual(before);
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: petugas })).statusCode,
    ).toBe(200);
    expect(
      (
        await api.req({
          method: 'PATCH',
          url: `/api/v1/cooperatives/${DEWI_ID}`,
          cookie: koperasi,
          body: { name: 'Kopwan Baru' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('restores exactly the previous officers when a change of officers is returned, audited, and keeps them official while it waits', async () => {
    const coop = async () =>
      (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}`, cookie: koperasi })).json();
    const before = await coop();
    expect(before.officersVerification).toEqual({ status: 'VERIFIED' });
    const official = before.officers;
    expect(official.length).toBeGreaterThan(0);
    const filed = [
      { role: 'KETUA', name: 'Bayu Pratama', phone: '081234567890', termStart: '2026-01-01', termEnd: '2030-12-31' },
      { role: 'PENGAWAS', name: 'Dedi Kurniawan' },
    ];
    const res = await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}`,
      cookie: koperasi,
      body: { officers: filed },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().officers.map((o: { name: string }) => o.name)).toEqual(['Bayu Pratama', 'Dedi Kurniawan']);
    expect(res.json().officersVerification).toEqual({ status: 'PENDING', official });
    const item = (await queue('status=PENDING&kind=OFFICERS')).items.find(
      (i: { cooperative: { id: string } }) => i.cooperative.id === DEWI_ID,
    );
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/verifications/${item.id}/return`,
          cookie: petugas,
          body: { reason: 'Berita acara pemilihan belum diunggah' },
        })
      ).statusCode,
    ).toBe(200);

    const back = await coop();
    expect(back.officers).toEqual(official);
    expect(back.officersVerification).toEqual({ status: 'RETURNED', reason: 'Berita acara pemilihan belum diunggah' });
    expect(back.version).toBe(res.json().version + 1);
    const events = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=100`, cookie: petugas })
    ).json().items;
    const restore = events.find((e: { action: string }) => e.action === 'cooperative.officers_restore');
    expect(restore.changes.officers.after).toEqual(official);
    expect(restore.changes.officers.before.map((o: { name: string }) => o.name)).toEqual([
      'Bayu Pratama',
      'Dedi Kurniawan',
    ]);
    expect(restore.changes.reason.after).toBe('Berita acara pemilihan belum diunggah');

    // Filed again, then the Dinas enters its own list (it counts at once): a second return goes back to the Dinas' list.
    await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}`,
      cookie: koperasi,
      body: { officers: filed },
    });
    const staffList = [
      { role: 'KETUA', name: 'Bayu Pratama', phone: null, termStart: '2026-01-01', termEnd: '2030-12-31' },
      ...official.filter((o: { role: string }) => o.role !== 'KETUA'),
    ];
    expect(
      (
        await api.req({
          method: 'PATCH',
          url: `/api/v1/cooperatives/${DEWI_ID}`,
          cookie: petugas,
          body: { officers: staffList },
        })
      ).statusCode,
    ).toBe(200);
    const again = (await queue('status=PENDING&kind=OFFICERS')).items.find(
      (i: { cooperative: { id: string } }) => i.cooperative.id === DEWI_ID,
    );
    await api.req({
      method: 'POST',
      url: `/api/v1/verifications/${again.id}/return`,
      cookie: petugas,
      body: { reason: 'Masih belum lengkap' },
    });
    expect((await coop()).officers).toEqual(staffList);
  });

  it('does not count a RAT without quorum as held, and flags a member count unlike the registry', async () => {
    const c = (
      await api.req({
        method: 'POST',
        url: '/api/v1/cooperatives',
        cookie: petugas,
        body: {
          name: 'Koperasi Uji Kuorum',
          type: 'KONSUMEN',
          group: 'KSU',
          districtCode: TIRIS,
          villageCode: RANUAGUNG,
          legalEntityDate: '2020-02-01',
          membersFemale: 40,
        },
      })
    ).json();
    const thin = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${c.id}/annual-meetings`,
      cookie: petugas,
      body: { fiscalYear: 2022, heldOn: '2023-03-01', membersPresent: 20, membersTotal: 40 },
    });
    expect(thin.json()).toMatchObject({ quorum: 21, quorumMet: false, memberCountMismatch: false });
    const full = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${c.id}/annual-meetings`,
      cookie: petugas,
      body: { fiscalYear: 2023, heldOn: '2024-03-01', membersPresent: 20, membersTotal: 38, quorumRequired: 15 },
    });
    expect(full.json()).toMatchObject({ quorum: 15, quorumMet: true, memberCountMismatch: true });
    const r = (
      await api.req({
        method: 'GET',
        url: `/api/v1/cooperatives/${c.id}/rat-compliance?asOf=2024-12-01`,
        cookie: petugas,
      })
    ).json();
    expect(year(r, 2022).status).toBe('NOT_HELD');
    expect(year(r, 2023).status).toBe('ON_TIME');
  });

  it('gives no RAT status before the founding, and never calls a dissolved cooperative active', async () => {
    const before = (
      await api.req({
        method: 'GET',
        url: `/api/v1/cooperatives/${DEWI_ID}/rat-compliance?asOf=2011-06-01`,
        cookie: petugas,
      })
    ).json();
    expect(before).toMatchObject({ active: false, years: [], warnings: [], latestDueYear: null });
    const c = (
      await api.req({
        method: 'POST',
        url: '/api/v1/cooperatives',
        cookie: petugas,
        body: {
          name: 'Koperasi Uji Bubar',
          type: 'KONSUMEN',
          group: 'KSU',
          districtCode: TIRIS,
          villageCode: RANUAGUNG,
          legalEntityDate: '2020-02-01',
        },
      })
    ).json();
    await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${c.id}/annual-meetings`,
      cookie: petugas,
      body: { fiscalYear: 2023, heldOn: '2024-03-01', membersPresent: 20, membersTotal: 30 },
    });
    expect(
      (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${c.id}/rat-compliance`, cookie: petugas })).json()
        .active,
    ).toBe(true);
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/cooperatives/${c.id}/dissolve`,
          cookie: petugas,
          body: { reason: 'Rapat anggota membubarkan koperasi' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${c.id}/rat-compliance`, cookie: petugas })).json()
        .active,
    ).toBe(false);
  });
});
