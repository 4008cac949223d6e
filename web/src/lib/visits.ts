import '../i18n/visits';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildQuery, get } from './api';
import type { ProgramCanOut, VisitCanOut } from '@contract/abilities';
import type { Page } from '@contract/common';
import type {
  DoubleBookingsOut,
  ProgramOut,
  ProgramSummaryOut,
  TeamCandidatesOut,
  TeamMemberOut,
  VisitListItemOut,
  VisitOut,
} from '@contract/visits';
import type { VisitPurpose, VisitStatus } from '@domain/visits/codes';
import { VISIT_PURPOSES } from '@domain/visits/codes';

/** Types and fetchers of the visit-planning screens (list, calendar, plan form, programs). */

export { VISIT_PURPOSES, VISIT_STATUSES } from '@domain/visits/codes';
export type { VisitPurpose, VisitStatus } from '@domain/visits/codes';
export { BIDANG as BIDANG_CODES } from '@domain/codes';

export const VISIT_STATUS_COLORS: Record<VisitStatus, string> = {
  planned: 'blue',
  approved: 'teal',
  done: 'gray',
  cancelled: 'red',
};

/** A team member of a visit (src/contract/visits.ts). */
export type TeamMember = TeamMemberOut;
export type Conflict = VisitListItemOut['conflicts'][number];
/** GET /visits items, with what this user may do with each (`can`, from the visit policy). */
export type VisitListItem = VisitListItemOut & { can: VisitCanOut };
/** GET /visits/:id (the plan form reads the plan's parts). */
export type Visit = VisitOut & { can: VisitCanOut };
export type VisitPage = Page<VisitListItem>;
export type TeamCandidate = TeamCandidatesOut['items'][number];
export type DoubleBooking = DoubleBookingsOut['items'][number];
export type ProgramSummary = ProgramSummaryOut;
export type DistrictProgress = ProgramOut['targets'][number];
/** GET /programs/:id, with what this user may do with it. */
export type Program = ProgramOut & { can: ProgramCanOut };

/** Filters of the list, the calendar and the exports (names as the API takes them). */
export interface VisitFilters {
  district?: string;
  bidang?: string;
  officerId?: string;
  status?: string;
  cooperativeId?: string;
  programId?: string;
  from?: string;
  to?: string;
}

export function visitListPath(f: VisitFilters & { page?: number; pageSize?: number; sort?: 'date' | '-date' }): string {
  return `/visits${buildQuery({ ...f })}`;
}

export function useVisits(
  f: VisitFilters & { page?: number; pageSize?: number; sort?: 'date' | '-date' },
  enabled = true,
) {
  return useQuery({
    queryKey: ['visits', 'list', f],
    queryFn: ({ signal }) => get<VisitPage>(visitListPath(f), signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every visit in a date window (the calendar): pages through the list, at most a few hundred visits. */
export function useVisitsBetween(f: VisitFilters & { from: string; to: string }, enabled = true) {
  return useQuery({
    queryKey: ['visits', 'range', f],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const items: VisitListItem[] = [];
      let total = 0;
      for (let page = 1; page <= 10; page++) {
        const res = await get<VisitPage>(visitListPath({ ...f, sort: 'date', page, pageSize: 100 }), signal);
        items.push(...res.items);
        total = res.total;
        if (items.length >= total || res.items.length === 0) break;
      }
      return { items, total };
    },
  });
}

export function useTeamCandidates(enabled = true) {
  return useQuery({
    queryKey: ['team-candidates'],
    queryFn: ({ signal }) => get<{ items: TeamCandidate[] }>('/team-candidates', signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePrograms(enabled = true) {
  return useQuery({
    queryKey: ['programs'],
    queryFn: ({ signal }) => get<{ items: ProgramSummary[] }>('/programs', signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useProgram(id: string | null) {
  return useQuery({
    queryKey: ['program', id],
    queryFn: ({ signal }) => get<Program>(`/programs/${id}`, signal),
    enabled: Boolean(id),
  });
}

// ---- dates (calendar) -------------------------------------------------------------------------

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function startOfWeek(date: string): string {
  return addDays(date, -weekdayOf(date));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}

export function addMonths(date: string, n: number): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + n, 1)).toISOString().slice(0, 10);
}

/** The weeks (Monday first) that cover a month, 4–6 rows of 7 dates. */
export function monthGrid(anyDay: string): string[][] {
  const first = startOfWeek(monthStart(anyDay));
  const last = monthEnd(anyDay);
  const weeks: string[][] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  return weeks;
}

const monthFmt = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayFmt = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDayFmt = new Intl.DateTimeFormat('id-ID', { weekday: 'short', timeZone: 'UTC' });
const dayMonthFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const utc = (d: string) => new Date(`${d}T00:00:00Z`);
export const formatMonth = (d: string) => monthFmt.format(utc(d));
export const formatWeekday = (d: string) => dayFmt.format(utc(d));
export const formatShortWeekday = (d: string) => shortDayFmt.format(utc(d)).replace('.', '');
export const formatDayMonth = (d: string) => dayMonthFmt.format(utc(d));

// ---- priorities → plan ------------------------------------------------------------------------

/**
 * Sensible purposes for a visit planned from an early-warning entry: poor health → penyehatan,
 * RAT lapses → pengawasan and pembinaan, open follow-ups and concerns → monitoring, and a
 * cooperative nobody visited lately → pembinaan.
 */
export function purposesForReasons(codes: readonly string[]): VisitPurpose[] {
  const out = new Set<VisitPurpose>();
  for (const c of codes) {
    if (c === 'HEALTH_DPK' || c === 'HEALTH_DP' || c === 'HEALTH_DECLINING') out.add('PENYEHATAN');
    else if (c === 'HEALTH_CS') out.add('PEMBINAAN');
    else if (c === 'DISSOLUTION_CANDIDATE' || c === 'NO_RAT_2_YEARS') {
      out.add('PENGAWASAN');
      out.add('PEMBINAAN');
    } else if (c === 'ODS_REPORT_LATE') out.add('PEMBINAAN');
    else if (c === 'OVERDUE_FOLLOW_UPS' || c === 'SERIOUS_CONCERNS') out.add('MONITORING');
    else if (c === 'NEVER_VISITED' || c === 'STALE_VISIT') out.add('PEMBINAAN');
  }
  if (out.size === 0) out.add('PEMBINAAN');
  return VISIT_PURPOSES.filter((p) => out.has(p));
}

export function planPathFor(cooperativeId: string, purposes: readonly VisitPurpose[] = []): string {
  return `/kunjungan/baru${buildQuery({ cooperativeId, purposes: purposes.length ? purposes.join(',') : undefined })}`;
}
