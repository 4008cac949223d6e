import { useMemo } from 'react';
import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { useVisitsBetween, type VisitFilters, type VisitListItem } from '../../../lib/visits';

export function windowOf(from: string, to: string, f: VisitFilters): { from: string; to: string } | null {
  const a = f.from && f.from > from ? f.from : from;
  const b = f.to && f.to < to ? f.to : to;
  return a <= b ? { from: a, to: b } : null;
}

export function CalendarNav({
  title,
  onPrev,
  onNext,
  onToday,
}: {
  title: string;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" mb="sm">
      <ActionIcon variant="default" size={40} onClick={onPrev} aria-label={t('visits.calendar.prev')}>
        <IconChevronLeft size={20} />
      </ActionIcon>
      <Stack gap={0} align="center" style={{ minWidth: 0 }}>
        <Text fw={700} size="md" ta="center" tt="capitalize" data-testid="calendar-title">
          {title}
        </Text>
        <Anchor component="button" type="button" size="xs" onClick={onToday}>
          {t('visits.calendar.today')}
        </Anchor>
      </Stack>
      <ActionIcon variant="default" size={40} onClick={onNext} aria-label={t('visits.calendar.next')}>
        <IconChevronRight size={20} />
      </ActionIcon>
    </Group>
  );
}

export function byDate(items: VisitListItem[]): Map<string, VisitListItem[]> {
  const m = new Map<string, VisitListItem[]>();
  for (const v of items) {
    const list = m.get(v.date) ?? [];
    list.push(v);
    m.set(v.date, list);
  }
  return m;
}

/** The visits between the first and last day shown (narrowed by the filters' own dates), by date. */
export function useCalendarDays(first: string, last: string, filters: VisitFilters) {
  const range = windowOf(first, last, filters);
  const query = useVisitsBetween({ ...filters, from: range?.from ?? first, to: range?.to ?? first }, range !== null);
  const days = useMemo(() => byDate(range ? (query.data?.items ?? []) : []), [query.data, range]);
  return { query, days };
}

export interface CalendarViewProps {
  anchor: string;
  onAnchor: (d: string) => void;
  filters: VisitFilters;
  isMobile: boolean;
}
