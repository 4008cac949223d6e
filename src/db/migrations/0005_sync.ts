import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Field sync (issue 6): the outcome of every applied change (exactly once), conflicts kept for a
 * person to resolve, and chunked photo uploads. Chunk bytes live in the database (bytea / blob):
 * they are written in the same transaction as the upload's `received`, so a restart never leaves the
 * two disagreeing; they are deleted once the photo is stored.
 */
export const syncMigration = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const bytes = sql.raw(dialect === 'postgres' ? 'bytea' : 'blob');

    await db.schema
      .createTable('sync_changes')
      .addColumn('change_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sync_changes_entity').on('sync_changes').column('entity_id').execute();

    await db.schema
      .createTable('sync_conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('base_value', 'text')
      .addColumn('server_value', 'text')
      .addColumn('client_value', 'text')
      .addColumn('change_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema
      .createIndex('sync_conflicts_status')
      .on('sync_conflicts')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema.createIndex('sync_conflicts_entity').on('sync_conflicts').columns(['entity_id', 'field']).execute();

    await db.schema
      .createTable('uploads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('caption', 'text')
      .addColumn('taken_at', 'text')
      .addColumn('photo_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('upload_chunks')
      .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads.id').onDelete('cascade'))
      .addColumn('chunk_offset', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint('upload_chunks_pk', ['upload_id', 'chunk_offset'])
      .execute();
  },
});
