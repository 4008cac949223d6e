import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, MOBILE, SCREENSHOT_DIR, login, painted, resize, signIn } from './helpers';

/**
 * Issue 11: the province office's dashboard rolls up its regencies and drills down to a regency,
 * its kecamatan, the kecamatan's cooperative list and a cooperative; another regency's officer
 * cannot find that cooperative at all.
 */
const DEWI_RENGGANIS_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';

async function shoot(page: Page, name: string) {
  for (const [vp, w] of [
    [MOBILE, 360],
    [DESKTOP, 1280],
  ] as const) {
    await resize(page, vp);
    await painted(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/rollup-${name}-${w}.png`, fullPage: true });
  }
}

test('the province user drills from the province to Probolinggo, Tiris and Kopwan Dewi Rengganis', async ({ page }) => {
  test.setTimeout(180_000); // six full-page screenshots and four dashboards
  await page.setViewportSize(DESKTOP);
  await login(page, 'provinsi');
  await expect(page).toHaveURL(/\/dasbor$/);
  // The first dashboard of a fresh server (the whole province, five years of trends) may take a while on a busy machine.
  await expect(page.getByRole('heading', { name: 'Dasbor', level: 1 })).toBeVisible({ timeout: 30_000 });
  // The province: one row per regency, plus the cooperatives under provincial authority.
  await expect(page.getByRole('heading', { name: /Rincian per kabupaten\/kota/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('district-row').filter({ hasText: 'Kabupaten Lumajang' })).toHaveCount(1);
  const authority = page.locator('[data-testid="district-row"][data-code="PROVINSI"]');
  await expect(authority).toContainText('Kewenangan provinsi');
  await expect(page.getByTestId('district-bars')).toBeVisible(); // no tile layout for regencies: ranked bars
  await expect(page.getByTestId('schematic-label')).toHaveCount(0);
  await shoot(page, 'province');

  // → Kabupaten Probolinggo: its kecamatan, the region path from the province, the URL holds the region.
  await resize(page, DESKTOP);
  await page
    .locator('[data-testid="district-row"][data-code="35.13"]')
    .getByRole('link', { name: 'Kabupaten Probolinggo' })
    .click();
  await expect(page).toHaveURL(/region=35\.13/);
  await expect(page.getByRole('heading', { name: /Rincian per kecamatan/ })).toBeVisible({ timeout: 30_000 });
  const path = page.getByTestId('region-path');
  // The path leads back up: Jawa Timur is the province user's own dashboard.
  await expect(path.getByRole('link', { name: 'Jawa Timur' })).toHaveAttribute('href', '/dasbor');
  await expect(path).toContainText('Kabupaten Probolinggo');
  await expect(page.getByTestId('district-row')).toHaveCount(24);
  await expect(page.getByTestId('map-tile')).toHaveCount(24); // Probolinggo has a tile layout
  await shoot(page, 'drill-probolinggo');

  // → Tiris: the cooperatives of the kecamatan → Kopwan Dewi Rengganis.
  await resize(page, DESKTOP);
  await page.getByTestId('district-row').filter({ hasText: 'Tiris' }).getByRole('link', { name: 'Tiris' }).click();
  await expect(page).toHaveURL(/\/koperasi\?district=35\.13\.07/);
  await page.getByRole('searchbox', { name: 'Cari' }).fill('Dewi Rengganis');
  await expect(page.getByTestId('coop-total')).toHaveText('1 koperasi');
  await page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).click();
  await expect(page).toHaveURL(new RegExp(`/koperasi/${DEWI_RENGGANIS_ID}`));
  await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
});

test('the Lumajang office sees its own dashboard, and never Kopwan Dewi Rengganis', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin.lumajang');
  await page.goto('/dasbor?year=2025');
  await expect(page.getByRole('heading', { name: /Rincian per kecamatan/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Kabupaten Lumajang · ringkasan/)).toBeVisible();
  await expect(page.getByTestId('district-row').first()).toBeVisible();
  expect(await page.getByTestId('district-row').count()).toBeGreaterThan(20); // Lumajang's 21 kecamatan
  await expect(page.getByTestId('district-bars')).toBeVisible(); // no hand-made layout: ranked bars
  await shoot(page, 'lumajang');
  // Another regency is out of reach.
  await page.goto('/dasbor?region=35.13');
  await expect(page.getByRole('alert', { name: 'Gagal memuat data.' })).toContainText('di luar jangkauan', {
    timeout: 30_000,
  });

  await page.context().clearCookies();
  await resize(page, DESKTOP);
  await signIn(page, 'petugas.lumajang');
  await page.goto('/koperasi');
  await page.getByRole('searchbox', { name: 'Cari' }).fill('Dewi Rengganis');
  await expect(page).toHaveURL(/q=Dewi\+Rengganis/);
  await expect(page.getByTestId('coop-total')).toHaveText('0 koperasi');
  await page.goto(`/koperasi/${DEWI_RENGGANIS_ID}`);
  await expect(page.getByRole('alert', { name: 'Koperasi tidak ditemukan.' })).toBeVisible();
});

test('the province row "Kewenangan provinsi" drills to the cooperatives the province supervises, filtered visibly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'provinsi');
  await page.goto('/dasbor');
  const authority = page.locator('[data-testid="district-row"][data-code="PROVINSI"]');
  await expect(authority).toContainText('Kewenangan provinsi', { timeout: 30_000 });
  await authority.getByRole('link', { name: 'Kewenangan provinsi' }).click();
  await expect(page).toHaveURL(/\/koperasi\?.*authority=PROVINSI/);
  // The demo's three cooperatives whose members span regencies; none of a regency office's own.
  await expect(page.getByTestId('coop-total')).toHaveText('3 koperasi');
  await expect(page.getByRole('combobox', { name: 'Kewenangan' })).toHaveValue('Provinsi');
  await expect(page.getByRole('link', { name: 'Kopwan Dewi Rengganis' })).toHaveCount(0);
  await shoot(page, 'authority-list');
});
