import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DB_KINDS, PG_URL, startApi } from './harness.js';

/**
 * The test-schema race (issue 16): one full run in six failed with `schema "t_…" does not exist`.
 * Cause: Kysely's migrator asks the introspector for the tables of the WHOLE database, and the stock
 * PostgreSQL introspector calls name-resolving functions (has_schema_privilege(nspname, …),
 * pg_get_serial_sequence('schema.table', …)) on every schema it sees. When another suite drops its
 * schema (`drop schema … cascade` in afterAll) during that query, the name no longer resolves and
 * the start-up of the suite being migrated fails. Sambang's introspector only looks at its own
 * schema and resolves nothing by name.
 */
describe.runIf(DB_KINDS.includes('postgres'))('PostgreSQL introspection while other schemas come and go', () => {
  it(
    'sees only its own schema and survives other schemas being dropped during the query',
    { timeout: 60_000 },
    async () => {
      const api = await startApi('postgres', { demo: false });
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      const neighbour = `race_keep_${Math.random().toString(16).slice(2, 10)}`;
      await admin.query(`create schema ${neighbour}; create table ${neighbour}.cooperatives (id text primary key)`);
      try {
        const own = await api.deps.db.kysely.introspection.getTables({ withInternalKyselyTables: true });
        expect(new Set(own.map((t) => t.schema))).toEqual(new Set([api.deps.db.schema]));
        expect(own.map((t) => t.name)).toEqual(
          expect.arrayContaining(['cooperatives', 'kysely_migration', 'login_failures']),
        );

        // Churn: schemas with many tables created and dropped while the introspector runs.
        let stop = false;
        let churned = 0;
        const churn = (async () => {
          while (!stop) {
            const name = `race_${Math.random().toString(16).slice(2, 10)}`;
            const tables = Array.from(
              { length: 5 },
              (_, i) => `create table ${name}.t${i} (id serial primary key, a text, b int);`,
            ).join('');
            await admin.query(`create schema ${name}; ${tables}`);
            await admin.query(`drop schema ${name} cascade`);
            churned++;
          }
        })();
        const errors: string[] = [];
        const started = Date.now();
        while (Date.now() - started < 4000 || churned < 20) {
          await Promise.all(
            [1, 2, 3].map(() =>
              api.deps.db.kysely.introspection
                .getTables({ withInternalKyselyTables: true })
                .catch((e: Error) => errors.push(e.message)),
            ),
          );
        }
        stop = true;
        await churn;
        expect(churned).toBeGreaterThan(3);
        expect(errors).toEqual([]);
      } finally {
        await admin.query(`drop schema if exists ${neighbour} cascade`);
        await admin.end();
        await api.close();
      }
    },
  );
});
