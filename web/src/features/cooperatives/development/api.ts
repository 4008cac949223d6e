import { useQuery } from '@tanstack/react-query';
import type { UnitDevelopmentCan } from '@contract/abilities';
import { dialogKeys, fetchDevelopment, type UnitDevelopment } from '../../../lib/dialog';

/** A cooperative's unit development with what the user may do with it (`can.write`, `can.mentor`). */
export type DevelopmentWithCan = UnitDevelopment & { can: UnitDevelopmentCan };

export function useDevelopment(coopId: string) {
  return useQuery({
    queryKey: dialogKeys.development(coopId),
    queryFn: async ({ signal }) => (await fetchDevelopment(coopId, signal)) as DevelopmentWithCan,
  });
}

export type DevelopmentUnit = UnitDevelopment['units'][number];
