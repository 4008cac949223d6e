import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, RANUAGUNG, startApi, TIRIS } from './harness.js';

describe.each(DB_KINDS)('RAT records and compliance on %s', (kind) => {
  let api: Api;
  let petugas: string;
  let koperasi: string;
  beforeAll(async () => {
    api = await startApi(kind);
    petugas = await api.login('petugas.koperasi');
    koperasi = await api.login('dewirengganis');
  });
  afterAll(() => api?.close());

  const post = (coop: string, body: unknown, cookie = petugas) =>
    api.req({ method: 'POST', url: `/api/v1/cooperatives/${coop}/annual-meetings`, cookie, body });
  const compliance = (coop: string, asOf: string, cookie = petugas) =>
    api.req({ method: 'GET', url: `/api/v1/cooperatives/${coop}/rat-compliance?asOf=${asOf}`, cookie });

  it("holds Dewi Rengganis' RAT of 19 January 2025 and judges fiscal year 2024 on time", async () => {
    const list = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings`, cookie: petugas })
    ).json().items;
    expect(list.find((m: { fiscalYear: number }) => m.fiscalYear === 2024)).toMatchObject({
      heldOn: '2025-01-19',
      quorumMet: true,
      agenda: { elections: false, shuDistribution: true },
    });
    const c = (await compliance(DEWI_ID, '2025-07-01')).json();
    expect(c.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2024)).toEqual({
      fiscalYear: 2024,
      deadline: '2025-06-30',
      heldOn: '2025-01-19',
      status: 'ON_TIME',
    });
    expect(c.active).toBe(true);
    expect(c.years[0].fiscalYear).toBe(2012); // from the year of its legal entity
  });

  it('refuses a RAT before its fiscal year ended, more present than members, and a duplicate year', async () => {
    const early = await post(DEWI_ID, {
      fiscalYear: 2025,
      heldOn: '2025-12-31',
      membersPresent: 10,
      membersTotal: 214,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.heldOn).toMatch(/setelah tahun buku berakhir/);
    const crowd = await post(DEWI_ID, {
      fiscalYear: 2023,
      heldOn: '2024-02-10',
      membersPresent: 300,
      membersTotal: 214,
    });
    expect(crowd.statusCode).toBe(400);
    expect(crowd.json().error.fields.membersPresent).toMatch(/tidak boleh melebihi/);
    const dup = await post(DEWI_ID, { fiscalYear: 2024, heldOn: '2025-03-01', membersPresent: 10, membersTotal: 214 });
    expect(dup.statusCode).toBe(409);
  });

  it('lets the cooperative submit its own RAT and update the ODS report date, and no other', async () => {
    const res = await post(
      DEWI_ID,
      { fiscalYear: 2020, heldOn: '2021-03-02', membersPresent: 150, membersTotal: 205 },
      koperasi,
    );
    expect(res.statusCode).toBe(201);
    // What the cooperative files waits for the Dinas (issue 13): it does not count yet.
    const waiting = (await compliance(DEWI_ID, '2021-06-01', koperasi)).json();
    expect(waiting.pending).toBe(1);
    expect(waiting.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2020).heldOn).toBeNull();
    const patched = await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings/${res.json().id}`,
      cookie: koperasi,
      body: { reportedToOdsOn: '2021-03-20' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().verification).toEqual({ status: 'PENDING' });
    const stale = await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings/${res.json().id}`,
      cookie: koperasi,
      body: { notes: 'lama', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    // Entered by the Dinas, a RAT counts at once: reported late to ODS, then the report date fixed.
    const staff = await post(DEWI_ID, {
      fiscalYear: 2019,
      heldOn: '2020-03-02',
      membersPresent: 150,
      membersTotal: 205,
    });
    const late = (await compliance(DEWI_ID, '2020-06-01')).json();
    expect(late.warnings.map((w: { code: string }) => w.code)).toContain('ODS_REPORT_LATE');
    await api.req({
      method: 'PATCH',
      url: `/api/v1/cooperatives/${DEWI_ID}/annual-meetings/${staff.json().id}`,
      cookie: petugas,
      body: { reportedToOdsOn: '2020-03-20' },
    });
    const fixed = (await compliance(DEWI_ID, '2020-06-01')).json();
    expect(fixed.warnings.map((w: { code: string }) => w.code)).not.toContain('ODS_REPORT_LATE');
    const other = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&pageSize=1', cookie: petugas })
    ).json().items[0].id;
    expect(
      (await post(other, { fiscalYear: 2023, heldOn: '2024-03-02', membersPresent: 1, membersTotal: 2 }, koperasi))
        .statusCode,
    ).toBe(403);
    expect((await compliance(other, '2024-06-01', koperasi)).statusCode).toBe(403);
  });

  it('flags two and three missed years on a cooperative with no RAT at all', async () => {
    const c = (
      await api.req({
        method: 'POST',
        url: '/api/v1/cooperatives',
        cookie: petugas,
        body: {
          name: 'Koperasi Tanpa RAT',
          type: 'KONSUMEN',
          group: 'KSU',
          districtCode: TIRIS,
          villageCode: RANUAGUNG,
          legalEntityDate: '2019-05-01',
        },
      })
    ).json();
    const two = (await compliance(c.id, '2021-07-01')).json();
    expect(two.warnings.map((w: { code: string }) => w.code)).toEqual(['NO_RAT_2_YEARS']);
    expect(two.active).toBe(false); // no RAT for L = 2020, L−1 = 2019; 2018 predates it
    const three = (await compliance(c.id, '2022-07-01')).json();
    expect(three.warnings.map((w: { code: string }) => w.code)).toEqual(['DISSOLUTION_CANDIDATE']);
    expect(three.active).toBe(false);
    expect(three.warnings[0].message).toMatch(/calon pembubaran/);
    expect((await compliance(c.id, '2022-02-30')).statusCode).toBe(400);
  });

  it('shows RAT records in the timeline', async () => {
    const t = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=50`, cookie: petugas })
    ).json();
    expect(t.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['annual_meeting.create', 'annual_meeting.update']),
    );
  });
});
