import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Notifications (issue 14): the in-app inbox, per-user preferences, the e-mail outbox, and on users
 * an e-mail address and the secret token of their calendar feed.
 * - `notifications (user_id, dedupe_key)` is unique: a reminder is written once even when two server
 *   processes run the scheduler at the same moment or a restart runs it again;
 * - `mail_outbox.dedupe_key` is unique for the same reason; a row is claimed by a conditional update
 *   before it is sent, so two processes never send one mail twice.
 */
export const notificationsMigration = (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('email', 'text').execute();
    await db.schema.alterTable('users').addColumn('calendar_token', 'text').execute();
    await db.schema.createIndex('users_calendar_token').on('users').column('calendar_token').unique().execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('wa_link', 'text')
      .addColumn('cooperative_id', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      // null: not for the digest; 'pending': waits for the next digest; 'sent': went out in one.
      .addColumn('digest_state', 'text')
      .addUniqueConstraint('notifications_user_dedupe', ['user_id', 'dedupe_key'])
      .execute();
    await db.schema
      .createIndex('notifications_user_created')
      .on('notifications')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema.createIndex('notifications_created').on('notifications').column('created_at').execute();

    await db.schema
      .createTable('notification_prefs')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('prefs', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull()) // pending | sending | sent | failed
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  },
});
