import '../../i18n/dialog';
import '../../i18n/summary';
import { Badge, Group, Paper, SimpleGrid, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../../lib/api';
import {
  CATEGORY_COLORS,
  categoryLabel,
  RAT_STATUS_COLORS,
  type AssessmentPage,
  type RatCompliance,
} from '../../lib/assessment';
import { fetchFollowUps } from '../../lib/dialog';
import { formatClock, formatDate, todayJakarta } from '../../lib/format';
import type { Coop, Page } from '../../lib/types';
import type { VisitListItem } from '../../lib/visits';

/**
 * What a visitor of a cooperative's page needs first (issue #15), before any tab: its health
 * (category and score of the latest final assessment), RAT status and warnings, open and overdue
 * follow-ups, and the last and next visit. Each tile opens the tab with the details. The queries
 * share their keys with the tabs, so opening a tab does not fetch again.
 */
export function CoopSummary({ coop, onTab }: { coop: Coop; onTab: (tab: string) => void }) {
  const { t } = useTranslation();
  const id = String(coop.id);
  const today = todayJakarta();
  const health = useQuery({
    queryKey: ['assessments', { cooperativeId: id }],
    queryFn: ({ signal }) =>
      get<AssessmentPage>(`/assessments${buildQuery({ cooperativeId: id, pageSize: 100 })}`, signal),
  });
  const rat = useQuery({
    queryKey: ['rat-compliance', id],
    queryFn: ({ signal }) => get<RatCompliance>(`/cooperatives/${id}/rat-compliance`, signal),
  });
  const followUps = useQuery({
    queryKey: ['follow-ups', 'list', { cooperativeId: id }, 'tab'],
    queryFn: ({ signal }) => fetchFollowUps({ cooperativeId: id, pageSize: 100 }, signal),
  });
  const last = useQuery({
    queryKey: ['visits', 'summary-last', id],
    queryFn: ({ signal }) =>
      get<Page<VisitListItem>>(
        `/visits${buildQuery({ cooperativeId: id, status: 'done', sort: '-date', pageSize: 1 })}`,
        signal,
      ),
  });
  const next = useQuery({
    queryKey: ['visits', 'summary-next', id, today],
    queryFn: ({ signal }) =>
      get<Page<VisitListItem>>(
        `/visits${buildQuery({ cooperativeId: id, from: today, sort: 'date', pageSize: 5 })}`,
        signal,
      ),
  });

  const latest = health.data?.items
    .filter((a) => a.status === 'FINAL' && a.category)
    .sort((a, b) => b.fiscalYear - a.fiscalYear || (b.assessedOn ?? '').localeCompare(a.assessedOn ?? ''))[0];
  const ratYear = rat.data?.years
    .filter((y) => y.status !== 'NOT_YET_DUE')
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  const running = followUps.data?.items.filter((f) => f.status === 'open' || f.status === 'in_progress');
  const overdue = followUps.data?.items.filter((f) => f.overdue).length ?? 0;
  const lastVisit = last.data?.items[0];
  const nextVisit = next.data?.items.find((v) => v.status === 'planned' || v.status === 'approved');

  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      spacing="xs"
      mb="md"
      data-testid="coop-summary"
      aria-label={t('summary.label')}
      component="section"
    >
      <Tile
        title={t('summary.health')}
        onClick={() => onTab('kesehatan')}
        testId="summary-health"
        loading={!health.data && !health.isError}
      >
        {latest ? (
          <>
            <Badge color={CATEGORY_COLORS[latest.category ?? ''] ?? 'gray'} variant="light" size="md">
              {categoryLabel(t, latest.category ?? '')}
            </Badge>
            <Text size="sm" mt={4}>
              {t('summary.score', {
                score: latest.total?.toLocaleString('id-ID', { maximumFractionDigits: 2 }) ?? '–',
                year: latest.fiscalYear,
              })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('summary.noAssessment')}
          </Text>
        )}
      </Tile>
      <Tile
        title={t('summary.rat')}
        onClick={() => onTab('rat')}
        testId="summary-rat"
        loading={!rat.data && !rat.isError}
      >
        {ratYear ? (
          <>
            <Badge color={RAT_STATUS_COLORS[ratYear.status]} variant="light" size="md">
              {t(`rat.status.${ratYear.status}`)}
            </Badge>
            <Text size="sm" mt={4}>
              {t('summary.ratYear', { year: ratYear.fiscalYear })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('summary.noRat')}
          </Text>
        )}
        {rat.data && rat.data.warnings.length > 0 && (
          <Text size="sm" c="orange.9" fw={600} mt={2} data-testid="summary-rat-warnings">
            {t('summary.ratWarnings', { count: rat.data.warnings.length })}
          </Text>
        )}
      </Tile>
      <Tile
        title={t('summary.followUps')}
        onClick={() => onTab('aspirasi')}
        testId="summary-follow-ups"
        loading={!followUps.data && !followUps.isError}
      >
        <Text size="sm">
          <Text span fw={700} fz="lg" className="tabular-nums" data-testid="summary-open">
            {running?.length ?? 0}
          </Text>{' '}
          {t('summary.open')}
        </Text>
        <Text size="sm" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : 400} data-testid="summary-overdue">
          {t('summary.overdue', { count: overdue })}
        </Text>
      </Tile>
      <Tile
        title={t('summary.visits')}
        onClick={() => onTab('kunjungan')}
        testId="summary-visits"
        loading={(!last.data && !last.isError) || (!next.data && !next.isError)}
      >
        <Text size="sm">
          {t('summary.lastVisit')}: {lastVisit ? formatDate(lastVisit.date) : t('summary.never')}
        </Text>
        <Text size="sm">
          {t('summary.nextVisit')}:{' '}
          {nextVisit
            ? `${formatDate(nextVisit.date)}${nextVisit.startTime ? `, ${formatClock(nextVisit.startTime)}` : ''}`
            : t('summary.noneScheduled')}
        </Text>
      </Tile>
    </SimpleGrid>
  );
}

function Tile({
  title,
  onClick,
  testId,
  loading,
  children,
}: {
  title: string;
  onClick: () => void;
  testId: string;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <UnstyledButton onClick={onClick} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Paper withBorder p="sm" h="100%" className="dash-card dash-card-link">
        <Group justify="space-between" gap={4} mb={4} wrap="nowrap">
          <Text size="sm" fw={700}>
            {title}
          </Text>
        </Group>
        {loading ? <Skeleton h={36} /> : children}
      </Paper>
    </UnstyledButton>
  );
}
