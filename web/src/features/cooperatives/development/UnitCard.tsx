import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus, IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitDevelopmentCan } from '@contract/abilities';
import '../../../i18n/dialog';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/meta';
import type { DevelopmentUnit } from './api';
import { NeedRow } from './NeedRow';

/** One business unit: its needs and its mentoring sessions, with the buttons `can` allows. */
export function UnitCard({
  unit,
  coopId,
  can,
  onAddNeed,
  onAddMentoring,
}: {
  unit: DevelopmentUnit;
  coopId: string;
  can: UnitDevelopmentCan;
  onAddNeed: () => void;
  onAddMentoring: () => void;
}) {
  const { t } = useTranslation();
  const sectorLabel = useLabel('sectors');
  return (
    <Card withBorder padding="sm" data-testid="dev-unit" data-unit={unit.name}>
      <Group justify="space-between" gap="xs" mb={4} align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} className="break-anywhere">
            {unit.name}
          </Text>
          <Text size="xs" c="dimmed">
            {sectorLabel(unit.sector)} ·{' '}
            {t('unitDev.counts', {
              open: unit.needs.filter((n) => n.status === 'open').length,
              sessions: unit.mentoring.length,
            })}
          </Text>
        </div>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="xs">
        <Stack gap={0}>
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="sm" fw={600} c="dimmed" tt="uppercase" fz={11}>
              {t('unitDev.needs')}
            </Text>
            {can.write && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={onAddNeed}
                data-testid="add-need"
              >
                {t('unitDev.addNeed')}
              </Button>
            )}
          </Group>
          {unit.needs.length === 0 ? (
            <Text size="sm" c="dimmed" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              {t('unitDev.noNeeds')}
            </Text>
          ) : (
            unit.needs.map((n) => <NeedRow key={n.id} need={n} coopId={coopId} canWrite={can.write} />)
          )}
        </Stack>
        <Stack gap={0}>
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="sm" fw={600} c="dimmed" tt="uppercase" fz={11}>
              {t('unitDev.mentoring')}
            </Text>
            {can.mentor && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSchool size={14} />}
                onClick={onAddMentoring}
                data-testid="add-mentoring"
              >
                {t('unitDev.addMentoring')}
              </Button>
            )}
          </Group>
          {unit.mentoring.length === 0 ? (
            <Text size="sm" c="dimmed" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              {t('unitDev.noMentoring')}
            </Text>
          ) : (
            [...unit.mentoring].reverse().map((m) => (
              <Stack
                key={m.id}
                gap={2}
                py={6}
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                data-testid="mentoring-session"
              >
                <Text size="sm" fw={600} className="break-anywhere">
                  {m.topic}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(m.heldOn)} · {m.mentor.fullName} ({t(`dialog.bidang.${m.bidang}`)})
                </Text>
                {m.notes && (
                  <Text size="xs" className="break-anywhere">
                    {m.notes}
                  </Text>
                )}
              </Stack>
            ))
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
