import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, DEMO_PASSWORD, DESKTOP, MOBILE, resize } from './helpers';
import { A11Y_PAGES, A11Y_USERS, type A11yIds } from './a11y-pages';
import type { Role } from '../../web/src/lib/types';

/**
 * Issue #15, WCAG 2.2 AA: axe-core on every screen of the office app and field mode (test/e2e/a11y-pages.ts),
 * for EVERY role that sees it, at 360 AND 1280 px. Fails on any serious or critical violation, listing
 * each with the role, page, width and elements. Every screen must also have its own document title
 * ("… · Sambang").
 *
 * Kept cheap: one login per role (one test, one browser context); inside the office app screens are
 * opened by client-side navigation (no reload); each screen is loaded ONCE and checked at the width it
 * opened in, then the viewport is resized to the other width and it is checked again (the next screen
 * opens at that width, so both widths are also seen as first render across the walk); axe-core is
 * injected once per document and run with the WCAG A/AA tags only; no fixed sleeps.
 */

const DEWI = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
  // Less bookkeeping per node: the report needs the selector and the html only.
  elementRef: false,
  ancestry: false,
  xpath: false,
};

/** Waits until the screen shows its data, not the inline shell, a skeleton or a spinner. */
async function settle(page: Page, ready?: string): Promise<void> {
  // Every screen has a real level-1 heading; it is also how we know the app (not the inline shell) is up.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  if (ready) await expect(page.getByTestId(ready).first()).toBeVisible({ timeout: 20_000 });
  // A list may keep a spinner for its next page at the bottom: wait, but only so long.
  await expect(page.locator('.mantine-Skeleton-root:visible, .mantine-Loader-root:visible'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
}

/** The other width on the same page load: the layout there, and no part of it loading. */
async function switchWidth(page: Page, vp: { width: number; height: number }): Promise<void> {
  await resize(page, vp);
  await expect(page.locator('.mantine-Skeleton-root:visible'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
}

async function serious(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(async (options) => {
    // A save bar that sticks to the bottom of the viewport covers whatever field happens to be under it
    // at this scroll position, which the reader reaches by scrolling: for the check it sits where it
    // ends in the page flow (its own buttons are checked all the same).
    const bars = [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => {
      const cs = getComputedStyle(el);
      return cs.position === 'sticky' && cs.bottom !== 'auto';
    });
    const before = bars.map(
      (el) => [el.style.getPropertyValue('position'), el.style.getPropertyPriority('position')] as const,
    );
    bars.forEach((el) => el.style.setProperty('position', 'static', 'important'));
    await new Promise((done) => requestAnimationFrame(done));
    try {
      return await (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(
        document,
        options,
      );
    } finally {
      bars.forEach((el, i) => el.style.setProperty('position', before[i][0], before[i][1]));
    }
  }, AXE_OPTIONS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id} — ${v.help}\n      ${v.nodes
          .slice(0, 4)
          .map(
            (n) =>
              `${n.html.slice(0, 140)} ${n.target.join(' ').slice(-120)}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`,
          )
          .join('\n      ')}`,
    );
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
  await page.setViewportSize(MOBILE);
  await page.goto('/masuk');
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  found.push(...(await serious(page, '/masuk @360')));
  await switchWidth(page, DESKTOP);
  found.push(...(await serious(page, '/masuk @1280')));
  await expect(page).toHaveTitle('Masuk · Sambang');
  expect(found, found.join('\n')).toEqual([]);
});

for (const role of Object.keys(A11Y_USERS) as Role[]) {
  test(`every screen ${role} sees passes axe at 360 and 1280 px (no serious or critical violation)`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(900_000);
    const username = A11Y_USERS[role];
    const res = await page.request.post(`${baseURL}/api/v1/auth/login`, {
      data: { username, password: username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD },
    });
    expect(res.ok(), await res.text()).toBeTruthy();
    const first = async (url: string) =>
      ((await (await page.request.get(url)).json()) as { items?: Array<{ id?: string }> }).items?.[0]?.id ?? null;
    const rubrics =
      role === 'koperasi'
        ? null
        : (
            (await (await page.request.get('/api/v1/rubrics')).json()) as {
              items: Array<{ rubric: string; version: number }>;
            }
          ).items[0];
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
    let width = MOBILE;
    await page.setViewportSize(width);
    for (const p of A11Y_PAGES.filter((x) => x.roles.includes(role))) {
      const path = p.path(ids);
      if (!path) continue;
      const t0 = Date.now();
      await open(page, path);
      await expect.poll(() => new URL(page.url()).pathname).toBe(path.split('?')[0]);
      await settle(page, p.ready);
      const t1 = Date.now();
      await expect.poll(() => page.title(), { message: `title of ${path}` }).toMatch(/. · Sambang$|^Sambang Lapangan$/);
      // Screens are opened inside the app: give the new screen a moment to replace the previous one's
      // title. One that never does is caught below as a duplicate, so a timeout here is not an error.
      const base = path.split('?')[0];
      if (!path.startsWith('/lapangan') && base !== lastBase) {
        await expect
          .poll(() => page.title(), { timeout: 5_000 })
          .not.toBe(lastTitle)
          .catch(() => undefined);
      }
      const title = await page.title();
      lastTitle = title;
      lastBase = base;
      if (!titles.has(base)) titles.set(base, title);
      // The width the screen opened in, then the other one on the same page load.
      const t2 = Date.now();
      found.push(...(await serious(page, `${role} ${path} @${width.width}`)));
      const t3 = Date.now();
      width = width === MOBILE ? DESKTOP : MOBILE;
      await switchWidth(page, width);
      const t4 = Date.now();
      found.push(...(await serious(page, `${role} ${path} @${width.width}`)));
      if (process.env.A11Y_TIMING)
        console.log(
          `${role} ${path} ${Date.now() - t0} ms (open ${t1 - t0}, title ${t2 - t1}, axe ${t3 - t2}, resize ${t4 - t3}, axe ${Date.now() - t4})`,
        );
    }
    // A distinct title per screen (field mode keeps one title for its few screens).
    const office = [...titles].filter(([p]) => !p.startsWith('/lapangan'));
    const dupes = office.filter(([, t], i) => office.findIndex(([, u]) => u === t) !== i);
    expect(dupes, `screens sharing a title: ${JSON.stringify(dupes)}`).toEqual([]);
    expect(found, found.join('\n')).toEqual([]);
  });
}
