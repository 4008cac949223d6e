import { listAssessments, type AssessmentQuery } from '../assessments/assessments.js';
import { exportAssessments, exportAssessmentsCsv } from '../assessments/assessment-report.js';
import { type AuditEvent, type AuditQuery, listAudit } from '../audit/list-audit.js';
import type { Actor, AppDeps } from '../context.js';
import { exportCooperativesCsv, exportCooperativesXlsx } from '../cooperatives/export-cooperatives.js';
import { type ListCooperativesQuery, listCooperatives } from '../cooperatives/list-cooperatives.js';
import { type JobFile, type JobView, startFileJob } from '../jobs/jobs.js';
import { type ConcernQuery, listConcerns } from '../concerns/concerns.js';
import { exportConcernsCsv, exportConcernsXlsx } from '../concerns/export-concerns.js';
import { exportFollowUpsCsv, exportFollowUpsXlsx } from '../follow-ups/export-follow-ups.js';
import { exportVisitsCsv, exportVisitsXlsx } from '../visits/export-visits.js';
import { type FollowUpQuery, listFollowUps } from '../follow-ups/follow-ups.js';
import { listVisits, type VisitQuery } from '../visits/list-visits.js';
import { jakartaDate, jakartaDateTime } from '../../domain/dates.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import { EXPORT_LISTS, type EXPORT_FORMATS } from '../../contract/exports.js';

/**
 * Long list exports as background jobs (POST /api/v1/exports). Each list is read with the same
 * function, filters and visibility rules as the screen (a koperasi user gets only its own rows; the
 * audit log only for admin and pimpinan). Counting the rows first also checks access, so a refused
 * export answers 403 at once instead of becoming a failed job.
 */
export { EXPORT_LISTS };
export type ExportList = (typeof EXPORT_LISTS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Filters<Q> = Omit<Q, 'page' | 'pageSize'>;
export interface ExportFilters {
  cooperatives: Filters<ListCooperativesQuery>;
  assessments: Filters<AssessmentQuery>;
  visits: Filters<VisitQuery>;
  concerns: Filters<ConcernQuery>;
  followUps: Filters<FollowUpQuery>;
  audit: Filters<AuditQuery>;
}

type Producer<Q> = {
  /** Indonesian file name without date or extension. */
  name: string;
  count: (deps: AppDeps, actor: Actor, q: Q) => Promise<number>;
  xlsx: (deps: AppDeps, actor: Actor, q: Q, progress: Progress) => Promise<Buffer>;
  csv: (deps: AppDeps, actor: Actor, q: Q, progress: Progress) => Promise<string>;
};

const AUDIT_COLUMNS: Column<AuditEvent>[] = [
  {
    header: 'Waktu (WIB)',
    width: 18,
    value: (r) => jakartaDateTime(r.at),
  }, // "2025-06-30 09.00": sortable, and the one time format (issue #15)
  { header: 'Pengguna', width: 26, value: (r) => r.actor?.fullName ?? null },
  { header: 'Nama pengguna', width: 18, value: (r) => r.actor?.username ?? null },
  { header: 'Tindakan', width: 26, value: (r) => r.action },
  { header: 'Jenis data', width: 16, value: (r) => r.entityType },
  { header: 'ID data', width: 38, value: (r) => r.entityId },
  { header: 'Koperasi', width: 36, value: (r) => r.cooperativeName },
  {
    header: 'Perubahan',
    width: 80,
    value: (r) =>
      Object.entries(r.changes)
        .map(([field, c]) => `${field}: ${short(c.before)} → ${short(c.after)}`)
        .join('; ') || null,
  },
];

function short(v: unknown): string {
  if (v === null || v === undefined) return '–';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

async function auditRows(
  deps: AppDeps,
  actor: Actor,
  q: Filters<AuditQuery>,
  progress: Progress,
): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for (let page = 1; ; page++) {
    const res = await listAudit(deps, actor, { ...q, page, pageSize: 1000 });
    out.push(...res.items);
    progress(out.length);
    if (res.items.length === 0 || out.length >= res.total) return out;
  }
}

const PRODUCERS: { [L in ExportList]: Producer<ExportFilters[L]> } = {
  cooperatives: {
    name: 'daftar-koperasi',
    count: async (deps, actor, q) => (await listCooperatives(deps, actor, { ...q, page: 1, pageSize: 1 })).total,
    xlsx: exportCooperativesXlsx,
    csv: exportCooperativesCsv,
  },
  assessments: {
    name: 'penilaian-kesehatan',
    count: async (deps, actor, q) => (await listAssessments(deps, actor, { ...q, page: 1, pageSize: 1 })).total,
    xlsx: exportAssessments,
    csv: exportAssessmentsCsv,
  },
  visits: {
    name: 'daftar-kunjungan',
    count: async (deps, actor, q) => (await listVisits(deps, actor, { ...q, page: 1, pageSize: 1 })).total,
    xlsx: exportVisitsXlsx,
    csv: exportVisitsCsv,
  },
  concerns: {
    name: 'aspirasi-koperasi',
    count: async (deps, actor, q) => (await listConcerns(deps, actor, { ...q, page: 1, pageSize: 1 })).total,
    xlsx: exportConcernsXlsx,
    csv: exportConcernsCsv,
  },
  followUps: {
    name: 'tindak-lanjut',
    count: async (deps, actor, q) => (await listFollowUps(deps, actor, { ...q, page: 1, pageSize: 1 })).total,
    xlsx: exportFollowUpsXlsx,
    csv: exportFollowUpsCsv,
  },
  audit: {
    name: 'log-audit',
    count: async (deps, actor, q) => (await listAudit(deps, actor, { ...q, page: 1, pageSize: 1 })).total,
    xlsx: async (deps, actor, q, progress) =>
      listToXlsx('Log audit', AUDIT_COLUMNS, await auditRows(deps, actor, q, progress), 'Log audit Sambang'),
    csv: async (deps, actor, q, progress) => listToCsv(AUDIT_COLUMNS, await auditRows(deps, actor, q, progress)),
  },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Starts the export of one list with its filters; the job's file is downloaded from /jobs/{id}/download. */
export async function startListExport<L extends ExportList>(
  deps: AppDeps,
  actor: Actor,
  list: L,
  format: ExportFormat,
  filters: ExportFilters[L],
): Promise<JobView> {
  const producer = PRODUCERS[list] as Producer<ExportFilters[L]>;
  const total = await producer.count(deps, actor, filters);
  const filename = `${producer.name}-${jakartaDate(deps.now().toISOString())}.${format}`;
  return startFileJob(actor, `export-${list}`, total, async (progress): Promise<JobFile> => {
    if (format === 'xlsx')
      return { filename, contentType: XLSX_TYPE, data: await producer.xlsx(deps, actor, filters, progress) };
    return {
      filename,
      contentType: 'text/csv; charset=utf-8',
      data: Buffer.from(await producer.csv(deps, actor, filters, progress), 'utf8'),
    };
  });
}
