import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DESKTOP, MOBILE, SCREENSHOT_DIR, snap, signIn } from './helpers';

// The visit record screen (issue #4 §3, §6, §7): a petugas records an approved visit, saves,
// reloads, resolves a conflict without losing typing, marks it done and downloads the berita
// acara; pimpinan reads the demo visit to Kopwan Dewi Rengganis.

const DEWI_COOP_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const DEWI_VISIT_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02';
const DEWI_NAME = 'Kopwan Dewi Rengganis';

function todayJakarta(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ctx;
}

/** A real PNG drawn on a canvas in the page: 2400 × 1800, so compression has work to do. */
async function makePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 2400, 1800);
    grad.addColorStop(0, '#2b8a3e');
    grad.addColorStop(1, '#f59f00');
    g.fillStyle = grad;
    g.fillRect(0, 0, 2400, 1800);
    g.fillStyle = '#fff';
    g.font = 'bold 160px sans-serif';
    g.fillText('RAT Sambang', 200, 900);
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

test.describe('visit record', () => {
  let visitId = '';
  let petugasApi: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    petugasApi = await apiAs(baseURL!, 'petugas.koperasi');
    const me = await (await petugasApi.get('/api/v1/auth/me')).json();
    const created = await petugasApi.post('/api/v1/visits', {
      data: {
        cooperativeId: DEWI_COOP_ID,
        date: todayJakarta(),
        startTime: '09:00',
        endTime: '11:30',
        purposes: ['PEMBINAAN', 'PENGAWASAN'],
        team: [{ userId: me.user.id, leader: true }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    visitId = (await created.json()).id;
    const pimpinan = await apiAs(baseURL!, 'pimpinan');
    const approved = await pimpinan.post(`/api/v1/visits/${visitId}/approve`, { data: {} });
    expect(approved.ok(), await approved.text()).toBeTruthy();
    await pimpinan.dispose();
  });

  test.afterAll(async () => {
    await petugasApi?.dispose();
  });

  test('a petugas records the visit, saves, keeps typing through a conflict, marks it done and gets the berita acara', async ({
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: -7.95841, longitude: 113.39187, accuracy: 14 });
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'petugas.koperasi');
    await page.goto(`/kunjungan/${visitId}`);

    await expect(page.getByTestId('visit-coop')).toHaveText(DEWI_NAME, { timeout: 30_000 });
    await expect(page.getByTestId('visit-status')).toHaveText('Disetujui');
    await expect(page.getByRole('button', { name: 'Tandai selesai' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
    // An approved visit opens ready to record.
    await expect(page.getByTestId('visit-savebar')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveText('Semua perubahan tersimpan');

    // Attendance: two people.
    const attendance = page.getByTestId('section-attendance');
    await attendance.getByRole('button', { name: 'Tambah peserta' }).click();
    await attendance.getByLabel('Nama 1').fill('Siti Rahmawati');
    await attendance.getByLabel('Unsur 1').selectOption('pengurus');
    await attendance.getByRole('button', { name: 'Tambah peserta' }).click();
    await attendance.getByLabel('Nama 2').fill('Ahmad Fauzi');
    await attendance.getByLabel('Unsur 2').selectOption('pengawas');
    await attendance.getByRole('radiogroup', { name: 'Jenis kelamin 2' }).getByText('L', { exact: true }).click();
    await expect(attendance).toContainText('2 orang hadir · laki-laki 1, perempuan 1');
    await expect(page.getByTestId('save-state')).toHaveText('Ada perubahan yang belum disimpan');

    // Notes and one checklist answer with a note.
    await page.getByLabel('Kelembagaan', { exact: true }).fill('Pengurus lengkap; masa jabatan berakhir 2026.');
    await page.getByLabel('Keuangan', { exact: true }).fill('Pembukuan masih manual.');
    const rat = page.locator('[data-testid="checklist-indicator"][data-code="kelembagaan.rat"]');
    await rat.getByRole('button', { name: 'Tidak Sesuai' }).click();
    await expect(rat.getByRole('button', { name: 'Tidak Sesuai' })).toHaveAttribute('aria-pressed', 'true');
    await rat.getByPlaceholder('Catatan (bila perlu)').fill('RAT tahun buku lalu terlambat dua bulan.');

    // A photo, compressed in the browser before upload.
    const png = await makePng(page);
    await page
      .getByTestId('photo-gallery-input')
      .setInputFiles({ name: 'rat.png', mimeType: 'image/png', buffer: png });
    const pendingPhoto = page.getByTestId('photo-pending');
    await expect(pendingPhoto).toContainText('1600 × 1200 px');
    await pendingPhoto.getByLabel('Keterangan foto').fill('Dialog bersama pengurus');

    // GPS from the (emulated) device.
    await page.getByRole('button', { name: 'Ambil posisi sekarang' }).click();
    await expect(page.getByTestId('gps-coords')).toContainText('-7.95841, 113.39187');
    await expect(page.getByTestId('gps-accuracy')).toContainText('± 14 m');

    // A unit worked on.
    const units = page.getByTestId('section-units');
    await units.getByRole('checkbox').first().check();

    // Leaving with unsaved changes asks first.
    await page.getByRole('link', { name: 'Daftar kunjungan' }).click();
    const leave = page.getByRole('dialog', { name: 'Tinggalkan halaman ini?' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Batal', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/kunjungan/${visitId}$`));

    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, 'visit-edit-desktop');
    await page.setViewportSize(MOBILE);
    await snap(page, 'visit-edit-mobile');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByTestId('save-state')).toHaveText('Semua perubahan tersimpan');
    await expect(page.getByTestId('photo-saved')).toHaveCount(1);

    // The server has the compressed JPEG.
    const stored = await (await page.request.get(`/api/v1/visits/${visitId}`)).json();
    expect(stored.photos).toHaveLength(1);
    expect(stored.photos[0]).toMatchObject({
      contentType: 'image/jpeg',
      width: 1600,
      height: 1200,
      caption: 'Dialog bersama pengurus',
    });
    expect(stored.photos[0].sizeBytes).toBeLessThan(png.length);
    expect(stored.attendance).toEqual([
      { name: 'Siti Rahmawati', role: 'pengurus', gender: 'P' },
      { name: 'Ahmad Fauzi', role: 'pengawas', gender: 'L' },
    ]);
    expect(stored.checklist.answers['kelembagaan.rat']).toEqual({
      result: 'TIDAK_SESUAI',
      note: 'RAT tahun buku lalu terlambat dua bulan.',
    });
    expect(stored.gps).toMatchObject({ lat: -7.95841, lng: 113.39187, accuracy: 14 });
    expect(stored.businessUnitIds).toHaveLength(1);

    // Reload: everything is still there.
    await page.reload();
    await expect(page.getByLabel('Nama 1')).toHaveValue('Siti Rahmawati', { timeout: 30_000 });
    await expect(page.getByLabel('Nama 2')).toHaveValue('Ahmad Fauzi');
    await expect(page.getByLabel('Unsur 2')).toHaveValue('pengawas');
    await expect(page.getByLabel('Kelembagaan', { exact: true })).toHaveValue(
      'Pengurus lengkap; masa jabatan berakhir 2026.',
    );
    await expect(rat.getByRole('button', { name: 'Tidak Sesuai' })).toHaveAttribute('aria-pressed', 'true');
    await expect(rat.getByPlaceholder('Catatan (bila perlu)')).toHaveValue('RAT tahun buku lalu terlambat dua bulan.');
    await expect(page.getByTestId('photo-saved').getByTestId('photo-caption')).toHaveText('Dialog bersama pengurus');
    await expect(page.getByTestId('gps-coords')).toContainText('-7.95841, 113.39187');
    await expect(units.getByRole('checkbox').first()).toBeChecked();

    // A colleague saves meanwhile: the save is refused, the typing survives, the merge keeps both.
    await page.getByLabel('Usaha', { exact: true }).fill('Unit simpan pinjam berjalan baik.');
    const other = await petugasApi.patch(`/api/v1/visits/${visitId}`, {
      data: { findings: { pengawasanInternal: 'Catatan rekan: pengawas belum memeriksa.' }, version: stored.version },
    });
    expect(other.ok(), await other.text()).toBeTruthy();
    await page.getByRole('button', { name: 'Simpan' }).click();
    const conflict = page.getByTestId('visit-conflict');
    await expect(conflict).toContainText('baru saja diubah oleh orang lain');
    await expect(page.getByLabel('Usaha', { exact: true })).toHaveValue('Unit simpan pinjam berjalan baik.');
    await conflict.getByRole('button', { name: /Muat versi terbaru/ }).click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByLabel('Usaha', { exact: true })).toHaveValue('Unit simpan pinjam berjalan baik.');
    await expect(page.getByLabel('Pengawasan internal', { exact: true })).toHaveValue(
      'Catatan rekan: pengawas belum memeriksa.',
    );
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByTestId('save-state')).toHaveText('Semua perubahan tersimpan');
    const merged = await (await page.request.get(`/api/v1/visits/${visitId}`)).json();
    expect(merged.findings).toMatchObject({
      usaha: 'Unit simpan pinjam berjalan baik.',
      pengawasanInternal: 'Catatan rekan: pengawas belum memeriksa.',
      keuangan: 'Pembukuan masih manual.',
    });

    // Mark the visit done.
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('Selesai');
    await expect(page.getByTestId('visit-savebar')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Ubah catatan' })).toBeVisible();
    await expect(page.getByTestId('attendance-list')).toContainText('Ahmad Fauzi');

    // The activity report reads as news and offers copy and WhatsApp.
    const report = page.getByTestId('activity-report');
    await expect(report).toContainText('Dewi Rengganis');
    await expect(report).toContainText('Probolinggo —');
    const wa = page.getByRole('link', { name: 'Bagikan ke WhatsApp' });
    await expect(wa).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Salin' }).click();
    await expect(page.getByRole('button', { name: 'Tersalin' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Dewi Rengganis');

    // The berita acara PDF.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh berita acara (PDF)' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^berita-acara-kopwan-dewi-rengganis-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = `${SCREENSHOT_DIR}/visit-minutes.pdf`;
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    let text = '';
    try {
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    } catch {
      text = '';
    }
    if (text) {
      expect(text).toContain(DEWI_NAME);
      expect(text).toContain('Siti Rahmawati');
      expect(text).toContain('Ahmad Fauzi');
      expect(text).toContain('Tidak Sesuai');
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, 'visit-done-desktop');
    await page.setViewportSize(MOBILE);
    await snap(page, 'visit-done-mobile');
  });

  test('a cancelled visit needs a reason and becomes read-only', async ({ page, baseURL }) => {
    const me = await (await petugasApi.get('/api/v1/auth/me')).json();
    const created = await petugasApi.post('/api/v1/visits', {
      data: {
        cooperativeId: DEWI_COOP_ID,
        date: todayJakarta(),
        purposes: ['MONITORING'],
        team: [{ userId: me.user.id, leader: true }],
      },
    });
    const id = (await created.json()).id as string;
    void baseURL;
    await page.setViewportSize(MOBILE);
    await signIn(page, 'petugas.koperasi');
    await page.goto(`/kunjungan/${id}`);
    await expect(page.getByTestId('visit-status')).toHaveText('Direncanakan', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Batalkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batalkan kunjungan' });
    await dialog.getByRole('button', { name: 'Batalkan kunjungan' }).click();
    await expect(dialog).toContainText('Alasan minimal 5 karakter.');
    await dialog.getByLabel('Alasan pembatalan').fill('Pengurus berhalangan karena musim panen.');
    await dialog.getByRole('button', { name: 'Batalkan kunjungan' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('Dibatalkan');
    await expect(page.getByText('Alasan: Pengurus berhalangan karena musim panen.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Catat hasil kunjungan|Ubah catatan/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Batalkan' })).toHaveCount(0);
  });

  test('pimpinan reads the demo visit to Kopwan Dewi Rengganis without editing it', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'pimpinan');
    await page.goto(`/kunjungan/${DEWI_VISIT_ID}`);
    await expect(page.getByTestId('visit-coop')).toHaveText(DEWI_NAME, { timeout: 30_000 });
    await expect(page.getByTestId('visit-status')).toHaveText('Selesai');
    await expect(page.getByTestId('visit-rat')).toContainText('RAT tahun buku 2024');
    await expect(page.getByTestId('visit-team')).toContainText('Kepala DKUPP (demo)');
    await expect(page.getByText('Hanya anggota tim kunjungan yang dapat mencatat.')).toBeVisible();
    // Read-only: no editors, no save bar, no record actions.
    await expect(page.getByTestId('attendance-list')).toBeVisible();
    await expect(page.getByTestId('attendance-editor')).toHaveCount(0);
    await expect(page.getByTestId('checklist-view')).toBeVisible();
    await expect(page.getByTestId('visit-savebar')).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: /Ubah catatan|Catat hasil kunjungan|Tandai selesai|Setujui|Batalkan/ }),
    ).toHaveCount(0);
    await expect(page.getByTestId('finding-kelembagaan')).toContainText('Balai Desa Ranuagung');
    await expect(page.getByTestId('gps-coords')).toContainText('-7.95841, 113.39187');
    await expect(page.getByTestId('section-dialog')).toBeVisible();
    await expect(page.getByTestId('activity-report')).toContainText('Dewi Rengganis');
    await snap(page, 'visit-view-desktop');
    await page.setViewportSize(MOBILE);
    await snap(page, 'visit-view-mobile');
  });

  test('the cooperative sees its own visit read-only, with the berita acara and report', async ({ page }) => {
    await page.setViewportSize(MOBILE);
    await signIn(page, 'dewirengganis');
    await page.goto(`/kunjungan/${DEWI_VISIT_ID}`);
    await expect(page.getByTestId('visit-coop')).toHaveText(DEWI_NAME, { timeout: 30_000 });
    await expect(page.getByText('Catatan kunjungan tim DKUPP ke koperasi Anda.')).toBeVisible();
    await expect(page.getByRole('link', { name: DEWI_NAME }).first()).toHaveAttribute(
      'href',
      `/koperasi/${DEWI_COOP_ID}?tab=kunjungan`,
    );
    await expect(
      page.getByRole('button', { name: /Ubah catatan|Catat hasil kunjungan|Tandai selesai|Setujui|Batalkan|Simpan/ }),
    ).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ubah rencana' })).toHaveCount(0);
    await expect(page.getByTestId('attendance-list')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unduh berita acara (PDF)' })).toBeVisible();
    await expect(page.getByTestId('activity-report')).toContainText('Dewi Rengganis');
  });
});
