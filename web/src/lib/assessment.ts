import '../i18n/health';
import { useQuery } from '@tanstack/react-query';
import type {
  AssessmentListItemOut,
  AssessmentOut,
  AssessmentPageOut,
  RubricVersionOut,
  StatementOut,
} from '@contract/assessments';
import type { RubricDefinition } from '@domain/rubrics/types';
import type { RatYearStatus } from '@domain/rat/compliance';
import type { AnnualMeetingOut, CooperativeRatComplianceOut, RatComplianceOut } from '@contract/annual-meetings';
import { get } from './api';
import type { Id } from './types';

export {
  CATEGORY_CODES,
  RUBRIC_CODES,
  type AssessmentStatus,
  type CategoryCode,
  type RubricCode,
} from '@domain/rubrics/codes';
import { CATEGORY_CODES, type CategoryCode } from '@domain/rubrics/codes';
import type { TFunction } from 'i18next';

export const CATEGORY_COLORS: Record<string, string> = {
  SEHAT: 'green',
  CUKUP_SEHAT: 'cyan',
  DALAM_PENGAWASAN: 'orange',
  DALAM_PENGAWASAN_KHUSUS: 'red',
};

/** The Indonesian name of a health category; a code the rubric pages do not know is shown as it is. */
export function categoryLabel(t: TFunction, code: string): string {
  return isCategory(code) ? t(`assessment.categories.${code}`) : code;
}
const isCategory = (code: string): code is CategoryCode => (CATEGORY_CODES as readonly string[]).includes(code);

export type AssessmentListItem = AssessmentListItemOut;

/** countsByCategory: finalized assessments per category under the same filters. */
export type AssessmentPage = Omit<AssessmentPageOut, 'countsByCategory'> & {
  countsByCategory: Partial<Record<CategoryCode, number | null>>;
};

export type Assessment = AssessmentOut;

export type RubricVersionInfo = RubricVersionOut;

export type Statement = StatementOut;

export { AGENDA_ITEMS, type AgendaItem } from '@domain/rat/agenda';

/** A RAT record (src/contract/annual-meetings.ts). */
export type AnnualMeeting = AnnualMeetingOut;

export type { RatYearStatus as RatStatus } from '@domain/rat/compliance';

/** RAT compliance; `pending` (RAT records waiting for verification, not counted) where one cooperative's is asked. */
export type RatCompliance = RatComplianceOut & Partial<Pick<CooperativeRatComplianceOut, 'pending'>>;

export const RAT_STATUS_COLORS: Record<RatYearStatus, string> = {
  ON_TIME: 'green',
  LATE: 'orange',
  NOT_HELD: 'red',
  NOT_YET_DUE: 'gray',
};

export function useRubricVersions() {
  return useQuery({
    queryKey: ['rubrics'],
    queryFn: ({ signal }) => get<{ items: RubricVersionInfo[] }>('/rubrics', signal),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

/** A published rubric version never changes: cached for the session. */
export function useRubricDefinition(rubric: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['rubric', rubric, version],
    queryFn: ({ signal }) =>
      get<RubricDefinition>(`/rubrics/${encodeURIComponent(rubric ?? '')}/versions/${version ?? 0}`, signal),
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    enabled: !!rubric && !!version,
  });
}

export function useStatements(coopId: Id | undefined) {
  return useQuery({
    queryKey: ['statements', String(coopId)],
    queryFn: ({ signal }) => get<{ items: Statement[] }>(`/cooperatives/${coopId}/statements`, signal),
    enabled: coopId !== undefined,
    select: (d) => d.items,
  });
}

/** "ksp-2016 v1" as shown to people: "KSP/USP 2016 · versi 1". */
export function rubricShortName(code: string): string {
  if (code === 'ksp-2016') return 'KSP/USP 2016';
  if (code === 'kk-2021') return 'Kesehatan Koperasi 2021';
  return code;
}
