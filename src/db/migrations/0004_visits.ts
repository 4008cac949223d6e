import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/** Visits (issue 4). */
export const visitsMigration = (_dialect: Dialect): Migration => ({
  async up(_db: Kysely<unknown>) {},
});
