import { formatDate } from '../lib/format';
import { useState } from 'react';
import { Badge, Button, Group, Loader, Select, SimpleGrid, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../i18n/dialog';
import { useMe } from '../lib/auth';
import {
  CONCERN_KINDS,
  CONCERN_STATUSES,
  CONCERN_TOPICS,
  fetchConcerns,
  RAISED_VIA,
  SEVERITIES,
  type ConcernFilters,
} from '../lib/dialog';
import { formatNumber } from '../lib/format';
import { useDistricts } from '../lib/meta';
import { FilterBar, ListResults, useListState } from '../components/ListScaffold';
import { PageHeader } from '../components/common';
import { CoopPicker } from '../components/CoopPicker';
import { ConcernCard } from '../components/dialog/ConcernCard';
import { ConcernDetail } from '../components/dialog/ConcernDetail';
import { ConcernFormModal } from '../components/dialog/modals';
import { ExportMenu } from '../components/ExportMenu';

const PAGE_SIZE = 20;
const KEYS = ['status', 'kind', 'topic', 'severity', 'district', 'coop', 'via', 'unseen', 'from', 'to'] as const;

export default function ConcernsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  /** The Dinas' inbox (office) or a cooperative's own concerns (portal). */
  const staff = !!me?.abilities.office;
  const { values, page, set, clear, activeCount, isMobile, goToPage } = useListState(KEYS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  const districts = useDistricts(staff);
  const ownCoop = me?.abilities.portal && me.cooperativeId != null ? String(me.cooperativeId) : null;

  const filters: ConcernFilters = {
    status: values.status,
    kind: values.kind,
    topic: values.topic,
    severity: values.severity,
    district: values.district,
    cooperativeId: values.coop,
    raisedVia: values.via,
    unseen: values.unseen ? 'true' : undefined,
    from: values.from,
    to: values.to,
  };
  const query = useQuery({
    queryKey: ['concerns', 'list', filters, page],
    queryFn: ({ signal }) => fetchConcerns({ ...filters, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled: !!me,
  });
  const unseenCount = useQuery({
    queryKey: ['concerns', 'list', 'unseen-count'],
    queryFn: ({ signal }) => fetchConcerns({ unseen: 'true', pageSize: 1 }, signal),
    enabled: staff,
  });
  const data = query.data;
  const select = (
    key: (typeof KEYS)[number],
    label: string,
    placeholder: string,
    options: { value: string; label: string }[],
    extra: object = {},
  ) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={options}
      value={values[key] || null}
      onChange={(v) => set({ [key]: v })}
      clearable
      comboboxProps={{ withinPortal: true }}
      {...extra}
    />
  );

  const filterFields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      {select(
        'status',
        t('dialog.filterStatus'),
        t('dialog.allStatuses'),
        CONCERN_STATUSES.map((s) => ({ value: s, label: t(`dialog.concernStatuses.${s}`) })),
      )}
      {select(
        'kind',
        t('dialog.filterKind'),
        t('dialog.allKinds'),
        CONCERN_KINDS.map((s) => ({ value: s, label: t(`dialog.kinds.${s}`) })),
      )}
      {select(
        'topic',
        t('dialog.filterTopic'),
        t('dialog.allTopics'),
        CONCERN_TOPICS.map((s) => ({ value: s, label: t(`dialog.topics.${s}`) })),
      )}
      {select(
        'severity',
        t('dialog.filterSeverity'),
        t('dialog.allSeverities'),
        SEVERITIES.map((s) => ({ value: s, label: t(`dialog.severities.${s}`) })),
      )}
      {staff &&
        select(
          'district',
          t('dialog.filterDistrict'),
          t('coop.allDistricts'),
          (districts.data ?? []).map((d) => ({ value: d.code, label: d.name })),
          {
            searchable: true,
            nothingFoundMessage: t('common.noResults'),
            rightSection: districts.isLoading ? <Loader size={14} /> : undefined,
          },
        )}
      {staff && (
        <CoopPicker
          key={values.coop ? 'set' : 'empty'}
          label={t('dialog.filterCooperative')}
          value={values.coop || null}
          onChange={(id) => set({ coop: id })}
        />
      )}
      {select(
        'via',
        t('dialog.filterRaisedVia'),
        t('dialog.allSources'),
        RAISED_VIA.map((s) => ({ value: s, label: t(`dialog.raisedVia.${s}`) })),
      )}
      {staff && (
        <Stack justify="flex-end" pb={6}>
          <Switch
            label={t('dialog.unseenOnly')}
            checked={!!values.unseen}
            onChange={(e) => set({ unseen: e.currentTarget.checked ? '1' : null })}
            data-testid="unseen-only"
          />
        </Stack>
      )}
    </SimpleGrid>
  );

  const exportFilters = filters;

  return (
    <>
      <PageHeader
        title={staff ? t('dialog.inboxTitle') : t('dialog.ownTitle')}
        subtitle={
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {staff ? t('dialog.inboxSubtitle') : t('dialog.ownSubtitle')}
            </Text>
            {data ? (
              <Group gap={8}>
                <Text span fw={600} c="dark.4" size="sm" data-testid="concern-total">
                  {t('dialog.count', { n: formatNumber(data.total) })}
                </Text>
                {staff && (unseenCount.data?.total ?? 0) > 0 && (
                  <Badge
                    color="sambang"
                    variant="filled"
                    size="md"
                    style={{ textTransform: 'none', cursor: 'pointer' }}
                    onClick={() => set({ unseen: '1' })}
                    data-testid="unseen-count"
                  >
                    {t('dialog.unseenCount', { n: formatNumber(unseenCount.data!.total) })}
                  </Badge>
                )}
              </Group>
            ) : (
              <Skeleton h={16} w={120} />
            )}
          </Stack>
        }
        actions={
          <>
            {ownCoop && (
              <Button
                leftSection={<IconMessagePlus size={16} />}
                onClick={() => setRaising(true)}
                data-testid="raise-concern"
              >
                {t('dialog.raise')}
              </Button>
            )}
            <ExportMenu list="concerns" filters={{ ...exportFilters }} />
          </>
        }
      />

      <FilterBar
        isMobile={isMobile}
        fields={filterFields}
        activeCount={activeCount}
        onReset={clear}
        footer={
          (values.from || values.to) && (
            <Badge
              mt="sm"
              variant="light"
              color="blue"
              style={{ textTransform: 'none' }}
              data-testid="concern-date-range"
            >
              {t('dialog.recordedRange', {
                from: values.from ? formatDate(values.from) : '…',
                to: values.to ? formatDate(values.to) : '…',
              })}
            </Badge>
          )
        }
      />

      <ListResults
        query={query}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={goToPage}
        skeleton={{ rows: 5, height: 110 }}
        empty={activeCount ? t('common.noResults') : staff ? t('dialog.none') : t('dialog.noneOwn')}
      >
        {(items) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs" data-testid="concern-list">
            {items.map((c) => (
              <ConcernCard
                key={c.id}
                concern={c}
                onOpen={() => setOpenId(c.id)}
                showCooperative={staff}
                highlightUnseen={staff}
              />
            ))}
          </SimpleGrid>
        )}
      </ListResults>
      {openId && <ConcernDetail concernId={openId} onClose={() => setOpenId(null)} />}
      {raising && ownCoop && <ConcernFormModal cooperativeId={ownCoop} portal onClose={() => setRaising(false)} />}
    </>
  );
}
