import { useState } from 'react';
import { Alert, Button, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAdjustments, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DistrictFilter, FilterBar, ResultsState, useListState } from '../components/ListScaffold';
import { usePriorities } from '../lib/dashboard';
import { PageHeader } from '../components/common';
import { PriorityCard } from '../features/priorities/PriorityCard';
import { WeightsModal } from '../features/priorities/WeightsModal';

const LIMITS = ['20', '50', '100'] as const;
const KEYS = ['district', 'limit', 'region'] as const;

/** The visit-priority ranking: filters in the URL, the ranked cards, and the weights for those who may set them. */
export default function PriorityPage() {
  const { t } = useTranslation();
  const { values, set, clear, activeCount, isMobile } = useListState(KEYS);
  const limit = (LIMITS as readonly string[]).includes(values.limit) ? Number(values.limit) : 50;
  // `region` (from a dashboard drill-down) narrows the list like the dashboard; default the office's area.
  const region = /^\d{2}(\.\d{2}){0,2}$/.test(values.region) ? values.region : undefined;
  const query = usePriorities(values.district, limit, region);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const data = query.data;

  return (
    <>
      <PageHeader
        title={t('priority.title')}
        subtitle={t('priority.subtitle')}
        actions={
          data?.can.setWeights ? (
            <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={() => setWeightsOpen(true)}>
              {t('priority.weightsButton')}
            </Button>
          ) : undefined
        }
      />
      <FilterBar
        isMobile={isMobile}
        activeCount={activeCount}
        onReset={clear}
        fields={
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <DistrictFilter
              label={t('priority.district')}
              placeholder={t('priority.allDistricts')}
              value={values.district}
              onChange={(v) => set({ district: v })}
            />
            <Select
              label={t('priority.limit')}
              data={LIMITS.map((l) => ({ value: l, label: t('priority.limitN', { n: l }) }))}
              value={String(limit)}
              onChange={(v) => set({ limit: v === '50' ? null : v })}
              allowDeselect={false}
            />
          </SimpleGrid>
        }
      />
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} mb="md" p="xs">
        <Text size="xs">{t('priority.howScored')}</Text>
      </Alert>
      <ResultsState
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={t('priority.none')}
        dimmed={query.isFetching}
        skeleton={{ rows: 6, height: 96 }}
      >
        {(d) => (
          <Stack gap="xs" data-testid="priority-list">
            {d.items.map((item, i) => (
              <PriorityCard key={item.cooperative.id} item={item} rank={i + 1} canPlan={d.can.plan} />
            ))}
          </Stack>
        )}
      </ResultsState>
      {data?.can.setWeights && <WeightsModal opened={weightsOpen} onClose={() => setWeightsOpen(false)} />}
    </>
  );
}
