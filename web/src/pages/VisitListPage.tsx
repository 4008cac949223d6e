import { useMemo, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Collapse,
  Group,
  Indicator,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconCalendarMonth,
  IconCalendarWeek,
  IconChevronLeft,
  IconChevronRight,
  IconClock,
  IconList,
  IconPlus,
  IconX,
} from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../lib/dates';
import { useMe } from '../lib/auth';
import { useCoop } from '../lib/coop';
import { formatClock, formatDate, formatNumber, todayJakarta } from '../lib/format';
import { useDistricts } from '../lib/meta';
import { useUrlParams } from '../lib/useUrlParams';
import {
  BIDANG_CODES,
  VISIT_STATUS_COLORS,
  VISIT_STATUSES,
  addDays,
  addMonths,
  formatDayMonth,
  formatMonth,
  formatShortWeekday,
  formatWeekday,
  monthGrid,
  startOfWeek,
  usePrograms,
  useTeamCandidates,
  useVisits,
  useVisitsBetween,
  type VisitFilters,
  type VisitListItem,
} from '../lib/visits';
import { CoopPicker } from '../components/CoopPicker';
import { EmptyText, ErrorState, ListPagination, PageHeader } from '../components/common';
import { ExportMenu } from '../components/ExportMenu';
import { ApproveButton, ConflictFlag, PurposeChips, TeamLine, VisitStatusBadge } from '../components/visits';

const PAGE_SIZE = 20;
const KEYS = ['view', 'd', 'district', 'bidang', 'officer', 'status', 'from', 'to', 'coop', 'program'] as const;
const FILTER_KEYS = ['district', 'bidang', 'officer', 'status', 'from', 'to', 'coop', 'program'] as const;
type View = 'list' | 'month' | 'week';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function timeText(v: VisitListItem): string | null {
  if (!v.startTime) return null;
  return v.endTime ? `${formatClock(v.startTime)}–${formatClock(v.endTime)}` : formatClock(v.startTime);
}

/** One visit as a card: the list on a phone, a day of the calendar, a week column. */
function VisitCard({ visit, canApprove, showDate = true, dense = false }: { visit: VisitListItem; canApprove: boolean; showDate?: boolean; dense?: boolean }) {
  const time = timeText(visit);
  if (dense) {
    // A narrow week column: everything stacked, names wrap by word.
    return (
      <Card
        withBorder
        padding={6}
        data-testid="visit-item"
        data-visit-id={visit.id}
        style={{ borderLeft: `3px solid var(--mantine-color-${VISIT_STATUS_COLORS[visit.status]}-6)`, background: visit.status === 'cancelled' ? 'var(--mantine-color-gray-0)' : undefined }}
      >
        <Stack gap={4}>
          {time && (
            <Text fz={11} c="dimmed" fw={600}>
              {time}
            </Text>
          )}
          <Anchor component={Link} to={`/kunjungan/${visit.id}`} fw={600} fz="xs" lh={1.25} style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
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
          {canApprove && visit.status === 'planned' && <ApproveButton visit={visit} size="xs" fullWidth />}
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
      style={{ borderLeft: `4px solid var(--mantine-color-${VISIT_STATUS_COLORS[visit.status]}-6)`, background: visit.status === 'cancelled' ? 'var(--mantine-color-gray-0)' : undefined }}
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
            <Anchor component={Link} to={`/kunjungan/${visit.id}`} fw={600} size="sm" lh={1.3} className="break-anywhere">
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
        {canApprove && visit.status === 'planned' && <ApproveButton visit={visit} size="sm" tall />}
      </Stack>
    </Card>
  );
}

function ListView({ filters, page, onPage, canApprove, isMobile, filtered }: { filters: VisitFilters; page: number; onPage: (p: number) => void; canApprove: boolean; isMobile: boolean; filtered: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useVisits({ ...filters, page, pageSize: PAGE_SIZE });
  const data = query.data;
  if (query.isError && !data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) {
    return (
      <Stack gap="xs">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} h={72} />
        ))}
      </Stack>
    );
  }
  return (
    <>
      <Text size="sm" fw={600} c="dark.4" mb="xs" data-testid="visit-total">
        {t('visits.count', { n: formatNumber(data.total) })}
      </Text>
      {data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{filtered ? t('visits.noneFiltered') : t('visits.none')}</EmptyText>
        </Paper>
      ) : isMobile ? (
        <Stack gap="xs" data-testid="visit-list" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {data.items.map((v) => (
            <VisitCard key={v.id} visit={v} canApprove={canApprove} />
          ))}
        </Stack>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden', opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={960}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="visit-list">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w={140}>{t('visits.columns.date')}</Table.Th>
                  <Table.Th>{t('visits.columns.cooperative')}</Table.Th>
                  <Table.Th>{t('visits.columns.purposes')}</Table.Th>
                  <Table.Th>{t('visits.columns.team')}</Table.Th>
                  <Table.Th w={150}>{t('visits.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((v) => (
                  <Table.Tr key={v.id} className="coop-row" onClick={() => navigate(`/kunjungan/${v.id}`)} data-testid="visit-item" data-visit-id={v.id}>
                    <Table.Td>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(v.date)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatShortWeekday(v.date)}
                        {timeText(v) ? ` · ${timeText(v)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Anchor component={Link} to={`/kunjungan/${v.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()} className="break-anywhere">
                        {v.cooperative.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        Kec. {v.cooperative.district.name}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={220}>
                      <PurposeChips purposes={v.purposes} size="xs" />
                    </Table.Td>
                    <Table.Td maw={300}>
                      <TeamLine team={v.team} full />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <VisitStatusBadge status={v.status} />
                        <ConflictFlag conflicts={v.conflicts} />
                        {canApprove && v.status === 'planned' && <ApproveButton visit={v} />}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ListPagination page={page} pageSize={data.pageSize || PAGE_SIZE} total={data.total} onChange={onPage} />
    </>
  );
}

/** Window of the calendar intersected with the date-range filter; null when they do not meet. */
function windowOf(from: string, to: string, f: VisitFilters): { from: string; to: string } | null {
  const a = f.from && f.from > from ? f.from : from;
  const b = f.to && f.to < to ? f.to : to;
  return a <= b ? { from: a, to: b } : null;
}

function CalendarNav({ title, onPrev, onNext, onToday }: { title: string; onPrev: () => void; onNext: () => void; onToday: () => void }) {
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

function byDate(items: VisitListItem[]): Map<string, VisitListItem[]> {
  const m = new Map<string, VisitListItem[]>();
  for (const v of items) {
    const list = m.get(v.date) ?? [];
    list.push(v);
    m.set(v.date, list);
  }
  return m;
}

function MonthView({ anchor, onAnchor, filters, canApprove, isMobile }: { anchor: string; onAnchor: (d: string) => void; filters: VisitFilters; canApprove: boolean; isMobile: boolean }) {
  const { t } = useTranslation();
  const today = todayJakarta();
  const weeks = monthGrid(anchor);
  const range = windowOf(weeks[0]![0]!, weeks[weeks.length - 1]![6]!, filters);
  const query = useVisitsBetween({ ...filters, from: range?.from ?? anchor, to: range?.to ?? anchor }, range !== null);
  const days = useMemo(() => byDate(range ? (query.data?.items ?? []) : []), [query.data, range]);
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
        <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: isMobile ? 2 : 4 }} data-testid="calendar-month">
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
                  background: isSel ? 'var(--mantine-color-green-0)' : inMonth ? 'white' : 'var(--mantine-color-gray-0)',
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
                        <Box key={v.id} w={7} h={7} style={{ borderRadius: 7, background: `var(--mantine-color-${VISIT_STATUS_COLORS[v.status]}-6)` }} />
                      ))}
                      {list.length > 3 && (
                        <Text fz={10} lh={1} fw={700} c="dimmed">
                          +
                        </Text>
                      )}
                      {hasConflict && <Box w={7} h={7} style={{ background: 'var(--mantine-color-red-7)', transform: 'rotate(45deg)' }} />}
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
              <Box w={8} h={8} style={{ borderRadius: 8, background: `var(--mantine-color-${VISIT_STATUS_COLORS[s]}-6)` }} />
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
          <Text size="xs">{t('visits.calendar.truncated', { shown: query.data.items.length, total: query.data.total })}</Text>
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
              <VisitCard key={v.id} visit={v} canApprove={canApprove} showDate={false} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}

function WeekView({ anchor, onAnchor, filters, canApprove, isMobile }: { anchor: string; onAnchor: (d: string) => void; filters: VisitFilters; canApprove: boolean; isMobile: boolean }) {
  const { t } = useTranslation();
  const today = todayJakarta();
  const start = startOfWeek(anchor);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const range = windowOf(dates[0]!, dates[6]!, filters);
  const query = useVisitsBetween({ ...filters, from: range?.from ?? start, to: range?.to ?? start }, range !== null);
  const days = useMemo(() => byDate(range ? (query.data?.items ?? []) : []), [query.data, range]);
  const total = [...days.values()].reduce((s, l) => s + l.length, 0);
  const title = t('visits.calendar.weekOf', { from: formatDayMonth(dates[0]!), to: `${formatDayMonth(dates[6]!)} ${dates[6]!.slice(0, 4)}` });

  return (
    <Stack gap="sm">
      <Paper withBorder p={{ base: 6, sm: 'sm' }}>
        <CalendarNav title={title} onPrev={() => onAnchor(addDays(start, -7))} onNext={() => onAnchor(addDays(start, 7))} onToday={() => onAnchor(today)} />
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
                    <Text size="sm" fw={700} c={d === today ? 'green.8' : list.length ? undefined : 'dimmed'} tt="capitalize">
                      {formatWeekday(d)}
                    </Text>
                    {list.length > 0 && (
                      <Text size="xs" c="dimmed">
                        · {t('visits.calendar.dayVisits', { n: list.length })}
                      </Text>
                    )}
                  </Group>
                  {list.map((v) => (
                    <VisitCard key={v.id} visit={v} canApprove={canApprove} showDate={false} />
                  ))}
                </Stack>
              );
            })}
          </Stack>
        ) : (
          <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 6 }} data-testid="calendar-week">
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
                    <VisitCard key={v.id} visit={v} canApprove={canApprove} showDate={false} dense />
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

export default function VisitListPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { values, page, set, clear } = useUrlParams(KEYS);
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const districts = useDistricts();
  const candidates = useTeamCandidates();
  const programs = usePrograms();
  const coop = useCoop(values.coop || undefined);
  const view: View = values.view === 'month' || values.view === 'week' ? values.view : 'list';
  const anchor = ISO.test(values.d) ? values.d : todayJakarta();
  const canPlan = me?.role === 'admin' || me?.role === 'petugas';
  const canApprove = me?.role === 'admin' || me?.role === 'pimpinan';
  const activeCount = FILTER_KEYS.filter((k) => values[k] !== '').length;

  const filters: VisitFilters = {
    district: values.district || undefined,
    bidang: values.bidang || undefined,
    officerId: values.officer || undefined,
    status: values.status || undefined,
    cooperativeId: values.coop || undefined,
    programId: values.program || undefined,
    from: ISO.test(values.from) ? values.from : undefined,
    to: ISO.test(values.to) ? values.to : undefined,
  };

  const clearFilters = () => {
    clear();
    set({ view: view === 'list' ? null : view, d: values.d || null });
  };

  const filterFields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t('visits.filters.district')}
        placeholder={t('visits.filters.allDistricts')}
        data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        value={values.district || null}
        onChange={(v) => set({ district: v })}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={districts.isLoading ? <Loader size={14} /> : undefined}
      />
      <Select
        label={t('visits.filters.bidang')}
        placeholder={t('visits.filters.allBidang')}
        data={BIDANG_CODES.map((b) => ({ value: b, label: t(`labels.bidang.${b}`) }))}
        value={values.bidang || null}
        onChange={(v) => set({ bidang: v })}
        clearable
      />
      <Select
        label={t('visits.filters.officer')}
        placeholder={t('visits.filters.allOfficers')}
        data={(candidates.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
        value={values.officer || null}
        onChange={(v) => set({ officer: v })}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={candidates.isLoading ? <Loader size={14} /> : undefined}
      />
      <Select
        label={t('visits.filters.status')}
        placeholder={t('visits.filters.allStatuses')}
        data={VISIT_STATUSES.map((s) => ({ value: s, label: t(`visits.status.${s}`) }))}
        value={values.status || null}
        onChange={(v) => set({ status: v })}
        clearable
      />
      <DateInput
        label={t('visits.filters.from')}
        valueFormat="D MMM YYYY"
        locale="id"
        clearable
        value={filters.from ?? null}
        onChange={(v) => set({ from: v })}
        maxDate={filters.to}
        popoverProps={{ withinPortal: true }}
      />
      <DateInput
        label={t('visits.filters.to')}
        valueFormat="D MMM YYYY"
        locale="id"
        clearable
        value={filters.to ?? null}
        onChange={(v) => set({ to: v })}
        minDate={filters.from}
        popoverProps={{ withinPortal: true }}
      />
      <Select
        label={t('visits.filters.program')}
        placeholder={t('visits.filters.allPrograms')}
        data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={values.program || null}
        onChange={(v) => set({ program: v })}
        clearable
      />
      <Box>
        {values.coop && coop.isLoading ? (
          <Skeleton h={58} />
        ) : (
          <CoopPicker
            key={values.coop || 'none'}
            label={t('visits.filters.cooperative')}
            value={values.coop || null}
            initial={values.coop && coop.data ? { id: values.coop, name: coop.data.name } : null}
            onChange={(id) => set({ coop: id })}
          />
        )}
      </Box>
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader
        title={t('visits.title')}
        subtitle={t('visits.subtitle')}
        actions={
          <>
            {canPlan && (
              <Button component={Link} to="/kunjungan/baru" leftSection={<IconPlus size={16} />} data-testid="plan-visit">
                {t('visits.plan')}
              </Button>
            )}
            <ExportMenu list="visits" filters={{ ...filters }} />
          </>
        }
      />

      <SegmentedControl
        fullWidth={isMobile}
        mb="sm"
        value={view}
        onChange={(v) => set({ view: v === 'list' ? null : v })}
        aria-label={t('visits.viewLabel')}
        data-testid="visit-view"
        data={[
          { value: 'list', label: <ViewLabel icon={<IconList size={16} />} text={t('visits.view.list')} /> },
          { value: 'month', label: <ViewLabel icon={<IconCalendarMonth size={16} />} text={t('visits.view.month')} /> },
          { value: 'week', label: <ViewLabel icon={<IconCalendarWeek size={16} />} text={t('visits.view.week')} /> },
        ]}
      />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        {isMobile ? (
          <Stack gap="sm">
            <Group justify="space-between">
              <Indicator label={activeCount} size={16} disabled={activeCount === 0} offset={4}>
                <Button variant={filtersOpen ? 'light' : 'default'} onClick={() => setFiltersOpen((o) => !o)} leftSection={<IconAdjustmentsHorizontal size={16} />} aria-expanded={filtersOpen}>
                  {t('common.filters')}
                </Button>
              </Indicator>
              {activeCount > 0 && (
                <Button variant="subtle" size="xs" color="gray" leftSection={<IconX size={14} />} onClick={clearFilters}>
                  {t('common.resetFilters')}
                </Button>
              )}
            </Group>
            <Collapse expanded={filtersOpen}>{filterFields}</Collapse>
          </Stack>
        ) : (
          <Stack gap="xs">
            {filterFields}
            {activeCount > 0 && (
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" color="gray" leftSection={<IconX size={14} />} onClick={clearFilters}>
                  {t('common.resetFilters')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>

      {view === 'list' ? (
        <ListView
          filters={filters}
          page={page}
          onPage={(p) => {
            set({ page: p });
            window.scrollTo({ top: 0 });
          }}
          canApprove={canApprove}
          isMobile={isMobile}
          filtered={activeCount > 0}
        />
      ) : view === 'month' ? (
        <MonthView anchor={anchor} onAnchor={(d) => set({ d }, { replace: true })} filters={filters} canApprove={canApprove} isMobile={isMobile} />
      ) : (
        <WeekView anchor={anchor} onAnchor={(d) => set({ d }, { replace: true })} filters={filters} canApprove={canApprove} isMobile={isMobile} />
      )}
    </>
  );
}

function ViewLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );
}
