import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { RECAP_PAGE_SIZE, type CoopRow, type Recap, type Sums } from './api';

/** Millions of rupiah, as in the PDF: the screen stays narrow enough to read. */
const juta = (n: number | null) => (n === null ? '–' : formatNumber(Math.round(n / 1_000_000) + 0));

function RecapTable({ children }: { children: ReactNode }) {
  return (
    <Table
      striped
      highlightOnHover
      withTableBorder
      verticalSpacing={6}
      fz="sm"
      className="tabular-nums"
      data-testid="recap-table"
    >
      {children}
    </Table>
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

export function DistrictTable({ data }: { data: Recap }) {
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
      <RecapTable>
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
      </RecapTable>
    </Table.ScrollContainer>
  );
}

export function CoopTable({ data, page }: { data: Recap; page: number }) {
  const { t } = useTranslation();
  const items = data.cooperatives?.items ?? [];
  const first = (page - 1) * (data.cooperatives?.pageSize ?? RECAP_PAGE_SIZE);
  const yesNo = (b: boolean) => (
    <Text span size="sm" c={b ? 'green.8' : 'red.8'} fw={500}>
      {b ? t('common.yes') : t('common.no')}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={1080} type="native">
      <RecapTable>
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
      </RecapTable>
    </Table.ScrollContainer>
  );
}
