import '../i18n/dashboard';
import { useQuery } from '@tanstack/react-query';
import { buildQuery, get } from './api';
import type { CategoryCode } from './assessment';

export type CategoryCounts = Record<CategoryCode, number>;

export interface DistrictRef {
  code: string;
  name: string;
}

export interface Dashboard {
  year: number;
  asOf: string;
  coverage: {
    visited: number;
    target: number;
    visits: number;
    byDistrict: (DistrictRef & { visited: number; visits: number; target: number })[];
  };
  health: CategoryCounts & { assessed: number; byDistrict: (DistrictRef & CategoryCounts)[] };
  rat: {
    fiscalYear: number;
    asOf: string;
    due: number;
    held: number;
    onTime: number;
    rate: number | null;
    active: number;
    cooperatives: number;
    withWarnings: number;
    byDistrict: (DistrictRef & { due: number; held: number; onTime: number; active: number; cooperatives: number; warnings: number; rate: number | null })[];
  };
  followUps: {
    open: number;
    in_progress: number;
    done: number;
    cancelled: number;
    overdue: number;
    byBidang: { code: string; label: string; open: number; overdue: number }[];
    /** Per kecamatan of the cooperative: `open` counts every follow-up not yet finished (open or in progress). */
    byDistrict: (DistrictRef & { open: number; overdue: number })[];
  };
  concerns: { topTopics: { topic: string; label: string; count: number }[] };
  trends: { year: number; visits: number; ratRate: number | null; health: CategoryCounts }[];
}

export function useDashboard(year: number) {
  return useQuery({
    queryKey: ['dashboard', year],
    queryFn: ({ signal }) => get<Dashboard>(`/dashboard${buildQuery({ year })}`, signal),
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

export interface PriorityItem {
  cooperative: { id: string; name: string; district: DistrictRef };
  score: number;
  reasons: { code: string; label: string; points: number }[];
}

export function usePriorities(district: string, limit: number) {
  return useQuery({
    queryKey: ['priorities', district, limit],
    queryFn: ({ signal }) => get<{ items: PriorityItem[]; weights: PriorityWeights }>(`/priorities${buildQuery({ district, limit })}`, signal),
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
