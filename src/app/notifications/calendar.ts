import ical, { ICalEventStatus } from 'ical-generator';
import { ratDeadline } from '../../domain/rat/compliance.js';
import { ratYearInView } from '../../domain/notifications/reminders.js';
import { VISIT_PURPOSE_LABELS, type VisitPurpose } from '../../domain/visits/codes.js';
import { graceMonths } from '../annual-meetings/annual-meetings.js';
import { type AppDeps, todayJakarta } from '../context.js';
import { addDays, jakartaInstant } from '../../domain/dates.js';
import { calendarPolicy } from '../policy/index.js';

/**
 * A user's private calendar feed (iCalendar): their visits and deadlines. The token in the URL is
 * the only key (a phone's calendar sends no cookie); rotating it ends the old URL. Returns null
 * for an unknown token or a disabled account.
 */
export async function calendarFeed(deps: AppDeps, token: string): Promise<string | null> {
  if (token.length < 20) return null;
  const db = deps.db.kysely;
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'bidang', 'cooperative_id', 'disabled', 'full_name'])
    .where('calendar_token', '=', token)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  const base = deps.config.publicUrl ?? '';
  const today = todayJakarta(deps);
  const from = addDays(today, -90);
  const until = addDays(today, 366);
  const cal = ical({
    name: `Sambang — ${user.full_name}`,
    prodId: { company: 'sambang', product: 'sambang', language: 'ID' },
  });

  let visits = db
    .selectFrom('visits as v')
    .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
    .innerJoin('villages as vi', 'vi.code', 'c.village_code')
    .select([
      'v.id',
      'v.visit_date',
      'v.start_time',
      'v.end_time',
      'v.status',
      'v.purposes',
      'c.name',
      'vi.name as village',
    ])
    .where('v.status', '!=', 'cancelled')
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', until);
  const ownCooperative = calendarPolicy.cooperativeOf(user);
  const bidang = calendarPolicy.bidangOf(user);
  visits =
    ownCooperative !== null
      ? visits.where('v.cooperative_id', '=', ownCooperative)
      : visits.where('v.id', 'in', db.selectFrom('visit_team').select('visit_id').where('user_id', '=', user.id));
  for (const v of await visits.orderBy('v.visit_date').execute()) {
    const purposes = (JSON.parse(v.purposes) as VisitPurpose[]).map((p) => VISIT_PURPOSE_LABELS[p] ?? p).join(', ');
    const common = {
      id: `visit-${v.id}@sambang`,
      summary: `Kunjungan: ${v.name}`,
      location: `Desa ${v.village}`,
      url: `${base}/kunjungan/${v.id}`,
      description: `Tujuan: ${purposes}. Status: ${v.status === 'approved' ? 'disetujui' : v.status === 'done' ? 'selesai' : 'direncanakan'}.`,
      status: v.status === 'planned' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      stamp: deps.now(),
    };
    if (v.start_time) {
      const start = jakartaInstant(v.visit_date, v.start_time);
      const end = v.end_time ? jakartaInstant(v.visit_date, v.end_time) : new Date(start.getTime() + 2 * 3_600_000);
      cal.createEvent({ ...common, start, end });
    } else {
      cal.createEvent({ ...common, start: new Date(`${v.visit_date}T00:00:00Z`), allDay: true });
    }
  }

  let followUps = db
    .selectFrom('follow_ups as f')
    .innerJoin('cooperatives as c', 'c.id', 'f.cooperative_id')
    .select(['f.id', 'f.deadline', 'f.recommendation', 'f.cooperative_id', 'c.name'])
    .where('f.status', 'in', ['open', 'in_progress'])
    .where('f.deadline', '>=', from)
    .where('f.deadline', '<=', until);
  if (ownCooperative !== null)
    followUps = followUps
      .where('f.cooperative_id', '=', ownCooperative)
      .where('f.responsible_kind', '=', 'COOPERATIVE');
  else {
    followUps = followUps.where((eb) =>
      eb.or([
        eb.and([eb('f.responsible_kind', '=', 'USER'), eb('f.responsible_user_id', '=', user.id)]),
        ...(bidang ? [eb.and([eb('f.responsible_kind', '=', 'BIDANG'), eb('f.responsible_bidang', '=', bidang)])] : []),
      ]),
    );
  }
  for (const f of await followUps.execute()) {
    cal.createEvent({
      id: `follow-up-${f.id}@sambang`,
      start: new Date(`${f.deadline}T00:00:00Z`),
      allDay: true,
      stamp: deps.now(),
      summary: `Batas tindak lanjut: ${f.name}`,
      description: f.recommendation,
      url: `${base}/tindak-lanjut?coop=${f.cooperative_id}&focus=${f.id}`,
    });
  }

  if (ownCooperative) {
    const grace = await graceMonths(deps);
    const fy = ratYearInView(today, (y) => ratDeadline(y, grace));
    const held = await db
      .selectFrom('annual_meetings')
      .select('id')
      .where('cooperative_id', '=', ownCooperative)
      .where('fiscal_year', '=', fy)
      .executeTakeFirst();
    if (!held) {
      cal.createEvent({
        id: `rat-${user.cooperative_id}-${fy}@sambang`,
        start: new Date(`${ratDeadline(fy, grace)}T00:00:00Z`),
        allDay: true,
        stamp: deps.now(),
        summary: `Batas waktu RAT tahun buku ${fy}`,
        url: `${base}/koperasi/${user.cooperative_id}?tab=rat`,
      });
    }
  }
  return cal.toString();
}
