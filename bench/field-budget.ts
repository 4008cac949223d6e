/**
 * Field mode budget (issue #6 §7): `npm run bench:field` (expects a build: `npm run build`).
 *
 * Starts the real server (`src/cli/main.ts start`) with the demo data on a temporary SQLite file,
 * logs in as petugas.koperasi, and drives /usr/bin/chromium through Playwright with the DevTools
 * protocol throttling the page to 400 ms latency and 400 kbit/s down and up:
 *  1. cold first load of /lapangan (new browser context, empty cache): compressed JS bytes the page
 *     fetched (CDP `encodedDataLength` of every Script response until the home is usable, headers
 *     included) and the time from navigation to the field home being usable (its heading shown and
 *     the session checked);
 *  2. with the service worker installed and the network offline (CDP + Playwright offline), the time
 *     to open /lapangan again until the field home is usable.
 * Each is run RUNS times (fresh context each) and the median reported. Also reported: the size of
 * what the service worker precaches (from dist/web and its .br files).
 * Prints the figures and writes bench/results/field-budget.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, DIST, LINK, median, ROOT, signIn, startServer, throttledPage, unthrottle } from './throttle.js';

const PORT = Number(process.env.BENCH_PORT ?? 3951);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = { jsKB: 150, usableMs: 4000, offlineMs: 1000 };

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/web is missing: run `npm run build` first.');
  process.exit(1);
}

let BASE = `http://127.0.0.1:${PORT}`;

/** Cold load under the throttled link; returns JS bytes and time to usable. */
async function coldLoad(
  ctx: BrowserContext,
): Promise<{ jsBytes: number; scripts: number; usableMs: number; allBytes: number }> {
  // Network only: field mode's budget has always been measured without CPU slowdown (bench/load.ts adds it).
  const { page, cdp, traffic } = await throttledPage(ctx, { cold: true, cpuSlowdown: 1 });
  const t0 = Date.now();
  await page.goto(`${BASE}/lapangan`, { waitUntil: 'commit' });
  await page.getByTestId('field-home').waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByTestId('net-state').waitFor({ state: 'visible' });
  const usableMs = Date.now() - t0;
  // Let the service worker finish installing (precache) before the next step uses it.
  await unthrottle(cdp);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.close();
  return { ...traffic, usableMs };
}

async function offlineOpen(ctx: BrowserContext): Promise<number> {
  await ctx.setOffline(true);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { ...LINK, offline: true });
  const t0 = Date.now();
  await page.goto(`${BASE}/lapangan`, { waitUntil: 'commit' });
  await page.getByTestId('field-home').waitFor({ state: 'visible', timeout: 30_000 });
  const ms = Date.now() - t0;
  await page.close();
  await ctx.setOffline(false);
  return ms;
}

function precacheSize(): { files: number; rawBytes: number; brBytes: number } {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  let rawBytes = 0;
  let brBytes = 0;
  for (const u of new Set(urls)) {
    const f = join(DIST, u);
    if (!existsSync(f)) continue;
    const raw = statSync(f).size;
    rawBytes += raw;
    brBytes += existsSync(`${f}.br`) ? statSync(`${f}.br`).size : raw;
  }
  return { files: new Set(urls).size, rawBytes, brBytes };
}

const { proc, dir, base } = await startServer(PORT, 'field-bench');
BASE = base;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const cold: Awaited<ReturnType<typeof coldLoad>>[] = [];
const offline: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 780 },
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    });
    await signIn(ctx, BASE, 'petugas.koperasi');
    cold.push(await coldLoad(ctx));
    offline.push(await offlineOpen(ctx));
    await ctx.close();
  }
} finally {
  await browser.close();
  proc.kill();
  rmSync(dir, { recursive: true, force: true });
}

const result = {
  measuredAt: new Date().toISOString(),
  link: { latencyMs: LINK.latency, downKbit: 400, upKbit: 400 },
  runs: RUNS,
  firstLoad: {
    jsKB: +(median(cold.map((c) => c.jsBytes)) / 1024).toFixed(1),
    scripts: median(cold.map((c) => c.scripts)),
    allKB: +(median(cold.map((c) => c.allBytes)) / 1024).toFixed(1),
    usableMs: median(cold.map((c) => c.usableMs)),
    samples: cold,
  },
  offlineOpenMs: median(offline),
  offlineSamples: offline,
  precache: precacheSize(),
  targets: TARGET,
  pass: {
    js: median(cold.map((c) => c.jsBytes)) / 1024 < TARGET.jsKB,
    usable: median(cold.map((c) => c.usableMs)) < TARGET.usableMs,
    offline: median(offline) < TARGET.offlineMs,
  },
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
  },
};

console.log(`Field budget on ${LINK.latency} ms / 400 kbit/s (median of ${RUNS}):`);
console.log(
  `  first load of /lapangan: ${result.firstLoad.jsKB} KB compressed JS in ${result.firstLoad.scripts} files (target < ${TARGET.jsKB} KB) ${result.pass.js ? 'OK' : 'OVER'}`,
);
console.log(
  `  usable after:            ${result.firstLoad.usableMs} ms (target < ${TARGET.usableMs} ms) ${result.pass.usable ? 'OK' : 'OVER'}   [all bytes ${result.firstLoad.allKB} KB]`,
);
console.log(
  `  offline open (SW):       ${result.offlineOpenMs} ms (target < ${TARGET.offlineMs} ms) ${result.pass.offline ? 'OK' : 'OVER'}   samples ${offline.join(', ')}`,
);
console.log(
  `  service worker precache: ${result.precache.files} files, ${(result.precache.brBytes / 1024).toFixed(1)} KB brotli (${(result.precache.rawBytes / 1024).toFixed(1)} KB raw)`,
);
console.log(`  load average: ${result.machine.loadavg.join(' ')} on ${result.machine.cpus} CPUs`);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'field-budget.json'), JSON.stringify(result, null, 2));
console.log('written bench/results/field-budget.json');
