import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconCalendarPlus, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DistrictFilter } from '../components/ListScaffold';
import { ApiError, put } from '../lib/api';
import {
  PRIORITY_WEIGHT_KEYS,
  usePriorities,
  usePriorityWeights,
  type PriorityItem,
  type PriorityWeightKey,
  type PriorityWeights,
} from '../lib/dashboard';
import { formatNumber } from '../lib/format';
import { planPathFor, purposesForReasons } from '../lib/visits';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, PageHeader } from '../components/common';
import { FormActions } from '../components/FormActions';

const LIMITS = ['20', '50', '100'] as const;

/** Colour of a reason chip by what it is about. */
function reasonColor(code: string): string {
  if (code.startsWith('HEALTH_DPK') || code === 'DISSOLUTION_CANDIDATE') return 'red';
  if (code.startsWith('HEALTH')) return 'orange';
  if (code.includes('RAT') || code.includes('ODS')) return 'grape';
  if (code.includes('FOLLOW') || code.includes('CONCERN')) return 'yellow';
  return 'blue';
}

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

function WeightsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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

function PriorityCard({ item, rank, canPlan }: { item: PriorityItem; rank: number; canPlan: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="priority-item">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color="gray" radius="xl" size={32} aria-label={`${t('priority.rank')} ${rank}`}>
          <Text fw={700} size="sm" className="tabular-nums">
            {rank}
          </Text>
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/koperasi/${item.cooperative.id}`} fw={600} className="break-anywhere">
                {item.cooperative.name}
              </Anchor>
              <Anchor
                component={Link}
                to={`/koperasi?district=${encodeURIComponent(item.cooperative.district.code)}`}
                size="xs"
                c="dimmed"
                className="touch-link"
              >
                Kec. {item.cooperative.district.name}
              </Anchor>
            </Stack>
            <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
              <Text
                fz={24}
                fw={750}
                lh={1}
                className="tabular-nums"
                c={item.score >= 50 ? 'red.8' : item.score >= 25 ? 'orange.8' : 'dark'}
                data-testid="priority-score"
              >
                {formatNumber(item.score)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('priority.score')}
              </Text>
            </Stack>
          </Group>
          <Group gap={6} wrap="wrap" data-testid="priority-reasons">
            {item.reasons.map((r) => (
              <Badge
                key={r.code}
                variant="light"
                color={reasonColor(r.code)}
                radius="sm"
                size="lg"
                tt="none"
                fw={500}
                styles={{
                  root: { height: 'auto', minHeight: 24, paddingBlock: 3, maxWidth: '100%' },
                  label: { whiteSpace: 'normal', lineHeight: 1.3, fontSize: 12, textAlign: 'left' },
                }}
                rightSection={
                  <Text span fz={11} fw={700} className="tabular-nums">
                    {t('priority.points', { n: formatNumber(r.points) })}
                  </Text>
                }
                data-testid="priority-reason"
              >
                {r.label}
              </Badge>
            ))}
          </Group>
          {canPlan && (
            <Group justify="flex-end" mt={2}>
              <Button
                component={Link}
                to={planPathFor(item.cooperative.id, purposesForReasons(item.reasons.map((r) => r.code)))}
                size="xs"
                variant="light"
                leftSection={<IconCalendarPlus size={14} />}
                data-testid="priority-plan-visit"
              >
                {t('visits.plan')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

export default function PriorityPage() {
  const { t } = useTranslation();
  const { values, set } = useUrlParams(['district', 'limit', 'region'] as const);
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
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
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
      </Paper>
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} mb="md" p="xs">
        <Text size="xs">{t('priority.howScored')}</Text>
      </Alert>
      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Stack gap="xs">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={96} />
          ))}
        </Stack>
      ) : data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('priority.none')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="xs" data-testid="priority-list" style={{ opacity: query.isFetching ? 0.7 : 1 }}>
          {data.items.map((item, i) => (
            <PriorityCard key={item.cooperative.id} item={item} rank={i + 1} canPlan={data.can.plan} />
          ))}
        </Stack>
      )}
      {data?.can.setWeights && <WeightsModal opened={weightsOpen} onClose={() => setWeightsOpen(false)} />}
    </>
  );
}
