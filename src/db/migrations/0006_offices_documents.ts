import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Offices and official documents (issues 11 point 2 and 12).
 * - `offices`: the profile every letterhead, dateline and signature block reads. The first office is
 *   created at start from SAMBANG_REGION (src/app/offices/ensure-office.ts), so an existing database
 *   upgrades in place.
 * - officers' NIP, rank and position on `users`.
 * - `letter_registers` (one per office and document kind, with the admin's numbering pattern) and
 *   `letter_counters` (last number per register and year, bumped in the issuing transaction, so a
 *   number is never lost nor given twice).
 * - `documents`: issued papers with their exact PDF bytes and SHA-256, kept in the database so a
 *   backup of the database holds them too.
 */
export const officesDocumentsMigration = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const bytes = sql.raw(dialect === 'postgres' ? 'bytea' : 'blob');

    await db.schema
      .createTable('offices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('government', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('website', 'text')
      .addColumn('logo', bytes)
      .addColumn('logo_type', 'text')
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('head_name', 'text')
      .addColumn('head_nip', 'text')
      .addColumn('head_rank', 'text')
      .addColumn('head_position', 'text')
      .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema.alterTable('users').addColumn('nip', 'text').execute();
    await db.schema.alterTable('users').addColumn('rank', 'text').execute();
    await db.schema.alterTable('users').addColumn('position', 'text').execute();

    await db.schema
      .createTable('letter_registers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('pattern', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('letter_registers_office_kind', ['office_id', 'kind'])
      .execute();

    await db.schema
      .createTable('letter_counters')
      .addColumn('register_id', 'text', (c) => c.notNull().references('letter_registers.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('letter_counters_pk', ['register_id', 'year'])
      .execute();

    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('register_id', 'text', (c) => c.notNull().references('letter_registers.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('visit_id', 'text')
      .addColumn('assessment_id', 'text')
      .addColumn('cooperative_id', 'text', (c) => c.references('cooperatives.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('supersedes_id', 'text')
      .addColumn('pdf', bytes, (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('issued_by', 'text')
      .addColumn('issuer_name', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('cancelled_by', 'text')
      .addColumn('cancel_reason', 'text')
      .addUniqueConstraint('documents_register_year_seq', ['register_id', 'year', 'seq'])
      .execute();
    await db.schema.createIndex('documents_issued').on('documents').columns(['office_id', 'issued_at']).execute();
    await db.schema
      .createIndex('documents_cooperative')
      .on('documents')
      .columns(['cooperative_id', 'issued_at'])
      .execute();
    await db.schema.createIndex('documents_visit').on('documents').columns(['visit_id', 'kind']).execute();
    await db.schema.createIndex('documents_assessment').on('documents').columns(['assessment_id', 'kind']).execute();

    // The activity report as the officer edited it before sharing (issue 12 point 8), kept with the visit.
    await db.schema
      .createTable('activity_reports')
      .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('edited_by', 'text')
      .addColumn('editor_name', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text', (c) => c.notNull())
      .execute();
  },
});
