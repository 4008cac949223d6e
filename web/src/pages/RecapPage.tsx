import { Badge, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../i18n/sheets';
import { buildQuery } from '../lib/api';
import { formatDate, formatNumber, todayJakarta } from '../lib/format';
import { useDistricts } from '../lib/meta';
import { useUrlParams } from '../lib/useUrlParams';
import { DownloadButton } from '../components/assessment';
import { EmptyText, ErrorState, ListPagination, PageHeader } from '../components/common';
import { useRecap, type RecapParams } from '../features/recap/api';
import { CoopTable, DistrictTable } from '../features/recap/RecapTables';

const KEYS = ['tahun', 'tingkat', 'kecamatan', 'wilayah'] as const;

/** The ODS-style yearly recap: per kecamatan or per cooperative, one kecamatan or all, with XLSX and PDF. */
export default function RecapPage() {
  const { t } = useTranslation();
  const { values, page, set } = useUrlParams(KEYS);
  const thisYear = Number(todayJakarta().slice(0, 4));
  // The last closed fiscal year is the useful default: this year's books are still open.
  const year = /^\d{4}$/.test(values.tahun) && Number(values.tahun) <= thisYear ? Number(values.tahun) : thisYear - 1;
  const level: 'cooperative' | 'district' = values.tingkat === 'koperasi' ? 'cooperative' : 'district';
  const district = /^\d{2}\.\d{2}\.\d{2}$/.test(values.kecamatan) ? values.kecamatan : undefined;
  const districts = useDistricts();

  // `wilayah` (from a dashboard drill-down) narrows the recap to that region; default the office's area.
  const region = /^\d{2}(\.\d{2}){0,2}$/.test(values.wilayah) ? values.wilayah : undefined;
  const params: RecapParams = { year, level, district, region };
  const query = useRecap(params, page);
  const data = query.data;
  const fileQuery = buildQuery(params);
  const suffix = `${level === 'district' ? 'kecamatan-' : ''}${year}${district ? `-${district}` : ''}`;

  return (
    <>
      <PageHeader
        title={t('sheets.recap.title')}
        subtitle={t('sheets.recap.subtitle')}
        actions={
          <>
            <DownloadButton
              path={`/reports/recap.xlsx${fileQuery}`}
              fallbackName={`rekap-koperasi-${suffix}.xlsx`}
              data-testid="recap-xlsx"
            >
              {t('sheets.recap.xlsx')}
            </DownloadButton>
            <DownloadButton
              path={`/reports/recap.pdf${fileQuery}`}
              fallbackName={`rekap-koperasi-${suffix}.pdf`}
              data-testid="recap-pdf"
            >
              {t('sheets.recap.pdf')}
            </DownloadButton>
          </>
        }
      />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('sheets.recap.year')}
            data={Array.from({ length: 12 }, (_, i) => String(thisYear - i))}
            value={String(year)}
            onChange={(v) => set({ tahun: v })}
            allowDeselect={false}
            data-testid="recap-year"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('sheets.recap.level')}
            </Text>
            <SegmentedControl
              value={level}
              onChange={(v) => set({ tingkat: v === 'cooperative' ? 'koperasi' : null })}
              data={[
                { value: 'district', label: t('sheets.recap.perDistrict') },
                { value: 'cooperative', label: t('sheets.recap.perCooperative') },
              ]}
              fullWidth
              data-testid="recap-level"
            />
          </Stack>
          <Select
            label={t('sheets.recap.district')}
            placeholder={t('sheets.recap.allDistricts')}
            data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            value={district ?? null}
            onChange={(v) => set({ kecamatan: v })}
            searchable
            clearable
            nothingFoundMessage={t('common.noResults')}
            data-testid="recap-district"
          />
        </SimpleGrid>
      </Paper>

      {data && (
        <Group gap="xs" mb="sm" data-testid="recap-summary">
          <Badge variant="light" color="gray" size="lg" style={{ textTransform: 'none' }}>
            {t('sheets.recap.cooperatives', { n: formatNumber(data.totals.cooperatives) })}
          </Badge>
          <Badge variant="light" color="green" size="lg" style={{ textTransform: 'none' }}>
            {t('sheets.recap.ratHeld', { n: formatNumber(data.totals.ratHeld), year: data.year })}
          </Badge>
          <Badge variant="light" color="blue" size="lg" style={{ textTransform: 'none' }}>
            {t('sheets.recap.active', { n: formatNumber(data.totals.active) })}
          </Badge>
        </Group>
      )}
      <Text size="xs" c="dimmed" mb="xs">
        {t('sheets.recap.note', { year, asOf: data ? formatDate(data.asOf) : '…' })}
      </Text>

      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Skeleton h={320} />
      ) : data.totals.cooperatives === 0 ? (
        <EmptyText>{t('sheets.recap.empty')}</EmptyText>
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {level === 'district' ? <DistrictTable data={data} /> : <CoopTable data={data} page={page} />}
          {level === 'cooperative' && data.cooperatives && (
            <ListPagination
              page={page}
              pageSize={data.cooperatives.pageSize}
              total={data.cooperatives.total}
              onChange={(p) => {
                set({ page: p });
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </div>
      )}
    </>
  );
}
