import { diff } from '../../domain/cooperative.js';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  type PriorityReason,
  type PriorityWeights,
  priorityScore,
} from '../../domain/priority/priority.js';
import { ratCompliance } from '../../domain/rat/compliance.js';
import { graceMonths } from '../annual-meetings/annual-meetings.js';
import { type Actor, type AppDeps, mutate, todayJakarta } from '../context.js';
import { authorize, priorityPolicy, visitPolicy } from '../policy/index.js';
import { countedMeetings } from '../desk/verifications.js';
import { coopInRegion, regionScope } from './region-scope.js';

const KEY = 'priority.weights';

export async function priorityWeights(deps: AppDeps): Promise<PriorityWeights> {
  const row = await deps.db.kysely.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row
    ? { ...DEFAULT_PRIORITY_WEIGHTS, ...(JSON.parse(row.value) as Partial<PriorityWeights>) }
    : DEFAULT_PRIORITY_WEIGHTS;
}

export async function setPriorityWeights(
  deps: AppDeps,
  actor: Actor,
  weights: PriorityWeights,
): Promise<PriorityWeights> {
  authorize(priorityPolicy.setWeights, actor, null, 'Hanya admin yang dapat mengubah bobot prioritas.');
  return mutate(deps, actor, async (trx, audit) => {
    // Read inside the transaction: on SQLite a second connection would wait for this one forever.
    const before = await priorityWeights({ ...deps, db: { ...deps.db, kysely: trx } });
    await trx
      .insertInto('settings')
      .values({ key: KEY, value: JSON.stringify(weights) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(weights) }))
      .execute();
    await audit({
      action: 'settings.priority_weights',
      entityType: 'settings',
      entityId: KEY,
      cooperativeId: null,
      changes: diff(before as unknown as Record<string, unknown>, { ...weights }),
    });
    return weights;
  });
}

export interface PriorityItem {
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  score: number;
  reasons: PriorityReason[];
}

/**
 * Cooperatives to visit next, highest score first, each with its reasons: health category and
 * trend, RAT warnings, overdue follow-ups, serious open concerns and time since the last visit.
 */
export async function priorities(
  deps: AppDeps,
  actor: Actor,
  q: { district?: string; region?: string; limit: number },
): Promise<{ items: PriorityItem[]; weights: PriorityWeights; can: { setWeights: boolean; plan: boolean } }> {
  authorize(priorityPolicy.read, actor, null, 'Daftar prioritas hanya untuk Dinas.');
  const db = deps.db.kysely;
  const today = todayJakarta(deps);
  const weights = await priorityWeights(deps);
  const scope = await regionScope(db, actor, q.region);
  let coopQuery = db
    .selectFrom('cooperatives as c')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .select(['c.id', 'c.name', 'c.district_code', 'd.name as district_name', 'c.legal_entity_date', 'c.created_at'])
    .where(coopInRegion(scope))
    .where('c.status', '!=', 'DIBUBARKAN');
  if (q.district) coopQuery = coopQuery.where('c.district_code', '=', q.district);
  const [coops, assessments, meetings, follow, concerns, visits, grace] = await Promise.all([
    coopQuery.execute(),
    db
      .selectFrom('assessments')
      .select(['cooperative_id', 'total', 'category', 'assessed_on'])
      .where('status', '=', 'FINAL')
      .orderBy('assessed_on', 'desc')
      .execute(),
    countedMeetings(db),
    db
      .selectFrom('follow_ups')
      .select(['cooperative_id', (eb) => eb.fn.countAll<number>().as('n')])
      // A cooperative's "done" waiting for verification does not lower its priority yet.
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['open', 'in_progress']),
          eb(
            'id',
            'in',
            eb
              .selectFrom('verifications')
              .select('entity_id')
              .where('kind', '=', 'FOLLOW_UP')
              .where('status', '=', 'PENDING'),
          ),
        ]),
      )
      .where('deadline', '<', today)
      .groupBy('cooperative_id')
      .execute(),
    db
      .selectFrom('concerns')
      .select(['cooperative_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('severity', '=', 'tinggi')
      .where('status', '!=', 'closed')
      .groupBy('cooperative_id')
      .execute(),
    db
      .selectFrom('visits')
      .select(['cooperative_id', (eb) => eb.fn.max('visit_date').as('last')])
      .where('status', '=', 'done')
      .groupBy('cooperative_id')
      .execute(),
    graceMonths(deps),
  ]);
  const byCoop = <T extends { cooperative_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.cooperative_id, [...(m.get(r.cooperative_id) ?? []), r]);
    return m;
  };
  const assessed = byCoop(assessments);
  const rats = meetings.meetings;
  const overdue = new Map(follow.map((r) => [r.cooperative_id, Number(r.n)]));
  const serious = new Map(concerns.map((r) => [r.cooperative_id, Number(r.n)]));
  const lastVisit = new Map(visits.map((r) => [r.cooperative_id, String(r.last)]));
  const dayMs = 86_400_000;

  const items: PriorityItem[] = coops.map((c) => {
    const a = assessed.get(c.id) ?? [];
    const founded = c.legal_entity_date ?? c.created_at.slice(0, 10);
    const rat = ratCompliance(rats.get(c.id) ?? [], founded, today, grace);
    const last = lastVisit.get(c.id);
    const { score, reasons } = priorityScore(
      {
        category: a[0]?.category ?? null,
        latestTotal: a[0]?.total === undefined || a[0]?.total === null ? null : Number(a[0].total),
        previousTotal: a[1]?.total === undefined || a[1]?.total === null ? null : Number(a[1].total),
        ratWarnings: rat.warnings.map((w) => w.code),
        overdueFollowUps: overdue.get(c.id) ?? 0,
        seriousOpenConcerns: serious.get(c.id) ?? 0,
        daysSinceLastVisit: last ? Math.floor((Date.parse(today) - Date.parse(last)) / dayMs) : null,
      },
      weights,
    );
    return {
      cooperative: { id: c.id, name: c.name, district: { code: c.district_code, name: c.district_name } },
      score,
      reasons,
    };
  });
  items.sort((x, y) => y.score - x.score || x.cooperative.name.localeCompare(y.cooperative.name));
  const can = { setWeights: priorityPolicy.setWeights(actor, null), plan: visitPolicy.plan(actor, null) };
  return { items: items.slice(0, q.limit), weights, can };
}
