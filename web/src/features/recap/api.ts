import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildQuery, get } from '../../lib/api';

export interface Sums {
  cooperatives: number;
  membersMale: number;
  membersFemale: number;
  assets: number;
  ownCapital: number;
  externalCapital: number;
  businessVolume: number;
  shu: number;
  ratHeld: number;
  active: number;
}
export interface CoopRow {
  name: string;
  nik: string | null;
  type: string;
  district: string;
  village: string;
  membersMale: number;
  membersFemale: number;
  assets: number | null;
  ownCapital: number | null;
  externalCapital: number | null;
  businessVolume: number | null;
  shu: number | null;
  ratHeld: boolean;
  ratHeldOn: string | null;
  active: boolean;
}
export interface Recap {
  year: number;
  asOf: string;
  districts: (Sums & { code: string; name: string })[];
  totals: Sums;
  cooperatives?: { items: CoopRow[]; total: number; page: number; pageSize: number };
}

export const RECAP_PAGE_SIZE = 50;

export type RecapParams = {
  year: number;
  level: 'cooperative' | 'district';
  district: string | undefined;
  region: string | undefined;
};

/** The yearly recap; per cooperative it is paged. */
export function useRecap(params: RecapParams, page: number) {
  return useQuery({
    queryKey: ['recap', params, page],
    queryFn: ({ signal }) =>
      get<Recap>(
        `/reports/recap${buildQuery({ ...params, ...(params.level === 'cooperative' ? { page, pageSize: RECAP_PAGE_SIZE } : {}) })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
