import { useEffect, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Pagination,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../lib/meta';
import { formatNumber } from '../lib/format';
import { usePageTitle } from '../lib/pageTitle';

/**
 * The heading of a screen. `docTitle` sets the document title (parts, most specific first; see
 * lib/pageTitle.ts); without it a plain-text `title` is used.
 */
export function PageHeader({
  title,
  subtitle,
  actions,
  docTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  docTitle?: string | Array<string | null | undefined>;
}) {
  usePageTitle(
    ...(docTitle === undefined
      ? [typeof title === 'string' ? title : null]
      : Array.isArray(docTitle)
        ? docTitle
        : [docTitle]),
  );
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Title order={1} size="h2" className="break-anywhere">
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm" component="div">
            {subtitle}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}

const STATUS_COLORS: Record<string, string> = { AKTIF: 'green', TIDAK_AKTIF: 'yellow', DIBUBARKAN: 'red' };

export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const label = useLabel('statuses');
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" size={size} style={{ flexShrink: 0 }}>
      {label(status)}
    </Badge>
  );
}

export function ListPagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  return (
    <Stack align="center" gap={6} mt="md">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={1}
        boundaries={1}
        size="sm"
        aria-label="Navigasi halaman"
      />
      <Text size="xs" c="dimmed">
        {t('common.pageInfo', { page: formatNumber(Math.min(page, pages)), pages: formatNumber(pages) })}
      </Text>
    </Stack>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : t('errors.loadFailed');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('errors.loadFailed')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyText({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" ta="center" py="xl" size="sm">
      {children}
    </Text>
  );
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** Shows a one-time secret (temporary password) with a copy button. */
export function SecretBox({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      justify="space-between"
      p="sm"
      bg="gray.1"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Code
        fz="xl"
        fw={700}
        bg="transparent"
        data-testid="temporary-password"
        className="break-anywhere"
        style={{ letterSpacing: 1 }}
      >
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon
              color={copied ? 'teal' : 'gray'}
              variant="light"
              size="lg"
              onClick={copy}
              aria-label={t('common.copy')}
            >
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
