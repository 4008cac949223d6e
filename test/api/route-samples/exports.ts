import { TIRIS } from '../harness.js';
import type { RouteSample } from './types.js';

/** Route × role samples of the background list exports (every role may export a list it can read). */
export const EXPORT_SAMPLES: Record<string, RouteSample> = {
  'POST /api/v1/exports': { body: { list: 'cooperatives', format: 'csv', filters: { district: TIRIS } } },
  // An unknown job: 404 for every logged-in role, never 401/403 or 500.
  'GET /api/v1/jobs/:id/download': {},
};
