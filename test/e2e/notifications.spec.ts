import { expect as baseExpect, type Page, test } from '@playwright/test';
import { apiAs, DEWI_COOP_ID, openField, todayJakarta, userId } from './field-helpers';
import { DESKTOP, login, MOBILE, snap } from './helpers';

/**
 * Notifications (issue #14): an officer sees the bell count rise when a colleague puts them on a
 * visit, opens the notice and lands on the visit — at 1280 and 360 px; field mode shows what it
 * received at the last sync. Screenshots of the bell, the inbox and the settings page.
 */
// The bell polls every 15 s and the machine may be busy: give it room rather than flake.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 240_000 });
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function assignIndustri(baseURL: string, daysAhead: number): Promise<string> {
  const planner = await apiAs(baseURL, 'petugas.koperasi');
  const officer = await apiAs(baseURL, 'petugas.industri');
  const res = await planner.post('/api/v1/visits', {
    data: {
      cooperativeId: DEWI_COOP_ID,
      date: addDays(todayJakarta(), daysAhead),
      startTime: '09:00',
      purposes: ['PEMBINAAN'],
      team: [
        { userId: await userId(planner), leader: true },
        { userId: await userId(officer), leader: false },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id as string;
  await planner.dispose();
  await officer.dispose();
  return id;
}

const count = async (page: Page) => Number(await page.getByTestId('bell-count').getAttribute('data-count'));

for (const [label, viewport, daysAhead] of [
  ['1280', DESKTOP, 40],
  ['360', MOBILE, 41],
] as const) {
  test(`an officer sees the bell rise when put on a visit, opens the notice and lands on the visit (${label} px)`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize(viewport);
    await login(page, 'petugas.industri');
    await expect(page.getByTestId('bell')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const before = await count(page);

    const visitId = await assignIndustri(baseURL!, daysAhead);
    // The bell finds it by itself (polling), without a reload.
    await expect.poll(() => count(page), { timeout: 60_000 }).toBe(before + 1);
    await expect(page.getByRole('button', { name: `Pemberitahuan, ${before + 1} belum dibaca` })).toBeVisible();

    await page.getByTestId('bell').click();
    const notice = page.getByRole('button', { name: 'Anda ditugaskan berkunjung ke Kopwan Dewi Rengganis' }).first();
    await expect(notice).toBeVisible();
    await snap(page, `notifications-bell-${label}`, { fullPage: false });
    await notice.click();
    await expect(page).toHaveURL(new RegExp(`/kunjungan/${visitId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Kopwan Dewi Rengganis');
    await expect.poll(() => count(page)).toBe(before);

    await page.goto('/notifikasi');
    await expect(page.getByRole('heading', { name: 'Pemberitahuan', level: 1 })).toBeVisible();
    await expect(page.getByTestId('notice').first()).toContainText(
      'Anda ditugaskan berkunjung ke Kopwan Dewi Rengganis',
    );
    await snap(page, `notifications-inbox-${label}`);

    await page.goto('/notifikasi/pengaturan');
    await expect(page.getByTestId('smtp-status')).toContainText('belum diatur');
    await page.getByRole('button', { name: 'Tampilkan alamat kalender' }).click();
    await expect(page.getByTestId('calendar-url')).toContainText('/api/v1/calendar/');
    const feedUrl = (await page.getByTestId('calendar-url').textContent())!.trim();
    // The feed needs no cookie: fetch it from a fresh context.
    const anon = await page.context().browser()!.newContext();
    const feed = await anon.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(`UID:visit-${visitId}@sambang`);
    await anon.close();
    await snap(page, `notifications-settings-${label}`);
  });
}

test('field mode shows the notices received at the last sync', async ({ page, baseURL }) => {
  await page.setViewportSize(MOBILE);
  await assignIndustri(baseURL!, 42);
  await openField(page, 'petugas.industri');
  await expect(page.getByTestId('field-bell')).toBeVisible();
  await expect(page.getByTestId('field-bell')).toHaveAttribute('aria-label', /Pemberitahuan, [1-9]\d* belum dibaca/);
  await page.getByTestId('field-bell').click();
  await expect(page.getByTestId('field-notices')).toBeVisible();
  await expect(page.getByTestId('field-notice').first()).toContainText(
    'Anda ditugaskan berkunjung ke Kopwan Dewi Rengganis',
  );
  await snap(page, 'notifications-field-360');
});
