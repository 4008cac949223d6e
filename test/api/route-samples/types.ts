import type { Api } from '../harness.js';

export interface RouteSample {
  body?: unknown;
  query?: string;
  /**
   * For routes about records other than the cooperative: creates a fresh target on the given
   * cooperative (as admin) and returns the URL to call, query string included.
   */
  fixture?: (ctx: { api: Api; adminCookie: string; cooperativeId: string }) => Promise<string>;
}
