import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DESKTOP, login, MOBILE, snap, signIn } from './helpers';

// The machine running these may be busy (several checkouts side by side): generous waits.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const DEWI = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
/** A date some days from today (Jakarta), typed the way the date inputs read it: "28 Desember 2026". */
function typedDate(daysAhead: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + daysAhead * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
/** A small real PNG (a 64 × 48 coloured block), drawn by the browser itself. */
async function pngBytes(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#2f9e44';
    ctx.fillRect(0, 0, 64, 48);
    ctx.fillStyle = '#fff';
    ctx.fillRect(8, 8, 20, 20);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}
async function relogin(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}
async function pick(
  page: Page,
  label: string | RegExp,
  option: string | RegExp,
  scope = page.getByRole('dialog').last(),
) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('a concern from the portal reaches the inbox, gets a recommendation that is carried out with evidence', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const stamp = Date.now().toString(36);
  const text = `Produk keripik kami sulit masuk toko modern karena belum ada PIRT (${stamp}).`;
  const recommendation = `Mendampingi pengurusan PIRT keripik bersama Dinkes (${stamp})`;

  // 1. The cooperative raises a concern from its portal.
  await signIn(page, 'dewirengganis');
  await page.goto('/aspirasi');
  await expect(page.getByRole('heading', { name: 'Aspirasi koperasi Anda' })).toBeVisible();
  await page.getByTestId('raise-concern').click();
  const form = page.getByRole('dialog');
  await form.getByText('Keluhan', { exact: true }).click();
  await pick(page, 'Topik', 'Pemasaran');
  await form.getByText('Tinggi', { exact: true }).click();
  await form.getByLabel('Uraian').fill(text);
  await form.getByTestId('concern-submit').click();
  await expect(page.getByText('Aspirasi terkirim. Dinas akan menanggapinya.')).toBeVisible();
  const own = page.getByTestId('concern-card').filter({ hasText: stamp });
  await expect(own).toBeVisible();
  await expect(own.getByTestId('concern-status')).toHaveText('Terbuka');
  await expect(own).toContainText('Keluhan · Pemasaran');

  // 2. A petugas sees it unseen in the inbox and opens it.
  await relogin(page, 'petugas.koperasi');
  await page.goto('/aspirasi');
  await expect(page.getByTestId('unseen-count')).toBeVisible();
  const card = page.getByTestId('concern-card').filter({ hasText: stamp });
  await expect(card).toHaveAttribute('data-unseen', 'true');
  await expect(card.getByTestId('unseen-badge')).toHaveText('Baru');
  await expect(card).toContainText('Kopwan Dewi Rengganis');
  await card.getByRole('button').click();
  const detail = page.getByRole('dialog', { name: 'Rincian aspirasi' });
  await expect(detail.getByTestId('concern-detail-description')).toHaveText(text);
  await expect(detail).toContainText('Dari portal koperasi');

  // 3. …and adds a recommendation assigned to itself, with a deadline.
  await detail.getByTestId('add-recommendation').click();
  const fu = page.getByTestId('follow-up-form');
  await fu.getByLabel('Rekomendasi').fill(recommendation);
  await fu.getByText('Petugas', { exact: true }).click();
  await fu.getByRole('combobox', { name: 'Petugas penanggung jawab' }).click();
  await page.getByRole('option', { name: /\(saya\)/ }).click();
  await fu.getByLabel('Tenggat').fill(typedDate(30));
  await fu.getByLabel('Tenggat').press('Tab');
  await fu.getByLabel('Rencana pemantauan').fill('Cek nomor PIRT pada kunjungan berikutnya.');
  await fu.getByTestId('follow-up-submit').click();
  await expect(page.getByText('Rekomendasi tersimpan.')).toBeVisible();
  const inDetail = detail.getByTestId('follow-up-card').filter({ hasText: stamp });
  await expect(inDetail).toBeVisible();
  await expect(inDetail.getByTestId('follow-up-status')).toHaveText('Belum dikerjakan');
  // A recommendation marks the concern addressed.
  await expect(detail.getByTestId('concern-status')).toHaveText('Sudah ditanggapi');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(card).toHaveAttribute('data-unseen', 'false');

  // 4. It is under "Tindak lanjut saya": in progress, then done with a note and a photo.
  await page.goto('/tindak-lanjut');
  await expect(page.getByTestId('tab-mine')).toHaveAttribute('aria-selected', 'true');
  const mine = page.getByTestId('follow-up-card').filter({ hasText: stamp });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText('Cek nomor PIRT');
  await mine.getByTestId('action-start').click();
  const modal = page.getByRole('dialog', { name: 'Ubah status tindak lanjut' });
  await modal.getByTestId('status-note').fill('Berkas PIRT sedang disiapkan bersama pengurus.');
  await modal.getByTestId('status-save').click();
  await expect(mine.getByTestId('follow-up-status')).toHaveText('Sedang dikerjakan');
  await expect(mine).toContainText('Berkas PIRT sedang disiapkan');

  await mine.getByTestId('action-done').click();
  await expect(modal).toBeVisible();
  // Done without evidence is refused in the form.
  await modal.getByTestId('status-save').click();
  await expect(modal.getByText('Minimal 5 karakter.')).toBeVisible();
  await modal.getByTestId('evidence-note').fill(`PIRT terbit dengan nomor 2053513010123-29 (${stamp}).`);
  const chooser = page.waitForEvent('filechooser');
  await modal.getByTestId('evidence-photo-button').click();
  await (await chooser).setFiles({ name: 'bukti-pirt.png', mimeType: 'image/png', buffer: await pngBytes(page) });
  await expect(modal.getByTestId('evidence-preview')).toBeVisible();
  await expect(modal).toContainText('Foto siap diunggah');
  await modal.getByTestId('status-save').click();
  await expect(modal).toBeHidden();
  // The notice of the earlier "in progress" save may still be showing next to this one.
  await expect(page.getByText('Status tindak lanjut tersimpan.').first()).toBeVisible();
  // Closed ones move below the unfinished ones; the concern shows it done, with its evidence.
  await page.goto('/aspirasi');
  await page.getByTestId('concern-card').filter({ hasText: stamp }).getByRole('button').click();
  const done = page
    .getByRole('dialog', { name: 'Rincian aspirasi' })
    .getByTestId('follow-up-card')
    .filter({ hasText: stamp });
  await expect(done.getByTestId('follow-up-status')).toHaveText('Selesai');
  await expect(done.getByTestId('follow-up-evidence')).toContainText('PIRT terbit');
  await expect(done.getByTestId('evidence-photo')).toBeVisible();
  // The photo really is stored and served (compressed to JPEG in the browser).
  const src = await done.getByTestId('evidence-photo').getAttribute('src');
  const res = await page.request.get(src!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/image\/jpeg/);

  // 5. The cooperative's timeline shows the change.
  await page.goto(`/koperasi/${DEWI}?tab=riwayat`);
  const items = page.getByTestId('timeline-item');
  await expect(items.filter({ hasText: 'Tindak lanjut selesai' }).first()).toBeVisible();
  await expect(items.filter({ hasText: 'Tindak lanjut selesai' }).first()).toContainText('PIRT terbit');

  // 6. The cooperative sees the response status on its own list.
  await relogin(page, 'dewirengganis');
  await page.goto('/aspirasi');
  await expect(page.getByTestId('concern-card').filter({ hasText: stamp }).getByTestId('concern-status')).toHaveText(
    'Sudah ditanggapi',
  );
});

test('an overdue follow-up from the demo data is visibly marked, and the export downloads', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'petugas.koperasi');
  await page.goto('/tindak-lanjut?tab=semua&status=overdue');
  const first = page.getByTestId('follow-up-card').first();
  await expect(first).toHaveAttribute('data-overdue', 'true');
  await expect(first.getByTestId('overdue-badge')).toHaveText(/^Terlambat \d+ hari$/);
  const border = await first.evaluate((el) => getComputedStyle(el).borderLeftColor);
  expect(border).toMatch(/rgb\((2[0-9]{2}), (\d{1,2}|1[0-4]\d), (\d{1,2}|1[0-4]\d)\)/); // red
  await expect(page.getByTestId('overdue-count')).toBeVisible();

  // The export is a background job: progress, then a download button that survives a reload.
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-xlsx').click();
  await expect(page.getByTestId('export-download')).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('export-download')).toBeVisible({ timeout: 20_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  expect((await download).suggestedFilename()).toMatch(/^tindak-lanjut-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByTestId('export-download')).toHaveCount(0);
});

test('unit development: a petugas of Usaha Mikro adds a need and a mentoring session', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const stamp = Date.now().toString(36);
  await signIn(page, 'petugas.usahamikro');
  await page.goto(`/koperasi/${DEWI}?tab=pengembangan-usaha`);
  const unit = page.locator('[data-testid="dev-unit"][data-unit="Olahan kopi Tiris"]');
  await expect(unit).toBeVisible();

  await unit.getByTestId('add-need').click();
  const dialog = page.getByRole('dialog');
  await pick(page, 'Jenis kebutuhan', 'Izin: sertifikat halal');
  await dialog.getByLabel('Uraian kebutuhan').fill(`Sertifikat halal untuk kopi bubuk (${stamp})`);
  await dialog.getByTestId('unit-dev-submit').click();
  await expect(dialog).toBeHidden();
  const need = unit.getByTestId('unit-need').filter({ hasText: stamp });
  await expect(need).toContainText('Izin: sertifikat halal');
  await expect(need).toContainText('Belum terpenuhi');

  await unit.getByTestId('add-mentoring').click();
  await expect(dialog.getByRole('combobox', { name: 'Pendamping' })).toHaveValue(/\(saya\)/);
  await dialog.getByLabel('Topik').fill(`Pengemasan dan label kopi bubuk (${stamp})`);
  await dialog.getByLabel('Catatan').fill('Contoh label dibuat; cek ulang bulan depan.');
  await dialog.getByTestId('unit-dev-submit').click();
  await expect(dialog).toBeHidden();
  const session = unit.getByTestId('mentoring-session').filter({ hasText: stamp });
  await expect(session).toContainText('Bidang Usaha Mikro');

  // Marking the need met.
  await need.getByRole('button', { name: 'Tandai terpenuhi' }).click();
  await expect(need).toContainText('Terpenuhi');
});

test('screenshots of the dialog screens at 360 and 1280 px', async ({ page }) => {
  test.setTimeout(480_000);
  await login(page, 'petugas.koperasi');
  for (const [size, vp] of [
    ['360', MOBILE],
    ['1280', DESKTOP],
  ] as const) {
    await page.setViewportSize(vp);
    await page.goto('/aspirasi');
    await expect(page.getByTestId('concern-card').first()).toBeVisible();
    await snap(page, `dialog-inbox-${size}`);
    await page.goto('/tindak-lanjut?tab=semua');
    await expect(page.getByTestId('follow-up-card').first()).toBeVisible();
    await snap(page, `dialog-follow-ups-${size}`);
    const open = page
      .getByTestId('follow-up-card')
      .filter({ has: page.getByTestId('action-done') })
      .first();
    await open.getByTestId('action-done').click();
    await expect(page.getByRole('dialog', { name: 'Ubah status tindak lanjut' })).toBeVisible();
    await snap(page, `dialog-status-modal-${size}`, { fullPage: false });
    await page.keyboard.press('Escape');
    await page.goto(`/koperasi/${DEWI}?tab=aspirasi`);
    await expect(page.getByTestId('dialog-counts')).toBeVisible();
    await expect(page.getByTestId('follow-up-card').first()).toBeVisible();
    await snap(page, `dialog-coop-tab-${size}`);
    await page.goto(`/koperasi/${DEWI}?tab=pengembangan-usaha`);
    await expect(page.getByTestId('dev-unit').first()).toBeVisible();
    await snap(page, `dialog-unit-development-${size}`);
    await page.goto('/aspirasi');
    await page.getByTestId('concern-card').first().getByRole('button').click();
    await expect(page.getByRole('dialog', { name: 'Rincian aspirasi' })).toBeVisible();
    await snap(page, `dialog-concern-detail-${size}`, { fullPage: false });
    await page.keyboard.press('Escape');
  }
});

test('screenshots of the cooperative portal at 360 and 1280 px', async ({ page }) => {
  await login(page, 'dewirengganis');
  for (const [size, vp] of [
    ['360', MOBILE],
    ['1280', DESKTOP],
  ] as const) {
    await page.setViewportSize(vp);
    await page.goto('/aspirasi');
    await expect(page.getByTestId('raise-concern')).toBeVisible();
    await snap(page, `dialog-portal-${size}`);
    await page.getByTestId('raise-concern').click();
    await snap(page, `dialog-portal-form-${size}`, { fullPage: false });
    await page.keyboard.press('Escape');
  }
});
