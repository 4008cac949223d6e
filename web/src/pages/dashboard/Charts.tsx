import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, type CategoryCode } from '../../lib/assessment';
import type { Dashboard } from '../../lib/dashboard';
import { formatNumber } from '../../lib/format';
import { EmptyText } from '../../components/common';
import type { BarSeriesOption, ChartOption } from './DashboardCharts';
import { listFilter } from './HeadlineCards';

/** The trend, follow-ups-per-bidang and concern-topic charts of the dashboard, each linking to its list. */
const DashboardChart = lazy(() => import('./DashboardCharts'));

const CATEGORY_HEX: Record<CategoryCode, string> = {
  SEHAT: '#2f9e44',
  CUKUP_SEHAT: '#1098ad',
  DALAM_PENGAWASAN: '#f76707',
  DALAM_PENGAWASAN_KHUSUS: '#e03131',
};

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

export function Charts({ d }: { d: Dashboard }) {
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
                      to={`/tindak-lanjut?tab=semua&${b.code === 'koperasi_sendiri' ? 'kind=COOPERATIVE' : `bidang=${b.code}`}${b.overdue > 0 ? '&status=overdue' : ''}${listFilter(d)}`}
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
                    to={`/aspirasi?topic=${x.topic}&from=${d.year}-01-01&to=${d.year}-12-31${listFilter(d)}`}
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
