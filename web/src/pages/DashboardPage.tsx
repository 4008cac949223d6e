import { useMemo } from 'react';
import { Alert, Box, Button, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDashboard, type Dashboard } from '../lib/dashboard';
import { formatDate, todayJakarta } from '../lib/format';
import { useUrlParams } from '../lib/useUrlParams';
import { usePrerenderRelease } from '../lib/prerender';
import { ErrorState, PageHeader } from '../components/common';
import { Charts } from './dashboard/Charts';
import { HeadlineCards } from './dashboard/HeadlineCards';
import { MapCard } from './dashboard/MapCard';
import { RegionPath } from './dashboard/RegionPath';
import { RegionTable } from './dashboard/RegionTable';
import { buildRows, INDICATORS, type Indicator } from './dashboard/rows';

/**
 * The leaders' dashboard of a region (issue 11): the office's own area by default; `region` in the
 * URL drills down (a province to a regency; a regency's kecamatan open their cooperative lists).
 */
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
  const { values, set } = useUrlParams(['year', 'indicator', 'region'] as const);
  const thisYear = Number(todayJakarta().slice(0, 4));
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : thisYear;
  const indicator: Indicator = (INDICATORS as readonly string[]).includes(values.indicator)
    ? (values.indicator as Indicator)
    : 'coverage';
  const region = /^\d{2}(\.\d{2}){0,2}$/.test(values.region) ? values.region : undefined;
  const query = useDashboard(year, region);
  const linkYear = values.year ? year : null;
  const d = query.data;
  const rows = useMemo(() => (d ? buildRows(d) : []), [d]);
  // The server-rendered figures (a cold load) stay until these are on screen (issue #15).
  usePrerenderRelease(Boolean(d) || query.isError);

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          d ? t('dashboard.subtitle', { region: d.region.name, date: formatDate(d.asOf) }) : <Skeleton h={16} w={220} />
        }
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
          <RegionPath d={d} year={linkYear} />
          <NoDataNotice d={d} onYear={(y) => set({ year: String(y) }, { replace: true })} />
          <HeadlineCards d={d} />
          <MapCard
            d={d}
            year={linkYear}
            rows={rows}
            indicator={indicator}
            onIndicator={(i) => set({ indicator: i === 'coverage' ? null : i }, { replace: true })}
          />
          {rows.length > 0 && <RegionTable rows={rows} d={d} year={linkYear} />}
          <Charts d={d} />
        </Box>
      )}
    </>
  );
}
