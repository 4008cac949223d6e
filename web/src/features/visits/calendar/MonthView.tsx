import { Alert, Box, Group, Loader, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { todayJakarta } from '../../../lib/format';
import {
  VISIT_STATUS_COLORS,
  VISIT_STATUSES,
  addMonths,
  formatMonth,
  formatShortWeekday,
  formatWeekday,
  monthGrid,
} from '../../../lib/visits';
import { ErrorState } from '../../../components/common';

import { VisitCard } from '../VisitCard';

import { CalendarNav, useCalendarDays, type CalendarViewProps } from './parts';

/** A month grid with a dot per visit status; the chosen day's visits below. */
export function MonthView({ anchor, onAnchor, filters, isMobile }: CalendarViewProps) {
  const { t } = useTranslation();
  const today = todayJakarta();
  const weeks = monthGrid(anchor);
  const { query, days } = useCalendarDays(weeks[0]![0]!, weeks[weeks.length - 1]![6]!, filters);
  const month = anchor.slice(0, 7);
  const selected = anchor;
  const dayList = days.get(selected) ?? [];
  const weekdays = weeks[0]!.map((d) => formatShortWeekday(d));

  return (
    <Stack gap="sm">
      <Paper withBorder p={{ base: 6, sm: 'sm' }}>
        <CalendarNav
          title={formatMonth(anchor)}
          onPrev={() => onAnchor(addMonths(anchor, -1))}
          onNext={() => onAnchor(addMonths(anchor, 1))}
          onToday={() => onAnchor(today)}
        />
        <Box
          style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: isMobile ? 2 : 4 }}
          data-testid="calendar-month"
        >
          {weekdays.map((w, i) => (
            <Text key={w} size="xs" fw={700} ta="center" c={i === 6 ? 'red.7' : 'dimmed'} pb={4}>
              {isMobile ? w.slice(0, 3) : w}
            </Text>
          ))}
          {weeks.flat().map((d) => {
            const list = days.get(d) ?? [];
            const inMonth = d.slice(0, 7) === month;
            const isSel = d === selected;
            const hasConflict = list.some((v) => v.conflicts.length > 0);
            return (
              <UnstyledButton
                key={d}
                onClick={() => onAnchor(d)}
                aria-pressed={isSel}
                aria-label={`${formatWeekday(d)}: ${t('visits.calendar.dayVisits', { n: list.length })}`}
                data-testid="calendar-day"
                data-date={d}
                data-count={list.length}
                style={{
                  minHeight: isMobile ? 48 : 96,
                  borderRadius: 6,
                  padding: isMobile ? '4px 2px' : 6,
                  border: `1px solid ${isSel ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-gray-2)'}`,
                  background: isSel
                    ? 'var(--mantine-color-green-0)'
                    : inMonth
                      ? 'white'
                      : 'var(--mantine-color-gray-0)',
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: isMobile ? 'center' : 'stretch',
                  gap: 3,
                  overflow: 'hidden',
                }}
              >
                <Text
                  size="sm"
                  fw={d === today ? 800 : 500}
                  c={!inMonth ? 'gray.5' : d === today ? 'green.8' : undefined}
                  ta={isMobile ? 'center' : 'left'}
                  lh={1.2}
                  style={d === today ? { textDecoration: 'underline', textUnderlineOffset: 3 } : undefined}
                >
                  {Number(d.slice(8))}
                </Text>
                {isMobile ? (
                  list.length > 0 && (
                    <Group gap={2} justify="center" wrap="nowrap">
                      {list.slice(0, 3).map((v) => (
                        <Box
                          key={v.id}
                          w={7}
                          h={7}
                          style={{
                            borderRadius: 7,
                            background: `var(--mantine-color-${VISIT_STATUS_COLORS[v.status]}-6)`,
                          }}
                        />
                      ))}
                      {list.length > 3 && (
                        <Text fz={10} lh={1} fw={700} c="dimmed">
                          +
                        </Text>
                      )}
                      {hasConflict && (
                        <Box
                          w={7}
                          h={7}
                          style={{ background: 'var(--mantine-color-red-7)', transform: 'rotate(45deg)' }}
                        />
                      )}
                    </Group>
                  )
                ) : (
                  <>
                    {list.slice(0, 3).map((v) => (
                      <Text
                        key={v.id}
                        fz={11}
                        lh={1.25}
                        truncate="end"
                        px={4}
                        py={1}
                        style={{
                          borderRadius: 3,
                          background: `var(--mantine-color-${VISIT_STATUS_COLORS[v.status]}-0)`,
                          borderLeft: `3px solid var(--mantine-color-${v.conflicts.length ? 'red-7' : `${VISIT_STATUS_COLORS[v.status]}-6`})`,
                          textDecoration: v.status === 'cancelled' ? 'line-through' : undefined,
                        }}
                        title={v.cooperative.name}
                      >
                        {v.cooperative.name}
                      </Text>
                    ))}
                    {list.length > 3 && (
                      <Text fz={11} c="dimmed" fw={600} px={4}>
                        {t('visits.calendar.more', { n: list.length - 3 })}
                      </Text>
                    )}
                  </>
                )}
              </UnstyledButton>
            );
          })}
        </Box>
        <Group gap="md" mt="xs" justify="center" wrap="wrap">
          {VISIT_STATUSES.map((s) => (
            <Group key={s} gap={4} wrap="nowrap">
              <Box
                w={8}
                h={8}
                style={{ borderRadius: 8, background: `var(--mantine-color-${VISIT_STATUS_COLORS[s]}-6)` }}
              />
              <Text fz={11} c="dimmed">
                {t(`visits.status.${s}`)}
              </Text>
            </Group>
          ))}
          <Group gap={4} wrap="nowrap">
            <Box w={8} h={8} style={{ background: 'var(--mantine-color-red-7)', transform: 'rotate(45deg)' }} />
            <Text fz={11} c="dimmed">
              {t('visits.conflict')}
            </Text>
          </Group>
        </Group>
      </Paper>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.total > query.data.items.length && (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">
            {t('visits.calendar.truncated', { shown: query.data.items.length, total: query.data.total })}
          </Text>
        </Alert>
      )}
      <Stack gap="xs" data-testid="calendar-day-list">
        <Group justify="space-between">
          <Text fw={700} tt="capitalize">
            {formatWeekday(selected)}
          </Text>
          {query.isFetching && <Loader size="xs" />}
        </Group>
        {dayList.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('visits.calendar.noVisitsDay')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
            {dayList.map((v) => (
              <VisitCard key={v.id} visit={v} showDate={false} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
