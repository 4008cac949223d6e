import { useQuery } from '@tanstack/react-query';
import type { RubricListCan } from '@contract/abilities';
import type { RubricVersionOut } from '@contract/assessments';
import { get } from '../../lib/api';

/** What the user may do with the rubrics (`can` of `GET /rubrics`, the same query as the version list). */
export function useRubricAbilities() {
  return useQuery({
    queryKey: ['rubrics'],
    queryFn: ({ signal }) => get<{ items: RubricVersionOut[]; can: RubricListCan }>('/rubrics', signal),
    staleTime: 5 * 60_000,
    select: (d) => d.can,
  });
}
