import { useEffect, useState } from 'react';
import { Loader, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, put } from '../../lib/api';
import {
  PRIORITY_WEIGHT_KEYS,
  usePriorityWeights,
  type PriorityWeightKey,
  type PriorityWeights,
} from '../../lib/dashboard';
import { ErrorState } from '../../components/common';
import { FormActions } from '../../components/FormActions';

const WEIGHT_GROUPS: { key: 'health' | 'rat' | 'visits'; fields: PriorityWeightKey[] }[] = [
  {
    key: 'health',
    fields: ['categoryDalamPengawasanKhusus', 'categoryDalamPengawasan', 'categoryCukupSehat', 'healthDeclining'],
  },
  { key: 'rat', fields: ['dissolutionCandidate', 'noRatTwoYears', 'odsReportLate'] },
  {
    key: 'visits',
    fields: [
      'overdueFollowUp',
      'overdueFollowUpsMax',
      'seriousConcern',
      'seriousConcernsMax',
      'neverVisited',
      'staleVisit',
      'staleVisitDays',
    ],
  },
];

/** The priority weights, in groups; saving re-ranks the list. */
export function WeightsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const weights = usePriorityWeights(opened);
  const [form, setForm] = useState<Partial<Record<PriorityWeightKey, number | string>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (opened && weights.data) {
      setForm({ ...weights.data });
      setErrors({});
    }
  }, [opened, weights.data]);

  const save = useMutation({
    mutationFn: (body: PriorityWeights) => put<PriorityWeights>('/settings/priority-weights', body),
    onSuccess: (res) => {
      qc.setQueryData(['priority-weights'], res);
      void qc.invalidateQueries({ queryKey: ['priorities'] });
      notifications.show({ color: 'green', message: t('priority.weightsSaved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const submit = () => {
    const errs: Record<string, string> = {};
    const body = {} as PriorityWeights;
    for (const k of PRIORITY_WEIGHT_KEYS) {
      const v = form[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errs[k] = t('priority.mustBeInteger');
      else body[k] = v;
    }
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate(body);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{t('priority.weightsTitle')}</Text>}
      size="lg"
      fullScreen={false}
    >
      <Text size="sm" c="dimmed" mb="md">
        {t('priority.weightsIntro')}
      </Text>
      {weights.isError ? (
        <ErrorState error={weights.error} onRetry={() => void weights.refetch()} />
      ) : !weights.data ? (
        <Loader size="sm" />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            {WEIGHT_GROUPS.map((g) => (
              <Stack key={g.key} gap="xs">
                <Text size="sm" fw={700}>
                  {t(`priority.weightsGroups.${g.key}`)}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
                  {g.fields.map((k) => (
                    <NumberInput
                      key={k}
                      label={t(`priority.weights.${k}`)}
                      value={form[k] ?? ''}
                      onChange={(v) => setForm((f) => ({ ...f, [k]: v }))}
                      min={0}
                      max={1000}
                      allowDecimal={false}
                      allowNegative={false}
                      error={errors[k]}
                      rightSection={
                        <Text size="xs" c="dimmed" pr={8}>
                          {k === 'staleVisitDays' ? t('priority.unitDays') : t('priority.unitPoints')}
                        </Text>
                      }
                      rightSectionWidth={52}
                      data-testid={`weight-${k}`}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
            <FormActions onCancel={onClose} loading={save.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
