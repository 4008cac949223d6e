import { Fragment, useState, type ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, CATEGORY_COLORS, type CategoryCode } from '../../lib/assessment';
import { percent, type Dashboard } from '../../lib/dashboard';
import { formatNumber } from '../../lib/format';
import { pct, type Row, rowHref } from './rows';

type SortKey = 'name' | 'coverage' | 'ratRate' | 'supervision' | 'warnings' | 'overdue' | CategoryCode;

/**
 * The rows of the dashboard, sortable: kecamatan of a regency, regencies of a province (with the
 * "Kewenangan provinsi" row kept last), provinces of the nation. A name drills down (rowHref).
 */
export function RegionTable({ rows, d, year }: { rows: Row[]; d: Dashboard; year: number | null }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const value = (r: Row, k: SortKey): number | string | null => {
    if (k === 'name') return r.name;
    if (k === 'coverage' || k === 'ratRate' || k === 'supervision' || k === 'warnings' || k === 'overdue') return r[k];
    return r.cats[k];
  };
  const sorted = [...rows].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'AUTHORITY' ? 1 : -1;
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
  const level = d.rowLevel ?? 'KECAMATAN';
  const kecamatan = level === 'KECAMATAN';
  return (
    <Paper withBorder mb="md" style={{ overflow: 'hidden' }}>
      <Group px={{ base: 'sm', sm: 'md' }} pt="md" pb="xs" justify="space-between">
        <Title order={2} size="h4">
          {t(`dashboard.table.title.${level}`)}
        </Title>
      </Group>
      <Table.ScrollContainer minWidth={940}>
        <Table verticalSpacing={6} striped highlightOnHover data-testid="district-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {th('name', t(`dashboard.table.column.${level}`), false)}
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
              <Table.Tr key={r.code} data-testid="district-row" data-code={r.code}>
                <Table.Td>
                  {rowHref(d, r, year) ? (
                    <Anchor component={Link} to={rowHref(d, r, year)!} size="sm" fw={600}>
                      {r.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600} fs="italic" title={t('dashboard.table.authorityNote')}>
                      {r.name}
                    </Text>
                  )}
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
                    {r.cats[c] && kecamatan ? (
                      <Anchor
                        component={Link}
                        to={`/penilaian?category=${c}&district=${encodeURIComponent(r.code)}`}
                        size="sm"
                      >
                        {formatNumber(r.cats[c])}
                      </Anchor>
                    ) : (
                      <Text size="sm" c={r.cats[c] ? undefined : 'dimmed'}>
                        {formatNumber(r.cats[c])}
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
              <Table.Td>{t(`dashboard.table.total.${d.region.level}`)}</Table.Td>
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
