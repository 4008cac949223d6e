import { type ReactNode } from 'react';
import { Box, Button, Group, Loader, SegmentedControl, Select, SimpleGrid, Skeleton } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendarMonth, IconCalendarWeek, IconList, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../lib/dates';
import { useMe } from '../lib/auth';
import { useCoop } from '../lib/coop';
import { todayJakarta } from '../lib/format';
import { DistrictFilter, FilterBar, useListState } from '../components/ListScaffold';
import { BIDANG_CODES, VISIT_STATUSES, usePrograms, useTeamCandidates, type VisitFilters } from '../lib/visits';
import { CoopPicker } from '../components/CoopPicker';
import { PageHeader } from '../components/common';
import { ExportMenu } from '../components/ExportMenu';

const KEYS = ['view', 'd', 'district', 'bidang', 'officer', 'status', 'from', 'to', 'coop', 'program'] as const;
const FILTER_KEYS = ['district', 'bidang', 'officer', 'status', 'from', 'to', 'coop', 'program'] as const;
type View = 'list' | 'month' | 'week';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

import { VisitListView } from '../features/visits/VisitListView';
import { MonthView } from '../features/visits/calendar/MonthView';
import { WeekView } from '../features/visits/calendar/WeekView';

export default function VisitListPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { values, page, set, clear, isMobile, goToPage } = useListState(KEYS);
  const candidates = useTeamCandidates();
  const programs = usePrograms();
  const coop = useCoop(values.coop || undefined);
  const view: View = values.view === 'month' || values.view === 'week' ? values.view : 'list';
  const anchor = ISO.test(values.d) ? values.d : todayJakarta();
  const canPlan = !!me?.abilities.planVisits;
  const activeCount = FILTER_KEYS.filter((k) => values[k] !== '').length;

  const filters: VisitFilters = {
    district: values.district || undefined,
    bidang: values.bidang || undefined,
    officerId: values.officer || undefined,
    status: values.status || undefined,
    cooperativeId: values.coop || undefined,
    programId: values.program || undefined,
    from: ISO.test(values.from) ? values.from : undefined,
    to: ISO.test(values.to) ? values.to : undefined,
  };

  const clearFilters = () => {
    clear();
    set({ view: view === 'list' ? null : view, d: values.d || null });
  };

  const filterFields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <DistrictFilter
        label={t('visits.filters.district')}
        placeholder={t('visits.filters.allDistricts')}
        value={values.district}
        onChange={(v) => set({ district: v })}
      />
      <Select
        label={t('visits.filters.bidang')}
        placeholder={t('visits.filters.allBidang')}
        data={BIDANG_CODES.map((b) => ({ value: b, label: t(`labels.bidang.${b}`) }))}
        value={values.bidang || null}
        onChange={(v) => set({ bidang: v })}
        clearable
      />
      <Select
        label={t('visits.filters.officer')}
        placeholder={t('visits.filters.allOfficers')}
        data={(candidates.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
        value={values.officer || null}
        onChange={(v) => set({ officer: v })}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={candidates.isLoading ? <Loader size={14} /> : undefined}
      />
      <Select
        label={t('visits.filters.status')}
        placeholder={t('visits.filters.allStatuses')}
        data={VISIT_STATUSES.map((s) => ({ value: s, label: t(`visits.status.${s}`) }))}
        value={values.status || null}
        onChange={(v) => set({ status: v })}
        clearable
      />
      <DateInput
        label={t('visits.filters.from')}
        valueFormat="D MMM YYYY"
        locale="id"
        clearable
        value={filters.from ?? null}
        onChange={(v) => set({ from: v })}
        maxDate={filters.to}
        popoverProps={{ withinPortal: true }}
      />
      <DateInput
        label={t('visits.filters.to')}
        valueFormat="D MMM YYYY"
        locale="id"
        clearable
        value={filters.to ?? null}
        onChange={(v) => set({ to: v })}
        minDate={filters.from}
        popoverProps={{ withinPortal: true }}
      />
      <Select
        label={t('visits.filters.program')}
        placeholder={t('visits.filters.allPrograms')}
        data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={values.program || null}
        onChange={(v) => set({ program: v })}
        clearable
      />
      <Box>
        {values.coop && coop.isLoading ? (
          <Skeleton h={58} />
        ) : (
          <CoopPicker
            key={values.coop || 'none'}
            label={t('visits.filters.cooperative')}
            value={values.coop || null}
            initial={values.coop && coop.data ? { id: values.coop, name: coop.data.name } : null}
            onChange={(id) => set({ coop: id })}
          />
        )}
      </Box>
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader
        title={t('visits.title')}
        subtitle={t('visits.subtitle')}
        actions={
          <>
            {canPlan && (
              <Button
                component={Link}
                to="/kunjungan/baru"
                leftSection={<IconPlus size={16} />}
                data-testid="plan-visit"
              >
                {t('visits.plan')}
              </Button>
            )}
            <ExportMenu list="visits" filters={{ ...filters }} />
          </>
        }
      />

      <SegmentedControl
        fullWidth={isMobile}
        mb="sm"
        value={view}
        onChange={(v) => set({ view: v === 'list' ? null : v })}
        aria-label={t('visits.viewLabel')}
        data-testid="visit-view"
        data={[
          { value: 'list', label: <ViewLabel icon={<IconList size={16} />} text={t('visits.view.list')} /> },
          { value: 'month', label: <ViewLabel icon={<IconCalendarMonth size={16} />} text={t('visits.view.month')} /> },
          { value: 'week', label: <ViewLabel icon={<IconCalendarWeek size={16} />} text={t('visits.view.week')} /> },
        ]}
      />

      <FilterBar isMobile={isMobile} fields={filterFields} activeCount={activeCount} onReset={clearFilters} />

      {view === 'list' ? (
        <VisitListView filters={filters} page={page} onPage={goToPage} isMobile={isMobile} filtered={activeCount > 0} />
      ) : view === 'month' ? (
        <MonthView
          anchor={anchor}
          onAnchor={(d) => set({ d }, { replace: true })}
          filters={filters}
          isMobile={isMobile}
        />
      ) : (
        <WeekView
          anchor={anchor}
          onAnchor={(d) => set({ d }, { replace: true })}
          filters={filters}
          isMobile={isMobile}
        />
      )}
    </>
  );
}

function ViewLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );
}
