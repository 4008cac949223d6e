import '../i18n/dashboard';
import { useQuery } from '@tanstack/react-query';
import { buildQuery, get } from './api';
import type { DashboardOut, PrioritiesOut, PriorityItemOut } from '@contract/dashboard';
import type { CategoryCode } from '@domain/rubrics/codes';

export type CategoryCounts = Record<CategoryCode, number>;
export type DistrictRef = Pick<DashboardOut['coverage']['byDistrict'][number], 'code' | 'name'>;

/** GET /api/v1/dashboard (src/contract/dashboard.ts). */
export type Dashboard = DashboardOut;

/** The dashboard of `region` (undefined: the office's own area). */
export function useDashboard(year: number, region?: string) {
  return useQuery({
    queryKey: ['dashboard', year, region ?? null],
    queryFn: ({ signal }) => get<Dashboard>(`/dashboard${buildQuery({ year, region })}`, signal),
    staleTime: 60_000,
  });
}

export const PRIORITY_WEIGHT_KEYS = [
  'categoryDalamPengawasanKhusus',
  'categoryDalamPengawasan',
  'categoryCukupSehat',
  'healthDeclining',
  'dissolutionCandidate',
  'noRatTwoYears',
  'odsReportLate',
  'overdueFollowUp',
  'overdueFollowUpsMax',
  'seriousConcern',
  'seriousConcernsMax',
  'neverVisited',
  'staleVisit',
  'staleVisitDays',
] as const;
export type PriorityWeightKey = (typeof PRIORITY_WEIGHT_KEYS)[number];
export type PriorityWeights = Record<PriorityWeightKey, number>;

export type PriorityItem = PriorityItemOut;

export function usePriorities(district: string, limit: number, region?: string) {
  return useQuery({
    queryKey: ['priorities', district, limit, region ?? null],
    queryFn: ({ signal }) => get<PrioritiesOut>(`/priorities${buildQuery({ district, limit, region })}`, signal),
  });
}

export function usePriorityWeights(enabled: boolean) {
  return useQuery({
    queryKey: ['priority-weights'],
    queryFn: ({ signal }) => get<PriorityWeights>('/settings/priority-weights', signal),
    enabled,
  });
}

/** a / b as a percentage with one decimal; null when b is 0. */
export function percent(a: number, b: number): number | null {
  if (!b) return null;
  return Math.round((a / b) * 1000) / 10;
}
