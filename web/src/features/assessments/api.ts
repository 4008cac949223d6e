import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildQuery, get } from '../../lib/api';
import type { AssessmentPage } from '../../lib/assessment';

export interface AssessmentListFilters {
  category: string;
  district: string;
  fiscalYear: string;
  rubric: string;
  status: string;
}

/** One page of assessments (`GET /assessments`), kept on screen while the next page loads. */
export function useAssessmentList(filters: AssessmentListFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['assessments', 'list', filters, page],
    queryFn: ({ signal }) => get<AssessmentPage>(`/assessments${buildQuery({ ...filters, page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });
}
