import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VerificationQueueCan } from '@contract/abilities';
import { buildQuery, get } from '../../lib/api';
import type { CoopRequest, RatAnnouncement, VerificationItem } from '../../lib/desk';

/** The desk's lists carry `can` (verify, plan a visit, attend a RAT), computed by the desk policy. */
type WithCan<T> = T & { can: VerificationQueueCan };

export interface FilingFilters {
  status: string;
  kind: string;
  district: string;
  minAgeDays: string;
  coop: string;
}

/** One page of the verification queue (`GET /verifications`), kept on screen while the next loads. */
export function useVerifications(f: FilingFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['verifications', f, page],
    queryFn: ({ signal }) =>
      get<WithCan<{ items: VerificationItem[]; total: number; page: number; pageSize: number }>>(
        `/verifications${buildQuery({ status: f.status, kind: f.kind, district: f.district, minAgeDays: f.minAgeDays, cooperativeId: f.coop, page, pageSize })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Requests still to handle (closed ones leave the queue; the cooperative's page keeps them). */
export function useOpenRequests() {
  return useQuery({
    queryKey: ['requests', 'queue'],
    queryFn: ({ signal }) => get<WithCan<{ items: CoopRequest[] }>>('/requests?open=true', signal),
  });
}

/** RATs the cooperatives announced. */
export function useAnnouncedRats() {
  return useQuery({
    queryKey: ['rat-announcements', 'queue'],
    queryFn: ({ signal }) => get<WithCan<{ items: RatAnnouncement[] }>>('/rat-announcements', signal),
  });
}
