import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { VERIFICATION_KIND_LABELS, VERIFICATION_KINDS } from '@domain/desk/verification';
import { post } from '../../lib/api';
import type { VerificationItem } from '../../lib/desk';
import { useCoop } from '../../lib/coop';
import { useDistricts } from '../../lib/meta';
import { FilterBar, ListResults, useListState } from '../../components/ListScaffold';
import { useVerifications } from './api';
import { FilingCard } from './FilingCard';
import { ReturnModal } from './ReturnModal';

const PAGE_SIZE = 20;
const KEYS = ['status', 'kind', 'district', 'minAgeDays', 'coop'] as const;

/** What cooperatives filed: nothing counts until verified here. */
export function FilingsQueue() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // `coop` narrows the queue to one cooperative (the link of a "menunggu verifikasi" notice).
  const { values, page, set, clear, isMobile, goToPage } = useListState(KEYS);
  const params = { ...values, status: values.status || 'PENDING' };
  const coop = useCoop(values.coop || undefined);
  const districts = useDistricts();
  const [returning, setReturning] = useState<VerificationItem | null>(null);
  const query = useVerifications(params, page, PAGE_SIZE);
  const verify = useMutation({
    mutationFn: (id: string) => post(`/verifications/${id}/verify`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['verifications'] });
      notifications.show({ color: 'green', message: t('desk.queue.verified') });
    },
    onError: (e) =>
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e), autoClose: 8000 }),
  });
  const active = [values.status, values.kind, values.district, values.minAgeDays].filter(Boolean).length;
  const fields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Select
        label={t('desk.queue.status')}
        data={(['PENDING', 'RETURNED', 'VERIFIED'] as const).map((s) => ({
          value: s,
          label: t(`desk.verification.${s}`),
        }))}
        value={params.status}
        onChange={(v) => set({ status: v === 'PENDING' ? null : v })}
        allowDeselect={false}
      />
      <Select
        label={t('desk.queue.kind')}
        placeholder={t('desk.queue.allKinds')}
        data={VERIFICATION_KINDS.map((k) => ({ value: k, label: VERIFICATION_KIND_LABELS[k] }))}
        value={params.kind || null}
        onChange={(v) => set({ kind: v })}
        clearable
        data-testid="queue-kind"
      />
      <Select
        label={t('desk.queue.district')}
        placeholder={t('desk.queue.allDistricts')}
        data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        value={params.district || null}
        onChange={(v) => set({ district: v })}
        clearable
        searchable
      />
      <Select
        label={t('desk.queue.age')}
        placeholder={t('desk.queue.anyAge')}
        data={['3', '7', '14', '30'].map((d) => ({ value: d, label: t('desk.queue.days', { count: Number(d) }) }))}
        value={params.minAgeDays || null}
        onChange={(v) => set({ minAgeDays: v })}
        clearable
      />
    </SimpleGrid>
  );
  return (
    <Stack gap={0}>
      <FilterBar
        isMobile={isMobile}
        fields={fields}
        activeCount={active}
        onReset={clear}
        footer={
          values.coop && (
            <Group gap="xs" wrap="wrap" mt="sm" data-testid="queue-coop-filter">
              <Text size="sm">{t('desk.queue.onlyCoop', { name: coop.data?.name ?? '…' })}</Text>
              <Button size="compact-sm" variant="subtle" onClick={() => set({ coop: null })}>
                {t('desk.queue.allCoops')}
              </Button>
            </Group>
          )
        }
      />
      <ListResults
        query={query}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={goToPage}
        empty={t('desk.queue.none')}
        skeleton={{ rows: 3, height: 96 }}
      >
        {(items, data) => (
          <Stack gap="sm">
            {items.map((item) => (
              <FilingCard
                key={item.id}
                item={item}
                canDecide={data.can.decide}
                verifying={verify.isPending && verify.variables === item.id}
                onVerify={() => verify.mutate(item.id)}
                onReturn={() => setReturning(item)}
              />
            ))}
          </Stack>
        )}
      </ListResults>
      {returning && <ReturnModal item={returning} onClose={() => setReturning(null)} />}
    </Stack>
  );
}
