import { Anchor, Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PriorityItem } from '../../lib/dashboard';
import { formatNumber } from '../../lib/format';
import { planPathFor, purposesForReasons } from '../../lib/visits';

/** Colour of a reason chip by what it is about. */
function reasonColor(code: string): string {
  if (code.startsWith('HEALTH_DPK') || code === 'DISSOLUTION_CANDIDATE') return 'red';
  if (code.startsWith('HEALTH')) return 'orange';
  if (code.includes('RAT') || code.includes('ODS')) return 'grape';
  if (code.includes('FOLLOW') || code.includes('CONCERN')) return 'yellow';
  return 'blue';
}

/** One ranked cooperative: its score, the reasons with their points, and "plan a visit". */
export function PriorityCard({ item, rank, canPlan }: { item: PriorityItem; rank: number; canPlan: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="priority-item">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color="gray" radius="xl" size={32} aria-label={`${t('priority.rank')} ${rank}`}>
          <Text fw={700} size="sm" className="tabular-nums">
            {rank}
          </Text>
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/koperasi/${item.cooperative.id}`} fw={600} className="break-anywhere">
                {item.cooperative.name}
              </Anchor>
              <Anchor
                component={Link}
                to={`/koperasi?district=${encodeURIComponent(item.cooperative.district.code)}`}
                size="xs"
                c="dimmed"
                className="touch-link"
              >
                Kec. {item.cooperative.district.name}
              </Anchor>
            </Stack>
            <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
              <Text
                fz={24}
                fw={750}
                lh={1}
                className="tabular-nums"
                c={item.score >= 50 ? 'red.8' : item.score >= 25 ? 'orange.8' : 'dark'}
                data-testid="priority-score"
              >
                {formatNumber(item.score)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('priority.score')}
              </Text>
            </Stack>
          </Group>
          <Group gap={6} wrap="wrap" data-testid="priority-reasons">
            {item.reasons.map((r) => (
              <Badge
                key={r.code}
                variant="light"
                color={reasonColor(r.code)}
                radius="sm"
                size="lg"
                tt="none"
                fw={500}
                styles={{
                  root: { height: 'auto', minHeight: 24, paddingBlock: 3, maxWidth: '100%' },
                  label: { whiteSpace: 'normal', lineHeight: 1.3, fontSize: 12, textAlign: 'left' },
                }}
                rightSection={
                  <Text span fz={11} fw={700} className="tabular-nums">
                    {t('priority.points', { n: formatNumber(r.points) })}
                  </Text>
                }
                data-testid="priority-reason"
              >
                {r.label}
              </Badge>
            ))}
          </Group>
          {canPlan && (
            <Group justify="flex-end" mt={2}>
              <Button
                component={Link}
                to={planPathFor(item.cooperative.id, purposesForReasons(item.reasons.map((r) => r.code)))}
                size="xs"
                variant="light"
                leftSection={<IconCalendarPlus size={14} />}
                data-testid="priority-plan-visit"
              >
                {t('visits.plan')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
