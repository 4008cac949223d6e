import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildQuery, get } from '../../lib/api';
import type { CooperativePageOut } from '@contract/common';

export interface CoopListParams {
  q: string;
  district: string;
  village: string;
  type: string;
  group: string;
  status: string;
  /** From the dashboard's authority row ("Kewenangan provinsi"): the supervising tier and the region. */
  authority: string;
  region: string;
  sort: string;
}

/** One page of the registry (`GET /cooperatives`) with `can.create`, kept on screen while the next page loads. */
export function useCoopList(values: CoopListParams, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['cooperatives', values, page],
    queryFn: ({ signal }) =>
      get<CooperativePageOut>(
        `/cooperatives${buildQuery({
          search: values.q,
          district: values.district,
          village: values.village,
          type: values.type,
          group: values.group,
          status: values.status,
          authority: values.authority,
          region: values.region,
          sort: values.sort || 'name',
          page,
          pageSize,
        })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
