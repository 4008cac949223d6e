import type { TFunction } from 'i18next';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconChevronRight, IconPlus, IconUsers } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate, formatNumber, sumCounts } from '../lib/format';
import { toOptions, useCodeList, useLabel, useVillages } from '../lib/meta';
import type { CoopListItem } from '../lib/types';
import { PageHeader, StatusBadge } from '../components/common';
import {
  DistrictFilter,
  FilterBar,
  ListResults,
  ListTable,
  SearchBox,
  useListState,
  useUrlSearch,
} from '../components/ListScaffold';
import { useCoopList } from '../features/cooperatives/api';
import { ExportMenu } from '../components/ExportMenu';
import { usePrerenderRelease } from '../lib/prerender';

const PAGE_SIZE = 20;
const KEYS = ['q', 'district', 'village', 'type', 'group', 'status', 'authority', 'region', 'sort'] as const;
const SORTS = ['name', '-name', '-updatedAt', 'updatedAt', 'district', '-members'] as const;

export function locationText(item: Pick<CoopListItem, 'village' | 'district'>, t: TFunction) {
  const kel = item.village.code.split('.')[3]?.startsWith('1');
  return t(kel ? 'coop.locationKelurahan' : 'coop.location', {
    village: item.village.name,
    district: item.district.name,
  });
}

export default function CoopListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, page, set, clear, activeCount, isMobile, goToPage } = useListState(KEYS);
  const [search, setSearch] = useUrlSearch(values.q, (q) => set({ q }, { replace: true }));

  const types = useCodeList('types');
  const groups = useCodeList('groups');
  const statuses = useCodeList('statuses');
  const typeLabel = useLabel('types');
  const groupLabel = useLabel('groups');
  const villages = useVillages(values.district || null);

  const query = useCoopList(values, page, PAGE_SIZE);

  const data = query.data;
  // The server-rendered first page (a cold load) stays until this one is on screen (issue #15).
  usePrerenderRelease(Boolean(data) || query.isError, setSearch);
  const filterCount = activeCount - (values.q ? 1 : 0) - (values.sort ? 1 : 0);

  const filters = (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
      <DistrictFilter
        label={t('coop.district')}
        placeholder={t('common.all')}
        value={values.district}
        onChange={(v) => set({ district: v, village: null })}
      />
      <Select
        label={t('coop.village')}
        placeholder={values.district ? t('common.all') : t('coop.chooseDistrictFirst')}
        data={(villages.data ?? []).map((v) => ({ value: v.code, label: v.name }))}
        value={values.village || null}
        onChange={(v) => set({ village: v })}
        disabled={!values.district}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={villages.isLoading ? <Loader size={14} /> : undefined}
      />
      <Select
        label={t('coop.type')}
        placeholder={t('common.all')}
        data={toOptions(types)}
        value={values.type || null}
        onChange={(v) => set({ type: v })}
        clearable
      />
      <Select
        label={t('coop.group')}
        placeholder={t('common.all')}
        data={toOptions(groups)}
        value={values.group || null}
        onChange={(v) => set({ group: v })}
        clearable
        searchable
        comboboxProps={{ width: 'target', position: 'bottom-start' }}
      />
      <Select
        label={t('coop.status')}
        placeholder={t('common.all')}
        data={toOptions(statuses)}
        value={values.status || null}
        onChange={(v) => set({ status: v })}
        clearable
      />
      <Select
        label={t('common.sortBy')}
        data={SORTS.map((s) => ({ value: s, label: t(`coop.sort.${s}`) }))}
        value={values.sort || 'name'}
        onChange={(v) => set({ sort: v === 'name' ? null : v })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader
        title={t('coop.listTitle')}
        subtitle={
          data ? (
            <Text span fw={600} c="dark.4" data-testid="coop-total">
              {formatCount(data.total, 'koperasi')}
            </Text>
          ) : (
            <Skeleton h={16} w={100} />
          )
        }
        actions={
          <>
            {data?.can.create && (
              <Button component={Link} to="/koperasi/baru" leftSection={<IconPlus size={18} />}>
                {t('coop.add')}
              </Button>
            )}
            <ExportMenu
              list="cooperatives"
              filters={{
                search: values.q,
                district: values.district,
                village: values.village,
                type: values.type,
                group: values.group,
                status: values.status,
                sort: values.sort,
              }}
            />
          </>
        }
      />

      <FilterBar
        isMobile={isMobile}
        search={
          <SearchBox
            value={search}
            onChange={setSearch}
            placeholder={t('coop.searchPlaceholder')}
            busy={query.isFetching}
            clearable
          />
        }
        fields={filters}
        activeCount={activeCount}
        badgeCount={filterCount}
        onReset={() => {
          setSearch('');
          clear();
        }}
      />

      <ListResults
        query={query}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={goToPage}
        empty={activeCount ? t('common.noResults') : t('common.empty')}
      >
        {(items) =>
          isMobile ? (
            <Stack gap="xs" data-testid="coop-list">
              {items.map((c) => (
                <Card
                  key={c.id}
                  withBorder
                  padding="sm"
                  component={Link}
                  to={`/koperasi/${c.id}`}
                  aria-label={c.name}
                  data-testid="coop-item"
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm" className="break-anywhere" lh={1.3}>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {locationText(c, t)}
                      </Text>
                      <Group gap={6} mt={4} wrap="wrap">
                        <StatusBadge status={c.status} size="xs" />
                        <Badge size="xs" variant="outline" color="gray">
                          {typeLabel(c.type)}
                        </Badge>
                        <Group gap={3} wrap="nowrap">
                          <IconUsers size={12} color="var(--mantine-color-dimmed)" />
                          <Text size="xs" c="dimmed" className="tabular-nums">
                            {formatNumber(sumCounts(c.membersMale, c.membersFemale))}
                          </Text>
                        </Group>
                      </Group>
                    </Stack>
                    <IconChevronRight
                      size={18}
                      color="var(--mantine-color-gray-5)"
                      style={{ flexShrink: 0, marginTop: 2 }}
                    />
                  </Group>
                </Card>
              ))}
            </Stack>
          ) : (
            <ListTable
              minWidth={860}
              data-testid="coop-list"
              columns={[
                { label: t('coop.columns.name') },
                { label: t('coop.columns.location') },
                { label: `${t('coop.type')} / ${t('coop.group')}` },
                { label: t('coop.columns.members'), ta: 'right' },
                { label: t('coop.status') },
                { label: t('coop.columns.updated') },
              ]}
            >
              {items.map((c) => (
                <Table.Tr
                  key={c.id}
                  className="coop-row"
                  onClick={() => navigate(`/koperasi/${c.id}`)}
                  data-testid="coop-item"
                >
                  <Table.Td maw={340}>
                    <Anchor
                      component={Link}
                      to={`/koperasi/${c.id}`}
                      fw={600}
                      size="sm"
                      onClick={(e) => e.stopPropagation()}
                    >
                      {c.name}
                    </Anchor>
                    {c.nik && (
                      <Text size="xs" c="dimmed" className="tabular-nums">
                        NIK {c.nik}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.village.name}</Text>
                    <Text size="xs" c="dimmed">
                      Kec. {c.district.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{typeLabel(c.type)}</Text>
                    <Text size="xs" c="dimmed">
                      {groupLabel(c.group)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums">
                    <Text size="sm">{formatNumber(sumCounts(c.membersMale, c.membersFemale))}</Text>
                    <Text size="xs" c="dimmed">
                      {t('common.male')} {formatNumber(c.membersMale)} · {t('common.female')}{' '}
                      {formatNumber(c.membersFemale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(c.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )
        }
      </ListResults>
    </>
  );
}
