import { Accordion, Alert, Badge, Box, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AspectResult, AssessmentResult, ComponentResult, Mark, RubricDefinition } from '@domain/rubrics/types';
import { CATEGORY_COLORS } from '../../lib/assessment';
import { percentText, scoreText } from '../../lib/rubric';
import { CategoryBadge, MarkBadge } from '../../components/assessment';

function ComponentRow({ c, def, marks }: { c: ComponentResult; def: RubricDefinition; marks: Mark[] }) {
  const { t } = useTranslation();
  const graded = def.method === 'graded';
  const scaleLabel = graded && c.nilai !== null ? def.scale.find((s) => s.nilai === c.nilai)?.label : undefined;
  const parts: string[] = [];
  if (c.status === 'scored') {
    if (c.ratio !== null) parts.push(`${t('assessment.ratio')} ${percentText(c.ratio)}`);
    if (c.answered)
      parts.push(
        `${c.answered.yes}/${c.answered.of} ${graded ? t('assessment.met').toLowerCase() : t('assessment.yes')}`,
      );
    parts.push(
      `${t('assessment.nilai')} ${scoreText(c.nilai, graded ? 0 : 2).replace(/,00$/, '')}${scaleLabel ? ` (${scaleLabel})` : ''}`,
    );
    if (c.weight !== null) parts.push(`${t('assessment.weight')} ${scoreText(c.weight, 2).replace(/,00$/, '')}`);
  }
  return (
    <Box
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-1)' }}
      data-testid="score-component"
      data-component={c.code}
      data-status={c.status}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={6}>
        <Group gap={4} wrap="wrap" style={{ minWidth: 0, flex: 1 }}>
          <Text size="xs" fw={500} lh={1.3}>
            {c.label}
          </Text>
          <MarkBadge marks={marks} />
        </Group>
        {c.status === 'scored' ? (
          <Text size="xs" fw={700} className="tabular-nums" style={{ whiteSpace: 'nowrap' }}>
            {scoreText(c.score)}
          </Text>
        ) : c.status === 'notApplicable' ? (
          <IconCircleMinus size={14} color="var(--mantine-color-gray-5)" aria-label={t('assessment.notApplicable')} />
        ) : (
          <IconAlertTriangle
            size={14}
            color="var(--mantine-color-orange-6)"
            aria-label={t('assessment.notComputable')}
          />
        )}
      </Group>
      {c.status === 'scored' ? (
        <Text size="xs" c="dimmed" className="tabular-nums" lh={1.35}>
          {parts.join(' · ')}
          {c.zeroDenominator ? ` · ${t('assessment.zeroDenominator')}` : ''}
          {c.ruleUsed ? ` · ${t('assessment.ruleUsed', { label: c.ruleUsed.label })}` : ''}
        </Text>
      ) : (
        <Text size="xs" c={c.status === 'notApplicable' ? 'dimmed' : 'orange.8'}>
          {c.status === 'notApplicable' ? t('assessment.notApplicable') : t('assessment.notComputable')}
        </Text>
      )}
    </Box>
  );
}

function AspectHeader({ a, graded }: { a: AspectResult; graded: boolean }) {
  const { t } = useTranslation();
  const color = a.category ? (CATEGORY_COLORS[a.category.code] ?? 'gray') : 'gray';
  return (
    <Stack gap={4} style={{ flex: 1, minWidth: 0 }} data-testid="score-aspect" data-aspect={a.code}>
      <Group justify="space-between" wrap="nowrap" gap={6}>
        <Text size="sm" fw={600} lh={1.25}>
          {a.label}
        </Text>
        <Group gap={2} wrap="nowrap" className="tabular-nums" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          <Text span fw={700} size="sm" data-testid="aspect-score">
            {scoreText(a.score)}
          </Text>
          <Text span c="dimmed" size="xs">
            / {scoreText(a.weight, 0)}
          </Text>
        </Group>
      </Group>
      <Progress value={Math.max(0, Math.min(100, a.share))} color={color} size="sm" aria-hidden />
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed" className="tabular-nums">
          {graded
            ? t('assessment.aspectPercent', { share: scoreText(a.share) })
            : t('assessment.aspectShare', { share: scoreText(a.share) })}
        </Text>
        {a.category ? (
          <CategoryBadge code={a.category.code} label={a.category.label} size="xs" variant="light" />
        ) : (
          <Badge size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {t('assessment.incomplete')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** Total, category, aspects and components of a result; with every mark and every reason a part cannot be scored. */
export function ScorePanel({
  result,
  def,
  marks,
  live,
  compact = false,
}: {
  result: AssessmentResult;
  def: RubricDefinition;
  marks: Map<string, Mark[]>;
  live: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const graded = def.method === 'graded';
  return (
    <Paper withBorder p={compact ? 0 : 'md'} style={compact ? { border: 'none' } : undefined} data-testid="score-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
              {live ? t('assessment.liveScoreDraft') : t('assessment.storedScore')}
            </Text>
            <Group gap={4} align="baseline" wrap="nowrap">
              <Text fz={34} fw={750} lh={1.1} className="tabular-nums" data-testid="live-total">
                {scoreText(result.total)}
              </Text>
              <Text c="dimmed" size="sm">
                / 100
              </Text>
            </Group>
          </div>
          {result.complete ? (
            <Badge
              color="green"
              variant="light"
              leftSection={<IconCircleCheck size={12} />}
              style={{ textTransform: 'none' }}
            >
              {t('assessment.complete')}
            </Badge>
          ) : (
            <Badge
              color="orange"
              variant="light"
              leftSection={<IconAlertTriangle size={12} />}
              style={{ textTransform: 'none' }}
            >
              {t('assessment.incomplete')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" data-testid="live-category">
          <CategoryBadge code={result.category?.code} label={result.category?.label} size="lg" />
          <MarkBadge marks={result.provisionalUsed.filter((p) => p.part === 'categories')} />
        </Group>
        {!result.complete && (
          <Text size="xs" c="dimmed">
            {t('assessment.incompleteNote')}
          </Text>
        )}

        <Accordion
          multiple
          defaultValue={result.aspects.map((a) => a.code)}
          variant="contained"
          chevronPosition="left"
          chevronSize={14}
        >
          {result.aspects.map((a) => (
            <Accordion.Item key={a.code} value={a.code}>
              <Accordion.Control px="xs" py={6}>
                <AspectHeader a={a} graded={graded} />
              </Accordion.Control>
              <Accordion.Panel>
                {a.components.map((c) => (
                  <ComponentRow key={c.code} c={c} def={def} marks={marks.get(`${a.code}.${c.code}`) ?? []} />
                ))}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>

        {result.notComputable.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            p="xs"
            title={
              <Text size="sm" fw={600}>
                {t('assessment.notComputable')} ({result.notComputable.length})
              </Text>
            }
            data-testid="not-computable"
          >
            <List size="xs" spacing={4}>
              {result.notComputable.map((n) => (
                <List.Item key={n.component}>
                  <b>{n.label}</b>: {n.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {result.notApplicable.length > 0 && (
          <Alert
            color="gray"
            variant="light"
            p="xs"
            title={
              <Text size="sm" fw={600}>
                {t('assessment.notApplicableList')} ({result.notApplicable.length})
              </Text>
            }
          >
            <List size="xs" spacing={4}>
              {result.notApplicable.map((n) => (
                <List.Item key={n.component}>
                  <b>{n.label}</b>: {n.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
