import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { MOBILE } from './helpers';
import { apiAs, approvedVisit, nav, openField, shots, userId } from './field-helpers';

// Updates are offered, never forced (issue #6 §1): a new service worker waits; the banner
// "Versi baru tersedia — Muat ulang" shows (not on an open visit) and the new version takes over
// only when tapped. A new deploy is simulated by changing dist/web/sw.js; it is restored afterwards.

const SW = 'dist/web/sw.js';

test('a new version is offered with a banner and loads only when the user taps it', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });
  await page.goto('/lapangan'); // now controlled by the installed worker
  await expect(page.getByTestId('field-home')).toBeVisible();
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  await expect(page.getByTestId('visit-coop')).toBeVisible();

  const original = readFileSync(SW);
  try {
    writeFileSync(SW, Buffer.concat([original, Buffer.from(`\n// e2e new version ${Date.now()}\n`)]));
    rmSync(`${SW}.br`, { force: true });
    rmSync(`${SW}.gz`, { force: true });
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    await expect
      .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), {
        timeout: 30_000,
      })
      .toBe(true);
    // On an open visit: not offered, nothing reloads.
    await page.getByTestId('finding-usaha').fill('Sedang mencatat, jangan dimuat ulang');
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    await nav(page, 'Kunjungan');
    await expect(page.getByTestId('update-banner')).toContainText('Versi baru tersedia');
    await shots(page, 'field-versi-baru');
    await page.getByTestId('update-banner').getByRole('button', { name: 'Muat ulang' }).click();
    await expect(page.getByTestId('field-home')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
  } finally {
    writeFileSync(SW, original);
    writeFileSync(`${SW}.br`, brotliCompressSync(original));
    writeFileSync(`${SW}.gz`, gzipSync(original, { level: 9 }));
  }
  await api.dispose();
});
