import { useQuery } from '@tanstack/react-query';
import type { JobOut } from '@contract/jobs';
import { ApiError, get, post, type QueryValue } from './api';

/** A background job of the server (imports, long exports): GET /api/v1/jobs/{id}. */
export type Job = JobOut;

export const EXPORT_LISTS = ['cooperatives', 'assessments', 'visits', 'concerns', 'followUps', 'audit'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export type ExportFormat = 'xlsx' | 'csv';

/** Percent done, 0–100 (a job with nothing to do is done). */
export function jobPercent(job: Pick<Job, 'processed' | 'total' | 'status'>): number {
  if (job.status !== 'running') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.round((job.processed / job.total) * 100));
}

/** Polls a job every ~0.7 s while it runs; a job the server no longer knows is an ApiError 404. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => get<Job>(`/jobs/${id}`, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => ((q.state.data && q.state.data.status !== 'running') || q.state.error ? false : 700),
    meta: { silent: true },
  });
}

/** The filters of a list page as the export body wants them: empty values dropped. */
export function exportFilters(filters: Record<string, QueryValue>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

export const startExport = (list: ExportList, format: ExportFormat, filters: Record<string, QueryValue>) =>
  post<Job>('/exports', { list, format, filters: exportFilters(filters) });

/** Export jobs still worth showing after a reload, kept in localStorage per browser. */
export interface StoredExport {
  id: string;
  list: ExportList;
  format: ExportFormat;
  at: number;
}
const KEY = 'sambang.exportJobs';
const MAX_AGE_MS = 60 * 60 * 1000; // the server keeps finished jobs for an hour

export function storedExports(list?: ExportList): StoredExport[] {
  let all: StoredExport[] = [];
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (Array.isArray(raw))
      all = raw.filter((x): x is StoredExport => !!x && typeof (x as StoredExport).id === 'string');
  } catch {
    all = [];
  }
  const fresh = all.filter((x) => Date.now() - x.at < MAX_AGE_MS);
  return list ? fresh.filter((x) => x.list === list) : fresh;
}

function save(items: StoredExport[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify(items.slice(-20)));
  } catch {
    /* storage full or disabled: the export still works, it just won't survive a reload */
  }
}

export function rememberExport(item: StoredExport) {
  save([...storedExports().filter((x) => x.id !== item.id), item]);
}

export function forgetExport(id: string) {
  save(storedExports().filter((x) => x.id !== id));
}

export const isGone = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 403);
