import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/** Health assessments (issue 3): published rubric versions, financial statements, assessments. */
export const assessmentsMigration = (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rubric_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rubric', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text')
      .addUniqueConstraint('rubric_versions_rubric_version', ['rubric', 'version'])
      .execute();

    await db.schema
      .createTable('financial_statements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('lines', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addUniqueConstraint('financial_statements_coop_year', ['cooperative_id', 'fiscal_year'])
      .execute();

    await db.schema
      .createTable('assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('rubric', 'text', (c) => c.notNull())
      .addColumn('rubric_version', 'integer', (c) => c.notNull())
      .addColumn('statement_id', 'text', (c) => c.references('financial_statements.id'))
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('total', 'double precision')
      .addColumn('category', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assessor_id', 'text', (c) => c.references('users.id'))
      .addColumn('assessor_name', 'text')
      .addColumn('assessed_on', 'text')
      .addColumn('finalized_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('assessments_cooperative')
      .on('assessments')
      .columns(['cooperative_id', 'fiscal_year'])
      .execute();
    await db.schema
      .createIndex('assessments_status_category')
      .on('assessments')
      .columns(['status', 'category'])
      .execute();
  },
});
