import type { Kysely, Migration } from 'kysely';

/** A cooperative's request to the Dinas can be closed by an officer: done or declined, with a note (issue 13). */
export const deskFinishMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['outcome', 'closing_note', 'closed_by', 'closed_by_name', 'closed_at']) {
      await db.schema.alterTable('cooperative_requests').addColumn(column, 'text').execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const column of ['outcome', 'closing_note', 'closed_by', 'closed_by_name', 'closed_at']) {
      await db.schema.alterTable('cooperative_requests').dropColumn(column).execute();
    }
  },
};
