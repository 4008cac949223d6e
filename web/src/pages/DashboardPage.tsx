import { Fragment, lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Progress,
  RingProgress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconChevronRight } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, CATEGORY_COLORS, type CategoryCode } from '../lib/assessment';
import { percent, useDashboard, type Dashboard } from '../lib/dashboard';
import { formatDate, formatNumber, todayJakarta } from '../lib/format';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, PageHeader } from '../components/common';
import DistrictTileMap, { type TileDatum } from './dashboard/DistrictTileMap';
import type { BarSeriesOption, ChartOption } from './dashboard/DashboardCharts';

const DashboardChart = lazy(() => import('./dashboard/DashboardCharts'));

const INDICATORS = ['coverage', 'rat', 'supervision', 'overdue'] as const;
type Indicator = (typeof INDICATORS)[number];

const CATEGORY_HEX: Record<CategoryCode, string> = {
  SEHAT: '#2f9e44',
  CUKUP_SEHAT: '#1098ad',
  DALAM_PENGAWASAN: '#f76707',
  DALAM_PENGAWASAN_KHUSUS: '#e03131',
};

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${formatNumber(v)}%`);

interface Row {
  code: string;
  name: string;
  visited: number;
  target: number;
  coverage: number | null;
  ratRate: number | null;
  held: number;
  onTime: number;
  due: number;
  cats: Record<CategoryCode, number>;
  assessed: number;
  supervision: number | null;
  warnings: number;
  cooperatives: number;
  overdue: number;
  open: number;
}

function buildRows(d: Dashboard): Row[] {
  const health = new Map(d.health.byDistrict.map((h) => [h.code, h]));
  const rat = new Map(d.rat.byDistrict.map((r) => [r.code, r]));
  const fu = new Map(d.followUps.byDistrict.map((f) => [f.code, f]));
  return d.coverage.byDistrict.map((c) => {
    const h = health.get(c.code);
    const r = rat.get(c.code);
    const cats = {
      SEHAT: h?.SEHAT ?? 0,
      CUKUP_SEHAT: h?.CUKUP_SEHAT ?? 0,
      DALAM_PENGAWASAN: h?.DALAM_PENGAWASAN ?? 0,
      DALAM_PENGAWASAN_KHUSUS: h?.DALAM_PENGAWASAN_KHUSUS ?? 0,
    };
    const assessed = cats.SEHAT + cats.CUKUP_SEHAT + cats.DALAM_PENGAWASAN + cats.DALAM_PENGAWASAN_KHUSUS;
    const f = fu.get(c.code);
    return {
      code: c.code,
      name: c.name,
      visited: c.visited,
      target: c.target,
      coverage: percent(c.visited, c.target),
      ratRate: r?.rate ?? null,
      held: r?.held ?? 0,
      onTime: r?.onTime ?? 0,
      due: r?.due ?? 0,
      cats,
      assessed,
      supervision: percent(cats.DALAM_PENGAWASAN + cats.DALAM_PENGAWASAN_KHUSUS, assessed),
      warnings: r?.warnings ?? 0,
      cooperatives: r?.cooperatives ?? 0,
      overdue: f?.overdue ?? 0,
      open: f?.open ?? 0,
    };
  });
}

function CardShell({
  to,
  title,
  children,
  testId,
}: {
  to?: string;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const body = (
    <Paper withBorder p="md" h="100%" className={to ? 'dash-card dash-card-link' : 'dash-card'}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
        <Text size="sm" fw={700} c="dark.5">
          {title}
        </Text>
        {to && <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />}
      </Group>
      {children}
    </Paper>
  );
  if (!to) return <Box data-testid={testId}>{body}</Box>;
  return (
    <UnstyledButton
      component={Link}
      to={to}
      data-testid={testId}
      aria-label={`${title} – ${t('dashboard.cards.open')}`}
      style={{ display: 'block' }}
    >
      {body}
    </UnstyledButton>
  );
}

function HeadlineCards({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const coverage = percent(d.coverage.visited, d.coverage.target);
  const cats = CATEGORY_CODES.map((c) => ({ c, n: d.health[c] }));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" mb="md" data-testid="headline-cards">
      <CardShell
        to={`/kunjungan?status=done&from=${d.year}-01-01&to=${d.year}-12-31`}
        title={t('dashboard.cards.coverage')}
        testId="card-coverage"
      >
        <Group gap="sm" wrap="nowrap">
          <RingProgress
            size={84}
            thickness={9}
            roundCaps
            sections={[{ value: Math.min(100, coverage ?? 0), color: 'sambang' }]}
            label={
              <Text ta="center" fw={750} size="sm" className="tabular-nums">
                {pct(coverage)}
              </Text>
            }
          />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fz={26} fw={750} lh={1.1} className="tabular-nums">
              {formatNumber(d.coverage.visited)}
              <Text span c="dimmed" fz="md" fw={600}>
                {' '}
                / {formatNumber(d.coverage.target)}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {d.coverage.target
                ? t('dashboard.cards.coverageDetail', {
                    visited: formatNumber(d.coverage.visited),
                    target: formatNumber(d.coverage.target),
                  })
                : t('dashboard.cards.coverageNoTarget', { visited: formatNumber(d.coverage.visited) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('dashboard.cards.visits', { n: formatNumber(d.coverage.visits) })}
            </Text>
          </Stack>
        </Group>
      </CardShell>

      {/* The recap of the same fiscal year lists the same RATs held and the same active cooperatives (the
          registry's own "Aktif" status is a different, hand-set field). */}
      <CardShell to={`/rekap?tahun=${d.rat.fiscalYear}`} title={t('dashboard.cards.rat')} testId="card-rat">
        <Text
          fz={32}
          fw={750}
          lh={1.1}
          className="tabular-nums"
          c={d.rat.rate !== null && d.rat.rate < 60 ? 'red.8' : 'dark'}
        >
          {pct(d.rat.rate)}
        </Text>
        <Progress value={d.rat.rate ?? 0} color="sambang" size="sm" mt={6} mb={6} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('dashboard.cards.ratDetail', {
            held: formatNumber(d.rat.held),
            onTime: formatNumber(d.rat.onTime),
            due: formatNumber(d.rat.due),
            fiscalYear: d.rat.fiscalYear,
          })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="rat-active">
          {t('dashboard.cards.ratActive', {
            n: formatNumber(d.rat.active),
            total: formatNumber(d.rat.cooperatives),
            date: formatDate(d.rat.asOf),
          })}
        </Text>
        {d.rat.withWarnings > 0 && (
          <Text size="xs" c="orange.9" fw={600} mt={2}>
            {t('dashboard.cards.ratWarnings', { n: formatNumber(d.rat.withWarnings) })}
          </Text>
        )}
      </CardShell>

      <CardShell title={t('dashboard.cards.health')} testId="card-health">
        <Progress.Root size={14} mb={8} aria-hidden>
          {cats.map(({ c, n }) => (
            <Progress.Section
              key={c}
              value={d.health.assessed ? (n / d.health.assessed) * 100 : 0}
              color={CATEGORY_COLORS[c]}
            />
          ))}
        </Progress.Root>
        <Stack gap={3}>
          {cats.map(({ c, n }) => (
            <Anchor
              key={c}
              component={Link}
              to={`/penilaian?category=${c}`}
              size="xs"
              c="dark"
              underline="hover"
              data-testid="health-link"
              className="touch-link"
            >
              <Group gap={6} wrap="nowrap">
                <Box
                  w={10}
                  h={10}
                  style={{ borderRadius: 2, flexShrink: 0, background: `var(--mantine-color-${CATEGORY_COLORS[c]}-6)` }}
                />
                <Text span size="xs" fw={700} className="tabular-nums">
                  {formatNumber(n)}
                </Text>
                <Text span size="xs" lh={1.2}>
                  {t(`assessment.categories.${c}`)}
                </Text>
              </Group>
            </Anchor>
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt={6}>
          {t('dashboard.cards.healthDetail', { count: formatNumber(d.health.assessed), year: d.year })}
        </Text>
      </CardShell>

      <CardShell
        to={d.followUps.overdue > 0 ? '/tindak-lanjut?tab=semua&status=overdue' : '/tindak-lanjut?tab=semua'}
        title={t('dashboard.cards.followUps')}
        testId="card-followups"
      >
        <Text fz={32} fw={750} lh={1.1} className="tabular-nums" c={d.followUps.overdue > 0 ? 'red.8' : 'dark'}>
          {formatNumber(d.followUps.overdue)}
        </Text>
        <Text size="xs" c="dimmed" mt={6}>
          {t('dashboard.cards.followUpsDetail', {
            open: formatNumber(d.followUps.open),
            inProgress: formatNumber(d.followUps.in_progress),
          })}
        </Text>
      </CardShell>
    </SimpleGrid>
  );
}

function tilesFor(
  rows: Row[],
  indicator: Indicator,
  t: (k: string, o?: Record<string, unknown>) => string,
): { tiles: TileDatum[]; higherIsBetter: boolean; min: string; max: string } {
  if (indicator === 'coverage')
    return {
      higherIsBetter: true,
      min: '0%',
      max: '100%',
      tiles: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.coverage === null ? null : Math.min(100, r.coverage) / 100,
        valueText: pct(r.coverage),
        detail: t('dashboard.tooltip.coverage', { visited: formatNumber(r.visited), target: formatNumber(r.target) }),
      })),
    };
  if (indicator === 'rat')
    return {
      higherIsBetter: true,
      min: '0%',
      max: '100%',
      tiles: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.ratRate === null ? null : r.ratRate / 100,
        valueText: pct(r.ratRate),
        detail: t('dashboard.tooltip.rat', {
          held: formatNumber(r.held),
          onTime: formatNumber(r.onTime),
          due: formatNumber(r.due),
        }),
      })),
    };
  if (indicator === 'supervision')
    return {
      higherIsBetter: false,
      min: '0%',
      max: '100%',
      tiles: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.supervision === null ? null : r.supervision / 100,
        valueText: pct(r.supervision),
        detail: t('dashboard.tooltip.supervision', {
          n: formatNumber(r.cats.DALAM_PENGAWASAN + r.cats.DALAM_PENGAWASAN_KHUSUS),
          assessed: formatNumber(r.assessed),
        }),
      })),
    };
  const max = Math.max(1, ...rows.map((r) => r.overdue));
  return {
    higherIsBetter: false,
    min: '0',
    max: formatNumber(max),
    tiles: rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.overdue / max,
      valueText: formatNumber(r.overdue),
      detail: t('dashboard.tooltip.overdue', { overdue: formatNumber(r.overdue), open: formatNumber(r.open) }),
    })),
  };
}

function MapCard({
  rows,
  indicator,
  onIndicator,
}: {
  rows: Row[];
  indicator: Indicator;
  onIndicator: (i: Indicator) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const m = tilesFor(rows, indicator, t);
  const options = INDICATORS.map((i) => ({ value: i, label: t(`dashboard.indicators.${i}`) }));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md" data-testid="map-card">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Title order={2} size="h4">
            {t('dashboard.map.title')} · {t(`dashboard.indicators.${indicator}`)}
          </Title>
          <Text size="sm" fw={600} c="orange.9" data-testid="schematic-label">
            {t('dashboard.map.schematic')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('dashboard.map.schematicNote')}
          </Text>
        </Stack>
        <Box hiddenFrom="md" w="100%">
          <Select
            label={t('dashboard.map.indicator')}
            data={options}
            value={indicator}
            onChange={(v) => v && onIndicator(v as Indicator)}
            allowDeselect={false}
          />
        </Box>
        <Box visibleFrom="md">
          <Text size="xs" fw={600} mb={4} id="indicator-label">
            {t('dashboard.map.indicator')}
          </Text>
          <SegmentedControl
            aria-labelledby="indicator-label"
            data={INDICATORS.map((i) => ({ value: i, label: t(`dashboard.indicators.${i}Short`) }))}
            value={indicator}
            onChange={(v) => onIndicator(v as Indicator)}
            size="xs"
          />
        </Box>
      </Group>
      <DistrictTileMap
        tiles={m.tiles}
        higherIsBetter={m.higherIsBetter}
        legendMin={m.min}
        legendMax={m.max}
        onSelect={(code) => navigate(`/koperasi?district=${encodeURIComponent(code)}`)}
      />
    </Paper>
  );
}

type SortKey = 'name' | 'coverage' | 'ratRate' | 'supervision' | 'warnings' | 'overdue' | CategoryCode;

function DistrictTable({ rows, d }: { rows: Row[]; d: Dashboard }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const value = (r: Row, k: SortKey): number | string | null => {
    if (k === 'name') return r.name;
    if (k === 'coverage' || k === 'ratRate' || k === 'supervision' || k === 'warnings' || k === 'overdue') return r[k];
    return r.cats[k];
  };
  const sorted = [...rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'id') : Number(va) - Number(vb);
    return sort.desc ? -c : c;
  });
  const th = (k: SortKey, label: ReactNode, right = true) => {
    const active = sort.key === k;
    const Icon = active ? (sort.desc ? IconArrowDown : IconArrowUp) : IconArrowsSort;
    return (
      <Table.Th
        ta={right ? 'right' : 'left'}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
        style={{ whiteSpace: 'nowrap' }}
      >
        <UnstyledButton
          onClick={() => setSort((s) => ({ key: k, desc: s.key === k ? !s.desc : k !== 'name' }))}
          fz="sm"
          fw={700}
          data-testid={`sort-${k}`}
        >
          <Group gap={4} wrap="nowrap" justify={right ? 'flex-end' : 'flex-start'}>
            {label}
            <Icon size={14} color={active ? 'var(--mantine-color-sambang-7)' : 'var(--mantine-color-gray-5)'} />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };
  const totalCoverage = percent(d.coverage.visited, d.coverage.target);
  return (
    <Paper withBorder mb="md" style={{ overflow: 'hidden' }}>
      <Group px={{ base: 'sm', sm: 'md' }} pt="md" pb="xs" justify="space-between">
        <Title order={2} size="h4">
          {t('dashboard.table.title')}
        </Title>
      </Group>
      <Table.ScrollContainer minWidth={940}>
        <Table verticalSpacing={6} striped highlightOnHover data-testid="district-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {th('name', t('dashboard.table.district'), false)}
              {th('coverage', t('dashboard.table.coverage'))}
              {th('ratRate', t('dashboard.table.ratRate'))}
              {CATEGORY_CODES.map((c) => (
                <Fragment key={c}>
                  {th(
                    c,
                    <Badge size="xs" variant="light" color={CATEGORY_COLORS[c]} title={t(`assessment.categories.${c}`)}>
                      {t(`dashboard.categoryShort.${c}`)}
                    </Badge>,
                  )}
                </Fragment>
              ))}
              {th('supervision', t('dashboard.indicators.supervisionShort'))}
              {th('warnings', t('dashboard.table.warnings'))}
              {th('overdue', t('dashboard.indicators.overdueShort'))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.code} data-testid="district-row">
                <Table.Td>
                  <Anchor component={Link} to={`/koperasi?district=${encodeURIComponent(r.code)}`} size="sm" fw={600}>
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  <Text size="sm" fw={600}>
                    {pct(r.coverage)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatNumber(r.visited)} / {formatNumber(r.target)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  <Text size="sm" fw={600}>
                    {pct(r.ratRate)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatNumber(r.held)} / {formatNumber(r.due)}
                  </Text>
                </Table.Td>
                {CATEGORY_CODES.map((c) => (
                  <Table.Td key={c} ta="right" className="tabular-nums">
                    {r.cats[c] ? (
                      <Anchor
                        component={Link}
                        to={`/penilaian?category=${c}&district=${encodeURIComponent(r.code)}`}
                        size="sm"
                      >
                        {formatNumber(r.cats[c])}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                ))}
                <Table.Td ta="right" className="tabular-nums">
                  {pct(r.supervision)}
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  <Text size="sm" c={r.warnings ? 'orange.9' : 'dimmed'} fw={r.warnings ? 600 : 400}>
                    {formatNumber(r.warnings)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  {formatNumber(r.overdue)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700} bg="gray.0">
              <Table.Td>{t('dashboard.table.total')}</Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {pct(totalCoverage)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {pct(d.rat.rate)}
              </Table.Td>
              {CATEGORY_CODES.map((c) => (
                <Table.Td key={c} ta="right" className="tabular-nums">
                  {formatNumber(d.health[c])}
                </Table.Td>
              ))}
              <Table.Td ta="right" className="tabular-nums">
                {pct(percent(d.health.DALAM_PENGAWASAN + d.health.DALAM_PENGAWASAN_KHUSUS, d.health.assessed))}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {formatNumber(d.rat.withWarnings)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {formatNumber(d.followUps.overdue)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ChartCard({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} h="100%">
      <Title order={2} size="h4">
        {title}
      </Title>
      {note && (
        <Text size="xs" c="dimmed" mb="xs">
          {note}
        </Text>
      )}
      <Suspense fallback={<Skeleton h={240} />}>{children}</Suspense>
    </Paper>
  );
}

function Charts({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const trends = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 44, top: 56, bottom: 24 },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: d.trends.map((x) => String(x.year)) },
      yAxis: [
        { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eee' } }, axisLabel: { fontSize: 11 } },
        {
          type: 'value',
          min: 0,
          max: 100,
          splitLine: { show: false },
          axisLabel: { fontSize: 11, formatter: '{value}%' },
        },
      ],
      series: [
        ...CATEGORY_CODES.map<BarSeriesOption>((c) => ({
          name: t(`assessment.categories.${c}`),
          type: 'bar',
          stack: 'health',
          barMaxWidth: 28,
          itemStyle: { color: CATEGORY_HEX[c] },
          data: d.trends.map((x) => x.health[c]),
        })),
        {
          name: t('dashboard.charts.visits'),
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: '#adb5bd' },
          data: d.trends.map((x) => x.visits),
        },
        {
          name: t('dashboard.charts.ratRate'),
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 7,
          lineStyle: { width: 3, color: '#0b7a55' },
          itemStyle: { color: '#0b7a55' },
          data: d.trends.map((x) => x.ratRate),
        },
      ],
    }),
    [d, t],
  );
  const bidang = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eee' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: d.followUps.byBidang.map((b) => b.label),
        axisLabel: { fontSize: 11, width: 110, overflow: 'break' },
      },
      series: [
        {
          name: t('dashboard.charts.openNotOverdue'),
          type: 'bar',
          stack: 'fu',
          itemStyle: { color: '#74c0fc' },
          data: d.followUps.byBidang.map((b) => b.open - b.overdue),
        },
        {
          name: t('dashboard.charts.overdue'),
          type: 'bar',
          stack: 'fu',
          itemStyle: { color: '#e03131' },
          data: d.followUps.byBidang.map((b) => b.overdue),
        },
      ],
    }),
    [d, t],
  );
  const topics = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eee' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: d.concerns.topTopics.map((x) => x.label),
        axisLabel: { fontSize: 11, width: 120, overflow: 'truncate' },
      },
      series: [
        {
          name: t('dashboard.charts.mentions'),
          type: 'bar',
          itemStyle: { color: '#f59f00' },
          label: { show: true, position: 'right', fontSize: 11 },
          data: d.concerns.topTopics.map((x) => x.count),
        },
      ],
    }),
    [d, t],
  );
  return (
    <Stack gap="md">
      <ChartCard title={t('dashboard.charts.trends')} note={t('dashboard.charts.trendsNote')}>
        <DashboardChart option={trends} height={300} label={t('dashboard.charts.trends')} testId="trend-chart" />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title={t('dashboard.charts.followUps')} note={t('dashboard.charts.followUpsNote')}>
          {d.followUps.byBidang.length ? (
            <>
              <DashboardChart
                option={bidang}
                height={Math.max(160, 40 + d.followUps.byBidang.length * 44)}
                label={t('dashboard.charts.followUps')}
              />
              <Group gap="xs" mt={4}>
                {d.followUps.byBidang
                  .filter((b) => b.code !== 'lainnya')
                  .map((b) => (
                    <Anchor
                      key={b.code}
                      component={Link}
                      to={`/tindak-lanjut?tab=semua&${b.code === 'koperasi_sendiri' ? 'kind=COOPERATIVE' : `bidang=${b.code}`}${b.overdue > 0 ? '&status=overdue' : ''}`}
                      size="xs"
                      data-testid="bidang-link"
                      data-overdue={b.overdue}
                    >
                      {b.overdue > 0
                        ? `${b.label}: ${formatNumber(b.overdue)} ${t('dashboard.charts.overdue').toLowerCase()}`
                        : b.label}
                    </Anchor>
                  ))}
              </Group>
            </>
          ) : (
            <EmptyText>{t('dashboard.charts.empty')}</EmptyText>
          )}
        </ChartCard>
        <ChartCard title={t('dashboard.charts.concerns')} note={t('dashboard.charts.concernsNote', { year: d.year })}>
          {d.concerns.topTopics.length ? (
            <>
              <DashboardChart
                option={topics}
                height={Math.max(160, 20 + d.concerns.topTopics.length * 30)}
                label={t('dashboard.charts.concerns')}
              />
              <Group gap="xs" mt={4}>
                {d.concerns.topTopics.map((x) => (
                  <Anchor
                    key={x.topic}
                    component={Link}
                    to={`/aspirasi?topic=${x.topic}&from=${d.year}-01-01&to=${d.year}-12-31`}
                    size="xs"
                    data-testid="topic-link"
                    data-count={x.count}
                  >
                    {x.label} ({formatNumber(x.count)})
                  </Anchor>
                ))}
              </Group>
            </>
          ) : (
            <EmptyText>{t('dashboard.charts.empty')}</EmptyText>
          )}
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}

/**
 * A year without any program target or visit (a new year in January) says so plainly and offers the
 * latest year that has visits, instead of a page of zeros (issue #15).
 */
function NoDataNotice({ d, onYear }: { d: Dashboard; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  if (d.coverage.target > 0 || d.coverage.visits > 0) return null;
  const last = [...d.trends].reverse().find((x) => x.year < d.year && x.visits > 0)?.year;
  return (
    <Alert
      color="blue"
      variant="light"
      mb="md"
      data-testid="no-data-notice"
      title={t('dashboard.noData.title', { year: d.year })}
    >
      <Text size="sm">{t('dashboard.noData.text')}</Text>
      {last && (
        <Button variant="white" size="xs" mt="xs" onClick={() => onYear(last)} data-testid="no-data-last-year">
          {t('dashboard.noData.show', { year: last })}
        </Button>
      )}
    </Alert>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { values, set } = useUrlParams(['year', 'indicator'] as const);
  const thisYear = Number(todayJakarta().slice(0, 4));
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : thisYear;
  const indicator: Indicator = (INDICATORS as readonly string[]).includes(values.indicator)
    ? (values.indicator as Indicator)
    : 'coverage';
  const query = useDashboard(year);
  const d = query.data;
  const rows = useMemo(() => (d ? buildRows(d) : []), [d]);

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={d ? t('dashboard.subtitle', { date: formatDate(d.asOf) }) : <Skeleton h={16} w={220} />}
        actions={
          <Select
            aria-label={t('dashboard.year')}
            data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
            value={String(year)}
            onChange={(v) => set({ year: v === String(thisYear) ? null : v }, { replace: true })}
            allowDeselect={false}
            w={140}
            leftSection={
              <Text size="xs" c="dimmed" pl={6}>
                {t('dashboard.year')}
              </Text>
            }
            leftSectionWidth={52}
            data-testid="year-select"
          />
        }
      />
      {query.isError && !d ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !d ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} h={130} />
            ))}
          </SimpleGrid>
          <Skeleton h={320} />
        </Stack>
      ) : (
        <Box style={{ opacity: query.isFetching && query.isPlaceholderData ? 0.6 : 1 }}>
          <NoDataNotice d={d} onYear={(y) => set({ year: String(y) }, { replace: true })} />
          <HeadlineCards d={d} />
          <MapCard
            rows={rows}
            indicator={indicator}
            onIndicator={(i) => set({ indicator: i === 'coverage' ? null : i }, { replace: true })}
          />
          <DistrictTable rows={rows} d={d} />
          <Charts d={d} />
        </Box>
      )}
    </>
  );
}
