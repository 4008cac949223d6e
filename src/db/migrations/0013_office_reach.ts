import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Office reach (issue 11 point 3): import batches and audit events record the office they belong to,
 * so an office's import history and audit log show only its own. Existing rows: an audit event of a
 * cooperative takes the cooperative's office, any other the office of the user who acted; an import
 * batch the office of its user; what is left (the system actor) the first office.
 */
export const officeReachMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const first = sql`(select id from offices order by created_at, id limit 1)`;
    await db.schema.alterTable('import_batches').addColumn('office_id', 'text').execute();
    await db.schema.alterTable('audit_events').addColumn('office_id', 'text').execute();
    await sql`update import_batches set office_id = (select u.office_id from users u where u.id = import_batches.actor_id)
      where office_id is null`.execute(db);
    await sql`update import_batches set office_id = ${first} where office_id is null`.execute(db);
    await sql`update audit_events set office_id = (select c.office_id from cooperatives c where c.id = audit_events.cooperative_id)
      where office_id is null and cooperative_id is not null`.execute(db);
    await sql`update audit_events set office_id = (select u.office_id from users u where u.id = audit_events.actor_id)
      where office_id is null and actor_id is not null`.execute(db);
    await sql`update audit_events set office_id = ${first} where office_id is null`.execute(db);
    await db.schema
      .createIndex('import_batches_office')
      .on('import_batches')
      .columns(['office_id', 'created_at'])
      .execute();
    await db.schema.createIndex('audit_events_office').on('audit_events').columns(['office_id', 'seq']).execute();
  },
};
