import { type ReactNode, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../i18n/sheets';
import { get, post } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { handleAuthError } from '../../lib/queryClient';

import type { Batch, HistoryBatch } from './model';

export function ImportHistory() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const history = useQuery({ queryKey: ['imports'], queryFn: () => get<{ items: HistoryBatch[] }>('/imports') });
  const undo = useMutation({
    mutationFn: (id: string) => post<Batch>(`/imports/${id}/undo`),
    onSuccess: () => {
      setMessage({ ok: true, text: t('sheets.import.undoDone') });
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
    onError: (e: unknown) => {
      if (!handleAuthError(e)) setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    },
    onSettled: () => setAsking(null),
  });
  const items = history.data?.items ?? [];
  const status = (b: HistoryBatch): ReactNode =>
    b.undoneAt ? (
      <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
        {t('sheets.import.undone', { at: formatDateTime(b.undoneAt), by: b.undoneBy ?? '' })}
      </Badge>
    ) : !b.undoableUntil ? (
      <Text size="xs" c="dimmed">
        {t('sheets.import.undoExpired')}
      </Text>
    ) : b.can.undo && asking === b.id ? (
      <Group gap={6} wrap="nowrap">
        <Text size="xs">{t('sheets.import.undoAsk')}</Text>
        <Button
          size="compact-xs"
          color="red"
          loading={undo.isPending}
          onClick={() => undo.mutate(b.id)}
          data-testid="import-undo-confirm"
        >
          {t('sheets.import.undoConfirm')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setAsking(null)}>
          {t('sheets.import.undoCancel')}
        </Button>
      </Group>
    ) : b.can.undo ? (
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={() => setAsking(b.id)}
        data-testid="import-undo"
      >
        {t('sheets.import.undo')}
      </Button>
    ) : (
      <Text size="xs" c="dimmed">
        {t('sheets.import.undoUntil', { at: formatDateTime(b.undoableUntil) })}
      </Text>
    );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="import-history">
      <Title order={2} size="h5" mb={4}>
        {t('sheets.import.historyTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sheets.import.historyHelp')}
      </Text>
      {message && (
        <Alert
          color={message.ok ? 'green' : 'red'}
          variant="light"
          mb="sm"
          withCloseButton
          onClose={() => setMessage(null)}
          data-testid="import-undo-message"
        >
          {message.text}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sheets.import.historyEmpty')}
        </Text>
      ) : (
        <>
          <Stack gap="xs" hiddenFrom="sm">
            {items.map((b) => (
              <Paper key={b.id} withBorder p="xs" data-testid="import-history-card">
                <Text size="sm" fw={600}>
                  {b.kind === 'cooperatives'
                    ? t('sheets.import.summaryCooperatives', { created: formatNumber(b.summary.created ?? 0) })
                    : t('sheets.import.summaryFigures', { saved: formatNumber(b.summary.saved ?? 0) })}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {formatDateTime(b.createdAt)} · {b.actorName}
                  {b.fileName ? ` · ${b.fileName}` : ''}
                </Text>
                <div style={{ marginTop: 6 }}>{status(b)}</div>
              </Paper>
            ))}
          </Stack>
          <Table.ScrollContainer minWidth={640} type="native" visibleFrom="sm">
            <Table withTableBorder verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sheets.import.colWhen')}</Table.Th>
                  <Table.Th>{t('sheets.import.colKind')}</Table.Th>
                  <Table.Th>{t('sheets.import.colBy')}</Table.Th>
                  <Table.Th>{t('sheets.import.colFile')}</Table.Th>
                  <Table.Th>{t('sheets.import.colSummary')}</Table.Th>
                  <Table.Th>{t('sheets.import.colStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id} data-testid="import-history-row">
                    <Table.Td className="tabular-nums">{formatDateTime(b.createdAt)}</Table.Td>
                    <Table.Td>
                      {b.kind === 'cooperatives' ? t('sheets.import.kindCooperatives') : t('sheets.import.kindFigures')}
                    </Table.Td>
                    <Table.Td>{b.actorName}</Table.Td>
                    <Table.Td maw={220} style={{ overflowWrap: 'anywhere' }}>
                      {b.fileName ?? '–'}
                    </Table.Td>
                    <Table.Td>
                      {b.kind === 'cooperatives'
                        ? t('sheets.import.summaryCooperatives', { created: formatNumber(b.summary.created ?? 0) })
                        : t('sheets.import.summaryFigures', { saved: formatNumber(b.summary.saved ?? 0) })}
                    </Table.Td>
                    <Table.Td>{status(b)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
