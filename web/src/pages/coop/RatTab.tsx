import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import { get } from '../../lib/api';
import { type AnnualMeeting, type RatCompliance } from '../../lib/assessment';
import { formatDate, todayJakarta } from '../../lib/format';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { RatStatusBadge } from '../../components/assessment';
import { RatAnnouncementsPanel } from '../../components/desk/RatAnnouncementsPanel';
import '../../lib/desk';
import { RatModal } from '../../features/cooperatives/rat/RatModal';
import { OdsModal, MeetingCard } from '../../features/cooperatives/rat/MeetingCard';

const RECENT_YEARS = 6;
const WARNING_COLORS: Record<string, string> = {
  DISSOLUTION_CANDIDATE: 'red',
  NO_RAT_2_YEARS: 'orange',
  ODS_REPORT_LATE: 'yellow',
};

export default function RatTab({ coop, canEdit }: { coop: Coop; canEdit: boolean }) {
  const { t } = useTranslation();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<AnnualMeeting | 'new' | null>(null);
  const [ods, setOds] = useState<AnnualMeeting | null>(null);
  const compliance = useQuery({
    queryKey: ['rat-compliance', String(coop.id)],
    queryFn: ({ signal }) => get<RatCompliance>(`/cooperatives/${coop.id}/rat-compliance`, signal),
  });
  const meetings = useQuery({
    queryKey: ['annual-meetings', String(coop.id)],
    queryFn: ({ signal }) => get<{ items: AnnualMeeting[] }>(`/cooperatives/${coop.id}/annual-meetings`, signal),
    select: (d) => [...d.items].sort((a, b) => b.fiscalYear - a.fiscalYear),
  });

  const error = compliance.error ?? meetings.error;
  if (error)
    return <ErrorState error={error} onRetry={() => void Promise.all([compliance.refetch(), meetings.refetch()])} />;
  const c = compliance.data;
  const years = c ? [...c.years].sort((a, b) => b.fiscalYear - a.fiscalYear) : [];
  const shown = showAll ? years : years.slice(0, RECENT_YEARS);
  const recorded = new Set((meetings.data ?? []).map((m) => m.fiscalYear));
  const thisYear = Number(todayJakarta().slice(0, 4));
  const defaultYear = (() => {
    for (let y = thisYear - 1; y > thisYear - 10; y--) if (!recorded.has(y)) return y;
    return thisYear - 1;
  })();
  const writable = canEdit && coop.status !== 'DIBUBARKAN';

  return (
    <Stack gap="md">
      <Card withBorder padding={isMobile ? 'sm' : 'md'}>
        {!c ? (
          <Skeleton h={200} />
        ) : (
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Text fw={600}>{t('rat.complianceTitle')}</Text>
                <Text size="xs" c="dimmed">
                  {t('rat.complianceNote', { date: formatDate(c.asOf) })}
                </Text>
              </div>
              <Tooltip
                label={c.active ? t('rat.activeNote') : t('rat.inactiveNote')}
                multiline
                w={260}
                withArrow
                events={{ hover: true, focus: true, touch: true }}
              >
                <Badge
                  size="lg"
                  color={c.active ? 'green' : 'red'}
                  variant="light"
                  tabIndex={0}
                  style={{ cursor: 'help' }}
                  data-testid="rat-active"
                >
                  {c.active ? t('rat.active') : t('rat.inactive')}
                </Badge>
              </Tooltip>
            </Group>
            {(c.pending ?? 0) > 0 && (
              <Alert color="yellow" variant="light" p="xs" data-testid="rat-pending">
                <Text size="sm">{t('desk.rat.pending', { count: c.pending })}</Text>
              </Alert>
            )}
            {c.warnings.map((w) => (
              <Alert
                key={w.code}
                color={WARNING_COLORS[w.code] ?? 'orange'}
                variant="light"
                icon={<IconAlertTriangle size={18} />}
                p="xs"
                data-testid="rat-warning"
              >
                <Text size="sm">{w.message}</Text>
              </Alert>
            ))}
            {years.length === 0 ? (
              <EmptyText>{t('rat.none')}</EmptyText>
            ) : isMobile ? (
              <Stack gap={0} data-testid="rat-compliance">
                {shown.map((y) => (
                  <Group
                    key={y.fiscalYear}
                    justify="space-between"
                    wrap="nowrap"
                    gap="xs"
                    py={8}
                    style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                    data-testid="rat-year"
                    data-year={y.fiscalYear}
                  >
                    <div style={{ minWidth: 0 }}>
                      <Text fw={700} size="sm">
                        {t('rat.fiscalYear')} {y.fiscalYear}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('rat.deadline')}: {formatDate(y.deadline)}
                      </Text>
                      {y.heldOn && (
                        <Text size="xs" c="dimmed">
                          {t('rat.heldOn')}: {formatDate(y.heldOn)}
                        </Text>
                      )}
                    </div>
                    <RatStatusBadge status={y.status} />
                  </Group>
                ))}
              </Stack>
            ) : (
              <Table verticalSpacing={6} className="tabular-nums" data-testid="rat-compliance">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rat.fiscalYear')}</Table.Th>
                    <Table.Th>{t('rat.deadline')}</Table.Th>
                    <Table.Th>{t('rat.heldOn')}</Table.Th>
                    <Table.Th>{t('rat.statusLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((y) => (
                    <Table.Tr key={y.fiscalYear} data-testid="rat-year" data-year={y.fiscalYear}>
                      <Table.Td fw={700}>{y.fiscalYear}</Table.Td>
                      <Table.Td>{formatDate(y.deadline)}</Table.Td>
                      <Table.Td c={y.heldOn ? undefined : 'dimmed'}>{formatDate(y.heldOn)}</Table.Td>
                      <Table.Td>
                        <RatStatusBadge status={y.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {years.length > RECENT_YEARS && (
              <Group justify="center">
                <Button variant="subtle" size="xs" onClick={() => setShowAll((s) => !s)}>
                  {showAll ? t('rat.showFewerYears') : t('rat.showAllYears', { count: years.length })}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Card>

      <RatAnnouncementsPanel coopId={String(coop.id)} canEdit={canEdit && coop.status !== 'DIBUBARKAN'} />
      <Group justify="space-between">
        <Text fw={600}>{t('rat.records')}</Text>
        {writable && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('rat.add')}
          </Button>
        )}
      </Group>
      {!meetings.data ? (
        <Skeleton h={160} />
      ) : meetings.data.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('rat.none')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="sm" data-testid="rat-records">
          {meetings.data.map((m) => (
            <MeetingCard key={m.id} m={m} canEdit={writable} onEdit={() => setEditing(m)} onOds={() => setOds(m)} />
          ))}
        </Stack>
      )}
      {editing && (
        <RatModal
          key={editing === 'new' ? 'new' : editing.id}
          coop={coop}
          meeting={editing === 'new' ? null : editing}
          defaultYear={defaultYear}
          onClose={() => setEditing(null)}
        />
      )}
      {ods && <OdsModal coopId={coop.id} meeting={ods} onClose={() => setOds(null)} />}
    </Stack>
  );
}
