import { mkdirSync } from 'node:fs';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DESKTOP, MOBILE, resize } from './helpers';

export const SCREENS_DIR = 'test-results/screens';
export const DEWI_COOP_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
export const DEWI_NAME = 'Kopwan Dewi Rengganis';

export function todayJakarta(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ctx;
}

/** An approved visit today to Kopwan Dewi Rengganis with the given officers on the team. */
export async function approvedVisit(
  baseURL: string,
  leader: APIRequestContext,
  teamUserIds: string[],
): Promise<string> {
  const created = await leader.post('/api/v1/visits', {
    data: {
      cooperativeId: DEWI_COOP_ID,
      date: todayJakarta(),
      startTime: '08:00',
      endTime: '10:00',
      purposes: ['PEMBINAAN'],
      team: teamUserIds.map((userId, i) => ({ userId, leader: i === 0 })),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = (await created.json()).id as string;
  const pimpinan = await apiAs(baseURL, 'pimpinan');
  const approved = await pimpinan.post(`/api/v1/visits/${id}/approve`, { data: {} });
  expect(approved.ok(), await approved.text()).toBeTruthy();
  await pimpinan.dispose();
  return id;
}

export async function userId(api: APIRequestContext): Promise<string> {
  return String((await (await api.get('/api/v1/auth/me')).json()).user.id);
}

/** Logs in through the normal login page, then opens field mode and waits for its service worker. */
export async function openField(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`/masuk?next=${encodeURIComponent('/lapangan')}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapangan/, { timeout: 30_000 });
  await expect(page.getByTestId('field-home')).toBeVisible({ timeout: 30_000 });
  // The app shell must be cached before the network goes away.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** A real PNG drawn on a canvas: 2400 × 1800 so compression has work to do. */
export async function makePng(page: Page, text: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((t) => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 2400, 1800);
    grad.addColorStop(0, '#2b8a3e');
    grad.addColorStop(1, '#f59f00');
    g.fillStyle = grad;
    g.fillRect(0, 0, 2400, 1800);
    g.fillStyle = '#fff';
    g.font = 'bold 160px sans-serif';
    g.fillText(t, 200, 900);
    return c.toDataURL('image/png');
  }, text);
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** Screenshot of the current field screen at 360 px and at 1280 px. */
export async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // A full-page capture draws sticky/fixed bars where the viewport happened to be: pin them to the
  // page flow for the picture only.
  const style = await page.addStyleTag({ content: '.f-header, .f-nav { position: static !important; width: 100%; }' });
  for (const [vp, suffix] of [
    [MOBILE, '360'],
    [DESKTOP, '1280'],
  ] as const) {
    await resize(page, vp);
    await page.screenshot({ path: `${SCREENS_DIR}/${name}-${suffix}.png`, fullPage: true, animations: 'disabled' });
  }
  await style.evaluate((el) => el.remove());
  await page.setViewportSize(MOBILE);
}

export async function nav(page: Page, name: 'Kunjungan' | 'Siapkan' | 'Kotak keluar' | 'Konflik'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu lapangan' })
    .getByRole('link', { name: new RegExp(`^${name}`) })
    .click();
}
