/**
 * What bench/load.ts and bench/field-budget.ts share (issue #15): the weak mobile link both measure
 * under (400 ms round trip, 400 kbit/s down and up, through the DevTools protocol), the Chromium
 * flags, starting the real server on the demo data, and counting what a page fetches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist', 'web');
export const LINK = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
/** The link without limits (e.g. to let a service worker finish installing after a measurement). */
export const UNTHROTTLED = { ...LINK, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ADMIN_PASSWORD = 'admin-bench-123';

/** The middle sample (the upper one of an even count); a run without samples is a broken bench, not a zero. */
export function median(xs: readonly number[]): number {
  const mid = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  if (mid === undefined) throw new Error('median of no samples');
  return mid;
}

/** The one-minute load average, printed beside timings measured on a shared machine. */
export const load1 = (): string => (os.loadavg()[0] ?? 0).toFixed(2);

/** The server (`src/cli/main.ts start`) with the demo data on a temporary SQLite file. */
export async function startServer(
  port: number,
  name: string,
): Promise<{ proc: ChildProcess; dir: string; base: string }> {
  const dir = mkdtempSync(join(os.tmpdir(), `sambang-${name}-`));
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      SAMBANG_DEMO: '1',
      SAMBANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAMBANG_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { proc, dir, base };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  proc.kill();
  throw new Error('server did not start');
}

/** Sets the session cookie of `user` in the context through the API (demo users share one password). */
export async function signIn(ctx: BrowserContext, base: string, user: string): Promise<void> {
  const res = await ctx.request.post(`${base}/api/v1/auth/login`, {
    data: { username: user, password: user === 'admin' ? ADMIN_PASSWORD : 'sambang-demo' },
  });
  if (!res.ok()) throw new Error(`login ${user} failed: ${res.status()} ${await res.text()}`);
}

export interface Traffic {
  /** Compressed bytes (headers included) of every Script response, and of everything. */
  readonly jsBytes: number;
  readonly allBytes: number;
  readonly scripts: number;
}

/**
 * A new page under the weak link (and CPU slowed `cpuSlowdown`×, 1 = not slowed); `cold` disables the
 * HTTP cache. The returned traffic counts what the page fetches from then on.
 */
export async function throttledPage(
  ctx: BrowserContext,
  opts: { cold: boolean; cpuSlowdown: number },
): Promise<{ page: Page; cdp: CDPSession; traffic: Traffic }> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  if (opts.cold) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', LINK);
  if (opts.cpuSlowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpuSlowdown });
  const types = new Map<string, string>();
  const traffic = { jsBytes: 0, allBytes: 0, scripts: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    traffic.allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      traffic.jsBytes += e.encodedDataLength;
      traffic.scripts++;
    }
  });
  return { page, cdp, traffic };
}

/** Lifts the link and CPU limits of a throttled page. */
export async function unthrottle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', UNTHROTTLED);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}
