import '../i18n/health';
import type { Verification } from './desk';
import { useQuery } from '@tanstack/react-query';
import type {
  AssessmentListItemOut,
  AssessmentOut,
  AssessmentPageOut,
  RubricVersionOut,
  StatementOut,
} from '@contract/assessments';
import type { RubricDefinition } from '@domain/rubrics/types';
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

export const AGENDA_ITEMS = [
  'accountabilityReport',
  'financialStatementsApproved',
  'supervisorsReport',
  'shuDistribution',
  'workPlanBudget',
  'elections',
] as const;
export type AgendaItem = (typeof AGENDA_ITEMS)[number];

export interface AnnualMeeting {
  id: string;
  fiscalYear: number;
  heldOn: string;
  place: string | null;
  membersPresent: number;
  membersTotal: number;
  quorumRequired: number | null;
  quorumMet: boolean | null;
  /** The quorum applied: the articles' or half the members plus one (issue 13). */
  quorum?: number;
  memberCountMismatch?: boolean | null;
  verification?: Verification;
  agenda: Partial<Record<AgendaItem, boolean>>;
  reportedToOdsOn: string | null;
  notes: string | null;
  version: number;
}

export type RatStatus = 'ON_TIME' | 'LATE' | 'NOT_HELD' | 'NOT_YET_DUE';

export interface RatCompliance {
  asOf: string;
  active: boolean;
  latestDueYear: number | null;
  /** RAT records the cooperative filed that wait for verification (not counted). */
  pending?: number;
  years: { fiscalYear: number; deadline: string; heldOn: string | null; status: RatStatus }[];
  warnings: { code: string; message: string; fiscalYears: number[] }[];
}

export const RAT_STATUS_COLORS: Record<RatStatus, string> = {
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
