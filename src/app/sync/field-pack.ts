import { DEFAULT_CHECKLIST } from '../../domain/visits/checklist.js';
import type { FieldPackOut } from '../../contract/sync.js';
import { cooperativeRatCompliance } from '../annual-meetings/annual-meetings.js';
import { type Actor, type AppDeps, todayJakarta } from '../context.js';
import { listBusinessUnits } from '../cooperatives/business-units.js';
import { getCooperative } from '../cooperatives/get-cooperative.js';
import { listNotices } from '../notifications/inbox.js';
import { listConcerns } from '../concerns/concerns.js';
import { listFollowUps } from '../follow-ups/follow-ups.js';
import { addDays } from '../../domain/dates.js';
import { loadVisit } from '../visits/view.js';
import { authorize, manageFilter, syncPolicy } from '../policy/index.js';

/** One visit of the pack with what the officer needs to know about its cooperative (src/contract/sync.ts). */
export type PackItem = FieldPackOut['items'][number];

/** The pack; `notifications` are the officer's latest notices at packing time (issue 14). */
export type FieldPack = FieldPackOut;

/** Lists are capped like every page of the API; a cooperative with more is not a field case. */
const LIST_CAP = 100;

/**
 * What a petugas takes into the field ("Siapkan kunjungan"): their visits from yesterday to `days`
 * ahead that are planned or approved, plus those already done yesterday or today (still being
 * written up), each with what the officer needs to know about the cooperative.
 */
export async function fieldPack(deps: AppDeps, actor: Actor, days: number): Promise<FieldPack> {
  authorize(syncPolicy.fieldPack, actor, null, 'Paket kunjungan lapangan hanya untuk petugas dan admin.');
  const db = deps.db.kysely;
  const today = todayJakarta(deps);
  const from = addDays(today, -1);
  const rows = await db
    .selectFrom('visits as v')
    .innerJoin('visit_team as t', 't.visit_id', 'v.id')
    .select('v.id')
    .where('t.user_id', '=', actor.userId ?? '')
    .where((eb) => manageFilter(actor, 'v.cooperative_id') ?? eb.lit(true))
    .where('v.visit_date', '>=', from)
    .where((eb) =>
      eb.or([
        eb.and([eb('v.status', 'in', ['planned', 'approved']), eb('v.visit_date', '<=', addDays(today, days))]),
        eb.and([eb('v.status', '=', 'done'), eb('v.visit_date', '<=', today)]),
      ]),
    )
    .orderBy('v.visit_date')
    .orderBy('v.id')
    .execute();
  const items: PackItem[] = [];
  for (const { id } of rows) {
    const visit = await loadVisit(db, id, actor);
    const coopId = visit.cooperative.id;
    const cooperative = await getCooperative(deps, actor, coopId);
    const last = await db
      .selectFrom('assessments')
      .select(['fiscal_year', 'category', 'total', 'assessed_on'])
      .where('cooperative_id', '=', coopId)
      .where('status', '=', 'FINAL')
      .orderBy('fiscal_year', 'desc')
      .orderBy('assessed_on', 'desc')
      .executeTakeFirst();
    const unfinished = [
      ...(await listFollowUps(deps, actor, { cooperativeId: coopId, status: 'open', page: 1, pageSize: LIST_CAP }))
        .items,
      ...(
        await listFollowUps(deps, actor, { cooperativeId: coopId, status: 'in_progress', page: 1, pageSize: LIST_CAP })
      ).items,
    ].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
    items.push({
      visit,
      cooperative,
      officers: cooperative.officers,
      businessUnits: await listBusinessUnits(deps, actor, coopId),
      lastAssessment: last
        ? {
            fiscalYear: last.fiscal_year,
            category: last.category,
            score: last.total === null ? null : Number(last.total),
            assessedOn: last.assessed_on,
          }
        : null,
      rat: await cooperativeRatCompliance(deps, actor, coopId),
      concerns: [
        ...(await listConcerns(deps, actor, { cooperativeId: coopId, status: 'open', page: 1, pageSize: LIST_CAP }))
          .items,
        ...(
          await listConcerns(deps, actor, { cooperativeId: coopId, status: 'addressed', page: 1, pageSize: LIST_CAP })
        ).items,
      ],
      followUps: unfinished,
    });
  }
  return {
    generatedAt: deps.now().toISOString(),
    days,
    checklist: DEFAULT_CHECKLIST,
    items,
    notifications: await listNotices(deps, actor, { limit: 30 }),
  };
}
