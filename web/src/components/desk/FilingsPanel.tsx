import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../../lib/api';
import type { VerificationItem } from '../../lib/desk';
import '../../lib/desk';
import { formatDateTime } from '../../lib/format';

/** What the cooperative filed that the Dinas has not accepted yet: waiting, or returned with a reason. */
export function FilingsPanel({ coopId }: { coopId: string }) {
  const { t } = useTranslation();
  const q = (status: string) => ({
    queryKey: ['verifications', 'coop', coopId, status],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      get<{ items: VerificationItem[] }>(
        `/verifications${buildQuery({ cooperativeId: coopId, status, pageSize: 20 })}`,
        signal,
      ),
  });
  const returned = useQuery(q('RETURNED'));
  const pending = useQuery(q('PENDING'));
  const items = [...(returned.data?.items ?? []), ...(pending.data?.items ?? [])];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="sm" data-testid="filings-panel">
      <Text fw={600} mb="xs">
        {t('desk.filings.title')}
      </Text>
      <Stack gap={6}>
        {items.map((i) => (
          <Group key={i.id} gap={6} wrap="wrap" align="flex-start" data-testid="filing" data-status={i.status}>
            <Badge size="sm" variant="light" color={i.status === 'PENDING' ? 'yellow' : 'red'}>
              {t(`desk.verification.${i.status}`)}
            </Badge>
            <div style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Text size="sm" className="break-anywhere">
                <Text span fw={600} size="sm">
                  {i.kindLabel}:
                </Text>{' '}
                {i.summary}
              </Text>
              {i.status === 'RETURNED' && i.reason && (
                <Text size="sm" c="red.8">
                  {t('desk.verification.returnedReason', { reason: i.reason })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(i.status === 'RETURNED' ? (i.decidedAt ?? i.submittedAt) : i.submittedAt)}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
