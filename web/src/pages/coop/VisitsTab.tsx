import { useState } from 'react';
import { Anchor, Button, Card, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconClock, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { formatClock, formatDate, formatNumber } from '../../lib/format';
import type { Coop } from '../../lib/types';
import { VISIT_STATUS_COLORS, planPathFor, useVisits } from '../../lib/visits';
import { EmptyText, ErrorState, ListPagination } from '../../components/common';
import { ApproveButton, ConflictFlag, PurposeChips, TeamLine, VisitStatusBadge } from '../../components/visits';

const PAGE_SIZE = 10;

/** The cooperative's visits, newest first. A koperasi user reads its own; staff plan from here. */
export default function VisitsTab({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [page, setPage] = useState(1);
  const query = useVisits({ cooperativeId: String(coop.id), page, pageSize: PAGE_SIZE, sort: '-date' });
  const data = query.data;
  const canPlan = !!me?.abilities.planVisits && coop.status !== 'DIBUBARKAN';
  const isStaff = !!me?.abilities.office;

  return (
    <Stack gap="sm" data-testid="coop-visits">
      <Group justify="space-between" gap="xs">
        <Text fw={700}>
          {t('coopVisits.title')}
          {data ? (
            <Text span c="dimmed" fw={500}>
              {` · ${formatNumber(data.total)}`}
            </Text>
          ) : null}
        </Text>
        <Group gap="xs">
          {isStaff && data && data.total > 0 && (
            <Anchor component={Link} to={`/kunjungan?coop=${coop.id}`} size="sm">
              {t('coopVisits.all')}
            </Anchor>
          )}
          {canPlan && (
            <Button
              component={Link}
              to={planPathFor(String(coop.id))}
              leftSection={<IconPlus size={16} />}
              size="sm"
              data-testid="coop-plan-visit"
            >
              {t('visits.plan')}
            </Button>
          )}
        </Group>
      </Group>
      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Stack gap="xs">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} h={80} />
          ))}
        </Stack>
      ) : data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('coopVisits.none')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="xs" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {data.items.map((v) => (
            <Card
              key={v.id}
              withBorder
              padding="sm"
              data-testid="coop-visit-item"
              style={{ borderLeft: `4px solid var(--mantine-color-${VISIT_STATUS_COLORS[v.status]}-6)` }}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={6} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/kunjungan/${v.id}`} fw={600} size="sm">
                    {formatDate(v.date)}
                    {v.startTime && (
                      <Text span size="xs" c="dimmed" fw={500} ml={6}>
                        <IconClock size={11} style={{ verticalAlign: -1, marginRight: 2 }} />
                        {v.endTime ? `${formatClock(v.startTime)}–${formatClock(v.endTime)}` : formatClock(v.startTime)}
                      </Text>
                    )}
                  </Anchor>
                  <PurposeChips purposes={v.purposes} size="xs" />
                  <TeamLine team={v.team} />
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                  <VisitStatusBadge status={v.status} size="xs" />
                  <ConflictFlag conflicts={v.conflicts} compact />
                  {v.can.approve && v.status === 'planned' && <ApproveButton visit={v} />}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {data && <ListPagination page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />}
    </Stack>
  );
}
