import type { ReactNode } from 'react';
import {
  Anchor,
  Box,
  Group,
  Paper,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, CATEGORY_COLORS } from '../../lib/assessment';
import { percent, type Dashboard } from '../../lib/dashboard';
import { formatDate, formatNumber } from '../../lib/format';
import { pct } from './rows';

/**
 * The lists behind the cards narrow to the dashboard's kecamatan when it shows one; above that the
 * lists show what the user's office reaches.
 */
export function listFilter(d: Dashboard): string {
  return d.region.level === 'KECAMATAN' ? `&district=${encodeURIComponent(d.region.code)}` : '';
}

function CardShell({
  to,
  title,
  children,
  testId,
}: {
  to?: string;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const body = (
    <Paper withBorder p="md" h="100%" className={to ? 'dash-card dash-card-link' : 'dash-card'}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
        <Text size="sm" fw={700} c="dark.5">
          {title}
        </Text>
        {to && <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />}
      </Group>
      {children}
    </Paper>
  );
  if (!to) return <Box data-testid={testId}>{body}</Box>;
  return (
    <UnstyledButton
      component={Link}
      to={to}
      data-testid={testId}
      aria-label={`${title} – ${t('dashboard.cards.open')}`}
      style={{ display: 'block' }}
    >
      {body}
    </UnstyledButton>
  );
}

export function HeadlineCards({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const coverage = percent(d.coverage.visited, d.coverage.target);
  const f = listFilter(d);
  const region = d.path.length > 1 ? `&wilayah=${encodeURIComponent(d.region.code)}` : '';
  const cats = CATEGORY_CODES.map((c) => ({ c, n: d.health[c] }));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" mb="md" data-testid="headline-cards">
      <CardShell
        to={`/kunjungan?status=done&from=${d.year}-01-01&to=${d.year}-12-31${f}`}
        title={t('dashboard.cards.coverage')}
        testId="card-coverage"
      >
        <Group gap="sm" wrap="nowrap">
          <RingProgress
            size={84}
            thickness={9}
            roundCaps
            sections={[{ value: Math.min(100, coverage ?? 0), color: 'sambang' }]}
            label={
              <Text ta="center" fw={750} size="sm" className="tabular-nums">
                {pct(coverage)}
              </Text>
            }
          />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fz={26} fw={750} lh={1.1} className="tabular-nums">
              {formatNumber(d.coverage.visited)}
              <Text span c="dimmed" fz="md" fw={600}>
                {' '}
                / {formatNumber(d.coverage.target)}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {d.coverage.target
                ? t('dashboard.cards.coverageDetail', {
                    visited: formatNumber(d.coverage.visited),
                    target: formatNumber(d.coverage.target),
                  })
                : t('dashboard.cards.coverageNoTarget', { visited: formatNumber(d.coverage.visited) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('dashboard.cards.visits', { n: formatNumber(d.coverage.visits) })}
            </Text>
          </Stack>
        </Group>
      </CardShell>

      {/* The recap of the same fiscal year lists the same RATs held and the same active cooperatives (the
          registry's own "Aktif" status is a different, hand-set field). */}
      <CardShell to={`/rekap?tahun=${d.rat.fiscalYear}${region}`} title={t('dashboard.cards.rat')} testId="card-rat">
        <Text
          fz={32}
          fw={750}
          lh={1.1}
          className="tabular-nums"
          c={d.rat.rate !== null && d.rat.rate < 60 ? 'red.8' : 'dark'}
        >
          {pct(d.rat.rate)}
        </Text>
        <Progress value={d.rat.rate ?? 0} color="sambang" size="sm" mt={6} mb={6} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('dashboard.cards.ratDetail', {
            held: formatNumber(d.rat.held),
            onTime: formatNumber(d.rat.onTime),
            due: formatNumber(d.rat.due),
            fiscalYear: d.rat.fiscalYear,
          })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="rat-active">
          {t('dashboard.cards.ratActive', {
            n: formatNumber(d.rat.active),
            total: formatNumber(d.rat.cooperatives),
            date: formatDate(d.rat.asOf),
          })}
        </Text>
        {d.rat.withWarnings > 0 && (
          <Text size="xs" c="orange.9" fw={600} mt={2}>
            {t('dashboard.cards.ratWarnings', { n: formatNumber(d.rat.withWarnings) })}
          </Text>
        )}
      </CardShell>

      <CardShell title={t('dashboard.cards.health')} testId="card-health">
        <Progress.Root size={14} mb={8} aria-hidden>
          {cats.map(({ c, n }) => (
            <Progress.Section
              key={c}
              value={d.health.assessed ? (n / d.health.assessed) * 100 : 0}
              color={CATEGORY_COLORS[c]}
            />
          ))}
        </Progress.Root>
        <Stack gap={3}>
          {cats.map(({ c, n }) => (
            <Anchor
              key={c}
              component={Link}
              to={`/penilaian?category=${c}${f}`}
              size="xs"
              c="dark"
              underline="hover"
              data-testid="health-link"
              className="touch-link"
            >
              <Group gap={6} wrap="nowrap">
                <Box
                  w={10}
                  h={10}
                  style={{ borderRadius: 2, flexShrink: 0, background: `var(--mantine-color-${CATEGORY_COLORS[c]}-6)` }}
                />
                <Text span size="xs" fw={700} className="tabular-nums">
                  {formatNumber(n)}
                </Text>
                <Text span size="xs" lh={1.2}>
                  {t(`assessment.categories.${c}`)}
                </Text>
              </Group>
            </Anchor>
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt={6}>
          {t('dashboard.cards.healthDetail', { count: formatNumber(d.health.assessed), year: d.year })}
        </Text>
      </CardShell>

      <CardShell
        to={`/tindak-lanjut?tab=semua${d.followUps.overdue > 0 ? '&status=overdue' : ''}${f}`}
        title={t('dashboard.cards.followUps')}
        testId="card-followups"
      >
        <Text fz={32} fw={750} lh={1.1} className="tabular-nums" c={d.followUps.overdue > 0 ? 'red.8' : 'dark'}>
          {formatNumber(d.followUps.overdue)}
        </Text>
        <Text size="xs" c="dimmed" mt={6}>
          {t('dashboard.cards.followUpsDetail', {
            open: formatNumber(d.followUps.open),
            inProgress: formatNumber(d.followUps.in_progress),
          })}
        </Text>
      </CardShell>
    </SimpleGrid>
  );
}
