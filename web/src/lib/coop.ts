import { useQuery } from '@tanstack/react-query';
import { get } from './api';
import type { Coop, Me } from './types';

export function useCoop(id: string | undefined) {
  return useQuery({
    queryKey: ['cooperative', id],
    queryFn: ({ signal }) => get<Coop>(`/cooperatives/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
  });
}

export interface CoopPermissions {
  /** Full edit of the record (admin, petugas). */
  editAll: boolean;
  /** The koperasi user's limited edit of its own record. */
  editOwn: boolean;
  /** Figures and business units. */
  editDetails: boolean;
  dissolve: boolean;
}

export function coopPermissions(
  me: Me | null | undefined,
  coop: { id: string | number; status: string } | undefined,
): CoopPermissions {
  const writer = me?.role === 'admin' || me?.role === 'petugas';
  const own = me?.role === 'koperasi' && coop !== undefined && String(me.cooperativeId) === String(coop.id);
  const dissolved = coop?.status === 'DIBUBARKAN';
  return {
    editAll: writer && !dissolved,
    editOwn: own && !dissolved,
    editDetails: writer || own,
    dissolve: writer && !dissolved,
  };
}
