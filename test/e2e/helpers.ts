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

/** Indonesian formatted integer ("1.234") → 1234. */
export function parseIdNumber(text: string): number {
  return Number(text.replace(/[^\d-]/g, ''));
}

export function idNumber(n: number): string {
  return new Intl.NumberFormat('id-ID').format(n);
}

/** Waits for network and fonts to settle, then takes a full-page screenshot. */
export async function snap(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  // notifications are transient; keep them out of the layout screenshots
  await page.evaluate(() => {
    document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root .mantine-CloseButton-root').forEach((b) => b.click());
  });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: opts.fullPage ?? true, animations: 'disabled' });
}
