import { BIDANG_LABELS, type Bidang } from '../../domain/codes.js';
import { VISIT_PURPOSE_LABELS, VISIT_STATUS_LABELS } from '../../domain/visits/codes.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import type { Actor, AppDeps } from '../context.js';
import { listVisits, type VisitQuery } from './list-visits.js';
import type { VisitListItem } from './view.js';

export type VisitExportQuery = Omit<VisitQuery, 'page' | 'pageSize'>;

interface ExportRow extends VisitListItem {
  programName: string | null;
}

const member = (m: VisitListItem['team'][number]) =>
  m.bidang ? `${m.fullName} (${BIDANG_LABELS[m.bidang as Bidang]})` : m.fullName;

const COLUMNS: Column<ExportRow>[] = [
  { header: 'Tanggal', width: 12, value: (r) => r.date, format: 'date' },
  { header: 'Jam mulai', width: 10, value: (r) => r.startTime },
  { header: 'Jam selesai', width: 10, value: (r) => r.endTime },
  { header: 'Koperasi', width: 40, value: (r) => r.cooperative.name },
  { header: 'Kecamatan', width: 15, value: (r) => r.cooperative.district.name },
  { header: 'Desa/Kelurahan', width: 18, value: (r) => r.cooperative.village.name },
  { header: 'Tujuan kunjungan', width: 36, value: (r) => r.purposes.map((p) => VISIT_PURPOSE_LABELS[p]).join(', ') },
  { header: 'Status', width: 14, value: (r) => VISIT_STATUS_LABELS[r.status] },
  {
    header: 'Ketua tim',
    width: 30,
    value: (r) =>
      r.team
        .filter((m) => m.leader)
        .map(member)
        .join(', ') || null,
  },
  {
    header: 'Anggota tim',
    width: 50,
    value: (r) =>
      r.team
        .filter((m) => !m.leader)
        .map(member)
        .join('; ') || null,
  },
  { header: 'Jumlah petugas', width: 10, value: (r) => r.team.length, format: 'integer' },
  { header: 'Program', width: 30, value: (r) => r.programName },
  { header: 'Bertepatan dengan RAT', width: 12, value: (r) => (r.annualMeetingId ? 'Ya' : 'Tidak') },
  {
    header: 'Jadwal bentrok',
    width: 50,
    value: (r) =>
      r.conflicts
        .map((c) => `${c.fullName}: juga di ${c.visits.map((v) => v.cooperative.name).join(', ')}`)
        .join('; ') || null,
  },
];

/** Every visit the list shows with these filters (same visibility rules), oldest first. */
async function rowsOf(deps: AppDeps, actor: Actor, q: VisitExportQuery, progress?: Progress): Promise<ExportRow[]> {
  const items: VisitListItem[] = [];
  for (let page = 1; ; page++) {
    const res = await listVisits(deps, actor, { ...q, sort: q.sort ?? 'date', page, pageSize: 500 });
    items.push(...res.items);
    progress?.(items.length);
    if (res.items.length === 0 || items.length >= res.total) break;
  }
  const programIds = [...new Set(items.map((i) => i.programId).filter((p): p is string => p !== null))];
  const programs = programIds.length
    ? new Map(
        (
          await deps.db.kysely.selectFrom('programs').select(['id', 'name']).where('id', 'in', programIds).execute()
        ).map((p) => [p.id, p.name]),
      )
    : new Map<string, string>();
  return items.map((i) => ({ ...i, programName: i.programId ? (programs.get(i.programId) ?? null) : null }));
}

export async function exportVisitsXlsx(
  deps: AppDeps,
  actor: Actor,
  q: VisitExportQuery,
  progress?: Progress,
): Promise<Buffer> {
  return listToXlsx('Kunjungan', COLUMNS, await rowsOf(deps, actor, q, progress), 'Daftar kunjungan');
}

export async function exportVisitsCsv(
  deps: AppDeps,
  actor: Actor,
  q: VisitExportQuery,
  progress?: Progress,
): Promise<string> {
  return listToCsv(COLUMNS, await rowsOf(deps, actor, q, progress));
}
