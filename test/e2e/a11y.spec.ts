import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, DEMO_PASSWORD, DESKTOP, MOBILE } from './helpers';
import { A11Y_PAGES, A11Y_USERS, type A11yIds } from './a11y-pages';
import type { Role } from '../../web/src/lib/types';

/**
 * Issue #15, WCAG 2.2 AA: axe-core on every screen of the office app and field mode (test/e2e/a11y-pages.ts),
 * for every role that sees it at 360 px, and at 1280 px for the first role (admin, pimpinan, petugas,
 * koperasi) that sees it: what differs between roles is which controls are there, not how they look. Fails on any serious or critical violation, listing
 * each with the page, width and elements. One login per role; inside the office app pages are opened by
 * client-side navigation (no reload), so the whole walk takes a couple of minutes.
 * Every screen must also have its own document title ("… · Sambang").
 */

const DEWI = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const ROLE_ORDER: Role[] = ['admin', 'pimpinan', 'petugas', 'koperasi'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function settle(page: Page, ready?: string): Promise<void> {
  // Every screen has a real level-1 heading; it is also how we know the app (not the inline shell) is up.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  if (ready) await expect(page.getByTestId(ready).first()).toBeVisible({ timeout: 20_000 });
  // Loaders and skeletons gone: the screen shows its data (not a half-drawn state).
  // A list may keep a spinner for its next page at the bottom: wait, but only so long.
  await expect(page.locator('.mantine-Skeleton-root:visible, .mantine-Loader-root:visible')).toHaveCount(0, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}

async function serious(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n      ${v.nodes.slice(0, 4).map((n) => `${n.html.slice(0, 140)} ${n.target.join(' ').slice(-120)}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`).join('\n      ')}`);
}

async function open(page: Page, path: string): Promise<void> {
  const inField = path.startsWith('/lapangan');
  const wasField = new URL(page.url()).pathname.startsWith('/lapangan');
  if (inField || wasField || page.url() === 'about:blank') {
    await page.goto(path);
    return;
  }
  // Client-side navigation: React Router follows popstate, so no reload and no new login.
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

test('login screen has no serious accessibility problem at either width', async ({ page }) => {
  const found: string[] = [];
  for (const vp of [DESKTOP, MOBILE]) {
    await page.setViewportSize(vp);
    await page.goto('/masuk');
    await expect(page.getByLabel('Nama pengguna')).toBeVisible();
    found.push(...(await serious(page, `/masuk @${vp.width}`)));
  }
  await expect(page).toHaveTitle('Masuk · Sambang');
  expect(found, found.join('\n')).toEqual([]);
});

for (const role of Object.keys(A11Y_USERS) as Role[]) {
  test(`every screen ${role} sees passes axe (no serious or critical violation)`, async ({ page, baseURL }) => {
    test.setTimeout(900_000);
    const username = A11Y_USERS[role];
    const res = await page.request.post(`${baseURL}/api/v1/auth/login`, { data: { username, password: username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD } });
    expect(res.ok(), await res.text()).toBeTruthy();
    const first = async (url: string) => ((await (await page.request.get(url)).json()) as { items?: Array<{ id?: string }> }).items?.[0]?.id ?? null;
    const rubrics = role === 'koperasi' ? null : ((await (await page.request.get('/api/v1/rubrics')).json()) as { items: Array<{ rubric: string; version: number }> }).items[0];
    const ids: A11yIds = {
      coop: DEWI,
      assessment: role === 'koperasi' ? null : await first('/api/v1/assessments?pageSize=1'),
      visit: role === 'koperasi' ? null : await first('/api/v1/visits?pageSize=1'),
      rubric: rubrics ? `${rubrics.rubric}/${rubrics.version}` : null,
    };
    const found: string[] = [];
    const titles = new Map<string, string>();
    let lastTitle = '';
    let lastBase = '';
    for (const p of A11Y_PAGES.filter((x) => x.roles.includes(role))) {
      const path = p.path(ids);
      if (!path) continue;
      const t0 = Date.now();
      const wide = ROLE_ORDER.find((r) => p.roles.includes(r)) === role;
      await page.setViewportSize(wide ? DESKTOP : MOBILE);
      await open(page, path);
      await expect.poll(() => new URL(page.url()).pathname).toBe(path.split('?')[0]);
      await settle(page, p.ready);
      if (wide) found.push(...(await serious(page, `${role} ${path} @1280`)));
      await expect.poll(() => page.title(), { message: `title of ${path}` }).toMatch(/. · Sambang$|^Sambang Lapangan$/);
      // Screens are opened inside the app: give the new screen a moment to replace the previous one's
      // title. One that never does is caught below as a duplicate, so a timeout here is not an error.
      const base = path.split('?')[0];
      if (!path.startsWith('/lapangan') && base !== lastBase) {
        await expect.poll(() => page.title(), { timeout: 5_000 }).not.toBe(lastTitle).catch(() => undefined);
      }
      const title = await page.title();
      lastTitle = title;
      lastBase = base;
      if (!path.includes('?')) titles.set(base, title);
      if (wide) {
        await page.setViewportSize(MOBILE);
        await page.waitForTimeout(200);
      }
      found.push(...(await serious(page, `${role} ${path} @360`)));
      if (process.env.A11Y_TIMING) console.log(`${role} ${path} ${Date.now() - t0} ms`);
    }
    // A distinct title per screen (field mode keeps one title for its few screens).
    const office = [...titles].filter(([p]) => !p.startsWith('/lapangan'));
    const dupes = office.filter(([, t], i) => office.findIndex(([, u]) => u === t) !== i);
    expect(dupes, `screens sharing a title: ${JSON.stringify(dupes)}`).toEqual([]);
    expect(found, found.join('\n')).toEqual([]);
  });
}
