import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import '../../lib/dates';
import { formatClock, formatDate } from '../../lib/format';
import { VISIT_STATUS_COLORS, type VisitListItem } from '../../lib/visits';
import { ApproveButton, ConflictFlag, PurposeChips, TeamLine, VisitStatusBadge } from '../../components/visits';

export function timeText(v: VisitListItem): string | null {
  if (!v.startTime) return null;
  return v.endTime ? `${formatClock(v.startTime)}–${formatClock(v.endTime)}` : formatClock(v.startTime);
}

/** One visit as a card: the list on a phone, a day of the calendar, a week column. */
export function VisitCard({
  visit,
  showDate = true,
  dense = false,
}: {
  visit: VisitListItem;
  showDate?: boolean;
  dense?: boolean;
}) {
  const time = timeText(visit);
  if (dense) {
    // A narrow week column: everything stacked, names wrap by word.
    return (
      <Card
        withBorder
        padding={6}
        data-testid="visit-item"
        data-visit-id={visit.id}
        style={{
          borderLeft: `3px solid var(--mantine-color-${VISIT_STATUS_COLORS[visit.status]}-6)`,
          background: visit.status === 'cancelled' ? 'var(--mantine-color-gray-0)' : undefined,
        }}
      >
        <Stack gap={4}>
          {time && (
            <Text fz={11} c="dimmed" fw={600}>
              {time}
            </Text>
          )}
          <Anchor
            component={Link}
            to={`/kunjungan/${visit.id}`}
            fw={600}
            fz="xs"
            lh={1.25}
            style={{ overflowWrap: 'break-word', hyphens: 'auto' }}
          >
            {visit.cooperative.name}
          </Anchor>
          <Text fz={11} c="dimmed" lh={1.2}>
            Kec. {visit.cooperative.district.name}
          </Text>
          <Group gap={4} wrap="wrap">
            <VisitStatusBadge status={visit.status} size="xs" />
            <ConflictFlag conflicts={visit.conflicts} compact />
          </Group>
          <PurposeChips purposes={visit.purposes} size="xs" />
          <TeamLine team={visit.team} />
          {visit.can.approve && visit.status === 'planned' && <ApproveButton visit={visit} size="xs" fullWidth />}
        </Stack>
      </Card>
    );
  }
  return (
    <Card
      withBorder
      padding={dense ? 'xs' : 'sm'}
      data-testid="visit-item"
      data-visit-id={visit.id}
      style={{
        borderLeft: `4px solid var(--mantine-color-${VISIT_STATUS_COLORS[visit.status]}-6)`,
        background: visit.status === 'cancelled' ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            {(showDate || time) && (
              <Text size="xs" c="dimmed" fw={600}>
                {showDate ? formatDate(visit.date) : null}
                {showDate && time ? ' · ' : null}
                {time && (
                  <>
                    <IconClock size={11} style={{ verticalAlign: -1, marginRight: 2 }} />
                    {time}
                  </>
                )}
              </Text>
            )}
            <Anchor
              component={Link}
              to={`/kunjungan/${visit.id}`}
              fw={600}
              size="sm"
              lh={1.3}
              className="break-anywhere"
            >
              {visit.cooperative.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              Kec. {visit.cooperative.district.name}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <VisitStatusBadge status={visit.status} size="xs" />
            <ConflictFlag conflicts={visit.conflicts} compact={dense} />
          </Stack>
        </Group>
        <PurposeChips purposes={visit.purposes} size="xs" />
        <TeamLine team={visit.team} />
        {visit.can.approve && visit.status === 'planned' && <ApproveButton visit={visit} size="sm" tall />}
      </Stack>
    </Card>
  );
}
