import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The cooperative's desk (issue 13): its document shelf (content-addressed files), the Dinas'
 * verification of what a cooperative files, its requests to the Dinas and announced RATs.
 */
export const cooperativeDeskMigration = (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cooperative_documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('fiscal_year', 'integer')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      // A replacement is a new row: `series_id` is the first version's id, `replaces_id` the one before.
      .addColumn('series_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('replaces_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // ACTIVE | REPLACED | REMOVED
      .addColumn('removed_reason', 'text')
      .addColumn('removed_at', 'text')
      .addColumn('uploaded_by', 'text')
      .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
      .addColumn('uploaded_by_role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('cooperative_documents_coop')
      .on('cooperative_documents')
      .columns(['cooperative_id', 'kind', 'fiscal_year'])
      .execute();
    await db.schema
      .createIndex('cooperative_documents_series')
      .on('cooperative_documents')
      .column('series_id')
      .execute();

    await db.schema
      .createTable('verifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('fiscal_year', 'integer')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // PENDING | VERIFIED | RETURNED
      .addColumn('reason', 'text')
      // The values that stood (verified or entered by the Dinas) before this filing: they keep counting.
      .addColumn('previous', 'text')
      .addColumn('submitted_by', 'text')
      .addColumn('submitted_by_name', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_by_name', 'text')
      .addColumn('decided_at', 'text')
      .addUniqueConstraint('verifications_entity', ['kind', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('verifications_status')
      .on('verifications')
      .columns(['status', 'submitted_at'])
      .execute();
    await db.schema.createIndex('verifications_coop').on('verifications').column('cooperative_id').execute();

    await db.schema
      .createTable('cooperative_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('kind', 'text', (c) => c.notNull()) // VISIT | CONSULTATION | BUSINESS_UNIT
      .addColumn('bidang', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // OPEN | PLANNED | CLOSED
      .addColumn('visit_id', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('cooperative_requests_queue')
      .on('cooperative_requests')
      .columns(['bidang', 'status', 'created_at'])
      .execute();

    await db.schema
      .createTable('rat_announcements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('planned_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('visit_id', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('rat_announcements_date')
      .on('rat_announcements')
      .columns(['planned_on', 'cooperative_id'])
      .execute();
  },
});
