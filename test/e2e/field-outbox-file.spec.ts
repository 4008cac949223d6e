import { expect, test } from '@playwright/test';
import { MOBILE } from './helpers';
import { apiAs, approvedVisit, makePng, nav, openField, shots, userId } from './field-helpers';

// The outbox file (issue #6 §4): a phone that cannot send saves its outbox to a file; another device
// loads it and sends. When the first phone later sends too, the server still has everything once.

test('an outbox saved to a file and loaded on another device arrives once, even when both send', async ({
  browser,
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });

  // Phone A records offline.
  await context.setOffline(true);
  await nav(page, 'Kunjungan');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  const concernText = `Gudang pupuk bocor saat hujan ${tag}`;
  await page.getByRole('button', { name: 'Catat permasalahan' }).click();
  await page.getByTestId('concern-description').fill(concernText);
  await page.getByTestId('concern-raised-by').fill('Bendahara');
  await page.getByRole('button', { name: 'Simpan permasalahan' }).click();
  await page
    .getByTestId('photo-input')
    .setInputFiles({ name: 'gudang.png', mimeType: 'image/png', buffer: await makePng(page, `Gudang ${tag}`) });
  await expect(page.getByTestId('local-photo')).toHaveCount(1, { timeout: 30_000 });

  await nav(page, 'Kotak keluar');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-outbox').click();
  const file = await (await download).path();
  expect(file).toBeTruthy();

  // Device B (e.g. the office PC) loads the file and sends it.
  const other = await browser.newContext({ baseURL, viewport: MOBILE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const pageB = await other.newPage();
  await openField(pageB, 'petugas.koperasi');
  await nav(pageB, 'Kotak keluar');
  await pageB.getByTestId('import-outbox').setInputFiles(file!);
  await expect(pageB.getByText('1 perubahan dan 1 foto dimuat; 0 sudah ada.')).toBeVisible();
  // Loading the same file again adds nothing.
  await pageB.getByTestId('import-outbox').setInputFiles(file!);
  await expect(pageB.getByText('0 perubahan dan 0 foto dimuat; 1 sudah ada.')).toBeVisible();
  await shots(pageB, 'field-kotak-keluar-berkas');
  await pageB.getByTestId('send-now').click();
  await expect(pageB.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });

  // Phone A gets signal later and sends the same changes: applied once.
  await context.setOffline(false);
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });

  const concerns = (await (await api.get(`/api/v1/concerns?visitId=${visitId}&pageSize=100`)).json()).items as {
    description: string;
  }[];
  expect(concerns.filter((c) => c.description === concernText)).toHaveLength(1);
  const visit = await (await api.get(`/api/v1/visits/${visitId}`)).json();
  expect(visit.photos).toHaveLength(1);
  await other.close();
  await api.dispose();
});
