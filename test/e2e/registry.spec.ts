import { expect, test } from '@playwright/test';
import { DESKTOP, MOBILE, idNumber, login, parseIdNumber, snap, signIn } from './helpers';

test.describe('registry journey', () => {
  test('petugas finds Kopwan Dewi Rengganis, edits its member count and sees the change in Riwayat (360 px)', async ({
    page,
  }) => {
    await page.setViewportSize(MOBILE);
    await login(page, 'petugas.koperasi');
    await expect(page).toHaveURL(/\/koperasi$/);
    await expect(page.getByRole('heading', { name: 'Daftar koperasi' })).toBeVisible();

    // search (debounced) — the query is kept in the URL
    await page.getByRole('searchbox', { name: 'Cari' }).fill('Dewi Rengganis');
    await expect(page).toHaveURL(/q=Dewi\+Rengganis/);
    await expect(page.getByTestId('coop-total')).toHaveText('1 koperasi');
    const card = page.getByRole('link', { name: 'Kopwan Dewi Rengganis' });
    await expect(card).toContainText('Desa Ranuagung, Kec. Tiris');
    await card.click();

    // detail
    await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
    await expect(page.getByText('Desa Ranuagung, Kec. Tiris')).toBeVisible();
    const femaleBefore = parseIdNumber((await page.getByTestId('members-female').textContent()) ?? '');
    expect(femaleBefore).toBeGreaterThan(0);
    const femaleAfter = femaleBefore + 17;

    // edit
    await page.getByRole('link', { name: 'Ubah' }).click();
    await expect(page.getByRole('heading', { name: 'Ubah data koperasi' })).toBeVisible();
    const input = page.getByLabel('Anggota perempuan');
    await expect(input).toHaveValue(idNumber(femaleBefore));
    await input.fill(String(femaleAfter));
    await page.getByRole('button', { name: 'Simpan' }).click();

    // back on the detail page with the new value
    await expect(page).toHaveURL(/\/koperasi\/[^/]+$/);
    await expect(page.getByTestId('members-female')).toHaveText(idNumber(femaleAfter));

    // Riwayat shows the change old → new
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    const item = page.getByTestId('timeline-item').filter({ hasText: 'Mengubah data koperasi' }).first();
    await expect(item).toBeVisible();
    await expect(item).toContainText('Petugas Bidang Koperasi');
    const change = item.locator('[data-testid="change"][data-field="membersFemale"]');
    await expect(change).toContainText('Anggota perempuan');
    await expect(change.getByTestId('change-before')).toHaveText(idNumber(femaleBefore));
    await expect(change.getByTestId('change-after')).toHaveText(idNumber(femaleAfter));

    await snap(page, 'registry-riwayat-360');
  });

  test('koperasi user lands on its own cooperative and cannot see the registry list', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await login(page, 'dewirengganis');
    await expect(page).toHaveURL(/\/koperasi\/[^/]+$/);
    await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
    const ownUrl = page.url();

    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(nav.getByRole('link', { name: 'Koperasi saya' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Koperasi', exact: true })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Log Audit' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Tambah koperasi' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Bubarkan' })).toHaveCount(0);

    // the registry list is not reachable: /koperasi sends the user back to its own cooperative
    await page.goto('/koperasi');
    await expect(page).toHaveURL(ownUrl);
    await expect(page.getByRole('heading', { name: 'Daftar koperasi' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();

    // the edit form offers only contact and count fields, and the officers (a change waits for verification)
    await page.getByRole('link', { name: 'Ubah' }).click();
    await expect(page.getByLabel('Anggota perempuan')).toBeVisible();
    await expect(page.getByLabel('Telepon').first()).toBeVisible();
    await expect(page.getByTestId('officer-row').first()).toBeVisible();
    await expect(page.getByLabel('Nama koperasi')).toHaveCount(0);
    await expect(page.getByLabel('NIK (Nomor Induk Koperasi)')).toHaveCount(0);
    await snap(page, 'koperasi-user-edit-1280');
  });
});

test('petugas creates a cooperative; server field errors appear under the right inputs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, 'petugas.koperasi');
  await page.getByRole('link', { name: 'Tambah koperasi' }).click();
  await expect(page).toHaveURL(/\/koperasi\/baru$/);

  await page.getByLabel('Nama koperasi').fill('Koperasi Uji Sambang Tiris');
  await page.getByLabel('NIK (Nomor Induk Koperasi)').fill('3513070200012345'); // Dewi Rengganis's NIK
  await page.getByRole('combobox', { name: 'Jenis koperasi' }).click();
  await page.getByRole('option', { name: 'Produsen' }).click();
  await page.getByRole('combobox', { name: 'Kelompok koperasi' }).click();
  await page.getByRole('option', { name: 'KSU (Koperasi Serba Usaha)' }).click();
  await page.getByLabel('Tanggal badan hukum').fill('14 Maret 2012');
  await page.getByLabel('Tanggal badan hukum').press('Tab');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Kecamatan' }).click();
  await page.getByRole('option', { name: 'Tiris', exact: true }).click();
  await page.getByRole('combobox', { name: 'Desa/Kelurahan' }).click();
  await page.getByRole('option', { name: 'Ranuagung' }).click();

  // client-side check: coordinates outside the regency
  await page.getByLabel('Lintang (latitude)').fill('-6,2');
  await page.getByLabel('Bujur (longitude)').fill('106,8');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Koordinat berada di luar wilayah Kabupaten Probolinggo').first()).toBeVisible();
  await page.getByLabel('Lintang (latitude)').fill('-7,95');
  await page.getByLabel('Bujur (longitude)').fill('113,39');

  // officer row
  await page.getByRole('button', { name: 'Tambah pengurus' }).click();
  const row = page.getByTestId('officer-row').first();
  await row.getByRole('combobox', { name: 'Jabatan' }).click();
  await page.getByRole('option', { name: 'Ketua', exact: true }).click();
  await row.getByLabel('Nama').fill('Siti Aminah (uji)');

  // server-side check: the NIK belongs to another cooperative
  await page.getByRole('button', { name: 'Simpan' }).click();
  const nik = page.getByLabel('NIK (Nomor Induk Koperasi)');
  await expect(nik).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/NIK sudah dipakai oleh Kopwan Dewi Rengganis/)).toBeVisible();
  await snap(page, 'create-form-server-error-1280', { fullPage: false });

  await nik.fill('3513070299990001');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page).toHaveURL(/\/koperasi\/[0-9a-f-]{8,}$/);
  await expect(page.getByRole('heading', { name: 'Koperasi Uji Sambang Tiris' })).toBeVisible();
  await expect(page.getByText('14 Maret 2012')).toBeVisible();
  await expect(page.getByText('Siti Aminah (uji)')).toBeVisible();
});

test('an expired session anywhere sends the user to /masuk and back after login', async ({ page, context }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'petugas.koperasi');
  await page.goto('/koperasi?q=Dewi+Rengganis');
  await page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).first().click();
  await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
  const detail = new URL(page.url()).pathname;

  await context.clearCookies();
  await page.getByRole('tab', { name: 'Data tahunan' }).click();
  await expect(page).toHaveURL(/\/masuk\?next=/);
  await expect(page.getByText('Sesi Anda telah berakhir').first()).toBeVisible();

  await page.getByLabel('Nama pengguna').fill('petugas.koperasi');
  await page.getByLabel('Kata sandi').fill('sambang-demo');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${detail}\\?tab=data-tahunan$`));
  await expect(page.getByText('Data keuangan tahunan')).toBeVisible();
});
