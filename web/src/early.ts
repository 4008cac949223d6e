/**
 * Work the office app's first screen needs, started by the entry chunk before the app's own code has
 * arrived (issue #15): on a 400 ms round-trip link each step that waits for the previous one costs
 * half a second or more. The entry starts the session check and the route's page chunk while the app
 * downloads; `takeEarly` hands the pending response to the first `api()` GET of the same path.
 * Imports here are dynamic only, so the entry chunk stays tiny.
 */
const pending = new Map<string, Promise<Response>>();

export function startEarly(apiPath: string): void {
  if (pending.has(apiPath)) return;
  pending.set(apiPath, fetch(`/api/v1${apiPath}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
}

/** An answer already in hand (the login response carries the user that /auth/me would return). */
export function primeEarly(apiPath: string, body: unknown): void {
  pending.set(apiPath, Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })));
}

export function takeEarly(apiPath: string): Promise<Response> | undefined {
  const p = pending.get(apiPath);
  pending.delete(apiPath);
  return p;
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
