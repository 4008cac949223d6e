import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, get } from '../../lib/api';
import { formatNumber, formatRupiah } from '../../lib/format';
import { useLabel } from '../../lib/meta';
import type { Id, Unit } from '../../lib/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyText, ErrorState } from '../../components/common';
import { Field } from '../../components/Field';
import { UnitModal } from '../../features/cooperatives/units/UnitModal';

export function UnitsTab({ coopId, canEdit }: { coopId: Id; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sectorLabel = useLabel('sectors');
  const statusLabel = useLabel('unitStatuses');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);

  const query = useQuery({
    queryKey: ['units', String(coopId)],
    queryFn: ({ signal }) => get<{ items: Unit[] }>(`/cooperatives/${coopId}/business-units`, signal),
  });
  const remove = useMutation({
    mutationFn: (u: Unit) => del<{ ok: boolean }>(`/cooperatives/${coopId}/business-units/${u.id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['units', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('common.deleted') });
      setDeleting(null);
    },
  });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600}>{t('units.title')}</Text>
        {canEdit && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('units.add')}
          </Button>
        )}
      </Group>
      {!items ? (
        <Skeleton h={120} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyText>{t('units.none')}</EmptyText>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {items.map((u) => {
            const permits = [
              u.permits?.nib && `${t('units.nib')} ${u.permits.nib}`,
              u.permits?.pirt && `${t('units.pirt')} ${u.permits.pirt}`,
              u.permits?.halal && `${t('units.halal')} ${u.permits.halal}`,
            ].filter(Boolean) as string[];
            return (
              <Card key={u.id} withBorder padding="md" data-testid="unit-card">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} className="break-anywhere">
                      {u.name}
                    </Text>
                    <Group gap={6}>
                      <Badge size="sm" variant="light">
                        {sectorLabel(u.sector)}
                      </Badge>
                      <Badge size="sm" variant="outline" color={u.status === 'EXISTING' ? 'green' : 'gray'}>
                        {statusLabel(u.status)}
                      </Badge>
                    </Group>
                  </Stack>
                  {canEdit && (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setEditing(u)}
                          aria-label={`${t('common.edit')} ${u.name}`}
                        >
                          <IconPencil size={18} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(u)}
                          aria-label={`${t('common.delete')} ${u.name}`}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
                <SimpleGrid cols={2} spacing="xs" mt="sm">
                  <Field label={t('units.turnover')}>{formatRupiah(u.turnover)}</Field>
                  <Field label={t('units.employees')}>{formatNumber(u.employees)}</Field>
                </SimpleGrid>
                <Stack gap="xs" mt="xs">
                  <Field label={t('units.permits')}>
                    {permits.length ? permits.join(' · ') : t('units.noPermits')}
                  </Field>
                  {u.needs && <Field label={t('units.needs')}>{u.needs}</Field>}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {editing && (
        <UnitModal
          key={editing === 'new' ? 'new' : String(editing.id)}
          coopId={coopId}
          unit={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        loading={remove.isPending}
        title={t('units.deleteTitle', { name: deleting?.name ?? '' })}
      >
        {t('common.confirmDeleteText')}
      </ConfirmModal>
    </Stack>
  );
}
