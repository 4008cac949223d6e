import { expect, test } from '@playwright/test';
import { DESKTOP, MOBILE, login } from './helpers';

/**
 * A cooperative's document over 1 MB goes up in resumable chunks with a named progress bar (issue 13
 * point 1). One chunk is sent to a wrong offset on purpose: the server answers 409 with its resume
 * point and the upload carries on, ending as one document on the shelf.
 */
const DEWI_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const BIG_PDF = Buffer.concat([Buffer.from('%PDF-1.4\n%%EOF\n'), Buffer.alloc(1536 * 1024, 0x20)]);

for (const [name, viewport] of [
  ['360', MOBILE],
  ['1280', DESKTOP],
] as const) {
  test(`a 1.5 MB document goes up in chunks with a progress bar and survives a wrong offset at ${name} px`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await login(page, 'dewirengganis');
    const seen: number[] = [];
    let bent = false;
    await page.route('**/api/v1/uploads/*', async (route) => {
      const url = new URL(route.request().url());
      seen.push(Number(url.searchParams.get('offset')));
      await new Promise((r) => setTimeout(r, 250));
      // The second chunk is sent where it does not belong, as after a dropped connection.
      if (!bent && Number(url.searchParams.get('offset')) > 0) {
        bent = true;
        url.searchParams.set('offset', '0');
        return route.continue({ url: url.toString() });
      }
      return route.continue();
    });
    await page.goto(`/koperasi/${DEWI_ID}?tab=dokumen`);
    await page.getByTestId('doc-upload').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('doc-kind').click();
    await page.getByRole('option', { name: 'Dokumen lain', exact: true }).click();
    const title = `Berkas besar ${name}`;
    await dialog.getByLabel('Judul').fill(title);
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'besar.pdf', mimeType: 'application/pdf', buffer: BIG_PDF });
    await dialog.getByRole('button', { name: 'Unggah dokumen' }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Kemajuan unggahan dokumen' });
    await expect(bar).toBeVisible();
    await page.screenshot({ path: `/tmp/docupload-shots/progress-${name}.png` });
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.locator('[data-testid="doc-card"]').filter({ hasText: title })).toHaveCount(1);
    // Six chunks, one of them sent twice after the 409.
    expect(seen.length).toBe(Math.ceil(BIG_PDF.length / (256 * 1024)) + 1);
    await context.close();
  });
}
