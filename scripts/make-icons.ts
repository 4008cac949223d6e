/**
 * Generates the PWA icons (web/public/icons/*.png) once from the favicon's "S" mark, by rendering
 * an SVG in Chromium and taking a screenshot. Run: node --import tsx scripts/make-icons.ts
 * The PNGs are committed; run again only when the mark changes.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const GREEN = '#0b7a55';
const S_PATH = 'M20 42c0 4 5 7 12 7s13-3 13-9c0-11-24-7-24-17 0-4 4-7 10-7 5 0 9 2 10 6';

// "any" icons: rounded tile; maskable: full-bleed square, mark inside the 80 % safe zone.
const svg = (
  maskable: boolean,
) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  <rect width="64" height="64" ${maskable ? '' : 'rx="14"'} fill="${GREEN}"/>
  <g ${maskable ? 'transform="translate(32 32) scale(0.72) translate(-32 -32)"' : ''}>
    <path d="${S_PATH}" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round"/>
  </g></svg>`;

const out = new URL('../web/public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
    ['apple-touch-icon.png', 180, true],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(maskable)}</body></html>`);
    await page.screenshot({ path: new URL(name, out).pathname, omitBackground: !maskable });
    await page.close();
    console.log(`${name} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
