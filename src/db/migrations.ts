import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './connect.js';
import { assessmentsMigration } from './migrations/0002_assessments.js';
import { annualMeetingsMigration } from './migrations/0003_annual_meetings.js';
import { visitsMigration } from './migrations/0004_visits.js';
import { syncMigration } from './migrations/0005_sync.js';
import { officesDocumentsMigration } from './migrations/0006_offices_documents.js';
import { notificationsMigration } from './migrations/0007_notifications.js';
import { importBatchesMigration } from './migrations/0008_import_batches.js';
import { loginGuardMigration } from './migrations/0009_login_guard.js';
import { cooperativeDeskMigration } from './migrations/0010_cooperative_desk.js';
import { deskFinishMigration } from './migrations/0011_desk_finish.js';
import { regionsOfficesMigration } from './migrations/0012_regions_offices.js';
import { officeReachMigration } from './migrations/0013_office_reach.js';

/**
 * Migrations live in code (no files to find at run time) and use only portable DDL, so SQLite and
 * PostgreSQL get the same schema. `money` is bigint on PostgreSQL (rupiah overflow int4).
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '0001_foundation': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('districts')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('regency_code', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('villages')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('villages_district').on('villages').column('district_code').execute();

        await db.schema
          .createTable('cooperatives')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('name_search', 'text', (c) => c.notNull())
          .addColumn('nik', 'text')
          .addColumn('legal_entity_number', 'text')
          .addColumn('legal_entity_date', 'text')
          .addColumn('legal_entity_amendment_date', 'text')
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('group_code', 'text', (c) => c.notNull())
          .addColumn('scheme', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('dissolved_reason', 'text')
          .addColumn('dissolved_at', 'text')
          .addColumn('street', 'text')
          .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
          .addColumn('village_code', 'text', (c) => c.notNull().references('villages.code'))
          .addColumn('latitude', 'double precision')
          .addColumn('longitude', 'double precision')
          .addColumn('phone', 'text')
          .addColumn('email', 'text')
          .addColumn('simkopdes_id', 'text')
          .addColumn('members_male', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('members_female', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('employees_male', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('employees_female', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('cooperatives_nik').on('cooperatives').column('nik').unique().execute();
        await db.schema.createIndex('cooperatives_name').on('cooperatives').columns(['name', 'id']).execute();
        await db.schema
          .createIndex('cooperatives_district_name')
          .on('cooperatives')
          .columns(['district_code', 'name'])
          .execute();
        await db.schema
          .createIndex('cooperatives_village_name')
          .on('cooperatives')
          .columns(['village_code', 'name'])
          .execute();
        await db.schema.createIndex('cooperatives_updated').on('cooperatives').column('updated_at').execute();

        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('full_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('bidang', 'text')
          .addColumn('cooperative_id', 'text', (c) => c.references('cooperatives.id'))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_until', 'text')
          .addColumn('last_login_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('user_agent', 'text')
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

        await db.schema
          .createTable('cooperative_officers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('phone', 'text')
          .addColumn('term_start', 'text')
          .addColumn('term_end', 'text')
          .execute();
        await db.schema
          .createIndex('officers_cooperative')
          .on('cooperative_officers')
          .column('cooperative_id')
          .execute();

        await db.schema
          .createTable('yearly_figures')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
          .addColumn('fiscal_year', 'integer', (c) => c.notNull())
          .addColumn('assets', sql.raw(money))
          .addColumn('own_capital', sql.raw(money))
          .addColumn('external_capital', sql.raw(money))
          .addColumn('business_volume', sql.raw(money))
          .addColumn('shu', sql.raw(money))
          .addColumn('members_male', 'integer')
          .addColumn('members_female', 'integer')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('yearly_figures_coop_year', ['cooperative_id', 'fiscal_year'])
          .execute();

        await db.schema
          .createTable('business_units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('sector', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('turnover', sql.raw(money))
          .addColumn('employees', 'integer')
          .addColumn('permit_nib', 'text')
          .addColumn('permit_pirt', 'text')
          .addColumn('permit_halal', 'text')
          .addColumn('needs', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('units_cooperative').on('business_units').column('cooperative_id').execute();

        await db.schema
          .createTable('audit_events')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('actor_name', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('cooperative_id', 'text')
          .addColumn('changes', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('audit_cooperative')
          .on('audit_events')
          .columns(['cooperative_id', 'seq'])
          .execute();
        await db.schema.createIndex('audit_at').on('audit_events').column('at').execute();

        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002_assessments': assessmentsMigration(dialect),
    '0003_annual_meetings': annualMeetingsMigration(dialect),
    '0004_visits': visitsMigration(dialect),
    '0005_sync': syncMigration(dialect),
    // Registry search at national scale (bench/README.md). A substring search (LIKE '%…%') cannot
    // seek, so make its scans cheap: `name_search` joins the name-ordered indexes, so the page query
    // tests each index entry and reads a table row only for a match (they replace the narrower
    // indexes, their prefixes, which the planner would otherwise keep choosing); and `name_search`
    // alone is the smallest index the count of a search can scan instead of the table.
    '0005_cooperative_search_indexes': {
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex('cooperatives_name').execute();
        await db.schema.dropIndex('cooperatives_district_name').execute();
        await db.schema
          .createIndex('cooperatives_name_search')
          .on('cooperatives')
          .columns(['name', 'id', 'name_search'])
          .execute();
        await db.schema
          .createIndex('cooperatives_district_name_search')
          .on('cooperatives')
          .columns(['district_code', 'name', 'id', 'name_search'])
          .execute();
        await db.schema.createIndex('cooperatives_search_text').on('cooperatives').column('name_search').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex('cooperatives_search_text').execute();
        await db.schema.dropIndex('cooperatives_district_name_search').execute();
        await db.schema.dropIndex('cooperatives_name_search').execute();
        await db.schema.createIndex('cooperatives_name').on('cooperatives').columns(['name', 'id']).execute();
        await db.schema
          .createIndex('cooperatives_district_name')
          .on('cooperatives')
          .columns(['district_code', 'name'])
          .execute();
      },
    },
    '0006_offices_documents': officesDocumentsMigration(dialect),
    '0007_notifications': notificationsMigration(dialect),
    '0008_import_batches': importBatchesMigration(),
    '0009_login_guard': loginGuardMigration,
    '0010_cooperative_desk': cooperativeDeskMigration(dialect),
    '0011_desk_finish': deskFinishMigration,
    '0012_regions_offices': regionsOfficesMigration(dialect),
    '0013_office_reach': officeReachMigration,
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect, schema?: string): Promise<void> {
  return migrateUpTo(db, dialect, schema);
}

/**
 * Runs the migrations up to and including `target` (all when absent). Tests use a target to build a
 * database as an earlier release left it, then upgrade it in place.
 */
export async function migrateUpTo(
  db: Kysely<unknown>,
  dialect: Dialect,
  schema?: string,
  target?: string,
): Promise<void> {
  const all = migrations(dialect);
  if (target && !(target in all)) throw new Error(`unknown migration ${target}`);
  const provider: MigrationProvider = { getMigrations: async () => all };
  // Name the schema of Kysely's bookkeeping tables: otherwise another schema's tables in the same
  // PostgreSQL database are taken for ours.
  // Migrations are independent of each other and are developed side by side on branches, so a
  // database that already ran 0007 may still receive 0006: run whatever has not run yet, in name order.
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migrasi gagal / migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
