import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { RatAnnouncementTable } from '../../db/schema-desk.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, todayJakarta } from '../context.js';
import { loadCooperative } from '../cooperatives/view.js';
import { authorize, cooperativePolicy, guardManage, ratAnnouncementPolicy } from '../policy/index.js';
import type { RatAnnouncementOut } from '../../contract/desk.js';

/** An upcoming RAT announced by the cooperative (or an officer), so the Dinas can plan a visit to it. */
export type RatAnnouncement = RatAnnouncementOut;

type Row = Selectable<RatAnnouncementTable> & { coop_name: string; district_code: string; district_name: string };
const view = (r: Row): RatAnnouncement => ({
  id: r.id,
  cooperative: { id: r.cooperative_id, name: r.coop_name, district: { code: r.district_code, name: r.district_name } },
  fiscalYear: r.fiscal_year,
  plannedOn: r.planned_on,
  place: r.place,
  agenda: r.agenda,
  visitId: r.visit_id,
  createdBy: r.created_by_name,
  createdAt: r.created_at,
});
const base = (deps: AppDeps) =>
  deps.db.kysely
    .selectFrom('rat_announcements as a')
    .innerJoin('cooperatives as c', 'c.id', 'a.cooperative_id')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .selectAll('a')
    .select(['c.name as coop_name', 'c.district_code', 'd.name as district_name']);

export async function announceRat(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  input: { fiscalYear: number; plannedOn: string; place: string; agenda: string },
): Promise<RatAnnouncement> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  const fields: Record<string, string> = {};
  if (input.plannedOn < todayJakarta(deps))
    fields.plannedOn =
      'Tanggal RAT yang diumumkan tidak boleh di masa lalu; catat RAT yang sudah diadakan di Catatan RAT.';
  if (input.plannedOn <= `${input.fiscalYear}-12-31`)
    fields.plannedOn = `RAT tahun buku ${input.fiscalYear} baru dapat diadakan setelah tahun buku berakhir.`;
  if (input.place.trim().length < 3) fields.place = 'Tempat RAT wajib diisi.';
  if (input.agenda.trim().length < 5) fields.agenda = 'Acara RAT wajib diisi.';
  if (Object.keys(fields).length) throw invalid(fields);
  const id = randomUUID();
  await mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    authorize(cooperativePolicy.editDetails, actor, coop);
    if (coop.status === 'DIBUBARKAN') throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan.');
    const at = deps.now().toISOString();
    await trx
      .insertInto('rat_announcements')
      .values({
        id,
        cooperative_id: cooperativeId,
        fiscal_year: input.fiscalYear,
        planned_on: input.plannedOn,
        place: input.place.trim(),
        agenda: input.agenda.trim(),
        visit_id: null,
        created_by: actor.userId,
        created_by_name: actor.fullName,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({
      action: 'rat_announcement.create',
      entityType: 'rat_announcement',
      entityId: id,
      cooperativeId,
      changes: {
        fiscalYear: { before: null, after: input.fiscalYear },
        plannedOn: { before: null, after: input.plannedOn },
        place: { before: null, after: input.place },
      },
    });
  });
  return view(await base(deps).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** Upcoming announced RATs (staff: all, by kecamatan; koperasi: its own). */
export async function listRatAnnouncements(
  deps: AppDeps,
  actor: Actor,
  q: { from?: string; district?: string; cooperativeId?: string },
): Promise<RatAnnouncement[]> {
  let query = base(deps).where('a.planned_on', '>=', q.from ?? todayJakarta(deps));
  const scope = ratAnnouncementPolicy.scope(actor, 'a.cooperative_id');
  if (scope) query = query.where(scope);
  else if (q.cooperativeId) query = query.where('a.cooperative_id', '=', q.cooperativeId);
  if (q.district) query = query.where('c.district_code', '=', q.district);
  return (await query.orderBy('a.planned_on').orderBy('a.id').limit(200).execute()).map(view);
}

/** Links a planned visit to the announced RAT, in advance (the visit must be to that cooperative, on that day). */
export async function linkRatVisit(deps: AppDeps, actor: Actor, id: string, visitId: string): Promise<RatAnnouncement> {
  authorize(ratAnnouncementPolicy.linkVisit, actor, null, 'Hanya petugas dan admin yang dapat menautkan kunjungan.');
  await mutate(deps, actor, async (trx, audit) => {
    const row = await trx.selectFrom('rat_announcements').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Pengumuman RAT');
    await guardManage(trx, actor, row.cooperative_id, 'Pengumuman RAT');
    const visit = await trx
      .selectFrom('visits')
      .select(['cooperative_id', 'visit_date', 'status'])
      .where('id', '=', visitId)
      .executeTakeFirst();
    if (!visit || visit.cooperative_id !== row.cooperative_id)
      throw invalid({ visitId: 'Kunjungan tidak ditemukan untuk koperasi ini.' });
    if (visit.visit_date !== row.planned_on)
      throw invalid({
        visitId: `Kunjungan dijadwalkan ${visit.visit_date}, bukan pada tanggal RAT (${row.planned_on}).`,
      });
    if (visit.status === 'cancelled') throw new AppError('CONFLICT', 'Kunjungan itu sudah dibatalkan.');
    await trx
      .updateTable('rat_announcements')
      .set({ visit_id: visitId, updated_at: deps.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'rat_announcement.link_visit',
      entityType: 'rat_announcement',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes: { visitId: { before: row.visit_id, after: visitId } },
    });
  });
  return view(await base(deps).where('a.id', '=', id).executeTakeFirstOrThrow());
}
