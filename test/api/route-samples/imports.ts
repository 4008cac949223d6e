import type { RouteSample } from './types.js';

/** Route × role samples of the import history and undo (issue 16). */
export const IMPORT_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/imports': {},
  // An unknown batch: 404 for admin, 403 for every other role.
  'POST /api/v1/imports/:id/undo': { fixture: async () => '/api/v1/imports/00000000-0000-4000-8000-000000000000/undo' },
};
