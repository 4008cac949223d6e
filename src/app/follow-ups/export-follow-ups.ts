import { ASPECT_LABELS, FOLLOW_UP_STATUS_LABELS } from '../../domain/visits/codes.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import type { Actor, AppDeps } from '../context.js';
import { everything, type WithDistrict, withDistricts } from '../shared/export-rows.js';
import { jakartaDate } from '../../domain/dates.js';
import { type FollowUp, type FollowUpQuery, listFollowUps } from './follow-ups.js';

export type FollowUpExportQuery = Omit<FollowUpQuery, 'page' | 'pageSize'>;

const RESPONSIBLE_KIND: Record<FollowUp['responsible']['kind'], string> = {
  BIDANG: 'Bidang',
  USER: 'Petugas',
  COOPERATIVE: 'Koperasi',
};

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

const followUpRows = async (deps: AppDeps, actor: Actor, q: FollowUpExportQuery, progress?: Progress) =>
  withDistricts(deps, await everything((page) => listFollowUps(deps, actor, { ...q, page, pageSize: 500 }), progress));

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
