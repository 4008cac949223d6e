import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconChevronRight, IconPlus, IconUsers } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate, formatNumber, sumCounts } from '../lib/format';
import { useLabel } from '../lib/meta';
import { PageHeader, StatusBadge } from '../components/common';
import { FilterBar, ListResults, ListTable, SearchBox, useListState, useUrlSearch } from '../components/ListScaffold';
import { useCoopList } from '../features/cooperatives/api';
import { locationText } from '../features/cooperatives/location';
import { CoopListFilters } from '../features/cooperatives/CoopListFilters';
import { ExportMenu } from '../components/ExportMenu';
import { usePrerenderRelease } from '../lib/prerender';

const PAGE_SIZE = 20;
const KEYS = ['q', 'district', 'village', 'type', 'group', 'status', 'authority', 'region', 'sort'] as const;

export default function CoopListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, page, set, clear, activeCount, isMobile, goToPage } = useListState(KEYS);
  const [search, setSearch] = useUrlSearch(values.q, (q) => set({ q }, { replace: true }));

  const typeLabel = useLabel('types');
  const groupLabel = useLabel('groups');

  const query = useCoopList(values, page, PAGE_SIZE);

  const data = query.data;
  // The server-rendered first page (a cold load) stays until this one is on screen (issue #15).
  usePrerenderRelease(Boolean(data) || query.isError, setSearch);
  const filterCount = activeCount - (values.q ? 1 : 0) - (values.sort ? 1 : 0);

  const filters = <CoopListFilters values={values} set={set} />;

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
                authority: values.authority,
                region: values.region,
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
