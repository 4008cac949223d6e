import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { ApiError } from './api';
import i18n from '../i18n';

type Navigator = (to: string) => void;
let navigateFn: Navigator = (to) => {
  window.location.assign(to);
};

/** The router registers its navigate function so 401/403 can redirect without a reload. */
export function setNavigator(fn: Navigator): void {
  navigateFn = fn;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

let lastAuthRedirect = 0;

/** Handles session errors globally; returns true when the error was dealt with. */
export function handleAuthError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 401) {
    queryClient.setQueryData(['me'], null);
    const path = window.location.pathname;
    if (path !== '/masuk') {
      const now = Date.now();
      if (now - lastAuthRedirect > 1500) {
        lastAuthRedirect = now;
        notifications.show({ id: 'session', color: 'yellow', message: i18n.t('auth.sessionExpired') });
      }
      const next = path + window.location.search;
      navigateFn(`/masuk?next=${encodeURIComponent(next)}`);
    }
    return true;
  }
  if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: ['me'] });
    navigateFn('/ganti-sandi');
    return true;
  }
  return false;
}

export function notifyError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  const message = error instanceof Error && error.message ? error.message : i18n.t('errors.generic');
  notifications.show({
    color: 'red',
    title: i18n.t('common.errorTitle'),
    message,
    autoClose: 7000,
  });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (handleAuthError(error)) return;
      if (query.meta?.silent) return;
      notifyError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (handleAuthError(error)) return;
      if (mutation.meta?.silent) return;
      // Validation errors with field messages are shown under the inputs by the form itself.
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0) {
        notifications.show({ color: 'red', message: i18n.t('common.fieldErrors') });
        return;
      }
      notifyError(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => {
        if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
        return count < 2;
      },
    },
    mutations: { retry: false },
  },
});
