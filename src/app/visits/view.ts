import type { Selectable } from 'kysely';
import type { VisitTable } from '../../db/schema-visits.js';
import type { Bidang, Role } from '../../domain/codes.js';
import { notFound } from '../../domain/errors.js';
import {
  type Aspect,
  ASPECTS,
  type AttendeeRole,
  type Gender,
  type VisitPurpose,
  type VisitStatus,
} from '../../domain/visits/codes.js';
import type { Checklist } from '../../domain/visits/checklist.js';
import { conflictsOf, doubleBookings } from '../../domain/visits/double-booking.js';
import type { Actor, Tx } from '../context.js';
import { officeFilter } from '../policy/reach.js';
import { jsonOf } from '../shared/records.js';
import type { PhotoOut, TeamMemberOut, VisitListItemOut, VisitOut } from '../../contract/visits.js';

/** The API's shapes of a visit (src/contract/visits.ts): the use cases return exactly these. */
export type TeamMember = TeamMemberOut;
export type Attendee = VisitOut['attendance'][number];
export type Conflict = VisitListItemOut['conflicts'][number];
export type PhotoMeta = PhotoOut;
export type VisitListItem = VisitListItemOut;
export type Visit = VisitOut;

type Row = Selectable<VisitTable> & {
  cooperative_name: string;
  district_code: string;
  district_name: string;
  village_code: string;
  village_name: string;
};

export function visitBase(db: Tx) {
  return db
    .selectFrom('visits as vi')
    .innerJoin('cooperatives as c', 'c.id', 'vi.cooperative_id')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .innerJoin('villages as vg', 'vg.code', 'c.village_code')
    .selectAll('vi')
    .select([
      'c.name as cooperative_name',
      'c.district_code',
      'd.name as district_name',
      'c.village_code',
      'vg.name as village_name',
    ]);
}

export async function teamsOf(db: Tx, visitIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
  const out = new Map<string, TeamMember[]>(visitIds.map((id) => [id, []]));
  if (visitIds.length === 0) return out;
  const rows = await db
    .selectFrom('visit_team as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.visit_id', 't.user_id', 't.leader', 't.position', 'u.full_name', 'u.role', 'u.bidang'])
    .where('t.visit_id', 'in', [...visitIds])
    .orderBy('t.visit_id')
    .orderBy('t.position')
    .execute();
  for (const r of rows) {
    out.get(r.visit_id)?.push({
      userId: r.user_id,
      fullName: r.full_name,
      role: r.role as Role,
      bidang: r.bidang as Bidang | null,
      leader: r.leader === 1,
    });
  }
  return out;
}

/**
 * Double bookings touching the given visits: every non-cancelled visit on their dates that shares
 * an officer with them. One query for a whole page.
 */
export async function conflictsFor(
  db: Tx,
  visits: readonly { id: string; date: string; team: TeamMember[] }[],
  actor?: Actor,
): Promise<Map<string, Conflict[]>> {
  const out = new Map<string, Conflict[]>(visits.map((v) => [v.id, []]));
  const dates = [...new Set(visits.map((v) => v.date))];
  const users = [...new Set(visits.flatMap((v) => v.team.map((m) => m.userId)))];
  if (dates.length === 0 || users.length === 0) return out;
  const rows = await db
    .selectFrom('visit_team as t')
    .innerJoin('visits as vi', 'vi.id', 't.visit_id')
    .innerJoin('cooperatives as c', 'c.id', 'vi.cooperative_id')
    .select([
      'vi.id',
      'vi.visit_date',
      'vi.status',
      't.user_id',
      'c.id as cooperative_id',
      'c.name as cooperative_name',
    ])
    .where('vi.visit_date', 'in', dates)
    .where('vi.status', '!=', 'cancelled')
    .where('t.user_id', 'in', users)
    // Another office's visits stay out of sight, even when they share an officer (issue 11).
    .where((eb) => (actor ? officeFilter(actor, 'c.office_id') : null) ?? eb.lit(true))
    .execute();
  const byVisit = new Map<string, { id: string; date: string; status: VisitStatus; team: string[] }>();
  const coopOf = new Map<string, { id: string; name: string }>();
  for (const r of rows) {
    let v = byVisit.get(r.id);
    if (!v) byVisit.set(r.id, (v = { id: r.id, date: r.visit_date, status: r.status as VisitStatus, team: [] }));
    v.team.push(r.user_id);
    coopOf.set(r.id, { id: r.cooperative_id, name: r.cooperative_name });
  }
  const bookings = doubleBookings([...byVisit.values()]);
  const names = new Map(visits.flatMap((v) => v.team.map((m) => [m.userId, m.fullName] as const)));
  for (const v of visits) {
    out.set(
      v.id,
      conflictsOf(v.id, bookings).map((c) => ({
        userId: c.userId,
        fullName: names.get(c.userId) ?? '',
        visits: c.otherVisitIds.map((id) => ({ id, cooperative: coopOf.get(id)! })),
      })),
    );
  }
  return out;
}

export function listItemOf(r: Row, team: TeamMember[], conflicts: Conflict[]): VisitListItem {
  return {
    id: r.id,
    date: r.visit_date,
    startTime: r.start_time,
    endTime: r.end_time,
    status: r.status as VisitStatus,
    purposes: jsonOf<VisitPurpose[]>(r.purposes, []),
    cooperative: {
      id: r.cooperative_id,
      name: r.cooperative_name,
      district: { code: r.district_code, name: r.district_name },
      village: { code: r.village_code, name: r.village_name },
    },
    programId: r.program_id,
    annualMeetingId: r.annual_meeting_id,
    team,
    conflicts,
    version: r.version,
  };
}

export function photoMeta(p: {
  id: string;
  content_type: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  caption: string | null;
  taken_at: string | null;
}): PhotoMeta {
  return {
    id: p.id,
    contentType: p.content_type,
    sizeBytes: Number(p.size_bytes),
    width: p.width,
    height: p.height,
    caption: p.caption,
    takenAt: p.taken_at,
    url: `/api/v1/photos/${p.id}`,
    thumbnailUrl: `/api/v1/photos/${p.id}/thumbnail`,
  };
}

/** Only the facts policy needs: which cooperative, who is on the team, the status and version. */
export async function visitRef(
  db: Tx,
  id: string,
): Promise<{
  id: string;
  cooperativeId: string;
  team: string[];
  status: VisitStatus;
  version: number;
  date: string;
} | null> {
  const row = await db
    .selectFrom('visits')
    .select(['id', 'cooperative_id', 'status', 'version', 'visit_date'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const team = await db.selectFrom('visit_team').select('user_id').where('visit_id', '=', id).execute();
  return {
    id: row.id,
    cooperativeId: row.cooperative_id,
    team: team.map((t) => t.user_id),
    status: row.status as VisitStatus,
    version: row.version,
    date: row.visit_date,
  };
}

/** A visit with everything its screen shows; `actor`: whose eyes (double bookings keep to their office reach). */
export async function loadVisit(db: Tx, id: string, actor?: Actor): Promise<Visit> {
  const row = await visitBase(db).where('vi.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Kunjungan');
  const team = (await teamsOf(db, [id])).get(id) ?? [];
  const conflicts = (await conflictsFor(db, [{ id, date: row.visit_date, team }], actor)).get(id) ?? [];
  const [program, meeting, attendees, units, photos, approver] = await Promise.all([
    row.program_id
      ? db.selectFrom('programs').select(['id', 'name']).where('id', '=', row.program_id).executeTakeFirst()
      : undefined,
    row.annual_meeting_id
      ? db
          .selectFrom('annual_meetings')
          .select(['id', 'fiscal_year', 'held_on'])
          .where('id', '=', row.annual_meeting_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('visit_attendees')
      .select(['name', 'role', 'gender'])
      .where('visit_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('visit_business_units')
      .select('business_unit_id')
      .where('visit_id', '=', id)
      .orderBy('business_unit_id')
      .execute(),
    db.selectFrom('photos').selectAll().where('visit_id', '=', id).orderBy('created_at').orderBy('id').execute(),
    row.approved_by
      ? db.selectFrom('users').select(['id', 'full_name']).where('id', '=', row.approved_by).executeTakeFirst()
      : undefined,
  ]);
  const findings = jsonOf<Partial<Record<Aspect, string | null>>>(row.findings, {});
  return {
    ...listItemOf(row, team, conflicts),
    program: program ? { id: program.id, name: program.name } : null,
    annualMeeting: meeting ? { id: meeting.id, fiscalYear: meeting.fiscal_year, heldOn: meeting.held_on } : null,
    cancelReason: row.cancel_reason,
    attendance: attendees.map((a) => ({ name: a.name, role: a.role as AttendeeRole, gender: a.gender as Gender })),
    findings: Object.fromEntries(ASPECTS.map((a) => [a, findings[a] ?? null])) as Record<Aspect, string | null>,
    checklist: jsonOf<Checklist | null>(row.checklist, null),
    gps:
      row.gps_lat === null || row.gps_lng === null
        ? null
        : {
            lat: Number(row.gps_lat),
            lng: Number(row.gps_lng),
            accuracy: row.gps_accuracy === null ? null : Number(row.gps_accuracy),
            at: row.gps_at,
          },
    businessUnitIds: units.map((u) => u.business_unit_id),
    photos: photos.map(photoMeta),
    approvedAt: row.approved_at,
    approvedBy: approver ? { id: approver.id, fullName: approver.full_name } : null,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
