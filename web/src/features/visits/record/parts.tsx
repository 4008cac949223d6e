import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../../i18n/visit-record';
import { ApiError } from '../../../lib/api';
import { type Visit } from '../../../lib/visit-record';

const STATUS_COLORS: Record<Visit['status'], string> = {
  planned: 'blue',
  approved: 'teal',
  done: 'green',
  cancelled: 'red',
};

export const isVersionConflict = (e: unknown) =>
  e instanceof ApiError && e.status === 409 && ('version' in e.fields || /diubah orang lain/.test(e.message));

export function dayName(date: string): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
export const hhmm = (t: string) => t.replace(':', '.');

export function VisitStatusBadge({ status, size = 'md' }: { status: Visit['status']; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      data-testid="visit-status"
      style={{ flexShrink: 0 }}
    >
      {t(`visitRecord.status.${status}`)}
    </Badge>
  );
}

export function Section({
  title,
  hint,
  children,
  testId,
  right,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  testId?: string;
  right?: ReactNode;
}) {
  return (
    <Card withBorder padding="md" radius="md" component="section" data-testid={testId} aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={hint ? 2 : 'sm'}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {right}
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}

/**
 * In-app links are intercepted while there are unsaved changes (the app uses a BrowserRouter, so
 * react-router's blockers are not available); closing or reloading the tab asks the browser.
 */
export function useLeaveGuard(dirty: boolean): { pending: string | null; stay: () => void; leave: () => void } {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(url.pathname + url.search + url.hash);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      const to = pending;
      setPending(null);
      if (to) navigate(to);
    },
  };
}

export function CancelModal({
  opened,
  onClose,
  onConfirm,
  loading,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  loading: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('visitRecord.actions.cancelTitle')}</Text>}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('visitRecord.actions.cancelBody')}</Text>
        <Textarea
          label={t('visitRecord.actions.cancelReason')}
          placeholder={t('visitRecord.actions.cancelReasonPlaceholder')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setLocal(undefined);
          }}
          autosize
          minRows={3}
          maxLength={1000}
          required
          error={local ?? error}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('visitRecord.actions.keep')}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={() => {
              if (reason.trim().length < 5) setLocal(t('visitRecord.actions.cancelReasonShort'));
              else onConfirm(reason.trim());
            }}
          >
            {t('visitRecord.actions.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Copies text; falls back to a hidden textarea and execCommand where the Clipboard API is missing (plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}
