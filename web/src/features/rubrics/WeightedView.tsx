import { Accordion, Badge, Box, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeightedRubric } from '@domain/rubrics/types';
import { formatNumber } from '../../lib/format';
import { figureLabels, termsText } from '../../lib/rubric';
import { MarkBadge } from '../../components/assessment';
import { markClass, MarkNotes, RatioView, Section, CategoriesView } from './parts';

export function WeightedView({ def }: { def: WeightedRubric }) {
  const { t } = useTranslation();
  const labels = figureLabels(def);
  return (
    <Stack gap="md">
      <CategoriesView def={def} />
      <Section title={t('rubric.aspects')}>
        <Accordion multiple variant="separated" defaultValue={[def.aspects[0]?.code ?? '']}>
          {def.aspects.map((a, ai) => (
            <Accordion.Item key={a.code} value={a.code}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>
                    {ai + 1}. {a.label}
                  </Text>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {t('rubric.aspectWeight', { weight: formatNumber(a.weight) })}
                  </Badge>
                  {a.components.some((c) => (c.marks?.length ?? 0) > 0) && (
                    <MarkBadge marks={a.components.flatMap((c) => c.marks ?? [])} />
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {a.components.map((c) => (
                    <Box
                      key={c.code}
                      p="sm"
                      className={markClass(c.marks)}
                      style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-2)' }}
                      data-rubric-component={`${a.code}.${c.code}`}
                    >
                      <Group gap={6} wrap="wrap" mb={6}>
                        <Text fw={600} size="sm">
                          {c.code}. {c.label}
                        </Text>
                        <Badge size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {t('rubric.aspectWeight', { weight: formatNumber(c.weight) })}
                        </Badge>
                        <MarkBadge marks={c.marks ?? []} />
                      </Group>
                      <MarkNotes marks={c.marks} />
                      {c.kind === 'ratio' ? (
                        <RatioView def={def} aspectCode={a.code} c={c} />
                      ) : (
                        <>
                          <Text size="sm" mb={6}>
                            {t('rubric.questionnaire', { count: c.questions.length, skor: formatNumber(c.skorPerYes) })}
                          </Text>
                          <List type="ordered" size="sm" spacing={6} start={c.questions[0]?.number ?? 1}>
                            {c.questions.map((q) => (
                              <List.Item key={q.number}>
                                <Text size="sm">{q.text}</Text>
                                <Text size="xs" c="dimmed">
                                  {t('assessment.evidence')}: {q.evidence}
                                </Text>
                              </List.Item>
                            ))}
                          </List>
                        </>
                      )}
                    </Box>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Section>
      <Section title={t('rubric.derived')}>
        <Stack gap="xs">
          {def.derived.map((d) => (
            <Box
              key={d.code}
              p="xs"
              className={markClass(d.marks)}
              style={{ borderRadius: 6, borderBottom: '1px solid var(--mantine-color-gray-1)' }}
            >
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {d.label}
                </Text>
                <MarkBadge marks={d.marks ?? []} />
              </Group>
              <Text size="sm" c="dimmed" className="break-anywhere">
                = {termsText(d.terms, labels)}
              </Text>
              <MarkNotes marks={d.marks} />
            </Box>
          ))}
        </Stack>
      </Section>
      <Section title={t('rubric.inputs')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {def.inputSections.map((s) => (
            <Box key={s.code}>
              <Text fw={600} size="sm" mb={4}>
                {s.label}
              </Text>
              <List size="sm" spacing={2}>
                {s.lines.map((l) => (
                  <List.Item key={l.code}>
                    {l.label}
                    {l.sign === -1 ? ` (${t('statement.deduction')})` : ''}
                    {l.code === s.totalLine ? ' — jumlah' : ''}
                    {l.hint && (
                      <Text size="xs" c="dimmed">
                        {l.hint}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </Box>
          ))}
        </SimpleGrid>
      </Section>
      {Object.keys(def.settings.ruleChoices).length > 0 && (
        <Section title={t('rubric.settings')}>
          <Text size="sm" ff="monospace">
            {JSON.stringify(def.settings.ruleChoices)}
          </Text>
        </Section>
      )}
    </Stack>
  );
}
