import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRubricVersions } from '../../src/app/assessments/rubric-versions.js';
import { hashPassword } from '../../src/app/auth/passwords.js';
import { openApp } from '../../src/app/bootstrap.js';
import type { AppDeps } from '../../src/app/context.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { ensureRegisters } from '../../src/app/offices/offices.js';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/connect.js';
import { migrateUpTo } from '../../src/db/migrations.js';
import { DB_KINDS, type DbKind, PG_URL } from './harness.js';

/**
 * Issue 11 point 6: a database as the release before 0012_regions_offices left it (migrations up to
 * 0010, one regency's kecamatan and villages, the first office, admin and the whole demo) upgrades
 * in place: every row is still there, unchanged, and every office-owned row belongs to the first office.
 */
const REGION = '35.13';
const OWNED = ['users', 'cooperatives', 'visits', 'programs'] as const;
const GROWS = new Set([
  'districts',
  'villages',
  'settings',
  'kysely_migration',
  'kysely_migration_lock',
  'provinces',
  'regencies',
]);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function target(kind: DbKind): Promise<{ url: string; schema?: string }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sambang-upgrade-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { url: `sqlite:${join(dir, 'old.db')}` };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  });
  return { url: PG_URL, schema };
}

/** What a start of the earlier release did on an empty database with SAMBANG_DEMO=1. */
async function buildOldDatabase(deps: AppDeps, schema: string | undefined): Promise<void> {
  const db = deps.db.kysely;
  await migrateUpTo(db as never, deps.db.dialect, schema, '0010_cooperative_desk');
  // Its region loader: the configured regency's kecamatan and villages only, and the regency's name.
  const regency = (await getRegencies()).find((r) => r.code === REGION)!;
  const districts = (await getDistricts()).filter((d) => d.regency_code === REGION);
  const codes = new Set(districts.map((d) => d.code));
  const villages = (await getVillages()).filter((v) => codes.has(v.district_code));
  await db
    .insertInto('settings')
    .values({ key: 'regency', value: JSON.stringify({ code: regency.code, name: regency.name }) })
    .execute();
  await db
    .insertInto('districts')
    .values(districts.map((d) => ({ code: d.code, regency_code: REGION, name: d.name })))
    .execute();
  for (let i = 0; i < villages.length; i += 200) {
    await db
      .insertInto('villages')
      .values(villages.slice(i, i + 200).map((v) => ({ code: v.code, district_code: v.district_code, name: v.name })))
      .execute();
  }
  // Its first office (the columns of 0006) and admin.
  const at = deps.now().toISOString();
  const officeId = randomUUID();
  await db
    .insertInto('offices')
    .values({
      id: officeId,
      level: 'KABUPATEN',
      region_code: REGION,
      name: 'Dinas Koperasi dan Usaha Mikro',
      short_name: 'Dinas Koperasi dan UM',
      government: `Pemerintah ${regency.name}`,
      address: regency.name,
      city: 'Kota',
      legal_basis: '[]',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ensureRegisters(db, officeId, at);
  await ensureRubricVersions(deps);
  await db
    .insertInto('users')
    .values({
      id: randomUUID(),
      username: 'admin',
      full_name: 'Administrator Sambang',
      role: 'admin',
      bidang: null,
      cooperative_id: null,
      password_hash: await hashPassword('admin-test-123'),
      must_change_password: 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      created_at: at,
      updated_at: at,
      nip: null,
      rank: null,
      position: null,
    })
    .execute();
  // The schema before 0012 has no region tables: the demo as it was then, one office.
  expect(await seedDemo(deps, { neighbours: false })).toBe(true);
}

async function tables(deps: AppDeps): Promise<string[]> {
  const db = deps.db.kysely;
  if (deps.db.dialect === 'sqlite') {
    const rows = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    return rows.rows.map((r) => r.name).sort();
  }
  const rows = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

async function counts(deps: AppDeps, names: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of names) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(deps.db.kysely);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

/** Every column the earlier release had, for rows compared before and after (the new columns left out). */
async function snapshot(
  deps: AppDeps,
  table: 'cooperatives' | 'users' | 'visits' | 'districts' | 'villages',
  key: string,
): Promise<Record<string, unknown>[]> {
  const rows = (
    await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.ref(key)}`.execute(
      deps.db.kysely,
    )
  ).rows;
  return rows.map(({ office_id: _o, authority_level: _a, ...rest }) => rest);
}

describe.each(DB_KINDS)('upgrade in place to 0012_regions_offices (%s)', (kind) => {
  it('keeps every row, gives every office-owned row to the first office and loads the other regions', async () => {
    const { url, schema } = await target(kind);
    const config = loadConfig({
      DATABASE_URL: url,
      SAMBANG_DEMO: '1',
      SAMBANG_REGION: REGION,
      SAMBANG_LOG_LEVEL: 'silent',
      SAMBANG_ADMIN_PASSWORD: 'admin-test-123',
    });
    const opts = schema ? { schema, poolSize: 2 } : {};
    const oldDeps: AppDeps = { db: connect(url, opts), config, now: () => new Date() };
    let before: Record<string, number>;
    let coops: Record<string, unknown>[];
    let users: Record<string, unknown>[];
    let visits: Record<string, unknown>[];
    let oldVillages: Record<string, unknown>[];
    try {
      await buildOldDatabase(oldDeps, schema);
      const names = await tables(oldDeps);
      expect(names).not.toContain('provinces');
      before = await counts(oldDeps, names);
      expect(before.cooperatives).toBeGreaterThan(100);
      expect(before.visits).toBeGreaterThan(0);
      [coops, users, visits, oldVillages] = await Promise.all([
        snapshot(oldDeps, 'cooperatives', 'id'),
        snapshot(oldDeps, 'users', 'id'),
        snapshot(oldDeps, 'visits', 'id'),
        snapshot(oldDeps, 'villages', 'code'),
      ]);
    } finally {
      await oldDeps.db.close();
    }

    // The new release starts on that database.
    const { deps } = await openApp(config, opts);
    try {
      const db = deps.db.kysely;
      const after = await counts(deps, Object.keys(before));
      for (const [table, n] of Object.entries(before)) {
        if (GROWS.has(table)) expect(after[table], table).toBeGreaterThanOrEqual(n);
        else expect(after[table], table).toBe(n);
      }
      // Nothing changed in the rows themselves.
      expect(await snapshot(deps, 'cooperatives', 'id')).toEqual(coops);
      expect(await snapshot(deps, 'users', 'id')).toEqual(users);
      expect(await snapshot(deps, 'visits', 'id')).toEqual(visits);
      const villagesNow = new Map((await snapshot(deps, 'villages', 'code')).map((v) => [v.code, v]));
      for (const v of oldVillages) expect(villagesNow.get(v.code as string)).toEqual(v);

      const offices = await db
        .selectFrom('offices')
        .select(['id', 'level', 'region_code'])
        .orderBy('created_at')
        .execute();
      expect(offices).toHaveLength(1);
      const first = offices[0]!;
      for (const table of OWNED) {
        const owners = await db
          .selectFrom(table as 'users')
          .select((eb) => ['office_id', eb.fn.countAll<number>().as('n')])
          .groupBy('office_id')
          .execute();
        expect(
          owners.map((o) => [o.office_id, Number(o.n)]),
          table,
        ).toEqual([[first.id, before[table]]]);
      }
      const levels = await db
        .selectFrom('cooperatives')
        .select((eb) => ['authority_level', eb.fn.countAll<number>().as('n')])
        .groupBy('authority_level')
        .execute();
      expect(levels.map((l) => [l.authority_level, Number(l.n)])).toEqual([['KABUPATEN', before.cooperatives]]);

      // The whole country's regions are there now, and a second start loads nothing again.
      const regions = await counts(deps, ['provinces', 'regencies', 'districts', 'villages']);
      expect(regions.provinces).toBe(38);
      expect(regions.regencies).toBe(514);
      expect(regions.districts).toBeGreaterThan(7000);
      expect(regions.villages).toBeGreaterThan(80000);
    } finally {
      await deps.db.close();
    }
  }, 240_000);
});
