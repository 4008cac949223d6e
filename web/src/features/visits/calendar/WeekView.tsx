import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { todayJakarta } from '../../../lib/format';
import { addDays, formatDayMonth, formatShortWeekday, formatWeekday, startOfWeek } from '../../../lib/visits';
import { ErrorState } from '../../../components/common';

import { VisitCard } from '../VisitCard';

import { CalendarNav, useCalendarDays, type CalendarViewProps } from './parts';

/** Seven days: columns on wide screens, a list of days on phones. */
export function WeekView({ anchor, onAnchor, filters, isMobile }: CalendarViewProps) {
  const { t } = useTranslation();
  const today = todayJakarta();
  const start = startOfWeek(anchor);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const { query, days } = useCalendarDays(dates[0]!, dates[6]!, filters);
  const total = [...days.values()].reduce((s, l) => s + l.length, 0);
  const title = t('visits.calendar.weekOf', {
    from: formatDayMonth(dates[0]!),
    to: `${formatDayMonth(dates[6]!)} ${dates[6]!.slice(0, 4)}`,
  });

  return (
    <Stack gap="sm">
      <Paper withBorder p={{ base: 6, sm: 'sm' }}>
        <CalendarNav
          title={title}
          onPrev={() => onAnchor(addDays(start, -7))}
          onNext={() => onAnchor(addDays(start, 7))}
          onToday={() => onAnchor(today)}
        />
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        {isMobile ? (
          <Stack gap="sm" data-testid="calendar-week">
            {total === 0 && !query.isFetching && (
              <Text size="sm" c="dimmed" ta="center" py="xs">
                {t('visits.calendar.noVisitsWeek')}
              </Text>
            )}
            {dates.map((d) => {
              const list = days.get(d) ?? [];
              return (
                <Stack key={d} gap={6} data-testid="calendar-day" data-date={d} data-count={list.length}>
                  <Group gap={6} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} pb={2}>
                    <Text
                      size="sm"
                      fw={700}
                      c={d === today ? 'green.8' : list.length ? undefined : 'dimmed'}
                      tt="capitalize"
                    >
                      {formatWeekday(d)}
                    </Text>
                    {list.length > 0 && (
                      <Text size="xs" c="dimmed">
                        · {t('visits.calendar.dayVisits', { n: list.length })}
                      </Text>
                    )}
                  </Group>
                  {list.map((v) => (
                    <VisitCard key={v.id} visit={v} showDate={false} />
                  ))}
                </Stack>
              );
            })}
          </Stack>
        ) : (
          <Box
            style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 6 }}
            data-testid="calendar-week"
          >
            {dates.map((d, i) => {
              const list = days.get(d) ?? [];
              return (
                <Stack
                  key={d}
                  gap={6}
                  p={6}
                  data-testid="calendar-day"
                  data-date={d}
                  data-count={list.length}
                  style={{
                    minHeight: 320,
                    borderRadius: 6,
                    border: `1px solid ${d === today ? 'var(--mantine-color-green-5)' : 'var(--mantine-color-gray-2)'}`,
                    background: i === 6 ? 'var(--mantine-color-gray-0)' : 'white',
                    minWidth: 0,
                  }}
                >
                  <Stack gap={0}>
                    <Text size="xs" fw={700} c={i === 6 ? 'red.7' : 'dimmed'} tt="capitalize">
                      {formatShortWeekday(d)}
                    </Text>
                    <Text size="lg" fw={d === today ? 800 : 600} c={d === today ? 'green.8' : undefined} lh={1.1}>
                      {Number(d.slice(8))}
                    </Text>
                  </Stack>
                  {list.map((v) => (
                    <VisitCard key={v.id} visit={v} showDate={false} dense />
                  ))}
                </Stack>
              );
            })}
          </Box>
        )}
      </Paper>
    </Stack>
  );
}
