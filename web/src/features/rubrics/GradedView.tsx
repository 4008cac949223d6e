import { Accordion, Badge, Box, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GradedRubric } from '@domain/rubrics/types';
import { formatNumber } from '../../lib/format';
import { MarkBadge } from '../../components/assessment';
import { markClass, MarkNotes, BandsTable, Section, CategoriesView } from './parts';

export function GradedView({ def }: { def: GradedRubric }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Section title={t('rubric.scale')}>
          <Table withTableBorder verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.nilai')}</Table.Th>
                <Table.Th>{t('rubric.meaning')}</Table.Th>
                <Table.Th ta="right">{t('assessment.skor')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {def.scale.map((s) => (
                <Table.Tr key={s.nilai}>
                  <Table.Td fw={600}>{s.nilai}</Table.Td>
                  <Table.Td>{s.label}</Table.Td>
                  <Table.Td ta="right">{s.skor}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('rubric.checklistBands')} right={<MarkBadge marks={def.checklistMarks ?? []} size="sm" />}>
          <Box className={markClass(def.checklistMarks)} p={4} style={{ borderRadius: 6 }}>
            <BandsTable bands={def.checklistBands} variable="p (%)" symbol="p" />
            <MarkNotes marks={def.checklistMarks} />
          </Box>
        </Section>
        <CategoriesView def={def} />
      </SimpleGrid>
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
                    {t('rubric.aspectWeightPercent', { weight: formatNumber(a.weight) })}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {a.indicators.length} indikator
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {a.indicators.map((i) => (
                    <Box
                      key={i.code}
                      p="sm"
                      className={markClass(i.marks)}
                      style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-2)' }}
                    >
                      <Group gap={6} wrap="wrap" mb={4}>
                        <Text fw={600} size="sm">
                          {i.label}
                        </Text>
                        <Badge size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {t(`rubric.indicatorKinds.${i.kind}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {i.group}
                        </Text>
                        <MarkBadge marks={i.marks ?? []} />
                      </Group>
                      <MarkNotes marks={i.marks} />
                      {i.kind === 'quantitative' && (
                        <Stack gap={6} mt={4}>
                          <Text size="sm">
                            <b>{t('rubric.formula')}:</b> {i.formulaText}
                          </Text>
                          <BandsTable bands={[...i.bands].sort((x, y) => x.nilai - y.nilai)} />
                        </Stack>
                      )}
                      {i.kind === 'rating' && (
                        <Text size="sm" mt={4}>
                          <b>{t('assessment.guidance')}:</b> {i.guidance}
                        </Text>
                      )}
                      {i.kind === 'checklist' && (
                        <List type="ordered" size="sm" spacing={4} mt={4}>
                          {i.items.map((it, k) => (
                            <List.Item key={k}>
                              <Text size="sm">{it.text}</Text>
                              <Text size="xs" c="dimmed">
                                {t('assessment.evidence')}: {it.evidence}
                              </Text>
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Box>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Section>
    </Stack>
  );
}
