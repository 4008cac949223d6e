import {
  ASPECT_LABELS,
  CONCERN_KIND_LABELS,
  CONCERN_STATUS_LABELS,
  CONCERN_TOPIC_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  SEVERITY_LABELS,
} from '../../domain/visits/codes.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import type { Actor, AppDeps } from '../context.js';
import { type Concern, type ConcernQuery, listConcerns } from './concerns.js';
import { type FollowUp, type FollowUpQuery, listFollowUps } from '../follow-ups/follow-ups.js';
import { jakartaDate } from '../shared/records.js';

export type ConcernExportQuery = Omit<ConcernQuery, 'page' | 'pageSize'>;
export type FollowUpExportQuery = Omit<FollowUpQuery, 'page' | 'pageSize'>;

type WithDistrict<T> = T & { districtName: string | null };

const RAISED_VIA: Record<Concern['raisedVia'], string> = {
  VISIT: 'Kunjungan',
  PORTAL: 'Portal koperasi',
  DINAS: 'Dicatat petugas Dinas',
};
const RESPONSIBLE_KIND: Record<FollowUp['responsible']['kind'], string> = {
  BIDANG: 'Bidang',
  USER: 'Petugas',
  COOPERATIVE: 'Koperasi',
};

const CONCERN_COLUMNS: Column<WithDistrict<Concern>>[] = [
  { header: 'Tanggal dicatat', width: 12, value: (r) => jakartaDate(r.createdAt), format: 'date' },
  { header: 'Koperasi', width: 40, value: (r) => r.cooperative.name },
  { header: 'Kecamatan', width: 15, value: (r) => r.districtName },
  { header: 'Jenis', width: 14, value: (r) => CONCERN_KIND_LABELS[r.kind] },
  { header: 'Topik', width: 18, value: (r) => CONCERN_TOPIC_LABELS[r.topic] },
  { header: 'Uraian', width: 60, value: (r) => r.description },
  { header: 'Disampaikan oleh', width: 28, value: (r) => r.raisedBy },
  { header: 'Tingkat kepentingan', width: 12, value: (r) => SEVERITY_LABELS[r.severity] },
  { header: 'Sumber', width: 18, value: (r) => RAISED_VIA[r.raisedVia] },
  { header: 'Status', width: 16, value: (r) => CONCERN_STATUS_LABELS[r.status] },
  { header: 'Tanggapan Dinas', width: 50, value: (r) => r.response },
  { header: 'Dibaca Dinas', width: 12, value: (r) => (r.seenAt ? jakartaDate(r.seenAt) : null), format: 'date' },
  { header: 'Jumlah rekomendasi', width: 12, value: (r) => r.followUps, format: 'integer' },
];

const FOLLOW_UP_COLUMNS: Column<WithDistrict<FollowUp>>[] = [
  { header: 'Tenggat', width: 12, value: (r) => r.deadline, format: 'date' },
  { header: 'Koperasi', width: 40, value: (r) => r.cooperative.name },
  { header: 'Kecamatan', width: 15, value: (r) => r.districtName },
  { header: 'Rekomendasi', width: 60, value: (r) => r.recommendation },
  { header: 'Aspek', width: 16, value: (r) => (r.aspect ? ASPECT_LABELS[r.aspect] : null) },
  { header: 'Jenis penanggung jawab', width: 12, value: (r) => RESPONSIBLE_KIND[r.responsible.kind] },
  { header: 'Penanggung jawab', width: 28, value: (r) => r.responsible.label },
  { header: 'Rencana pemantauan', width: 40, value: (r) => r.monitoringPlan },
  { header: 'Status', width: 18, value: (r) => FOLLOW_UP_STATUS_LABELS[r.status] },
  { header: 'Terlambat (hari)', width: 10, value: (r) => (r.overdue ? r.daysOverdue : null), format: 'integer' },
  { header: 'Catatan kemajuan', width: 40, value: (r) => r.progressNote },
  { header: 'Bukti penyelesaian', width: 50, value: (r) => r.evidence?.note ?? null },
  { header: 'Ada foto bukti', width: 10, value: (r) => (r.evidence ? (r.evidence.photoId ? 'Ya' : 'Tidak') : null) },
  { header: 'Rujukan dokumen', width: 24, value: (r) => r.evidence?.documentRef ?? null },
  { header: 'Alasan pembatalan', width: 40, value: (r) => r.cancelReason },
  { header: 'Ditutup', width: 12, value: (r) => (r.closedAt ? jakartaDate(r.closedAt) : null), format: 'date' },
  { header: 'Dicatat', width: 12, value: (r) => jakartaDate(r.createdAt), format: 'date' },
];

/** Reads every page of a list with the same visibility rules the screen has. */
async function everything<T>(
  read: (page: number) => Promise<{ items: T[]; total: number }>,
  progress?: Progress,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await read(page);
    out.push(...res.items);
    progress?.(out.length);
    if (res.items.length === 0 || out.length >= res.total) return out;
  }
}

async function withDistricts<T extends { cooperative: { id: string } }>(
  deps: AppDeps,
  rows: T[],
): Promise<WithDistrict<T>[]> {
  const ids = [...new Set(rows.map((r) => r.cooperative.id))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await deps.db.kysely
      .selectFrom('cooperatives as c')
      .innerJoin('districts as d', 'd.code', 'c.district_code')
      .select(['c.id', 'd.name'])
      .where('c.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const f of found) names.set(f.id, f.name);
  }
  return rows.map((r) => ({ ...r, districtName: names.get(r.cooperative.id) ?? null }));
}

const concernRows = async (deps: AppDeps, actor: Actor, q: ConcernExportQuery, progress?: Progress) =>
  withDistricts(deps, await everything((page) => listConcerns(deps, actor, { ...q, page, pageSize: 500 }), progress));
const followUpRows = async (deps: AppDeps, actor: Actor, q: FollowUpExportQuery, progress?: Progress) =>
  withDistricts(deps, await everything((page) => listFollowUps(deps, actor, { ...q, page, pageSize: 500 }), progress));

export async function exportConcernsXlsx(
  deps: AppDeps,
  actor: Actor,
  q: ConcernExportQuery,
  progress?: Progress,
): Promise<Buffer> {
  return listToXlsx(
    'Aspirasi',
    CONCERN_COLUMNS,
    await concernRows(deps, actor, q, progress),
    'Permasalahan, keluhan dan tantangan koperasi',
  );
}
export async function exportConcernsCsv(
  deps: AppDeps,
  actor: Actor,
  q: ConcernExportQuery,
  progress?: Progress,
): Promise<string> {
  return listToCsv(CONCERN_COLUMNS, await concernRows(deps, actor, q, progress));
}
export async function exportFollowUpsXlsx(
  deps: AppDeps,
  actor: Actor,
  q: FollowUpExportQuery,
  progress?: Progress,
): Promise<Buffer> {
  return listToXlsx(
    'Tindak lanjut',
    FOLLOW_UP_COLUMNS,
    await followUpRows(deps, actor, q, progress),
    'Tindak lanjut rekomendasi',
  );
}
export async function exportFollowUpsCsv(
  deps: AppDeps,
  actor: Actor,
  q: FollowUpExportQuery,
  progress?: Progress,
): Promise<string> {
  return listToCsv(FOLLOW_UP_COLUMNS, await followUpRows(deps, actor, q, progress));
}
