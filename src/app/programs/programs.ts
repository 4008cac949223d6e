import { randomUUID } from 'node:crypto';
import { diff } from '../../domain/cooperative.js';
import { AppError, forbidden, invalid, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import { authorize, managesOffice, officeFilter, programPolicy, readsOffice } from '../policy/index.js';
import { assertWritten, checkVersion, defined } from '../shared/records.js';
import { officeOfActor } from '../offices/ownership.js';
import type { ProgramOut, ProgramSummaryOut } from '../../contract/visits.js';

export interface ProgramFields {
  name: string;
  periodStart: string;
  periodEnd: string;
  description: string | null;
  targets: { districtCode: string; target: number }[];
}

/** A program as its list and detail answer it (src/contract/visits.ts). */
export type ProgramSummary = ProgramSummaryOut;

export interface DistrictProgress {
  district: { code: string; name: string };
  target: number;
  /** Distinct cooperatives with a done visit in the program. */
  visited: number;
  /** Distinct cooperatives with a planned or approved visit, not yet visited. */
  scheduled: number;
}

export type Program = ProgramOut;

const WHAT = 'Program ini';

async function checkFields(trx: Tx, f: ProgramFields): Promise<void> {
  const fields: Record<string, string> = {};
  if (f.periodEnd < f.periodStart) fields.periodEnd = 'Akhir periode tidak boleh sebelum awal periode.';
  const codes = f.targets.map((t) => t.districtCode);
  if (new Set(codes).size !== codes.length) fields.targets = 'Satu kecamatan hanya boleh memiliki satu target.';
  else if (codes.length) {
    const known = new Set(
      (await trx.selectFrom('districts').select('code').where('code', 'in', codes).execute()).map((d) => d.code),
    );
    f.targets.forEach((t, i) => {
      if (!known.has(t.districtCode)) fields[`targets.${i}.districtCode`] = 'Kecamatan tidak dikenal.';
    });
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

async function writeTargets(trx: Tx, programId: string, targets: ProgramFields['targets']) {
  await trx.deleteFrom('program_targets').where('program_id', '=', programId).execute();
  if (targets.length) {
    await trx
      .insertInto('program_targets')
      .values(
        targets.map((t) => ({
          id: randomUUID(),
          program_id: programId,
          district_code: t.districtCode,
          target: t.target,
        })),
      )
      .execute();
  }
}

export async function listPrograms(deps: AppDeps, actor: Actor): Promise<ProgramSummary[]> {
  authorize(programPolicy.read, actor, null);
  const rows = await deps.db.kysely
    .selectFrom('programs')
    .selectAll()
    .where((eb) => officeFilter(actor, 'office_id') ?? eb.lit(true))
    .orderBy('period_start', 'desc')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    description: r.description,
    version: r.version,
  }));
}

/** A program belongs to the office that made it: another office's is not found, one the actor only reads is not theirs to change. */
async function programInReach(db: Tx, actor: Actor, id: string, need: 'read' | 'manage'): Promise<void> {
  const p = await db.selectFrom('programs').select('office_id').where('id', '=', id).executeTakeFirst();
  if (!p) return; // loadProgram answers NOT_FOUND
  if (!readsOffice(actor, p.office_id)) throw notFound('Program');
  if (need === 'manage' && !managesOffice(actor, p.office_id))
    throw forbidden('Program ini milik kantor lain: kantor Anda hanya dapat melihatnya.');
}

async function loadProgram(db: Tx, id: string): Promise<Program> {
  const p = await db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('Program');
  const targets = await db
    .selectFrom('program_targets as t')
    .innerJoin('districts as d', 'd.code', 't.district_code')
    .select(['t.district_code', 'd.name', 't.target'])
    .where('t.program_id', '=', id)
    .orderBy('t.district_code')
    .execute();
  const visits = await db
    .selectFrom('visits as vi')
    .innerJoin('cooperatives as c', 'c.id', 'vi.cooperative_id')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .select(['vi.cooperative_id', 'vi.status', 'c.district_code', 'd.name'])
    .where('vi.program_id', '=', id)
    .where('vi.status', '!=', 'cancelled')
    .execute();
  const per = new Map<string, { name: string; target: number; visited: Set<string>; scheduled: Set<string> }>();
  for (const t of targets)
    per.set(t.district_code, { name: t.name, target: t.target, visited: new Set(), scheduled: new Set() });
  for (const v of visits) {
    let d = per.get(v.district_code);
    if (!d) per.set(v.district_code, (d = { name: v.name, target: 0, visited: new Set(), scheduled: new Set() }));
    (v.status === 'done' ? d.visited : d.scheduled).add(v.cooperative_id);
  }
  const rows: DistrictProgress[] = [...per.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, d]) => ({
      district: { code, name: d.name },
      target: d.target,
      visited: d.visited.size,
      scheduled: [...d.scheduled].filter((c) => !d.visited.has(c)).length,
    }));
  return {
    id: p.id,
    name: p.name,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    description: p.description,
    version: p.version,
    targets: rows,
    totals: {
      target: rows.reduce((s, r) => s + r.target, 0),
      visited: rows.reduce((s, r) => s + r.visited, 0),
      scheduled: rows.reduce((s, r) => s + r.scheduled, 0),
      visits: visits.length,
    },
  };
}

/** A program with its targets per kecamatan and what was reached. */
export async function getProgram(deps: AppDeps, actor: Actor, id: string): Promise<Program> {
  authorize(programPolicy.read, actor, null);
  await programInReach(deps.db.kysely, actor, id, 'read');
  return loadProgram(deps.db.kysely, id);
}

export async function createProgram(
  deps: AppDeps,
  actor: Actor,
  input: ProgramFields & { id?: string },
): Promise<{ program: Program; created: boolean }> {
  authorize(programPolicy.manage, actor, null, 'Hanya pimpinan dan admin yang dapat mengelola program.');
  return mutate(deps, actor, async (trx, audit) => {
    if (input.id && (await trx.selectFrom('programs').select('id').where('id', '=', input.id).executeTakeFirst())) {
      return { program: await loadProgram(trx, input.id), created: false };
    }
    await checkFields(trx, input);
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('programs')
      .values({
        id,
        office_id: await officeOfActor(trx, actor.userId),
        name: input.name,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        description: input.description,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await writeTargets(trx, id, input.targets);
    const { id: _id, ...fields } = input;
    await audit({
      action: 'program.create',
      entityType: 'program',
      entityId: id,
      cooperativeId: null,
      changes: diff(null, { ...fields }),
    });
    return { program: await loadProgram(trx, id), created: true };
  });
}

export async function updateProgram(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: Partial<ProgramFields> & { version?: number },
): Promise<Program> {
  authorize(programPolicy.manage, actor, null, 'Hanya pimpinan dan admin yang dapat mengelola program.');
  return mutate(deps, actor, async (trx, audit) => {
    await programInReach(trx, actor, id, 'manage');
    const current = await loadProgram(trx, id);
    checkVersion(patch.version, current.version, WHAT);
    const currentFields: ProgramFields = {
      name: current.name,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      description: current.description,
      targets: current.targets
        .filter((t) => t.target > 0)
        .map((t) => ({ districtCode: t.district.code, target: t.target })),
    };
    const { version: _v, ...rest } = patch;
    const clean = defined(rest);
    const next: ProgramFields = { ...currentFields, ...clean };
    const changes = diff(currentFields as unknown as Record<string, unknown>, clean);
    if (Object.keys(changes).length === 0) return current;
    await checkFields(trx, next);
    if ('periodStart' in changes || 'periodEnd' in changes) {
      const outside = await trx
        .selectFrom('visits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('program_id', '=', id)
        .where('status', '!=', 'cancelled')
        .where((eb) => eb.or([eb('visit_date', '<', next.periodStart), eb('visit_date', '>', next.periodEnd)]))
        .executeTakeFirstOrThrow();
      if (Number(outside.n) > 0) {
        throw new AppError(
          'CONFLICT',
          `Ada ${outside.n} kunjungan program ini di luar periode baru; pindahkan kunjungan itu terlebih dahulu.`,
          { periodStart: 'Ada kunjungan di luar periode.' },
        );
      }
    }
    const written = await trx
      .updateTable('programs')
      .set({
        name: next.name,
        period_start: next.periodStart,
        period_end: next.periodEnd,
        description: next.description,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertWritten(written, WHAT);
    if ('targets' in changes) await writeTargets(trx, id, next.targets);
    await audit({ action: 'program.update', entityType: 'program', entityId: id, cooperativeId: null, changes });
    return loadProgram(trx, id);
  });
}
