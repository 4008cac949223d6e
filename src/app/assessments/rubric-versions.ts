import { randomUUID } from 'node:crypto';
import { KK_2021 } from '../../domain/rubrics/kk-2021.js';
import { KSP_2016 } from '../../domain/rubrics/ksp-2016.js';
import type { RubricDefinition } from '../../domain/rubrics/types.js';
import { validateRubric } from '../../domain/rubrics/validate-rubric.js';
import { invalid, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import { assessmentPolicy, authorize } from '../policy/index.js';

/** The rubrics Sambang ships; an admin may publish corrected versions of each. */
export const SHIPPED_RUBRICS: RubricDefinition[] = [KSP_2016, KK_2021];
export { RUBRIC_CODES } from '../../domain/rubrics/codes.js';

export interface RubricVersionInfo {
  rubric: string;
  version: number;
  title: string;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
  latest: boolean;
}

/** Stores the shipped definitions as version rows the first time (and any newer shipped version). */
export async function ensureRubricVersions(deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  for (const def of SHIPPED_RUBRICS) {
    const have = await db
      .selectFrom('rubric_versions')
      .select('id')
      .where('rubric', '=', def.id)
      .where('version', '=', def.version)
      .executeTakeFirst();
    if (have) continue;
    await db
      .insertInto('rubric_versions')
      .values({
        id: randomUUID(),
        rubric: def.id,
        version: def.version,
        definition: JSON.stringify(def),
        note: 'Versi bawaan Sambang',
        published_at: deps.now().toISOString(),
        published_by: null,
      })
      .execute();
  }
}

// Definitions never change once published, so a cache keyed by rubric and version is safe.
const cache = new Map<string, RubricDefinition>();

export async function loadRubric(db: Tx, rubric: string, version?: number): Promise<RubricDefinition> {
  if (version !== undefined && cache.has(`${rubric}@${version}`)) return cache.get(`${rubric}@${version}`)!;
  let q = db.selectFrom('rubric_versions').select(['version', 'definition']).where('rubric', '=', rubric);
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(version === undefined ? `Rubrik ${rubric}` : `Rubrik ${rubric} versi ${version}`);
  const def = JSON.parse(row.definition) as RubricDefinition;
  cache.set(`${rubric}@${row.version}`, def);
  return def;
}

export async function listRubricVersions(deps: AppDeps): Promise<RubricVersionInfo[]> {
  const rows = await deps.db.kysely
    .selectFrom('rubric_versions as r')
    .leftJoin('users as u', 'u.id', 'r.published_by')
    .select(['r.rubric', 'r.version', 'r.definition', 'r.note', 'r.published_at', 'u.full_name'])
    .orderBy('r.rubric')
    .orderBy('r.version', 'desc')
    .execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.rubric, Math.max(latest.get(r.rubric) ?? 0, r.version));
  return rows.map((r) => ({
    rubric: r.rubric,
    version: r.version,
    title: (JSON.parse(r.definition) as RubricDefinition).title,
    note: r.note,
    publishedAt: r.published_at,
    publishedBy: r.full_name,
    latest: latest.get(r.rubric) === r.version,
  }));
}

/**
 * Publishes a corrected rubric as the next version. Earlier assessments keep the version they
 * used; new drafts take this one. The definition must pass the domain's well-formedness check and
 * keep the rubric's method (a weighted rubric cannot become a graded one).
 */
export async function publishRubricVersion(
  deps: AppDeps,
  actor: Actor,
  rubric: string,
  input: { definition: unknown; note: string },
): Promise<RubricVersionInfo> {
  authorize(assessmentPolicy.publishRubric, actor, null, 'Hanya admin yang dapat menerbitkan versi rubrik.');
  return mutate(deps, actor, async (trx, audit) => {
    const current = await loadRubric(trx, rubric);
    const next = current.version + 1;
    const def = { ...(input.definition as Record<string, unknown>), id: rubric, version: next };
    const issues = validateRubric(def);
    if (issues.length) {
      throw invalid(
        Object.fromEntries(issues.map((i) => [`definition.${i.path}`.replace(/\.$/, ''), i.message])),
        'Definisi rubrik belum benar; versi tidak diterbitkan.',
      );
    }
    if ((def as unknown as RubricDefinition).method !== current.method) {
      throw invalid({ 'definition.method': `Metode rubrik harus tetap "${current.method}".` });
    }
    const at = deps.now().toISOString();
    await trx
      .insertInto('rubric_versions')
      .values({
        id: randomUUID(),
        rubric,
        version: next,
        definition: JSON.stringify(def),
        note: input.note,
        published_at: at,
        published_by: actor.userId,
      })
      .execute();
    await audit({
      action: 'rubric.publish',
      entityType: 'rubric',
      entityId: `${rubric}@${next}`,
      cooperativeId: null,
      changes: { version: { before: current.version, after: next }, note: { before: null, after: input.note } },
    });
    return {
      rubric,
      version: next,
      title: (def as unknown as RubricDefinition).title,
      note: input.note,
      publishedAt: at,
      publishedBy: actor.fullName,
      latest: true,
    };
  });
}
