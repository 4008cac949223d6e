import { Badge, Button, Card, Group, NumberInput, Select, Table, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { fetchMailLog, retryMail, saveDigestHour } from './api';

/** The office-wide mail settings (digest hour) and the e-mail log; for who manages users. */
const STATUS_COLOR = { pending: 'yellow', sending: 'blue', sent: 'green', failed: 'red' } as const;

export function OfficeCard({ digestHour }: { digestHour: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [hour, setHour] = useState<number>(digestHour);
  const [status, setStatus] = useState<string | null>(null);
  const log = useQuery({ queryKey: ['mail-log', status], queryFn: () => fetchMailLog(status) });
  const save = useMutation({
    mutationFn: () => saveDigestHour(hour),
    onSuccess: () => {
      toast.show({ color: 'green', message: t('notifications.digestSaved') });
      void qc.invalidateQueries({ queryKey: ['notification-settings'] });
    },
  });
  const retry = useMutation({
    mutationFn: retryMail,
    onSuccess: () => {
      toast.show({ color: 'green', message: t('notifications.mailRetried') });
      void log.refetch();
    },
  });
  const counts = log.data?.counts ?? {};
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('notifications.office')}
      </Title>
      <Group align="flex-end" gap="xs" mb="md">
        <NumberInput
          label={t('notifications.digestHour')}
          min={0}
          max={23}
          value={hour}
          onChange={(v) => setHour(typeof v === 'number' ? v : 0)}
          w={260}
        />
        <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
      <Title order={3} size="h5">
        {t('notifications.mailLog')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('notifications.mailLogHint')}
      </Text>
      <Select
        size="xs"
        mb="xs"
        w={240}
        aria-label={t('notifications.mailLog')}
        allowDeselect={false}
        value={status ?? 'all'}
        onChange={(v) => setStatus(!v || v === 'all' ? null : v)}
        data={[
          { value: 'all', label: 'Semua' },
          {
            value: 'pending',
            label: `${t('notifications.mailStatus.pending')} (${(counts.pending ?? 0) + (counts.sending ?? 0)})`,
          },
          { value: 'sent', label: `${t('notifications.mailStatus.sent')} (${counts.sent ?? 0})` },
          { value: 'failed', label: `${t('notifications.mailStatus.failed')} (${counts.failed ?? 0})` },
        ]}
      />
      {log.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notifications.mailNone')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped fz="xs" data-testid="mail-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Waktu</Table.Th>
                <Table.Th>{t('notifications.mailTo')}</Table.Th>
                <Table.Th>{t('notifications.mailSubject')}</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>{t('notifications.mailAttempts')}</Table.Th>
                <Table.Th>{t('notifications.mailError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data?.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.sentAt ?? m.createdAt)}</Table.Td>
                  <Table.Td>{m.to}</Table.Td>
                  <Table.Td>{m.subject}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge size="xs" color={STATUS_COLOR[m.status]} variant="light" style={{ overflow: 'visible' }}>
                      {t(`notifications.mailStatus.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.attempts}</Table.Td>
                  <Table.Td>
                    {m.lastError ?? '—'}
                    {m.status === 'failed' && (
                      <Button size="compact-xs" variant="subtle" ml={4} onClick={() => retry.mutate(m.id)}>
                        {t('notifications.mailRetry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
