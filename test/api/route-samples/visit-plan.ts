import type { RouteSample } from './types.js';

/** Route × role samples of the planning screens' support routes (exports and team candidates). */
export const VISIT_PLAN_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/visits/export.xlsx': { query: 'from=2025-01-01&to=2025-12-31' },
  'GET /api/v1/visits/export.csv': { query: 'status=planned' },
  'GET /api/v1/team-candidates': {},
};
