import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/** RAT records (issue 5): one annual members' meeting per cooperative and fiscal year. */
export const annualMeetingsMigration = (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('annual_meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('members_present', 'integer', (c) => c.notNull())
      .addColumn('members_total', 'integer', (c) => c.notNull())
      .addColumn('quorum_required', 'integer')
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('documents', 'text')
      .addColumn('reported_to_ods_on', 'text')
      .addColumn('notes', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('annual_meetings_coop_year', ['cooperative_id', 'fiscal_year'])
      .execute();
  },
});
