import { lazy, Suspense, useMemo, useState } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronRight, IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../../lib/api';
import { rubricShortName, type AssessmentPage } from '../../lib/assessment';
import { formatDate } from '../../lib/format';
import { scoreText } from '../../lib/rubric';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { AssessmentStatusBadge, CategoryBadge } from '../../components/assessment';
import { NewAssessmentModal } from '../../features/cooperatives/health/NewAssessmentModal';
import { useChartSeries } from '../../features/cooperatives/health/useChartSeries';

const ScoreChart = lazy(() => import('../../components/ScoreChart'));

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
