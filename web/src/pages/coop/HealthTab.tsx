import { lazy, Suspense, useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronRight, IconFileSpreadsheet, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, buildQuery, get, post } from '../../lib/api';
import {
  rubricShortName,
  useRubricVersions,
  useStatements,
  type Assessment,
  type AssessmentListItem,
  type AssessmentPage,
} from '../../lib/assessment';
import { formatDate, todayJakarta } from '../../lib/format';
import { scoreText } from '../../lib/rubric';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { AssessmentStatusBadge, CategoryBadge } from '../../components/assessment';
import type { ScoreSeries } from '../../components/ScoreChart';

const ScoreChart = lazy(() => import('../../components/ScoreChart'));

const BAND_COLORS: Record<string, string> = {
  SEHAT: '#2f9e44',
  CUKUP_SEHAT: '#1098ad',
  DALAM_PENGAWASAN: '#f76707',
  DALAM_PENGAWASAN_KHUSUS: '#e03131',
};

function NewAssessmentModal({
  coop,
  items,
  onClose,
}: {
  coop: Coop;
  items: AssessmentListItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const thisYear = Number(todayJakarta().slice(0, 4));
  const versions = useRubricVersions();
  const statements = useStatements(coop.id);
  const [rubric, setRubric] = useState<string>(coop.type === 'SIMPAN_PINJAM' ? 'ksp-2016' : 'kk-2021');
  // The latest closed fiscal year not yet assessed with that rubric.
  const [year, setYear] = useState<number | string>(() => {
    for (let y = thisYear - 1; y > thisYear - 6; y--)
      if (!items.some((a) => a.fiscalYear === y && a.rubric === rubric)) return y;
    return thisYear - 1;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = (versions.data ?? []).filter((v) => v.latest);
  const y = typeof year === 'number' ? year : Number.parseInt(year, 10);
  const validYear = Number.isFinite(y) && y >= 1945 && y <= thisYear;
  const hasStatement = (statements.data ?? []).some((s) => s.fiscalYear === y);
  const existing = items.filter((a) => a.fiscalYear === y && a.rubric === rubric);
  const draft = existing.find((a) => a.status === 'DRAFT');
  const final = existing.find((a) => a.status === 'FINAL');

  const create = useMutation({
    mutationFn: () => post<Assessment>(`/cooperatives/${coop.id}/assessments`, { fiscalYear: y, rubric }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['assessments'] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coop.id)] });
      onClose();
      navigate(`/penilaian/${a.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('assessment.newTitle')}</Text>} centered size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('assessment.newIntro')}
        </Text>
        <NumberInput
          label={t('assessment.fiscalYear')}
          value={year}
          onChange={setYear}
          min={1945}
          max={thisYear}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          w={{ base: '100%', xs: 160 }}
          error={errors.fiscalYear ?? (!validYear && String(year) !== '' ? t('statement.yearInvalid') : undefined)}
          data-autofocus
        />
        <Radio.Group label={t('assessment.rubric')} value={rubric} onChange={setRubric} error={errors.rubric}>
          <Stack gap={8} mt={6}>
            {(latest.length
              ? latest
              : [
                  { rubric: 'ksp-2016', version: 1, title: rubricShortName('ksp-2016') },
                  { rubric: 'kk-2021', version: 1, title: rubricShortName('kk-2021') },
                ]
            )
              .slice()
              .sort((a, b) => a.rubric.localeCompare(b.rubric) * -1)
              .map((v) => (
                <Radio
                  key={v.rubric}
                  value={v.rubric}
                  label={v.title}
                  description={`${t('assessment.versionN', { version: v.version })} · ${t(`assessment.rubricFor.${v.rubric}`, { defaultValue: '' })}`}
                />
              ))}
          </Stack>
        </Radio.Group>
        {validYear && (
          <Alert
            variant="light"
            color={rubric === 'ksp-2016' ? (hasStatement ? 'green' : 'yellow') : 'blue'}
            icon={<IconInfoCircle size={16} />}
            p="xs"
          >
            <Text size="sm">
              {rubric === 'ksp-2016'
                ? hasStatement
                  ? t('assessment.statementAvailable', { year: y })
                  : t('assessment.statementMissing', { year: y })
                : t('assessment.statementNotNeeded')}
            </Text>
            {rubric === 'ksp-2016' && !hasStatement && (
              <Anchor
                component={Link}
                to={`/koperasi/${coop.id}/laporan-keuangan?tahun=${y}`}
                size="sm"
                onClick={onClose}
              >
                {t('assessment.openStatement')}
              </Anchor>
            )}
          </Alert>
        )}
        {(draft || final) && (
          <Alert variant="light" color="orange" p="xs">
            <Text size="sm">
              {draft
                ? t('assessment.existsDraft', { rubric: rubricShortName(rubric), year: y })
                : t('assessment.existsFinal', { rubric: rubricShortName(rubric), year: y })}{' '}
              <Anchor component={Link} to={`/penilaian/${(draft ?? final)?.id ?? ''}`} size="sm" onClick={onClose}>
                {t('assessment.openExisting')}
              </Anchor>
            </Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!validYear}>
            {t('assessment.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function useChartSeries(
  items: AssessmentListItem[],
  rubric: string | null,
): { data: ScoreSeries | null; loading: boolean } {
  const { t } = useTranslation();
  // The latest final assessment per fiscal year of the chosen rubric.
  const picked = useMemo(() => {
    const byYear = new Map<number, AssessmentListItem>();
    for (const a of items) {
      if (a.status !== 'FINAL' || a.rubric !== rubric) continue;
      const cur = byYear.get(a.fiscalYear);
      if (!cur || (a.assessedOn ?? '') > (cur.assessedOn ?? '')) byYear.set(a.fiscalYear, a);
    }
    return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  }, [items, rubric]);
  const details = useQueries({
    queries: picked.map((a) => ({
      queryKey: ['assessment', a.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => get<Assessment>(`/assessments/${a.id}`, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const loading = details.some((d) => d.isPending);
  const data = useMemo<ScoreSeries | null>(() => {
    if (picked.length === 0 || loading) return null;
    const results = details.map((d) => d.data?.result ?? null);
    const first = results.find((r) => r !== null);
    const aspectDefs = first?.aspects.map((a) => ({ code: a.code, label: a.label, weight: a.weight })) ?? [];
    return {
      years: picked.map((a) => a.fiscalYear),
      total: picked.map((a) => a.total),
      totalCategory: picked.map((a) => (a.category ? t(`assessment.categories.${a.category}`) : null)),
      aspects: aspectDefs.map((ad) => ({
        label: ad.label,
        weight: ad.weight,
        score: results.map((r) => r?.aspects.find((x) => x.code === ad.code)?.score ?? null),
        share: results.map((r) => r?.aspects.find((x) => x.code === ad.code)?.share ?? null),
      })),
      bands: [
        { label: t('assessment.categories.SEHAT'), min: 80, max: 100, color: BAND_COLORS.SEHAT },
        { label: t('assessment.categories.CUKUP_SEHAT'), min: 66, max: 80, color: BAND_COLORS.CUKUP_SEHAT },
        { label: t('assessment.categories.DALAM_PENGAWASAN'), min: 51, max: 66, color: BAND_COLORS.DALAM_PENGAWASAN },
        {
          label: t('assessment.categories.DALAM_PENGAWASAN_KHUSUS'),
          min: 0,
          max: 51,
          color: BAND_COLORS.DALAM_PENGAWASAN_KHUSUS,
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked, loading, t, ...details.map((d) => d.data)]);
  return { data, loading };
}

export default function HealthTab({ coop, canAssess }: { coop: Coop; canAssess: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [newOpen, setNewOpen] = useState(false);
  const query = useQuery({
    queryKey: ['assessments', { cooperativeId: String(coop.id) }],
    queryFn: ({ signal }) =>
      get<AssessmentPage>(`/assessments${buildQuery({ cooperativeId: String(coop.id), pageSize: 100 })}`, signal),
  });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const rubricsWithFinal = [...new Set(items.filter((a) => a.status === 'FINAL').map((a) => a.rubric))];
  const [chartRubric, setChartRubric] = useState<string | null>(null);
  const activeRubric =
    chartRubric && rubricsWithFinal.includes(chartRubric) ? chartRubric : (rubricsWithFinal[0] ?? null);
  const chart = useChartSeries(items, activeRubric);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600}>{t('assessment.listHeading')}</Text>
        <Group gap="xs" wrap="wrap">
          <Button
            component={Link}
            to={`/koperasi/${coop.id}/laporan-keuangan`}
            variant="default"
            size="sm"
            leftSection={<IconFileSpreadsheet size={16} />}
          >
            {t('assessment.statements')}
          </Button>
          {canAssess && coop.status !== 'DIBUBARKAN' && (
            <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setNewOpen(true)}>
              {t('assessment.new')}
            </Button>
          )}
        </Group>
      </Group>

      {!query.data ? (
        <Skeleton h={200} />
      ) : (
        <>
          <Card withBorder padding={isMobile ? 'sm' : 'md'}>
            <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
              <div>
                <Text fw={600} size="sm">
                  {t('assessment.chartTitle')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('assessment.chartNote')}
                </Text>
              </div>
              {rubricsWithFinal.length > 1 && (
                <SegmentedControl
                  size="xs"
                  value={activeRubric ?? ''}
                  onChange={setChartRubric}
                  data={rubricsWithFinal.map((r) => ({ value: r, label: rubricShortName(r) }))}
                />
              )}
            </Group>
            {rubricsWithFinal.length === 0 ? (
              <EmptyText>{t('assessment.chartEmpty')}</EmptyText>
            ) : chart.data ? (
              <Suspense fallback={<Skeleton h={isMobile ? 340 : 320} />}>
                <ScoreChart data={chart.data} height={isMobile ? 340 : 320} compact={isMobile} />
              </Suspense>
            ) : (
              <Skeleton h={isMobile ? 340 : 320} />
            )}
          </Card>

          {items.length === 0 ? (
            <Card withBorder>
              <EmptyText>{t('assessment.none')}</EmptyText>
            </Card>
          ) : isMobile ? (
            <Stack gap="xs" data-testid="assessment-list">
              {items.map((a) => (
                <Card
                  key={a.id}
                  withBorder
                  padding="sm"
                  component={Link}
                  to={`/penilaian/${a.id}`}
                  data-testid="assessment-item"
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="wrap">
                        <Text fw={700}>{a.fiscalYear}</Text>
                        <AssessmentStatusBadge status={a.status} size="xs" />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {rubricShortName(a.rubric)} · {t('assessment.versionN', { version: a.rubricVersion })}
                      </Text>
                      <Group gap={6} wrap="wrap">
                        <Text
                          size="sm"
                          fw={600}
                          className="tabular-nums"
                          c={a.status === 'FINAL' ? undefined : 'dimmed'}
                        >
                          {scoreText(a.total)}
                        </Text>
                        {a.status === 'FINAL' && <CategoryBadge code={a.category} size="xs" />}
                      </Group>
                      {a.assessedOn && (
                        <Text size="xs" c="dimmed">
                          {formatDate(a.assessedOn)}
                          {a.assessor ? ` · ${a.assessor}` : ''}
                        </Text>
                      )}
                    </Stack>
                    <IconChevronRight size={18} color="var(--mantine-color-gray-5)" style={{ flexShrink: 0 }} />
                  </Group>
                </Card>
              ))}
            </Stack>
          ) : (
            <Paper withBorder style={{ overflow: 'hidden' }}>
              <Table.ScrollContainer minWidth={760}>
                <Table highlightOnHover verticalSpacing="sm" data-testid="assessment-list">
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th>{t('assessment.fiscalYear')}</Table.Th>
                      <Table.Th>{t('assessment.rubric')}</Table.Th>
                      <Table.Th>{t('assessment.statusLabel')}</Table.Th>
                      <Table.Th ta="right">{t('assessment.total')}</Table.Th>
                      <Table.Th>{t('assessment.category')}</Table.Th>
                      <Table.Th>{t('assessment.assessedOn')}</Table.Th>
                      <Table.Th w={40} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((a) => (
                      <Table.Tr
                        key={a.id}
                        className="coop-row"
                        onClick={() => navigate(`/penilaian/${a.id}`)}
                        data-testid="assessment-item"
                      >
                        <Table.Td fw={700}>
                          <Anchor
                            component={Link}
                            to={`/penilaian/${a.id}`}
                            fw={700}
                            size="sm"
                            c="dark"
                            onClick={(e) => e.stopPropagation()}
                          >
                            {a.fiscalYear}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{rubricShortName(a.rubric)}</Text>
                          <Text size="xs" c="dimmed">
                            {t('assessment.versionN', { version: a.rubricVersion })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AssessmentStatusBadge status={a.status} />
                        </Table.Td>
                        <Table.Td
                          ta="right"
                          className="tabular-nums"
                          fw={600}
                          c={a.status === 'FINAL' ? undefined : 'dimmed'}
                        >
                          {scoreText(a.total)}
                        </Table.Td>
                        <Table.Td>
                          {a.status === 'FINAL' ? (
                            <CategoryBadge code={a.category} />
                          ) : (
                            <Text size="xs" c="dimmed">
                              –
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatDate(a.assessedOn)}
                          </Text>
                          {a.assessor && (
                            <Text size="xs" c="dimmed" truncate="end" maw={200}>
                              {a.assessor}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <UnstyledButton
                            component={Link}
                            to={`/penilaian/${a.id}`}
                            aria-label={t('assessment.open')}
                            onClick={(e) => e.stopPropagation()}
                          >
                            <IconChevronRight size={18} color="var(--mantine-color-gray-5)" />
                          </UnstyledButton>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </>
      )}
      {newOpen && <NewAssessmentModal coop={coop} items={items} onClose={() => setNewOpen(false)} />}
    </Stack>
  );
}
