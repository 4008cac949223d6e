import { Badge, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../i18n/sheets';
import { buildQuery, get } from '../lib/api';
import { formatDate, formatNumber, todayJakarta } from '../lib/format';
import { useDistricts } from '../lib/meta';
import { useUrlParams } from '../lib/useUrlParams';
import { DownloadButton } from '../components/assessment';
import { EmptyText, ErrorState, ListPagination, PageHeader } from '../components/common';

interface Sums {
  cooperatives: number;
  membersMale: number;
  membersFemale: number;
  assets: number;
  ownCapital: number;
  externalCapital: number;
  businessVolume: number;
  shu: number;
  ratHeld: number;
  active: number;
}
interface CoopRow {
  name: string;
  nik: string | null;
  type: string;
  district: string;
  village: string;
  membersMale: number;
  membersFemale: number;
  assets: number | null;
  ownCapital: number | null;
  externalCapital: number | null;
  businessVolume: number | null;
  shu: number | null;
  ratHeld: boolean;
  ratHeldOn: string | null;
  active: boolean;
}
interface Recap {
  year: number;
  asOf: string;
  districts: (Sums & { code: string; name: string })[];
  totals: Sums;
  cooperatives?: { items: CoopRow[]; total: number; page: number; pageSize: number };
}

const PAGE_SIZE = 50;
const KEYS = ['tahun', 'tingkat', 'kecamatan', 'wilayah'] as const;

/** Millions of rupiah, as in the PDF: the screen stays narrow enough to read. */
const juta = (n: number | null) => (n === null ? '–' : formatNumber(Math.round(n / 1_000_000) + 0));

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
  const params = { year, level, district, region };
  const query = useQuery({
    queryKey: ['recap', params, page],
    queryFn: ({ signal }) =>
      get<Recap>(
        `/reports/recap${buildQuery({ ...params, ...(level === 'cooperative' ? { page, pageSize: PAGE_SIZE } : {}) })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
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

function MoneyHeads() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th ta="right">{t('sheets.recap.assets')}</Table.Th>
      <Table.Th ta="right">{t('sheets.recap.ownCapital')}</Table.Th>
      <Table.Th ta="right">{t('sheets.recap.externalCapital')}</Table.Th>
      <Table.Th ta="right">{t('sheets.recap.businessVolume')}</Table.Th>
      <Table.Th ta="right">{t('sheets.recap.shu')}</Table.Th>
    </>
  );
}

function MoneyCells({
  r,
}: {
  r: Pick<CoopRow, 'assets' | 'ownCapital' | 'externalCapital' | 'businessVolume' | 'shu'>;
}) {
  return (
    <>
      <Table.Td ta="right">{juta(r.assets)}</Table.Td>
      <Table.Td ta="right">{juta(r.ownCapital)}</Table.Td>
      <Table.Td ta="right">{juta(r.externalCapital)}</Table.Td>
      <Table.Td ta="right">{juta(r.businessVolume)}</Table.Td>
      <Table.Td ta="right">{juta(r.shu)}</Table.Td>
    </>
  );
}

function DistrictTable({ data }: { data: Recap }) {
  const { t } = useTranslation();
  const line = (name: string, d: Sums) => (
    <>
      <Table.Td>{name}</Table.Td>
      <Table.Td ta="right">{formatNumber(d.cooperatives)}</Table.Td>
      <Table.Td ta="right">{formatNumber(d.membersMale)}</Table.Td>
      <Table.Td ta="right">{formatNumber(d.membersFemale)}</Table.Td>
      <MoneyCells r={d} />
      <Table.Td ta="right">{formatNumber(d.ratHeld)}</Table.Td>
      <Table.Td ta="right">{formatNumber(d.active)}</Table.Td>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={920} type="native">
      <Table
        striped
        highlightOnHover
        withTableBorder
        verticalSpacing={6}
        fz="sm"
        className="tabular-nums"
        data-testid="recap-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sheets.recap.districtCol')}</Table.Th>
            <Table.Th ta="right">{t('sheets.recap.coopCount')}</Table.Th>
            <Table.Th ta="right">{t('sheets.recap.membersMale')}</Table.Th>
            <Table.Th ta="right">{t('sheets.recap.membersFemale')}</Table.Th>
            <MoneyHeads />
            <Table.Th ta="right">{t('sheets.recap.rat')}</Table.Th>
            <Table.Th ta="right">{t('sheets.recap.activeCol')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.districts.map((d) => (
            <Table.Tr key={d.code}>{line(d.name, d)}</Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="recap-totals">
            {line(t('sheets.recap.total'), data.totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function CoopTable({ data, page }: { data: Recap; page: number }) {
  const { t } = useTranslation();
  const items = data.cooperatives?.items ?? [];
  const first = (page - 1) * (data.cooperatives?.pageSize ?? PAGE_SIZE);
  const yesNo = (b: boolean) => (
    <Text span size="sm" c={b ? 'green.8' : 'red.8'} fw={500}>
      {b ? t('common.yes') : t('common.no')}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={1080} type="native">
      <Table
        striped
        highlightOnHover
        withTableBorder
        verticalSpacing={6}
        fz="sm"
        className="tabular-nums"
        data-testid="recap-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>{t('sheets.recap.no')}</Table.Th>
            <Table.Th miw={200}>{t('sheets.recap.name')}</Table.Th>
            <Table.Th>{t('sheets.recap.place')}</Table.Th>
            <Table.Th ta="right">{t('sheets.recap.membersMale')}</Table.Th>
            <Table.Th ta="right">{t('sheets.recap.membersFemale')}</Table.Th>
            <MoneyHeads />
            <Table.Th ta="center">{t('sheets.recap.rat')}</Table.Th>
            <Table.Th ta="center">{t('sheets.recap.activeCol')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r, i) => (
            <Table.Tr key={`${first + i}-${r.name}`}>
              <Table.Td c="dimmed">{formatNumber(first + i + 1)}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                {r.district}
                <Text span c="dimmed" size="xs">
                  {' '}
                  / {r.village}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.membersMale)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.membersFemale)}</Table.Td>
              <MoneyCells r={r} />
              <Table.Td ta="center" title={r.ratHeldOn ? formatDate(r.ratHeldOn) : undefined}>
                {yesNo(r.ratHeld)}
              </Table.Td>
              <Table.Td ta="center">{yesNo(r.active)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="recap-totals">
            <Table.Td colSpan={3}>
              {t('sheets.recap.totalCoops', { n: formatNumber(data.totals.cooperatives) })}
            </Table.Td>
            <Table.Td ta="right">{formatNumber(data.totals.membersMale)}</Table.Td>
            <Table.Td ta="right">{formatNumber(data.totals.membersFemale)}</Table.Td>
            <MoneyCells r={data.totals} />
            <Table.Td ta="center">{formatNumber(data.totals.ratHeld)}</Table.Td>
            <Table.Td ta="center">{formatNumber(data.totals.active)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
