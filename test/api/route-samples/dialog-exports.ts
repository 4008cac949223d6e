import type { RouteSample } from './types.js';

/** Route × role samples of the concern and follow-up spreadsheet downloads. */
export const DIALOG_EXPORT_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/concerns/export.xlsx': { query: 'status=open&raisedVia=PORTAL' },
  'GET /api/v1/concerns/export.csv': { query: 'kind=KELUHAN' },
  'GET /api/v1/follow-ups/export.xlsx': { query: 'status=overdue' },
  'GET /api/v1/follow-ups/export.csv': { query: 'assignee=me' },
};
