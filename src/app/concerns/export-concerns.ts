import {
  CONCERN_KIND_LABELS,
  CONCERN_STATUS_LABELS,
  CONCERN_TOPIC_LABELS,
  SEVERITY_LABELS,
} from '../../domain/visits/codes.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import type { Actor, AppDeps } from '../context.js';
import { type Concern, type ConcernQuery, listConcerns } from './concerns.js';
import { everything, type WithDistrict, withDistricts } from '../shared/export-rows.js';
import { jakartaDate } from '../../domain/dates.js';

export type ConcernExportQuery = Omit<ConcernQuery, 'page' | 'pageSize'>;

const RAISED_VIA: Record<Concern['raisedVia'], string> = {
  VISIT: 'Kunjungan',
  PORTAL: 'Portal koperasi',
  DINAS: 'Dicatat petugas Dinas',
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

const concernRows = async (deps: AppDeps, actor: Actor, q: ConcernExportQuery, progress?: Progress) =>
  withDistricts(deps, await everything((page) => listConcerns(deps, actor, { ...q, page, pageSize: 500 }), progress));

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
