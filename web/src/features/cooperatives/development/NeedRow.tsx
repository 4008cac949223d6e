import { ActionIcon, Badge, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRotate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import '../../../i18n/dialog';
import { patch } from '../../../lib/api';
import { dialogKeys, type UnitNeed } from '../../../lib/dialog';
import { formatRupiah } from '../../../lib/format';

export function NeedRow({ need, coopId, canWrite }: { need: UnitNeed; coopId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      patch(`/unit-needs/${need.id}`, { status: need.status === 'open' ? 'met' : 'open', version: need.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
    },
    onError: (e) => {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
    },
  });
  const met = need.status === 'met';
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="unit-need"
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {t(`unitDev.needKinds.${need.kind}`)}
          </Text>
          <Badge size="sm" variant="light" color={met ? 'green' : 'orange'} style={{ textTransform: 'none' }}>
            {t(`unitDev.needStatuses.${need.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c={met ? 'dimmed' : undefined} className="break-anywhere">
          {need.description}
          {need.amount !== null ? ` · ${formatRupiah(need.amount)}` : ''}
        </Text>
      </Stack>
      {canWrite && (
        <ActionIcon
          variant="light"
          color={met ? 'gray' : 'green'}
          size="lg"
          onClick={() => toggle.mutate()}
          loading={toggle.isPending}
          aria-label={met ? t('unitDev.markOpen') : t('unitDev.markMet')}
          title={met ? t('unitDev.markOpen') : t('unitDev.markMet')}
        >
          {met ? <IconRotate size={18} /> : <IconCheck size={18} />}
        </ActionIcon>
      )}
    </Group>
  );
}
