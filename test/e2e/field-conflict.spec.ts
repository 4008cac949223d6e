import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { MOBILE } from './helpers';
import { apiAs, approvedVisit, DEWI_COOP_ID, nav, openField, shots, todayJakarta, userId } from './field-helpers';

// Field conflicts (issue #6 §5, §8): two officers on the same visit team edit the same follow-up
// offline. The first syncs; the second's sync shows a conflict with both values side by side; the
// user chooses on the Konflik screen and the server holds the chosen value.

async function officer(
  browser: Browser,
  baseURL: string,
  username: string,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ baseURL, viewport: MOBILE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await ctx.newPage();
  await openField(page, username);
  await nav(page, 'Siapkan');
  await page.getByTestId('prepare').click();
  await expect(page.getByTestId('prepare-result')).toContainText('kunjungan disiapkan', { timeout: 30_000 });
  return { ctx, page };
}

async function editFollowUp(page: Page, visitId: string, original: string, text: string): Promise<void> {
  await nav(page, 'Kunjungan');
  await page.locator(`a[href="/lapangan/kunjungan/${visitId}"]`).click();
  const row = page.getByTestId('follow-up').filter({ hasText: original });
  await row.getByRole('button', { name: 'Ubah' }).click();
  await row.getByTestId('follow-up-edit').fill(text);
  await page.getByRole('button', { name: 'Selesai mengubah' }).click();
  await expect(page.getByTestId('follow-up').filter({ hasText: text })).toBeVisible();
}

test('two officers edit one follow-up offline; the second resolves the conflict', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const koperasi = await apiAs(baseURL!, 'petugas.koperasi');
  const usahamikro = await apiAs(baseURL!, 'petugas.usahamikro');
  const visitId = await approvedVisit(baseURL!, koperasi, [await userId(koperasi), await userId(usahamikro)]);
  const original = `Susun SOP simpan pinjam ${tag}`;
  const created = await koperasi.post('/api/v1/follow-ups', {
    data: {
      cooperativeId: DEWI_COOP_ID,
      visitId,
      recommendation: original,
      responsible: { kind: 'COOPERATIVE' },
      deadline: todayJakarta(),
      monitoringPlan: null,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const followUpId = (await created.json()).id as string;

  const a = await officer(browser, baseURL!, 'petugas.koperasi');
  const b = await officer(browser, baseURL!, 'petugas.usahamikro');
  await a.ctx.setOffline(true);
  await b.ctx.setOffline(true);
  const textA = `Susun SOP simpan pinjam dan tunjuk kasir ${tag}`;
  const textB = `Susun SOP simpan pinjam bersama pengawas ${tag}`;
  await editFollowUp(a.page, visitId, original, textA);
  await editFollowUp(b.page, visitId, original, textB);

  // The first officer syncs.
  await a.ctx.setOffline(false);
  await nav(a.page, 'Kotak keluar');
  await expect(a.page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  expect((await (await koperasi.get(`/api/v1/follow-ups/${followUpId}`)).json()).recommendation).toBe(textA);

  // The second one's change overlaps: kept as a conflict, never silently overwritten.
  await b.ctx.setOffline(false);
  await nav(b.page, 'Kotak keluar');
  await expect(b.page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  await expect(b.page.getByTestId('nav-conflicts')).toContainText('1', { timeout: 30_000 });
  expect((await (await koperasi.get(`/api/v1/follow-ups/${followUpId}`)).json()).recommendation).toBe(textA);

  await nav(b.page, 'Konflik');
  const conflict = b.page.getByTestId('conflict').filter({ hasText: textB });
  await expect(conflict.getByTestId('conflict-server')).toHaveText(textA);
  await expect(conflict.getByTestId('conflict-client')).toHaveText(textB);
  await shots(b.page, 'field-konflik');
  await conflict.getByRole('button', { name: 'Pakai nilai Anda' }).click();
  await expect(b.page.getByTestId('conflict').filter({ hasText: textB })).toHaveCount(0);

  // The phone now knows the chosen value: nothing new waits to be sent.
  await nav(b.page, 'Kotak keluar');
  await expect(b.page.getByTestId('outbox-empty')).toBeVisible();
  await expect(b.page.getByTestId('outbox-count')).toHaveText('0');
  const after = await (await koperasi.get(`/api/v1/follow-ups/${followUpId}`)).json();
  expect(after.recommendation).toBe(textB);
  const open = (await (await usahamikro.get('/api/v1/sync/conflicts?status=open')).json()).items as {
    entityId: string;
  }[];
  expect(open.filter((c) => c.entityId === followUpId)).toHaveLength(0);

  await a.ctx.close();
  await b.ctx.close();
  await koperasi.dispose();
  await usahamikro.dispose();
});
