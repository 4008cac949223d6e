/**
 * Office app and field mode first load (issue #15): `npm run bench:load` (expects `npm run build`).
 *
 * Starts the real server with the demo data on a temporary SQLite file and drives /usr/bin/chromium
 * through Playwright. Every page runs under DevTools-protocol throttling: 400 ms round trip,
 * 400 kbit/s down and up, CPU slowed 4×. For each screen:
 *  - cold: a new browser context (empty cache; the session cookie set through the API first), time
 *    from navigation to first contentful paint (the inline shell of index.html) and to "usable"
 *    (the screen's own content shown: the login form, the dashboard's figures, the list's first row,
 *    the cooperative's name, the field home), plus the compressed JS and all bytes fetched;
 *  - warm: the same context opens the screen again (hashed assets from the HTTP cache, field mode
 *    from its service worker).
 * Median of RUNS runs. Then, when `lighthouse` is installed, its mobile preset (simulated 4× CPU and
 * slow 4G) on login, dashboard and cooperative list, in a persistent Chromium profile that holds the
 * admin session. The machine's load average is printed beside the figures (2 shared cores make
 * timings noisy). Writes bench/results/load.json.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  CHROMIUM_ARGS as ARGS,
  DIST,
  LINK,
  load1,
  median,
  ROOT,
  signIn as signInAs,
  startServer as startBenchServer,
  throttledPage,
  unthrottle,
} from './throttle.js';

const PORT = Number(process.env.BENCH_PORT ?? 3961);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';
const CPU_SLOWDOWN = 4;
const DEWI = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';

interface Screen {
  name: string;
  path: string;
  user: string | null;
  /** Usable: this screen's own content is on the page (server-rendered or drawn by the app). */
  ready: (page: Page) => Promise<unknown>;
  /** For a screen with a server-rendered view: the app's own screen has taken over. */
  app?: (page: Page) => Promise<unknown>;
  targetColdMs: number;
}
/**
 * The dashboard and the list are in the HTML of a cold load (src/http/prerender.ts): usable once their
 * figures / first cooperatives are painted there (links and the search form work without the app), or
 * once the app shows them. `app` waits until the app's own screen has replaced the server's view.
 */
const shown = (p: Page, pre: string, app: string) =>
  p.locator(`#pre [data-testid="${pre}"], #root [data-testid="${app}"]:visible`).first().waitFor({ timeout: 90_000 });
const appShown = async (p: Page, app: string) => {
  await p.locator('#pre').waitFor({ state: 'detached', timeout: 90_000 });
  await p.getByTestId(app).first().waitFor({ timeout: 90_000 });
};
const SCREENS: Screen[] = [
  {
    name: 'login',
    path: '/masuk',
    user: null,
    targetColdMs: 4000,
    // Usable: the form can be filled and sent (masuk.html paints it at once; its button works once the entry chunk has run).
    ready: async (p) => {
      await p.getByLabel('Nama pengguna').waitFor({ timeout: 90_000 });
      await p.locator('form button[type="submit"]:not([disabled])').waitFor({ timeout: 90_000 });
    },
  },
  {
    name: 'dashboard',
    path: '/dasbor',
    user: 'admin',
    targetColdMs: 6000,
    ready: (p) => shown(p, 'pre-figures', 'card-coverage'),
    app: (p) => appShown(p, 'card-coverage'),
  },
  {
    name: 'cooperative list',
    path: '/koperasi',
    user: 'admin',
    targetColdMs: 6000,
    ready: (p) => shown(p, 'pre-list', 'coop-item'),
    app: (p) => appShown(p, 'coop-item'),
  },
  {
    name: 'cooperative page',
    path: `/koperasi/${DEWI}`,
    user: 'admin',
    targetColdMs: 6000,
    ready: (p) => p.getByTestId('coop-name').waitFor({ timeout: 90_000 }),
  },
  {
    name: 'field mode',
    path: '/lapangan',
    user: 'petugas.koperasi',
    targetColdMs: 4000,
    ready: async (p) => {
      await p.getByTestId('field-home').waitFor({ timeout: 90_000 });
      await p.getByTestId('net-state').waitFor({ timeout: 90_000 });
    },
  },
];
const TARGET = { paintMs: 2000, warmMs: 1000, jsKB: 120, lighthousePerf: 90, lighthouseA11y: 100 };

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/web is missing: run `npm run build` first.');
  process.exit(1);
}
let BASE = `http://127.0.0.1:${PORT}`;
const signIn = (ctx: BrowserContext, user: string) => signInAs(ctx, BASE, user);

interface Load {
  paintMs: number;
  usableMs: number;
  /** Until the app's own screen replaced the server-rendered view (-1: the screen has none). */
  appMs: number;
  jsBytes: number;
  allBytes: number;
}

async function load(ctx: BrowserContext, s: Screen, cold: boolean): Promise<Load> {
  const { page, cdp, traffic } = await throttledPage(ctx, { cold, cpuSlowdown: CPU_SLOWDOWN });
  const t0 = Date.now();
  await page.goto(`${BASE}${s.path}`, { waitUntil: 'commit' });
  await s.ready(page);
  const usableMs = Date.now() - t0;
  if (s.app) await s.app(page);
  const appMs = s.app ? Date.now() - t0 : -1;
  const paintMs = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? Math.round(e.startTime) : -1;
  });
  if (s.path === '/lapangan') {
    // Let the service worker install before the warm run opens the page from it.
    await unthrottle(cdp);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
  await page.close();
  return { paintMs, usableMs, appMs, jsBytes: traffic.jsBytes, allBytes: traffic.allBytes };
}

async function measureScreens(browser: Browser) {
  const out: Array<{
    screen: string;
    path: string;
    cold: Load;
    warm: Load;
    coldSamples: number[];
    warmSamples: number[];
  }> = [];
  const only = process.env.BENCH_ONLY?.split(',');
  for (const s of SCREENS.filter((x) => !only || only.some((o) => x.name.startsWith(o)))) {
    const colds: Load[] = [];
    const warms: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({
        viewport: { width: 360, height: 780 },
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
      });
      if (s.user) await signIn(ctx, s.user);
      colds.push(await load(ctx, s, true));
      warms.push(await load(ctx, s, false));
      await ctx.close();
    }
    const pick = (xs: Load[]): Load => ({
      paintMs: median(xs.map((x) => x.paintMs)),
      usableMs: median(xs.map((x) => x.usableMs)),
      appMs: median(xs.map((x) => x.appMs)),
      jsBytes: median(xs.map((x) => x.jsBytes)),
      allBytes: median(xs.map((x) => x.allBytes)),
    });
    const r = {
      screen: s.name,
      path: s.path,
      cold: pick(colds),
      warm: pick(warms),
      coldSamples: colds.map((c) => c.usableMs),
      warmSamples: warms.map((w) => w.usableMs),
    };
    out.push(r);
    console.log(
      `  ${s.name.padEnd(17)} cold: paint ${String(r.cold.paintMs).padStart(5)} ms, usable ${String(r.cold.usableMs).padStart(5)} ms (target < ${s.targetColdMs}) ${r.cold.usableMs < s.targetColdMs ? 'OK  ' : 'OVER'}` +
        `${r.cold.appMs >= 0 ? ` app ${r.cold.appMs} ms,` : ''} JS ${(r.cold.jsBytes / 1024).toFixed(1)} KB, all ${(r.cold.allBytes / 1024).toFixed(1)} KB | warm: usable ${r.warm.usableMs} ms ${r.warm.usableMs < TARGET.warmMs ? 'OK' : 'OVER'}${r.warm.appMs >= 0 ? `, app ${r.warm.appMs} ms` : ''} [load ${load1()}]`,
    );
  }
  return out;
}

async function measureLighthouse(): Promise<
  | Array<{ screen: string; performance: number; accessibility: number; fcpMs: number; lcpMs: number; tbtMs: number }>
  | string
> {
  let lighthouse: typeof import('lighthouse').default;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch {
    return 'lighthouse not installed';
  }
  const port = 9300 + (process.pid % 500);
  const profile = mkdtempSync(join(os.tmpdir(), 'sambang-lh-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [...ARGS, `--remote-debugging-port=${port}`],
    viewport: null,
  });
  const out = [];
  try {
    for (const s of SCREENS.filter((x) => ['login', 'dashboard', 'cooperative list'].includes(x.name))) {
      // The login page is audited signed out (a session would redirect it), the others as admin.
      if (s.user) await signIn(ctx, s.user);
      const result = await lighthouse(`${BASE}${s.path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        disableStorageReset: true,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`lighthouse gave no result for ${s.path}`);
      if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.endsWith(s.path))
        throw new Error(`lighthouse ended on ${lhr.finalDisplayedUrl}, not ${s.path}`);
      const row = {
        screen: s.name,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        fcpMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
      };
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id))
        .map((a) => a.id);
      out.push(row);
      console.log(
        `  ${s.name.padEnd(17)} performance ${row.performance} (target ≥ ${TARGET.lighthousePerf}) ${row.performance >= TARGET.lighthousePerf ? 'OK  ' : 'UNDER'}` +
          ` accessibility ${row.accessibility} ${row.accessibility >= TARGET.lighthouseA11y ? 'OK' : `UNDER ${failing.join(',')}`}  FCP ${row.fcpMs} ms, LCP ${row.lcpMs} ms, TBT ${row.tbtMs} ms [load ${load1()}]`,
      );
    }
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

const { proc, dir, base } = await startBenchServer(PORT, 'load-bench');
BASE = base;
const loadBefore = os.loadavg().map((x) => +x.toFixed(2));
console.log(
  `First load at ${LINK.latency} ms RTT, 400 kbit/s, CPU ${CPU_SLOWDOWN}× slower (median of ${RUNS}); load average ${loadBefore.join(' ')} on ${os.cpus().length} CPUs`,
);
let screens: Awaited<ReturnType<typeof measureScreens>> = [];
let lh: Awaited<ReturnType<typeof measureLighthouse>> = 'skipped';
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    screens = await measureScreens(browser);
  } finally {
    await browser.close();
  }
  if (LIGHTHOUSE) {
    console.log('Lighthouse (mobile preset: simulated slow 4G, 4× CPU):');
    lh = await measureLighthouse();
    if (typeof lh === 'string') console.log(`  ${lh}`);
  }
} finally {
  proc.kill();
  rmSync(dir, { recursive: true, force: true });
}
const result = {
  measuredAt: new Date().toISOString(),
  link: { latencyMs: LINK.latency, downKbit: 400, upKbit: 400, cpuSlowdown: CPU_SLOWDOWN },
  runs: RUNS,
  targets: TARGET,
  screens,
  lighthouse: lh,
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    loadavgBefore: loadBefore,
    loadavgAfter: os.loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
  },
};
console.log(`load average after: ${result.machine.loadavgAfter.join(' ')}`);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'load.json'), JSON.stringify(result, null, 2));
console.log('written bench/results/load.json');
