import type { Kysely, Migration } from 'kysely';

/**
 * Import batches (issue 16): every XLSX import is one batch an admin can undo as a whole for a
 * while. `undo` holds what undoing needs (created ids, or each year's figures before and after).
 */
export const importBatchesMigration = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('import_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('rows', 'integer', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('undo', 'text', (c) => c.notNull())
      .addColumn('undone_at', 'text')
      .addColumn('undone_by', 'text')
      .execute();
    await db.schema.createIndex('import_batches_created').on('import_batches').column('created_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('import_batches').execute();
  },
});
