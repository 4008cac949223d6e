import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Regions of the whole country and office ownership (issue 11 points 1, 3, 4 and 6).
 * - `provinces` and `regencies` join the existing `districts` and `villages`; all four are filled
 *   from the idn-area-data package at start (src/app/regions/load-regions.ts), not here.
 * - `offices.bbox`: the office's map extent (JSON `{minLat,maxLat,minLng,maxLng}`), data an admin or
 *   SAMBANG_REGION_BBOX sets; coordinates outside it are refused. Null: no such check.
 * - Office-owned records carry `office_id`: users, cooperatives, visits and programs. Every existing
 *   row is given to the first office (the one made from SAMBANG_REGION), here when that office
 *   exists already and otherwise at start (src/app/offices/ownership.ts).
 * - `cooperatives.authority_level`: which tier of government supervises the cooperative
 *   (KABUPATEN, PROVINSI, NASIONAL), KABUPATEN for every existing one.
 */
export const regionsOfficesMigration = (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('provinces')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('regencies')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('regencies_province').on('regencies').columns(['province_code', 'code']).execute();
    await db.schema.createIndex('districts_regency').on('districts').columns(['regency_code', 'code']).execute();

    await db.schema.alterTable('offices').addColumn('bbox', 'text').execute();

    const first = sql`(select id from offices order by created_at, id limit 1)`;
    for (const table of ['users', 'cooperatives', 'visits', 'programs'] as const) {
      await db.schema
        .alterTable(table)
        .addColumn('office_id', 'text', (c) => c.references('offices.id'))
        .execute();
      await sql`update ${sql.table(table)} set office_id = ${first} where office_id is null`.execute(db);
    }
    await db.schema
      .alterTable('cooperatives')
      .addColumn('authority_level', 'text', (c) => c.notNull().defaultTo('KABUPATEN'))
      .execute();
    await db.schema.createIndex('users_office').on('users').columns(['office_id', 'username']).execute();
    await db.schema
      .createIndex('cooperatives_office_name')
      .on('cooperatives')
      .columns(['office_id', 'name', 'id'])
      .execute();
    await db.schema.createIndex('visits_office').on('visits').columns(['office_id', 'id']).execute();
    await db.schema.createIndex('programs_office').on('programs').columns(['office_id', 'id']).execute();
  },
});
