import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * Notices of the cooperative desk's verification (issues 13 and 14) on both databases: a filing
 * reaches the officers who verify it, its return (with the reason) or verification reaches the
 * cooperative that filed it — nobody else, and nobody of their own act.
 */
describe.each(DB_KINDS)('verification notices on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  const USERS = [
    'admin',
    'pimpinan',
    'kepala.dinas',
    'petugas.koperasi',
    'petugas.usahamikro',
    'petugas.industri',
    'dewirengganis',
    'ketua.lain',
  ];

  beforeAll(async () => {
    api = await startApi(kind);
    c.admin = await api.login('admin');
    const otherCoop = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&status=AKTIF&pageSize=1', cookie: c.admin })
    ).json().items[0].id;
    expect(otherCoop).not.toBe(DEWI_ID);
    await api.req({
      method: 'POST',
      url: '/api/v1/users',
      cookie: c.admin,
      body: {
        username: 'ketua.lain',
        fullName: 'Ketua Lain',
        role: 'koperasi',
        cooperativeId: otherCoop,
        password: 'sambang-demo',
      },
    });
    for (const u of USERS.slice(1)) c[u] = await api.login(u);
    for (const u of await api.deps.db.kysely.selectFrom('users').select(['id', 'username']).execute())
      id[u.username] = u.id;
    await api.deps.db.kysely.deleteFrom('notifications').execute();
  });
  afterAll(() => api?.close());

  type Item = { kind: string; title: string; body: string; link: string };
  const inbox = async (who: string): Promise<Item[]> => {
    const res = await api.req({ method: 'GET', url: '/api/v1/notifications', cookie: c[who] });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const whoGot = async (kindName: string) => {
    const out: Record<string, Item[]> = {};
    for (const u of USERS) {
      const got = (await inbox(u)).filter((n) => n.kind === kindName);
      if (got.length) out[u] = got;
    }
    return out;
  };
  const pendingFigures = async () =>
    (
      await api.req({
        method: 'GET',
        url: '/api/v1/verifications?status=PENDING&kind=YEARLY_FIGURES',
        cookie: c['petugas.koperasi'],
      })
    ).json().items[0] as { id: string };

  it("brings a cooperative's filing to Bidang Koperasi's petugas and the admins, linked to the queue — not to the filer or another cooperative", async () => {
    const put = await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/figures/2024`,
      cookie: c.dewirengganis,
      body: { assets: 1_800_000_000, shu: 12_000_000 },
    });
    expect(put.statusCode).toBe(200);
    const got = await whoGot('verification.pending');
    expect(Object.keys(got).sort()).toEqual(['admin', 'petugas.koperasi']);
    const n = got['petugas.koperasi']![0]!;
    expect(n.link).toBe(`/verifikasi?kind=YEARLY_FIGURES&coop=${DEWI_ID}`);
    expect(n.title).toMatch(/^Menunggu verifikasi: Data tahunan /);
    expect(n.body).toContain('Rp1.800.000.000');
    // A change to a filing already waiting is seen in the queue: no second notice.
    await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/figures/2024`,
      cookie: c.dewirengganis,
      body: { assets: 1_850_000_000, shu: 12_000_000 },
    });
    expect((await whoGot('verification.pending'))['admin']).toHaveLength(1);
    // The Dinas' own entry counts at once and tells nobody.
    await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/figures/2023`,
      cookie: c['petugas.koperasi'],
      body: { assets: 500_000_000 },
    });
    expect((await whoGot('verification.pending'))['admin']).toHaveLength(1);
  });

  it('tells the cooperative why its filing came back, on the tab where it is — and no one else; a failed return tells nobody', async () => {
    const item = await pendingFigures();
    const short = await api.req({
      method: 'POST',
      url: `/api/v1/verifications/${item.id}/return`,
      cookie: c['petugas.koperasi'],
      body: { reason: 'x' },
    });
    expect(short.statusCode).toBe(400);
    expect(await whoGot('verification.returned')).toEqual({});
    const res = await api.req({
      method: 'POST',
      url: `/api/v1/verifications/${item.id}/return`,
      cookie: c['petugas.koperasi'],
      body: { reason: 'Aset tidak sesuai neraca yang diunggah' },
    });
    expect(res.statusCode).toBe(200);
    const got = await whoGot('verification.returned');
    expect(Object.keys(got)).toEqual(['dewirengganis']);
    const n = got.dewirengganis![0]!;
    expect(n.body).toContain('Alasan: Aset tidak sesuai neraca yang diunggah');
    expect(n.link).toBe(`/koperasi/${DEWI_ID}?tab=data-tahunan`);
    expect(await inbox('ketua.lain')).toEqual([]);
  });

  it('tells the officers again when the corrected filing comes back, and the cooperative (with an e-mail as it chose) when verified', async () => {
    (api.deps.config as { smtpUrl: string | null }).smtpUrl = 'smtp://127.0.0.1:9';
    try {
      const prefs = await api.req({
        method: 'PUT',
        url: '/api/v1/me/notification-settings',
        cookie: c.dewirengganis,
        body: { email: 'dewi@koperasi.example', kinds: { 'verification.verified': 'off' } },
      });
      expect(prefs.statusCode).toBe(200);
      await api.req({
        method: 'PUT',
        url: `/api/v1/cooperatives/${DEWI_ID}/figures/2024`,
        cookie: c.dewirengganis,
        body: { assets: 1_750_000_000, shu: 12_000_000 },
      });
      expect(
        Object.entries(await whoGot('verification.pending'))
          .map(([u, l]) => [u, l.length])
          .sort(),
      ).toEqual([
        ['admin', 2],
        ['petugas.koperasi', 2],
      ]);
      const item = await pendingFigures();
      expect(
        (await api.req({ method: 'POST', url: `/api/v1/verifications/${item.id}/verify`, cookie: c.admin })).statusCode,
      ).toBe(200);
      const got = await whoGot('verification.verified');
      expect(Object.keys(got)).toEqual(['dewirengganis']);
      expect(got.dewirengganis![0]!.title).toBe('Data tahunan telah diverifikasi');
      // In the app always; by e-mail only as the user chose ('off' for this kind).
      const mails = await api.deps.db.kysely
        .selectFrom('mail_outbox')
        .select(['kind'])
        .where('user_id', '=', id.dewirengganis!)
        .execute();
      expect(mails.map((m) => m.kind)).not.toContain('verification.verified');
      // The earlier return (before an address was set) was not mailed either; a new return is.
      await api.req({
        method: 'PUT',
        url: `/api/v1/cooperatives/${DEWI_ID}/figures/2024`,
        cookie: c.dewirengganis,
        body: { assets: 1_760_000_000, shu: 12_000_000 },
      });
      const again = await pendingFigures();
      await api.req({
        method: 'POST',
        url: `/api/v1/verifications/${again.id}/return`,
        cookie: c.admin,
        body: { reason: 'SHU belum diaudit' },
      });
      const after = await api.deps.db.kysely
        .selectFrom('mail_outbox')
        .select(['kind', 'subject'])
        .where('user_id', '=', id.dewirengganis!)
        .execute();
      expect(after.map((m) => m.kind)).toEqual(['verification.returned']);
      expect((await inbox('admin')).some((n) => n.kind === 'verification.returned')).toBe(false);
    } finally {
      (api.deps.config as { smtpUrl: string | null }).smtpUrl = null;
    }
  });
});
