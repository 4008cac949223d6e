import type { Config } from '../config.js';
import { connect, type ConnectOptions } from '../db/connect.js';
import { migrateToLatest } from '../db/migrations.js';
import type { AppDeps } from './context.js';
import { SYSTEM_ACTOR } from './context.js';
import { ensureRubricVersions } from './assessments/rubric-versions.js';
import { applyDemoBbox, seedDemo } from './demo/seed-demo.js';
import { loadRegions } from './regions/load-regions.js';
import { ensureFirstOffice } from './offices/offices.js';
import { adoptUnowned } from './offices/ownership.js';
import { createUser, findUserByUsername } from './users/manage-users.js';

export interface Started {
  deps: AppDeps;
  generatedAdminPassword: string | null;
  demoLoaded: boolean;
}

/**
 * Opens the database, migrates, loads the country's regions (once per data release), makes sure the
 * first office and `admin` exist, loads the demo when asked, and gives unowned rows to the first office.
 */
export async function openApp(config: Config, opts: ConnectOptions & { now?: () => Date } = {}): Promise<Started> {
  const db = connect(config.databaseUrl, opts);
  const deps: AppDeps = { db, config, now: opts.now ?? (() => new Date()) };
  try {
    await migrateToLatest(db.kysely as never, db.dialect, db.schema);
    await loadRegions(deps);
    await ensureFirstOffice(deps);
    await ensureRubricVersions(deps);
    const generatedAdminPassword = await ensureAdmin(deps);
    let demoLoaded = false;
    if (config.demo) {
      await applyDemoBbox(deps);
      demoLoaded = await seedDemo(deps);
    }
    // Rows from before offices, and bulk-loaded rows, belong to the first office (issue 11).
    await adoptUnowned(db.kysely);
    return { deps, generatedAdminPassword, demoLoaded };
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function ensureAdmin(deps: AppDeps): Promise<string | null> {
  if (await findUserByUsername(deps, 'admin')) return null;
  const { temporaryPassword } = await createUser(deps, SYSTEM_ACTOR, {
    username: 'admin',
    fullName: 'Administrator Sambang',
    role: 'admin',
    ...(deps.config.adminPassword ? { password: deps.config.adminPassword } : {}),
  });
  return temporaryPassword ?? null;
}
