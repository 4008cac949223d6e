import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, get, patch, post } from '../../lib/api';
import type { UserPageOut } from '@contract/common';
import type { User } from '../../lib/types';

/** One page of accounts (`GET /users`), with the roles this admin may give and what each requires. */
export function useUserList(values: { q: string; role: string }, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['users', values, page],
    queryFn: ({ signal }) =>
      get<UserPageOut>(`/users${buildQuery({ search: values.q, role: values.role, page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Enable/disable an account and reset its password; both refresh the user list. */
export function useUserActions({
  onToggled,
  onReset,
}: {
  onToggled: () => void;
  onReset: (res: { user: User; temporaryPassword: string }) => void;
}) {
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (u: User) => patch<{ user: User }>(`/users/${u.id}`, { disabled: !u.disabled }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      onToggled();
    },
  });
  const reset = useMutation({
    mutationFn: (u: User) => post<{ user: User; temporaryPassword: string }>(`/users/${u.id}/reset-password`),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      onReset(res);
    },
  });
  return { toggle, reset };
}
