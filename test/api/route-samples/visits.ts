import type { RouteSample } from './types.js';

/** Route × role samples of the visits routes: `METHOD /path` → body and query for a valid call. */
export const VISIT_SAMPLES: Record<string, RouteSample> = {};
