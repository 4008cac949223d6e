import { type ReactNode } from 'react';
import { Badge, Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Band, Mark, RatioComponent, RubricDefinition, Rule, WeightedRubric } from '@domain/rubrics/types';
import { formatNumber } from '../../lib/format';
import { bandText, figureLabels, linearText, sortedBands, termsText } from '../../lib/rubric';
import { MarkBadge } from '../../components/assessment';

export function markClass(marks: readonly Mark[] | undefined): string | undefined {
  if (!marks || marks.length === 0) return undefined;
  return marks.some((m) => m.kind === 'provisional') ? 'mark-provisional' : 'mark-choice';
}

export function MarkNotes({ marks }: { marks: readonly Mark[] | undefined }) {
  const { t } = useTranslation();
  if (!marks || marks.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {marks.map((m, i) => (
        <Text key={i} size="xs" c={m.kind === 'provisional' ? 'yellow.9' : 'grape.8'} fs="italic">
          {t(`rubric.markKind.${m.kind}`)}: {m.note}
        </Text>
      ))}
    </Stack>
  );
}

export function BandsTable({
  bands,
  variable = 'x (%)',
  symbol = 'x',
  valueLabel = 'nilai',
}: {
  bands: readonly Band[];
  variable?: string;
  symbol?: string;
  valueLabel?: string;
}) {
  return (
    <Table
      withTableBorder
      withColumnBorders
      verticalSpacing={4}
      horizontalSpacing="sm"
      fz="sm"
      className="tabular-nums"
      maw={360}
      bg="white"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{variable}</Table.Th>
          <Table.Th ta="right" w={90}>
            {valueLabel}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sortedBands(bands).map((b, i) => (
          <Table.Tr key={i}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{bandText(b, symbol)}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {formatNumber(b.nilai)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function RuleView({ rule }: { rule: Rule }) {
  return rule.kind === 'bands' ? (
    <BandsTable bands={rule.bands} />
  ) : (
    <Text size="sm" ff="monospace" className="break-anywhere">
      {linearText(rule)}
    </Text>
  );
}

export function RatioView({ def, aspectCode, c }: { def: WeightedRubric; aspectCode: string; c: RatioComponent }) {
  const { t } = useTranslation();
  const labels = figureLabels(def);
  const chosenKey = def.settings.ruleChoices[`${aspectCode}.${c.code}`];
  const chosenAlt = c.alternatives?.find((a) => a.key === chosenKey);
  return (
    <Stack gap={6}>
      <Text size="sm">
        <b>{t('rubric.formula')}:</b> x = ({termsText(c.formula.num, labels)}) ÷ ({termsText(c.formula.den, labels)}) ×
        100
      </Text>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {t('rubric.rule')}
          {c.ruleLabel ? ` — ${c.ruleLabel}` : ''}
        </Text>
        {c.alternatives?.length ? (
          <Badge
            size="xs"
            variant={chosenAlt ? 'outline' : 'filled'}
            color={chosenAlt ? 'gray' : 'sambang'}
            style={{ textTransform: 'none' }}
          >
            {chosenAlt ? t('rubric.defaultRule') : t('rubric.chosenRule')}
          </Badge>
        ) : null}
      </Group>
      <RuleView rule={c.rule} />
      {c.zeroDenominator && (
        <Text size="sm" c="dimmed">
          {t(`rubric.zeroDenominator.${c.zeroDenominator.when}`, { nilai: formatNumber(c.zeroDenominator.nilai) })}
        </Text>
      )}
      {c.alternatives && c.alternatives.length > 0 && (
        <Box mt={4}>
          <Text size="sm" fw={600} mb={4}>
            {t('rubric.alternatives')}
          </Text>
          <Stack gap="xs">
            {c.alternatives.map((a) => (
              <Box
                key={a.key}
                p="xs"
                className={markClass(a.marks)}
                style={{ borderRadius: 6, border: '1px dashed var(--mantine-color-gray-3)' }}
              >
                <Group gap={6} wrap="wrap" mb={4}>
                  <Text size="sm" fw={500}>
                    {a.label}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {a.key}
                  </Text>
                  {chosenAlt?.key === a.key && (
                    <Badge size="xs" color="sambang" style={{ textTransform: 'none' }}>
                      {t('rubric.chosenRule')}
                    </Badge>
                  )}
                  <MarkBadge marks={a.marks ?? []} />
                </Group>
                <RuleView rule={a.rule} />
                <MarkNotes marks={a.marks} />
              </Box>
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}

export function Section({ title, children, right }: { title: ReactNode; children: ReactNode; right?: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Group justify="space-between" gap="xs" mb="sm" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        {right}
      </Group>
      {children}
    </Paper>
  );
}

export function CategoriesView({ def }: { def: RubricDefinition }) {
  const { t } = useTranslation();
  return (
    <Section title={t('rubric.categories')} right={<MarkBadge marks={def.categoryMarks ?? []} size="sm" />}>
      <Table withTableBorder verticalSpacing={4} fz="sm" maw={420} className={markClass(def.categoryMarks)}>
        <Table.Tbody>
          {def.categories.map((c, i) => (
            <Table.Tr key={c.code}>
              <Table.Td fw={600}>{c.label}</Table.Td>
              <Table.Td className="tabular-nums" style={{ whiteSpace: 'nowrap' }}>
                {c.min !== undefined
                  ? t('rubric.categoryRange', { min: formatNumber(c.min) })
                  : def.categories[i - 1]?.min !== undefined
                    ? t('rubric.categoryBelow', { min: formatNumber(def.categories[i - 1]?.min ?? 0) })
                    : '–'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MarkNotes marks={def.categoryMarks} />
    </Section>
  );
}
