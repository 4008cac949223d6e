import { expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = 'test-results/screenshots';
export const DEMO_PASSWORD = 'sambang-demo';
export const ADMIN_PASSWORD = 'admin-e2e-123';

export const MOBILE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 860 };

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).not.toHaveURL(/\/masuk/);
}

/**
 * Signs in through the API (the same request the login form sends), for journeys where the login
 * screen is not what is tested and whose next step opens a page: no login screen, no home screen
 * drawn only to be left at once. The session cookie lands in the page's browser context. The login
 * form itself is exercised by `login` (screens, users, registry, the axe walk of /masuk).
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.ok(), `login ${username}: ${res.status()} ${await res.text()}`).toBe(true);
}

/** Indonesian formatted integer ("1.234") → 1234. */
export function parseIdNumber(text: string): number {
  return Number(text.replace(/[^\d-]/g, ''));
}

export function idNumber(n: number): string {
  return new Intl.NumberFormat('id-ID').format(n);
}

/** Two animation frames: whatever a state change scheduled has been rendered and painted. */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))),
  );
}

/** Resizes the viewport and waits for the layout at the new width (media queries applied, re-rendered, painted). */
export async function resize(page: Page, vp: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(vp);
  await page.waitForFunction((w) => window.innerWidth === w, vp.width);
  await painted(page);
}

/**
 * Waits until the screen has drawn its data (no skeleton or spinner, web fonts and eager images
 * loaded), then takes a full-page screenshot. No fixed sleep and no `networkidle` (which costs at
 * least half a second per picture): the screenshots are for people to look at, the assertions
 * before each call already waited for the content they need.
 */
export async function snap(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  // notifications are transient; keep them out of the layout screenshots
  const toasts = await page.evaluate(() => {
    const close = document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root .mantine-CloseButton-root');
    close.forEach((b) => b.click());
    return close.length;
  });
  if (toasts)
    await expect(page.locator('.mantine-Notification-root'))
      .toHaveCount(0, { timeout: 3_000 })
      .catch(() => undefined);
  await expect(page.locator('.mantine-Skeleton-root:visible, .mantine-Loader-root:visible'))
    .toHaveCount(0, { timeout: 5_000 })
    .catch(() => undefined);
  await page
    .waitForFunction(
      () => document.fonts.status === 'loaded' && [...document.images].every((i) => i.loading === 'lazy' || i.complete),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await painted(page);
  await page.screenshot({
    path: `${SCREENSHOT_DIR}/${name}.png`,
    fullPage: opts.fullPage ?? true,
    animations: 'disabled',
  });
}
