import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, DESKTOP, MOBILE, login, snap } from './helpers';

const SIZES = [
  { name: '360', viewport: MOBILE },
  { name: '1280', viewport: DESKTOP },
] as const;

async function openDewiRengganis(page: Page): Promise<string> {
  await page.goto('/koperasi?q=Dewi+Rengganis');
  await page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).first().click();
  await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
  return page.url();
}

for (const size of SIZES) {
  test.describe(`screens at ${size.name} px`, () => {
    test.use({ viewport: size.viewport });

    test(`login and change password (${size.name})`, async ({ page }) => {
      await page.goto('/masuk');
      await expect(page.getByRole('heading', { name: 'Masuk ke Sambang' })).toBeVisible();
      await snap(page, `login-${size.name}`);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect(page.getByText('Nama pengguna wajib diisi')).toBeVisible();
      await page.getByLabel('Nama pengguna').fill('petugas.koperasi');
      await page.getByLabel('Kata sandi').fill('salah-sandi');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await snap(page, `login-error-${size.name}`);

      await login(page, 'petugas.koperasi');
      await page.goto('/ganti-sandi');
      await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
      await snap(page, `change-password-${size.name}`);
    });

    test(`registry screens as petugas (${size.name})`, async ({ page }) => {
      await login(page, 'petugas.koperasi');
      await expect(page.getByTestId('coop-total')).toBeVisible();
      await snap(page, `list-${size.name}`, { fullPage: false });
      if (size.name === '360') {
        await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
        await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Koperasi' })).toBeVisible();
        await snap(page, `nav-open-${size.name}`, { fullPage: false });
        await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
        await page.getByRole('button', { name: 'Filter' }).click();
      }
      await page.getByRole('combobox', { name: 'Kecamatan' }).click();
      await page.getByRole('option', { name: 'Tiris' }).click();
      await expect(page).toHaveURL(/district=/);
      await page.getByRole('combobox', { name: 'Desa/Kelurahan' }).click();
      await page.getByRole('option', { name: 'Ranuagung' }).click();
      await expect(page).toHaveURL(/village=/);
      await expect(page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).first()).toBeVisible();
      await snap(page, `list-filtered-${size.name}`, { fullPage: false });

      const url = await openDewiRengganis(page);
      await snap(page, `detail-profil-${size.name}`);
      await page.getByRole('tab', { name: 'Unit usaha' }).click();
      await expect(page.getByTestId('unit-card').first()).toBeVisible();
      await snap(page, `detail-unit-usaha-${size.name}`);
      await page.getByRole('button', { name: 'Tambah unit usaha' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `unit-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.getByRole('tab', { name: 'Data tahunan' }).click();
      await expect(page.getByText('Data keuangan tahunan')).toBeVisible();
      await snap(page, `detail-data-tahunan-${size.name}`);
      await page.getByRole('button', { name: 'Tambah tahun buku' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `figure-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.getByRole('tab', { name: 'Riwayat' }).click();
      await expect(page.getByTestId('timeline')).toBeVisible();
      await snap(page, `detail-riwayat-${size.name}`);

      await page.getByRole('button', { name: 'Bubarkan' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `dissolve-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.goto(`${url.replace(/\?.*$/, '')}/ubah`);
      await expect(page.getByRole('heading', { name: 'Ubah data koperasi' })).toBeVisible();
      await snap(page, `edit-form-${size.name}`);
      await snap(page, `edit-form-top-${size.name}`, { fullPage: false });

      await page.goto('/koperasi/baru');
      await expect(page.getByRole('heading', { name: 'Tambah koperasi' })).toBeVisible();
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect(page.getByText('Wajib diisi').first()).toBeVisible();
      await snap(page, `new-form-errors-${size.name}`);

      await page.goto('/tentang');
      await expect(page.getByTestId('region-source')).toContainText('idn-area-data');
      await snap(page, `tentang-${size.name}`);
    });

    test(`admin screens (${size.name})`, async ({ page }) => {
      await login(page, 'admin', ADMIN_PASSWORD);
      await page.goto('/pengguna');
      await expect(page.getByTestId('user-item').first()).toBeVisible();
      await snap(page, `users-${size.name}`, { fullPage: false });
      await page.getByRole('button', { name: 'Tambah pengguna' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Peran').click();
      await page.getByRole('option', { name: 'Pengurus koperasi' }).click();
      await expect(dialog.getByLabel('Koperasi')).toBeVisible();
      await snap(page, `user-modal-${size.name}`, { fullPage: false });
      await dialog.getByRole('button', { name: 'Batal' }).click();

      await page.goto('/audit');
      await expect(page.getByTestId('audit-item').first()).toBeVisible();
      await snap(page, `audit-${size.name}`, { fullPage: false });
    });

    test(`koperasi user home (${size.name})`, async ({ page }) => {
      await login(page, 'dewirengganis');
      await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
      await snap(page, `koperasi-home-${size.name}`, { fullPage: false });
    });
  });
}
