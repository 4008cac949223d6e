import { expect, test } from '@playwright/test';
import { DESKTOP, MOBILE, idNumber, login, parseIdNumber, snap } from './helpers';

test.describe('registry journey', () => {
  test('petugas finds Kopwan Dewi Rengganis, edits its member count and sees the change in Riwayat (360 px)', async ({ page }) => {
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
    const femaleBefore = parseIdNumber(await page.getByTestId('members-female').textContent() ?? '');
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

    // the edit form offers only contact and count fields
    await page.getByRole('link', { name: 'Ubah' }).click();
    await expect(page.getByLabel('Anggota perempuan')).toBeVisible();
    await expect(page.getByLabel('Telepon')).toBeVisible();
    await expect(page.getByLabel('Nama koperasi')).toHaveCount(0);
    await expect(page.getByLabel('NIK (Nomor Induk Koperasi)')).toHaveCount(0);
    await snap(page, 'koperasi-user-edit-1280');
  });
});
