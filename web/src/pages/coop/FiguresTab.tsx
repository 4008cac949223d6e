import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, get } from '../../lib/api';
import { formatNumber, formatRupiah } from '../../lib/format';
import type { Figure, Id } from '../../lib/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyText, ErrorState } from '../../components/common';
import { Field } from '../../components/Field';
import { VerificationBadge } from '../../components/desk/VerificationBadge';
import '../../lib/desk';
import { MONEY, FigureModal } from '../../features/cooperatives/figures/FigureModal';

export function FiguresTab({ coopId, canEdit }: { coopId: Id; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [editing, setEditing] = useState<Figure | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Figure | null>(null);
  const query = useQuery({
    queryKey: ['figures', String(coopId)],
    queryFn: ({ signal }) => get<{ items: Figure[] }>(`/cooperatives/${coopId}/figures`, signal),
  });
  const remove = useMutation({
    mutationFn: (f: Figure) => del<{ ok: boolean }>(`/cooperatives/${coopId}/figures/${f.fiscalYear}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['figures', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('common.deleted') });
      setDeleting(null);
    },
  });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items;

  const actions = (f: Figure) =>
    canEdit && (
      <Group gap={4} wrap="nowrap" justify="flex-end">
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" onClick={() => setEditing(f)} aria-label={`${t('common.edit')} ${f.fiscalYear}`}>
            <IconPencil size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('common.delete')}>
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => setDeleting(f)}
            aria-label={`${t('common.delete')} ${f.fiscalYear}`}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600}>{t('figures.title')}</Text>
        {canEdit && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('figures.add')}
          </Button>
        )}
      </Group>
      {!items ? (
        <Skeleton h={160} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyText>{t('figures.none')}</EmptyText>
        </Card>
      ) : isMobile ? (
        <Stack gap="sm">
          {items.map((f) => (
            <Card key={f.fiscalYear} withBorder padding="sm" data-testid="figure-card">
              <Group justify="space-between" mb="xs">
                <Group gap={6} wrap="wrap">
                  <Text fw={700}>
                    {t('figures.fiscalYear')} {f.fiscalYear}
                  </Text>
                  <VerificationBadge v={f.verification} withReason={false} />
                </Group>
                {actions(f)}
              </Group>
              {f.verification?.status === 'RETURNED' && f.verification.reason && (
                <Text size="sm" c="red.8" mb="xs" data-testid="verification-reason">
                  {t('desk.verification.returnedReason', { reason: f.verification.reason })}
                </Text>
              )}
              <SimpleGrid cols={2} spacing="xs">
                {MONEY.map((k) => (
                  <Field key={k} label={t(`figures.${k}`)}>
                    <span className="tabular-nums">{formatRupiah(f[k])}</span>
                  </Field>
                ))}
                <Field label={t('coop.fields.members')}>
                  {f.membersMale != null || f.membersFemale != null
                    ? `${t('common.male')} ${formatNumber(f.membersMale)} · ${t('common.female')} ${formatNumber(f.membersFemale)}`
                    : null}
                </Field>
              </SimpleGrid>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="sm" className="tabular-nums">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('figures.fiscalYear')}</Table.Th>
                  {MONEY.map((k) => (
                    <Table.Th key={k} ta="right">
                      {t(`figures.${k}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('coop.fields.members')}</Table.Th>
                  {canEdit && <Table.Th w={90} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.fiscalYear}>
                    <Table.Td fw={700}>
                      {f.fiscalYear}
                      {f.verification && f.verification.status !== 'VERIFIED' && (
                        <Stack gap={2} mt={4} maw={220}>
                          <VerificationBadge v={f.verification} withReason={false} />
                          {f.verification.status === 'RETURNED' && f.verification.reason && (
                            <Text size="xs" fw={400} c="red.8" data-testid="verification-reason">
                              {t('desk.verification.returnedReason', { reason: f.verification.reason })}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    {MONEY.map((k) => (
                      <Table.Td
                        key={k}
                        ta="right"
                        style={{ whiteSpace: 'nowrap' }}
                        c={k === 'shu' && (f.shu ?? 0) < 0 ? 'red.8' : undefined}
                      >
                        {formatRupiah(f[k])}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {f.membersMale != null || f.membersFemale != null
                        ? `${t('common.male')} ${formatNumber(f.membersMale)} · ${t('common.female')} ${formatNumber(f.membersFemale)}`
                        : '–'}
                    </Table.Td>
                    {canEdit && <Table.Td>{actions(f)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && (
        <FigureModal
          key={editing === 'new' ? 'new' : editing.fiscalYear}
          coopId={coopId}
          figure={editing === 'new' ? null : editing}
          existingYears={(items ?? []).map((f) => f.fiscalYear)}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        loading={remove.isPending}
        title={t('figures.deleteTitle', { year: deleting?.fiscalYear ?? '' })}
      >
        {t('common.confirmDeleteText')}
      </ConfirmModal>
    </Stack>
  );
}
