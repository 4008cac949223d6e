import { expect, test } from './csp-guard';
import { MOBILE } from './helpers';
import { apiAs, approvedVisit, makePng, nav, openField, SCREENS_DIR, shots, userId } from './field-helpers';

// Field mode (issue #6 §8): a petugas prepares, goes offline, records a visit with a concern, a
// recommendation and a photo, reloads offline (all still there), goes online, watches the outbox
// empty, and the server has everything exactly once.

test('a petugas records a visit offline and it reaches the server exactly once', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);

  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: -7.95841, longitude: 113.39187, accuracy: 14 });
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');

  // Prepare while online.
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });
  await expect(page.getByTestId('pack-item').first()).toContainText('KB');
  await shots(page, 'field-siapkan');

  // No signal from here on.
  await context.setOffline(true);
  await nav(page, 'Kunjungan');
  await expect(page.getByTestId('net-state')).toHaveText('Luring');
  await shots(page, 'field-beranda');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  await expect(page.getByTestId('visit-coop')).toHaveText('Kopwan Dewi Rengganis');

  const attendee = `Bu Sumiati ${tag}`;
  await page.getByTestId('attendee-name').fill(attendee);
  await page.getByTestId('attendee-gender').selectOption('P');
  await page.getByTestId('attendee-role').selectOption('pengurus');
  await page.getByRole('button', { name: 'Tambah yang hadir' }).click();
  await expect(page.getByText(attendee)).toBeVisible();

  const finding = `Pembukuan simpan pinjam belum rapi ${tag}`;
  await page.getByTestId('finding-usaha').fill(finding);
  await page.getByRole('button', { name: 'Ambil lokasi' }).click();
  await expect(page.getByTestId('gps-value')).toContainText('-7.95841');

  const concernText = `Modal kerja kurang untuk musim panen ${tag}`;
  await page.getByRole('button', { name: 'Catat permasalahan' }).click();
  await page.getByTestId('concern-topic').selectOption('permodalan');
  await page.getByTestId('concern-description').fill(concernText);
  await page.getByTestId('concern-raised-by').fill('Ketua koperasi');
  await page.getByRole('button', { name: 'Simpan permasalahan' }).click();
  await expect(page.getByTestId('local-concern').filter({ hasText: concernText })).toBeVisible();

  const recText = `Ajukan pinjaman LPDB dengan pendampingan ${tag}`;
  await page.getByRole('button', { name: 'Tambah rekomendasi' }).click();
  await page.getByTestId('rec-concern').selectOption({ label: concernText.slice(0, 60) });
  await page.getByTestId('rec-text').fill(recText);
  await page.getByRole('button', { name: 'Simpan rekomendasi' }).click();
  await expect(page.getByTestId('follow-up').filter({ hasText: recText })).toBeVisible();

  await page
    .getByTestId('photo-input')
    .setInputFiles({ name: 'rapat.png', mimeType: 'image/png', buffer: await makePng(page, `RAT ${tag}`) });
  await expect(page.getByTestId('local-photo')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('saved-state')).toContainText('Tersimpan di ponsel');
  await page.getByText('Profil koperasi', { exact: true }).click();
  await shots(page, 'field-kunjungan');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENS_DIR}/field-kunjungan-atas-360.png` });

  // Reload with no network: the service worker serves the app, Dexie still has everything.
  await page.reload();
  await expect(page.getByTestId('visit-coop')).toHaveText('Kopwan Dewi Rengganis', { timeout: 15_000 });
  await expect(page.getByText(attendee)).toBeVisible();
  await expect(page.getByTestId('finding-usaha')).toHaveValue(finding);
  await expect(page.getByTestId('local-concern').filter({ hasText: concernText })).toBeVisible();
  await expect(page.getByTestId('follow-up').filter({ hasText: recText })).toBeVisible();
  await expect(page.getByTestId('local-photo')).toHaveCount(1);

  await nav(page, 'Kotak keluar');
  await expect(page.getByTestId('outbox-count')).toHaveText('3');
  await expect(page.getByTestId('outbox-photos')).toHaveText('1');
  await shots(page, 'field-kotak-keluar');

  // Signal returns: the outbox empties by itself.
  await context.setOffline(false);
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('outbox-count')).toHaveText('0');
  await expect(page.getByTestId('outbox-photos')).toHaveText('0');
  await shots(page, 'field-kotak-keluar-kosong');

  // On the server, exactly once.
  const visit = await (await api.get(`/api/v1/visits/${visitId}`)).json();
  expect(visit.attendance.filter((a: { name: string }) => a.name === attendee)).toEqual([
    { name: attendee, role: 'pengurus', gender: 'P' },
  ]);
  expect(visit.findings.usaha).toBe(finding);
  expect(visit.gps.lat).toBeCloseTo(-7.95841, 4);
  expect(visit.photos).toHaveLength(1);
  const concerns = (await (await api.get(`/api/v1/concerns?visitId=${visitId}&pageSize=100`)).json()).items as {
    id: string;
    description: string;
  }[];
  expect(concerns.filter((c) => c.description === concernText)).toHaveLength(1);
  const followUps = (await (await api.get(`/api/v1/follow-ups?visitId=${visitId}&pageSize=100`)).json()).items as {
    recommendation: string;
    concernId: string;
  }[];
  const mine = followUps.filter((f) => f.recommendation === recText);
  expect(mine).toHaveLength(1);
  expect(mine[0].concernId).toBe(concerns.find((c) => c.description === concernText)!.id);
  await api.dispose();
});

test('a session that expired while offline keeps the records; sync continues after logging in again', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });

  await context.setOffline(true);
  await nav(page, 'Kunjungan');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  // No location permission on this phone: a clear message, and the visit can still be recorded.
  await page.getByRole('button', { name: 'Ambil lokasi' }).click();
  await expect(page.getByTestId('gps-error')).toContainText('Izin lokasi ditolak', { timeout: 40_000 });
  const finding = `Rapat anggota tahunan belum dijadwalkan ${tag}`;
  await page.getByTestId('finding-kelembagaan').fill(finding);
  await expect(page.getByTestId('saved-state')).toContainText('Tersimpan di ponsel');

  // The session ends while the phone has no signal.
  await context.clearCookies();
  await context.setOffline(false);
  await nav(page, 'Kotak keluar');
  await expect(page.getByTestId('session-banner')).toContainText('Sesi berakhir — masuk lagi', { timeout: 60_000 });
  await expect(page.getByTestId('outbox-count')).toHaveText('1');
  await shots(page, 'field-sesi-berakhir');

  await page.getByTestId('session-banner').getByRole('link', { name: 'Masuk' }).click();
  await page.getByLabel('Nama pengguna').fill('petugas.koperasi');
  await page.getByLabel('Kata sandi').fill('sambang-demo');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapangan/, { timeout: 30_000 });
  await nav(page, 'Kotak keluar');
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('session-banner')).toHaveCount(0);
  const visit = await (await api.get(`/api/v1/visits/${visitId}`)).json();
  expect(visit.findings.kelembagaan).toBe(finding);
  await api.dispose();
});

test('a recommendation made offline is marked done with an evidence photo; all of it arrives in order', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });

  await context.setOffline(true);
  await nav(page, 'Kunjungan');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  const recText = `Pasang papan nama koperasi ${tag}`;
  await page.getByRole('button', { name: 'Tambah rekomendasi' }).click();
  await page.getByTestId('rec-text').fill(recText);
  await page.getByRole('button', { name: 'Simpan rekomendasi' }).click();
  const row = page.getByTestId('follow-up').filter({ hasText: recText });
  await row.getByRole('button', { name: 'Perbarui status' }).click();
  await row.getByTestId('evidence-note').fill('Papan nama sudah terpasang di depan kantor');
  await row
    .getByTestId('evidence-photo')
    .setInputFiles({ name: 'papan.png', mimeType: 'image/png', buffer: await makePng(page, `Papan ${tag}`) });
  await row.getByRole('button', { name: 'Selesai', exact: true }).click();
  await expect(row).toContainText('Selesai');
  await shots(page, 'field-tindak-lanjut');

  await nav(page, 'Kotak keluar');
  await expect(page.getByTestId('outbox-count')).toHaveText('2');
  await expect(page.getByTestId('outbox-photos')).toHaveText('1');
  await context.setOffline(false);
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });

  const list = (await (await api.get(`/api/v1/follow-ups?visitId=${visitId}&pageSize=100`)).json()).items as {
    id: string;
    recommendation: string;
  }[];
  const mine = list.filter((f) => f.recommendation === recText);
  expect(mine).toHaveLength(1);
  const fu = await (await api.get(`/api/v1/follow-ups/${mine[0].id}`)).json();
  expect(fu.status).toBe('done');
  expect(fu.evidence.note).toBe('Papan nama sudah terpasang di depan kantor');
  expect(fu.evidence.photoId).toBeTruthy();
  await api.dispose();
});

test('another officer logging in on the same phone never sends the first one’s changes', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });
  await context.setOffline(true);
  await nav(page, 'Kunjungan');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  const finding = `Kas belum dihitung ulang ${tag}`;
  await page.getByTestId('finding-keuangan').fill(finding);
  await expect(page.getByTestId('saved-state')).toContainText('Tersimpan di ponsel');

  // Someone else logs in on this phone.
  await context.clearCookies();
  await context.setOffline(false);
  await openField(page, 'petugas.usahamikro');
  await expect(page.getByTestId('owner-banner')).toContainText('Petugas Bidang Koperasi (demo)');
  await nav(page, 'Kotak keluar');
  await expect(page.getByTestId('outbox-count')).toHaveText('1');
  await page.getByTestId('send-now').click();
  await expect(page.getByTestId('sync-message')).toContainText('Masuk sebagai Petugas Bidang Koperasi (demo)');
  await expect(page.getByTestId('outbox-count')).toHaveText('1');
  expect((await (await api.get(`/api/v1/visits/${visitId}`)).json()).findings.keuangan ?? null).toBeNull();

  // The owner logs in again: sent, under the owner's name.
  await context.clearCookies();
  await openField(page, 'petugas.koperasi');
  await expect(page.getByTestId('owner-banner')).toHaveCount(0);
  await nav(page, 'Kotak keluar');
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  expect((await (await api.get(`/api/v1/visits/${visitId}`)).json()).findings.keuangan).toBe(finding);
  await api.dispose();
});

test('assets are served precompressed, hashed ones cached for a year, the shell revalidated', async ({ request }) => {
  const html = await request.get('/lapangan', { headers: { Accept: 'text/html', 'Accept-Encoding': 'br, gzip' } });
  expect(html.ok()).toBeTruthy();
  expect(html.headers()['cache-control']).toBe('no-cache');
  const src = /src="(\/assets\/index-[^"]+\.js)"/.exec(await html.text())?.[1];
  expect(src).toBeTruthy();
  const js = await request.get(src!, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(js.headers()['content-encoding']).toBe('br');
  expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const gz = await request.get(src!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  const sw = await request.get('/sw.js');
  expect(sw.headers()['cache-control']).toBe('no-cache');
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({
    name: 'Sambang Lapangan',
    short_name: 'Sambang',
    start_url: '/lapangan',
    theme_color: '#0b7a55',
  });
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
});
