import type { Kysely, Migration } from 'kysely';

/** Failed logins counted per account and client address instead of per account (issue 16). */
export const loginGuardMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('login_failures')
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failed_at', 'text', (c) => c.notNull())
      .addColumn('blocked_until', 'text')
      .addPrimaryKeyConstraint('login_failures_pk', ['username', 'address'])
      .execute();
    await db.schema.createIndex('login_failures_last').on('login_failures').column('last_failed_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('login_failures').execute();
  },
};
