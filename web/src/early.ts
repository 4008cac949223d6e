/**
 * Work the office app's first screen needs, started by the entry chunk before the app's own code has
 * arrived (issue #15): on a 400 ms round-trip link each step that waits for the previous one costs
 * half a second or more. The entry starts the session check and the route's page chunk while the app
 * downloads; `takeEarly` hands the pending response to the first `api()` GET of the same path.
 * Imports here are dynamic only, so the entry chunk stays tiny.
 */
const pending = new Map<string, { at: number; response: Promise<Response> }>();
/** An early answer not taken by then was not for the first screen: it is dropped, never shown stale. */
const FRESH_MS = 45_000;

export function startEarly(apiPath: string): void {
  if (pending.has(apiPath)) return;
  const response = fetch(`/api/v1${apiPath}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  response.catch(() => undefined); // an unused early request that fails is not an unhandled rejection
  pending.set(apiPath, { at: Date.now(), response });
}

/** An answer already in hand (the login response carries the user that /auth/me would return). */
export function primeEarly(apiPath: string, body: unknown): void {
  pending.set(apiPath, {
    at: Date.now(),
    response: Promise.resolve(
      new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    ),
  });
}

export function takeEarly(apiPath: string): Promise<Response> | undefined {
  const p = pending.get(apiPath);
  pending.delete(apiPath);
  return p && Date.now() - p.at < FRESH_MS ? p.response : undefined;
}

/**
 * The data the first screen asks for, requested with the session check instead of after the app's
 * code has arrived (seconds later on a slow link). The paths must be exactly those the pages request
 * (web/src/pages/DashboardPage.tsx, CoopListPage.tsx, lib/coop.ts); one that no longer matches is
 * simply never taken. Only for a signed-in first screen without filters.
 */
export function startRouteData(path: string, search: string): void {
  const p = path.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(search);
  if (p === '/dasbor') {
    const year =
      params.get('year') ??
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());
    if (/^\d{4}$/.test(year)) startEarly(`/dashboard?year=${year}`);
  } else if (p === '/koperasi' && !search) startEarly('/cooperatives?sort=name&page=1&pageSize=20');
  else if (/^\/koperasi\/[0-9a-f-]{36}$/.test(p)) startEarly(`/cooperatives/${p.slice('/koperasi/'.length)}`);
}

/** The page chunk for a path; App.tsx's lazy() imports the same modules, so nothing is fetched twice. */
export function preloadRoute(path: string): void {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/masuk') {
    void import('./pages/LoginPage');
    return;
  }
  void import('./components/AppLayout');
  if (p === '/dasbor') void import('./pages/DashboardPage');
  else if (p === '/koperasi') void import('./pages/CoopListPage');
  else if (/^\/koperasi\/[0-9a-f-]{36}$/.test(p)) void import('./pages/CoopDetailPage');
}
