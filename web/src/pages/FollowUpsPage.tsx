import { Badge, Group, Select, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconUserCheck, IconListDetails } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../i18n/dialog';
import { useMe } from '../lib/auth';
import { BIDANG_CODES, fetchFollowUps, FOLLOW_UP_FILTERS, type FollowUpFilters } from '../lib/dialog';
import { formatNumber } from '../lib/format';
import { FilterBar, useListState } from '../components/ListScaffold';
import { ErrorState, ListPagination, PageHeader } from '../components/common';
import { CoopPicker } from '../components/CoopPicker';
import { FollowUpList } from '../components/dialog/FollowUpList';
import { ExportMenu } from '../components/ExportMenu';

const PAGE_SIZE = 20;
const KEYS = ['tab', 'status', 'bidang', 'coop', 'kind'] as const;

export default function FollowUpsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const staff = !!me?.abilities.office;
  const { values, page, set, isMobile, goToPage } = useListState(KEYS);
  const tab = values.tab === 'semua' ? 'semua' : 'saya';
  const activeCount = (['status', 'bidang', 'coop', 'kind'] as const).filter((k) => values[k]).length;

  const filters: FollowUpFilters = {
    assignee: tab === 'saya' ? 'me' : undefined,
    status: values.status,
    bidang: values.bidang,
    cooperativeId: values.coop,
    responsibleKind: values.kind,
  };
  const query = useQuery({
    queryKey: ['follow-ups', 'list', filters, page],
    queryFn: ({ signal }) => fetchFollowUps({ ...filters, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled: !!me,
  });
  const overdue = useQuery({
    queryKey: ['follow-ups', 'list', 'overdue-count', filters.assignee ?? 'all'],
    queryFn: ({ signal }) => fetchFollowUps({ assignee: filters.assignee, status: 'overdue', pageSize: 1 }, signal),
    enabled: !!me,
  });
  const data = query.data;
  const overdueN = overdue.data?.total ?? 0;

  const filterFields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: staff ? 3 : 2 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t('dialog.filterStatus')}
        placeholder={t('dialog.allStatuses')}
        data={FOLLOW_UP_FILTERS.map((s) => ({ value: s, label: t(`dialog.followUpStatuses.${s}`) }))}
        value={values.status || null}
        onChange={(v) => set({ status: v })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="follow-up-status-filter"
      />
      <Select
        label={t('dialog.filterBidang')}
        placeholder={t('dialog.allBidang')}
        data={BIDANG_CODES.map((b) => ({ value: b, label: t(`dialog.bidang.${b}`) }))}
        value={values.bidang || null}
        onChange={(v) => set({ bidang: v })}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      {staff && (
        <CoopPicker
          key={values.coop ? 'set' : 'empty'}
          label={t('dialog.filterCooperative')}
          value={values.coop || null}
          onChange={(id) => set({ coop: id })}
        />
      )}
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader
        title={t('dialog.followUpsTitle')}
        subtitle={
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {staff ? t('dialog.followUpsSubtitle') : t('dialog.followUpsOwnSubtitle')}
            </Text>
            {data ? (
              <Group gap={8}>
                <Text span fw={600} c="dark.4" size="sm" data-testid="follow-up-total">
                  {t('dialog.followUpCount', { n: formatNumber(data.total) })}
                </Text>
                {overdueN > 0 && (
                  <Badge
                    color="red"
                    variant="filled"
                    size="md"
                    leftSection={<IconAlertTriangle size={12} />}
                    style={{ textTransform: 'none', cursor: 'pointer' }}
                    onClick={() => set({ status: 'overdue' })}
                    data-testid="overdue-count"
                  >
                    {t('dialog.overdueCount', { n: formatNumber(overdueN) })}
                  </Badge>
                )}
              </Group>
            ) : (
              <Skeleton h={16} w={120} />
            )}
          </Stack>
        }
        actions={<ExportMenu list="followUps" filters={{ ...filters }} />}
      />

      <Tabs value={tab} onChange={(v) => set({ tab: v === 'semua' ? 'semua' : null })} mb="sm">
        <Tabs.List>
          <Tabs.Tab value="saya" leftSection={<IconUserCheck size={16} />} data-testid="tab-mine">
            {t('dialog.tabMine')}
          </Tabs.Tab>
          <Tabs.Tab value="semua" leftSection={<IconListDetails size={16} />} data-testid="tab-all">
            {t('dialog.tabAll')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'saya' && (
        <Text size="xs" c="dimmed" mb="sm">
          {staff ? t('dialog.mineHintStaff') : t('dialog.mineHintCoop')}
        </Text>
      )}

      <FilterBar
        isMobile={isMobile}
        fields={filterFields}
        activeCount={activeCount}
        onReset={() => set({ status: null, bidang: null, coop: null, kind: null })}
      />

      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <FollowUpList
            items={data?.items}
            emptyText={
              activeCount
                ? t('common.noResults')
                : tab === 'saya'
                  ? t('dialog.noFollowUpsMine')
                  : t('dialog.noFollowUps')
            }
            showCooperative={staff}
          />
        </div>
      )}
      {data && (
        <ListPagination page={page} pageSize={data.pageSize || PAGE_SIZE} total={data.total} onChange={goToPage} />
      )}
    </>
  );
}
