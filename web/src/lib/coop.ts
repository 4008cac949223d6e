import { useQuery } from '@tanstack/react-query';
import { get } from './api';
import type { CoopDetail } from './types';

/** One cooperative with what the user may do with it (`can`, computed by the server's policy). */
export function useCoop(id: string | undefined) {
  return useQuery({
    queryKey: ['cooperative', id],
    queryFn: ({ signal }) => get<CoopDetail>(`/cooperatives/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
  });
}
