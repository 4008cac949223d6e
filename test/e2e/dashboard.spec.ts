import { expect, test } from '@playwright/test';
import { login, parseIdNumber, signIn } from './helpers';

test('pimpinan lands on the dashboard, reads the schematic map and drills to a kecamatan', async ({ page }) => {
  await login(page, 'pimpinan');
  await expect(page).toHaveURL(/\/dasbor$/);
  await expect(page.getByRole('heading', { name: 'Dasbor', level: 1 })).toBeVisible();

  // the demo data sit in 2025
  await page.getByTestId('year-select').click();
  await page.getByRole('option', { name: '2025' }).click();
  await expect(page).toHaveURL(/year=2025/);
  await expect(page.getByTestId('card-coverage')).toContainText('/');

  await expect(page.getByTestId('schematic-label')).toHaveText('Peta skematis (bukan batas wilayah sebenarnya)');
  const tiles = page.getByTestId('map-tile');
  await expect(tiles).toHaveCount(24);
  const tongas = page.locator('[data-testid="map-tile"][aria-label^="Kec. Tongas:"]');
  await expect(tongas).toHaveAttribute('aria-label', /Dikunjungi \d+ dari \d+ sasaran/);

  // switch the indicator to RAT compliance: the tiles now speak of RAT
  await page.getByText('RAT', { exact: true }).click();
  await expect(page).toHaveURL(/indicator=rat/);
  await expect(page.getByRole('heading', { name: /Peta kecamatan · Kepatuhan RAT/ })).toBeVisible();
  await expect(tongas).toHaveAttribute('aria-label', /Ber-RAT \d+ dari \d+ wajib RAT \(\d+ tepat waktu\)/);

  // the per-kecamatan table sorts
  await expect(page.getByTestId('district-row')).toHaveCount(24);
  await page.getByTestId('sort-ratRate').click();
  const first = await page.getByTestId('district-row').first().locator('td').nth(2).locator('p').first().textContent();
  const last = await page.getByTestId('district-row').nth(23).locator('td').nth(2).locator('p').first().textContent();
  expect(parseIdNumber(first ?? '0')).toBeGreaterThanOrEqual(parseIdNumber(last ?? '0'));

  await expect(page.getByTestId('trend-chart').locator('svg')).toBeVisible();

  await tongas.click();
  await expect(page).toHaveURL(/\/koperasi\?district=35\.13\.23/);
  await expect(page.getByRole('combobox', { name: 'Kecamatan' }).first()).toHaveValue('Tongas');
});

test('petugas opens Prioritas and sees ranked entries with reasons', async ({ page }) => {
  await login(page, 'petugas.koperasi');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Prioritas kunjungan' })
    .click();
  await expect(page).toHaveURL(/\/prioritas$/);
  await expect(page.getByRole('heading', { name: 'Prioritas kunjungan', level: 1 })).toBeVisible();
  const items = page.getByTestId('priority-item');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(5);
  const scores = (await page.getByTestId('priority-score').allTextContents()).map(parseIdNumber);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await expect(items.first().getByTestId('priority-reason').first()).toContainText(/\+\d+/);
  // petugas cannot change the weights
  await expect(page.getByRole('button', { name: 'Bobot' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Kecamatan' }).click();
  await page.getByRole('option', { name: 'Tiris' }).click();
  await expect(page).toHaveURL(/district=35\.13\.07/);
  await expect(items.first()).toContainText('Kec. Tiris');
  const name = (await items.first().getByRole('link').first().textContent()) ?? '';
  await items.first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: name.trim() })).toBeVisible();
});

test('admin edits the priority weights', async ({ page }) => {
  await signIn(page, 'admin', 'admin-e2e-123');
  await page.goto('/prioritas');
  await page.getByRole('button', { name: 'Bobot' }).click();
  const dialog = page.getByRole('dialog');
  const never = dialog.getByLabel('Belum pernah dikunjungi');
  await expect(never).toHaveValue('10');
  await never.fill('12');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Bobot prioritas disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Bobot' }).click();
  await expect(page.getByRole('dialog').getByLabel('Belum pernah dikunjungi')).toHaveValue('12');
  await page.getByRole('dialog').getByLabel('Belum pernah dikunjungi').fill('10');
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the coverage and follow-up cards drill down to the visits and follow-ups behind them', async ({ page }) => {
  await signIn(page, 'pimpinan');
  await page.goto('/dasbor?year=2025');
  await page.getByTestId('card-coverage').click();
  await expect(page).toHaveURL(/\/kunjungan\?status=done&from=2025-01-01&to=2025-12-31/);
  await expect(page.getByTestId('visit-item').first()).toBeVisible();
  const visits = await (
    await page.request.get('/api/v1/visits?status=done&from=2025-01-01&to=2025-12-31&pageSize=1')
  ).json();
  expect(visits.total).toBeGreaterThan(0);

  await page.goto('/dasbor?year=2025');
  await page.getByTestId('card-followups').click();
  await expect(page).toHaveURL(/\/tindak-lanjut\?tab=semua&status=overdue/);
  await expect(page.getByTestId('tab-all')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('follow-up-card').first()).toBeVisible();
});

test('the follow-up and concern-topic charts link to the lists behind their figures', async ({ page }) => {
  await signIn(page, 'pimpinan');
  await page.goto('/dasbor?year=2025');
  // The most frequent concern topic of 2025 → the concerns of that topic recorded in 2025, as many as the chart says.
  const topic = page.getByTestId('topic-link').first();
  const count = Number(await topic.getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  await topic.click();
  await expect(page).toHaveURL(/\/aspirasi\?topic=[a-z_]+&from=2025-01-01&to=2025-12-31/);
  await expect(page.getByTestId('concern-date-range')).toContainText('2025');
  const url = new URL(page.url());
  const listed = await (
    await page.request.get(
      `/api/v1/concerns?topic=${url.searchParams.get('topic')}&from=2025-01-01&to=2025-12-31&pageSize=1`,
    )
  ).json();
  expect(listed.total).toBe(count);
  await expect(page.getByTestId('concern-card').first()).toBeVisible();

  // A bidang with overdue follow-ups → exactly those follow-ups.
  await page.goto('/dasbor?year=2025');
  const bidang = page
    .locator('[data-testid="bidang-link"]:not([data-overdue="0"])')
    .filter({ hasNotText: 'Koperasi sendiri' })
    .first();
  const overdue = Number(await bidang.getAttribute('data-overdue'));
  await bidang.click();
  await expect(page).toHaveURL(/\/tindak-lanjut\?tab=semua&bidang=[a-z_]+&status=overdue/);
  const b = new URL(page.url()).searchParams.get('bidang');
  const fu = await (await page.request.get(`/api/v1/follow-ups?bidang=${b}&status=overdue&pageSize=1`)).json();
  expect(fu.total).toBe(overdue);
  await expect(page.getByTestId('follow-up-card').first()).toBeVisible();

  // The "Koperasi sendiri" bar → the overdue follow-ups the cooperatives themselves must carry out.
  await page.goto('/dasbor?year=2025');
  const own = page.getByTestId('bidang-link').filter({ hasText: 'Koperasi sendiri' });
  const ownOverdue = Number(await own.getAttribute('data-overdue'));
  await own.click();
  await expect(page).toHaveURL(/\/tindak-lanjut\?tab=semua&kind=COOPERATIVE&status=overdue/);
  const ownList = await (
    await page.request.get('/api/v1/follow-ups?responsibleKind=COOPERATIVE&status=overdue&pageSize=1')
  ).json();
  expect(ownList.total).toBe(ownOverdue);
  await expect(page.getByTestId('follow-up-card').first()).toBeVisible();
});
