import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, DESKTOP, MOBILE, login, snap, signIn } from './helpers';

test('admin creates a koperasi user; the temporary password must be changed at first login', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.goto('/pengguna');
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama pengguna').fill('kopwan.e2e');
  await dialog.getByLabel('Nama lengkap').fill('Bendahara Kopwan (uji)');
  await dialog.getByLabel('Peran').click();
  await page.getByRole('option', { name: 'Pengurus koperasi' }).click();
  await dialog.getByLabel('Koperasi').fill('Dewi Reng');
  await page.getByRole('option', { name: 'Kopwan Dewi Rengganis' }).click();
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  const secret = page.getByRole('dialog', { name: 'Kata sandi sementara' });
  await expect(secret).toBeVisible();
  const temporary = (await secret.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporary.length).toBeGreaterThanOrEqual(8);
  await expect(secret.getByRole('button', { name: 'Salin' })).toBeVisible();
  await snap(page, 'user-temporary-password-1280', { fullPage: false });
  await secret.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(page.getByTestId('user-item').filter({ hasText: 'kopwan.e2e' })).toContainText('Wajib ganti sandi');

  // log out through the user menu
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);

  // first login: forced to change the password before anything else
  await page.setViewportSize(MOBILE);
  await login(page, 'kopwan.e2e', temporary);
  await expect(page).toHaveURL(/\/ganti-sandi$/);
  await expect(page.getByText('wajib mengganti kata sandi sementara')).toBeVisible();
  await page.goto('/tentang');
  await expect(page).toHaveURL(/\/ganti-sandi$/);
  await snap(page, 'forced-change-password-360');

  await page.getByLabel('Kata sandi saat ini').fill(temporary);
  await page.getByLabel('Kata sandi baru', { exact: true }).fill('kopwan-baru-2025');
  await page.getByLabel('Ulangi kata sandi baru').fill('kopwan-baru-2025');
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(page).toHaveURL(/\/koperasi\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
});

test('petugas dissolves a cooperative with a reason; pimpinan sees it read-only', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'petugas.koperasi');
  await page.goto('/koperasi?status=AKTIF&q=Bhakti');
  const first = page.getByTestId('coop-item').first();
  const name = (await first.getByRole('link').first().textContent())?.trim() ?? '';
  await first.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Bubarkan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Bubarkan koperasi' }).click();
  await expect(dialog.getByText('Wajib diisi')).toBeVisible();
  await dialog.getByLabel('Alasan pembubaran').fill('Tidak menyelenggarakan RAT tiga tahun berturut-turut');
  await dialog.getByRole('button', { name: 'Bubarkan koperasi' }).click();
  await expect(page.getByTestId('dissolved-alert')).toContainText(
    'Tidak menyelenggarakan RAT tiga tahun berturut-turut',
  );
  await expect(page.getByRole('button', { name: 'Bubarkan' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Ubah' })).toHaveCount(0);
  const url = page.url();
  await snap(page, 'dissolved-1280', { fullPage: false });

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await signIn(page, 'pimpinan');
  await page.goto(url);
  await expect(page.getByTestId('dissolved-alert')).toBeVisible();
  await page.goto('/koperasi?q=Dewi+Rengganis');
  await page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).first().click();
  await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ubah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bubarkan' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Unit usaha' }).click();
  await expect(page.getByTestId('unit-card').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tambah unit usaha' })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Log Audit' }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengguna' }),
  ).toHaveCount(0);
});
