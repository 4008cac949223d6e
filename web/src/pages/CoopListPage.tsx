import { useEffect, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Indicator,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChevronRight, IconPlus, IconSearch, IconUsers, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../lib/api';
import { canManageCoops, useMe } from '../lib/auth';
import { formatCount, formatDate, formatNumber, sumCounts } from '../lib/format';
import { toOptions, useCodeList, useDistricts, useLabel, useVillages } from '../lib/meta';
import type { CoopListItem, Page } from '../lib/types';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, ListPagination, PageHeader, StatusBadge, useDebounced } from '../components/common';
import { ExportMenu } from '../components/ExportMenu';

const PAGE_SIZE = 20;
const KEYS = ['q', 'district', 'village', 'type', 'group', 'status', 'sort'] as const;
const SORTS = ['name', '-name', '-updatedAt', 'updatedAt', 'district', '-members'] as const;

export function locationText(item: Pick<CoopListItem, 'village' | 'district'>, t: (k: string, o?: Record<string, string>) => string) {
  const kel = item.village.code.split('.')[3]?.startsWith('1');
  return t(kel ? 'coop.locationKelurahan' : 'coop.location', { village: item.village.name, district: item.district.name });
}

export default function CoopListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { values, page, set, clear, activeCount } = useUrlParams(KEYS);
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);

  const [search, setSearch] = useState(values.q);
  const debounced = useDebounced(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) set({ q: debounced.trim() || null }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    // keep the box in sync when the URL changes (back button, "clear filters")
    setSearch((s) => (s.trim() === values.q ? s : values.q));
  }, [values.q]);

  const types = useCodeList('types');
  const groups = useCodeList('groups');
  const statuses = useCodeList('statuses');
  const typeLabel = useLabel('types');
  const groupLabel = useLabel('groups');
  const districts = useDistricts();
  const villages = useVillages(values.district || null);

  const query = useQuery({
    queryKey: ['cooperatives', values, page],
    queryFn: ({ signal }) =>
      get<Page<CoopListItem>>(
        `/cooperatives${buildQuery({
          search: values.q,
          district: values.district,
          village: values.village,
          type: values.type,
          group: values.group,
          status: values.status,
          sort: values.sort || 'name',
          page,
          pageSize: PAGE_SIZE,
        })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const data = query.data;
  const filterCount = activeCount - (values.q ? 1 : 0) - (values.sort ? 1 : 0);

  const filters = (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t('coop.district')}
        placeholder={t('common.all')}
        data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        value={values.district || null}
        onChange={(v) => set({ district: v, village: null })}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={districts.isLoading ? <Loader size={14} /> : undefined}
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
            {canManageCoops(me?.role) && (
              <Button component={Link} to="/koperasi/baru" leftSection={<IconPlus size={18} />}>
                {t('coop.add')}
              </Button>
            )}
            <ExportMenu
              list="cooperatives"
              filters={{ search: values.q, district: values.district, village: values.village, type: values.type, group: values.group, status: values.status, sort: values.sort }}
            />
          </>
        }
      />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('common.search')}
              placeholder={t('coop.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              rightSection={
                search ? (
                  <IconX size={16} style={{ cursor: 'pointer' }} aria-label={t('common.resetFilters')} onClick={() => setSearch('')} />
                ) : query.isFetching ? (
                  <Loader size={14} />
                ) : null
              }
              type="search"
              inputMode="search"
            />
            {!isMobile && activeCount > 0 && (
              <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => { setSearch(''); clear(); }}>
                {t('common.resetFilters')}
              </Button>
            )}
            {isMobile && (
              <Indicator label={filterCount} size={16} disabled={filterCount === 0} offset={4}>
                <Button
                  variant={filtersOpen ? 'light' : 'default'}
                  onClick={() => setFiltersOpen((o) => !o)}
                  leftSection={<IconAdjustmentsHorizontal size={16} />}
                  aria-expanded={filtersOpen}
                >
                  {t('common.filters')}
                </Button>
              </Indicator>
            )}
          </Group>
          {isMobile ? <Collapse expanded={filtersOpen}>{filters}</Collapse> : filters}
          {isMobile && filtersOpen && activeCount > 0 && (
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" color="gray" leftSection={<IconX size={14} />} onClick={() => { setSearch(''); clear(); }}>
                {t('common.resetFilters')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Stack gap="xs">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={56} />
          ))}
        </Stack>
      ) : data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{activeCount ? t('common.noResults') : t('common.empty')}</EmptyText>
        </Paper>
      ) : isMobile ? (
        <Stack gap="xs" data-testid="coop-list" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {data.items.map((c) => (
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
                <IconChevronRight size={18} color="var(--mantine-color-gray-5)" style={{ flexShrink: 0, marginTop: 2 }} />
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden', opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="coop-list">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('coop.columns.name')}</Table.Th>
                  <Table.Th>{t('coop.columns.location')}</Table.Th>
                  <Table.Th>
                    {t('coop.type')} / {t('coop.group')}
                  </Table.Th>
                  <Table.Th ta="right">{t('coop.columns.members')}</Table.Th>
                  <Table.Th>{t('coop.status')}</Table.Th>
                  <Table.Th>{t('coop.columns.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id} className="coop-row" onClick={() => navigate(`/koperasi/${c.id}`)} data-testid="coop-item">
                    <Table.Td maw={340}>
                      <Anchor component={Link} to={`/koperasi/${c.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
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
                        {t('common.male')} {formatNumber(c.membersMale)} · {t('common.female')} {formatNumber(c.membersFemale)}
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {data && <ListPagination page={page} pageSize={data.pageSize || PAGE_SIZE} total={data.total} onChange={(p) => { set({ page: p }); window.scrollTo({ top: 0 }); }} />}
    </>
  );
}
