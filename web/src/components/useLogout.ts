import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { post } from '../lib/api';
import { meQueryKey } from '../lib/auth';

export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: () => post<{ ok: boolean }>('/auth/logout'),
    meta: { silent: true },
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meQueryKey, null);
      void qc.invalidateQueries({ queryKey: ['meta'] });
      navigate('/masuk', { replace: true });
      notifications.show({ color: 'gray', message: t('auth.loggedOut') });
    },
  });
}
