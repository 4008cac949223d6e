import { expect, test, type Page } from '@playwright/test';
import { MOBILE } from './helpers';
import { apiAs, approvedVisit, nav, openField, userId } from './field-helpers';

// Photos upload in 256 KiB chunks (issue #6 §4): when the link drops in the middle of a photo, the
// next attempt resumes from what the server received instead of starting again, and one photo is stored.

/** A noisy picture: still several hundred KB after compression, so it needs several chunks. */
async function noisyPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1000;
    c.height = 800;
    const g = c.getContext('2d')!;
    const img = g.createImageData(1000, 800);
    for (let i = 0; i < img.data.length; i++) img.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    g.putImageData(img, 0, 0);
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

test('a photo upload cut off in the middle resumes from the server and stores one photo', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const api = await apiAs(baseURL!, 'petugas.koperasi');
  const visitId = await approvedVisit(baseURL!, api, [await userId(api)]);
  await page.setViewportSize(MOBILE);
  await openField(page, 'petugas.koperasi');
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });

  await context.setOffline(true);
  await nav(page, 'Kunjungan');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  await page
    .getByTestId('photo-input')
    .setInputFiles({ name: 'noise.png', mimeType: 'image/png', buffer: await noisyPng(page) });
  await expect(page.getByTestId('local-photo')).toHaveCount(1, { timeout: 30_000 });
  const size = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const r = indexedDB.open('sambang-lapangan');
        r.onsuccess = () => {
          const q = r.result.transaction('photos').objectStore('photos').getAll();
          q.onsuccess = () => resolve(q.result[0].size);
        };
      }),
  );
  expect(size).toBeGreaterThan(256 * 1024); // two chunks at least

  // The link drops during the second chunk.
  const offsets: number[] = [];
  let dropped = false;
  await context.route('**/api/v1/uploads/*?offset=*', async (route) => {
    const offset = Number(new URL(route.request().url()).searchParams.get('offset'));
    offsets.push(offset);
    if (offset > 0 && !dropped) {
      dropped = true;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await nav(page, 'Kotak keluar');
  await context.setOffline(false);
  await expect.poll(() => dropped, { timeout: 60_000 }).toBe(true);
  await expect(page.getByTestId('outbox-photo')).toContainText('terkirim', { timeout: 30_000 });
  await expect(page.getByTestId('outbox-photos')).toHaveText('1');

  // Next attempt (the button): resumes at the chunk that failed, not at 0.
  await page.getByTestId('send-now').click();
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  const cut = offsets.find((o) => o > 0)!;
  expect(offsets.filter((o) => o === 0)).toHaveLength(1);
  expect(offsets.filter((o) => o === cut).length).toBe(2);
  const visit = await (await api.get(`/api/v1/visits/${visitId}`)).json();
  expect(visit.photos).toHaveLength(1);
  expect(visit.photos[0].sizeBytes).toBe(size);
  await api.dispose();
});
