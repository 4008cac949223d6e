import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { VisitTable } from '../../db/schema-visits.js';
import type { Bidang } from '../../domain/codes.js';
import { invalid } from '../../domain/errors.js';
import type { VisitPurpose, VisitStatus } from '../../domain/visits/codes.js';
import { doubleBookings } from '../../domain/visits/double-booking.js';
import type { Actor, AppDeps } from '../context.js';
import type { Page } from '../cooperatives/list-cooperatives.js';
import { authorize, guardCooperative, visitPolicy } from '../policy/index.js';
import { conflictsFor, listItemOf, teamsOf, visitBase, type VisitListItem } from './view.js';

export interface VisitQuery {
  cooperativeId?: string;
  district?: string;
  bidang?: Bidang;
  officerId?: string;
  status?: VisitStatus;
  programId?: string;
  purpose?: VisitPurpose;
  from?: string;
  to?: string;
  sort?: 'date' | '-date';
  page: number;
  pageSize: number;
}

type WithVi = Database & { vi: VisitTable };

function filters(actor: Actor, q: VisitQuery) {
  return (eb: ExpressionBuilder<WithVi, 'vi'>): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [];
    const scope = visitPolicy.scope(actor, 'vi.cooperative_id');
    if (scope) conds.push(scope);
    if (q.cooperativeId) conds.push(eb('vi.cooperative_id', '=', q.cooperativeId));
    if (q.status) conds.push(eb('vi.status', '=', q.status));
    if (q.programId) conds.push(eb('vi.program_id', '=', q.programId));
    if (q.from) conds.push(eb('vi.visit_date', '>=', q.from));
    if (q.to) conds.push(eb('vi.visit_date', '<=', q.to));
    // Purposes are a JSON array of fixed codes; a quoted code cannot match inside another.
    if (q.purpose) conds.push(sql<SqlBool>`vi.purposes like ${`%"${q.purpose}"%`}`);
    if (q.district) {
      conds.push(
        eb.exists(
          eb
            .selectFrom('cooperatives as dc')
            .select('dc.id')
            .whereRef('dc.id', '=', 'vi.cooperative_id')
            .where('dc.district_code', '=', q.district),
        ),
      );
    }
    if (q.officerId) {
      conds.push(
        eb.exists(
          eb
            .selectFrom('visit_team as ot')
            .select('ot.visit_id')
            .whereRef('ot.visit_id', '=', 'vi.id')
            .where('ot.user_id', '=', q.officerId),
        ),
      );
    }
    if (q.bidang) {
      conds.push(
        eb.exists(
          eb
            .selectFrom('visit_team as bt')
            .innerJoin('users as bu', 'bu.id', 'bt.user_id')
            .select('bt.visit_id')
            .whereRef('bt.visit_id', '=', 'vi.id')
            .where('bu.bidang', '=', q.bidang),
        ),
      );
    }
    return eb.and(conds);
  };
}

/** Visits for the list and the calendar, with each visit's team and double bookings. */
export async function listVisits(deps: AppDeps, actor: Actor, q: VisitQuery): Promise<Page<VisitListItem>> {
  if (q.cooperativeId) await guardCooperative(deps.db.kysely, actor, q.cooperativeId);
  if (q.from && q.to && q.to < q.from) throw invalid({ to: 'Tanggal akhir tidak boleh sebelum tanggal awal.' });
  const db = deps.db.kysely;
  const where = filters(actor, q);
  const dir = q.sort === 'date' ? 'asc' : 'desc';
  const rows = await visitBase(db)
    .where(where)
    .orderBy('vi.visit_date', dir)
    .orderBy(sql`coalesce(vi.start_time, '')`, dir)
    .orderBy('vi.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const { n } = await db
    .selectFrom('visits as vi')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const teams = await teamsOf(
    db,
    rows.map((r) => r.id),
  );
  const withTeams = rows.map((r) => ({ id: r.id, date: r.visit_date, team: teams.get(r.id) ?? [] }));
  // Who else an officer is booked with names other cooperatives: not for a cooperative's own eyes.
  const conflicts = visitPolicy.seeBookings(actor, null) ? await conflictsFor(db, withTeams, actor) : new Map();
  return {
    items: rows.map((r) => listItemOf(r, teams.get(r.id) ?? [], conflicts.get(r.id) ?? [])),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface DoubleBooking {
  date: string;
  officer: { id: string; fullName: string; bidang: Bidang | null };
  visits: { id: string; status: VisitStatus; startTime: string | null; cooperative: { id: string; name: string } }[];
}

/** Officers booked on two or more visits on one day, within a period (at most a year at a time). */
export async function listDoubleBookings(
  deps: AppDeps,
  actor: Actor,
  q: { from: string; to: string; officerId?: string },
): Promise<{ items: DoubleBooking[]; total: number }> {
  authorize(visitPolicy.seeBookings, actor, null);
  if (q.to < q.from) throw invalid({ to: 'Tanggal akhir tidak boleh sebelum tanggal awal.' });
  if (Date.parse(q.to) - Date.parse(q.from) > 366 * 86_400_000)
    throw invalid({ to: 'Rentang paling lama satu tahun.' });
  const db = deps.db.kysely;
  let query = db
    .selectFrom('visit_team as t')
    .innerJoin('visits as vi', 'vi.id', 't.visit_id')
    .innerJoin('cooperatives as c', 'c.id', 'vi.cooperative_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .where((eb) => visitPolicy.scope(actor, 'vi.cooperative_id', 'c.office_id') ?? eb.lit(true))
    .select([
      'vi.id',
      'vi.visit_date',
      'vi.status',
      'vi.start_time',
      't.user_id',
      'u.full_name',
      'u.bidang',
      'c.id as cooperative_id',
      'c.name as cooperative_name',
    ])
    .where('vi.visit_date', '>=', q.from)
    .where('vi.visit_date', '<=', q.to)
    .where('vi.status', '!=', 'cancelled');
  if (q.officerId) query = query.where('t.user_id', '=', q.officerId);
  const rows = await query.execute();
  const visits = new Map<string, { id: string; date: string; status: VisitStatus; team: string[] }>();
  const info = new Map<
    string,
    { status: VisitStatus; startTime: string | null; cooperative: { id: string; name: string } }
  >();
  const officers = new Map<string, { id: string; fullName: string; bidang: Bidang | null }>();
  for (const r of rows) {
    let v = visits.get(r.id);
    if (!v) visits.set(r.id, (v = { id: r.id, date: r.visit_date, status: r.status as VisitStatus, team: [] }));
    v.team.push(r.user_id);
    info.set(r.id, {
      status: r.status as VisitStatus,
      startTime: r.start_time,
      cooperative: { id: r.cooperative_id, name: r.cooperative_name },
    });
    officers.set(r.user_id, { id: r.user_id, fullName: r.full_name, bidang: r.bidang as Bidang | null });
  }
  const items = doubleBookings([...visits.values()]).map((b) => ({
    date: b.date,
    officer: officers.get(b.userId)!,
    visits: b.visitIds.map((id) => ({ id, ...info.get(id)! })),
  }));
  return { items, total: items.length };
}
