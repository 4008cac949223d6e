import { useState, type ReactNode } from 'react';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type {
  Band,
  GradedRubric,
  Mark,
  RatioComponent,
  RubricDefinition,
  Rule,
  WeightedRubric,
} from '@domain/rubrics/types';
import { ApiError, post } from '../lib/api';
import { useMe } from '../lib/auth';
import { useRubricDefinition, useRubricVersions, type RubricVersionInfo } from '../lib/assessment';
import { formatDate, formatNumber } from '../lib/format';
import { bandText, figureLabels, linearText, sortedBands, termsText } from '../lib/rubric';
import { ErrorState, PageHeader } from '../components/common';
import { MarkBadge } from '../components/assessment';

function markClass(marks: readonly Mark[] | undefined): string | undefined {
  if (!marks || marks.length === 0) return undefined;
  return marks.some((m) => m.kind === 'provisional') ? 'mark-provisional' : 'mark-choice';
}

function MarkNotes({ marks }: { marks: readonly Mark[] | undefined }) {
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

function BandsTable({ bands, variable = 'x (%)', symbol = 'x', valueLabel = 'nilai' }: { bands: readonly Band[]; variable?: string; symbol?: string; valueLabel?: string }) {
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="sm" fz="sm" className="tabular-nums" maw={360} bg="white">
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

function RuleView({ rule }: { rule: Rule }) {
  return rule.kind === 'bands' ? (
    <BandsTable bands={rule.bands} />
  ) : (
    <Text size="sm" ff="monospace" className="break-anywhere">
      {linearText(rule)}
    </Text>
  );
}

function RatioView({ def, aspectCode, c }: { def: WeightedRubric; aspectCode: string; c: RatioComponent }) {
  const { t } = useTranslation();
  const labels = figureLabels(def);
  const chosenKey = def.settings.ruleChoices[`${aspectCode}.${c.code}`];
  const chosenAlt = c.alternatives?.find((a) => a.key === chosenKey);
  return (
    <Stack gap={6}>
      <Text size="sm">
        <b>{t('rubric.formula')}:</b> x = ({termsText(c.formula.num, labels)}) ÷ ({termsText(c.formula.den, labels)}) × 100
      </Text>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {t('rubric.rule')}
          {c.ruleLabel ? ` — ${c.ruleLabel}` : ''}
        </Text>
        {c.alternatives?.length ? (
          <Badge size="xs" variant={chosenAlt ? 'outline' : 'filled'} color={chosenAlt ? 'gray' : 'sambang'} style={{ textTransform: 'none' }}>
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
              <Box key={a.key} p="xs" className={markClass(a.marks)} style={{ borderRadius: 6, border: '1px dashed var(--mantine-color-gray-3)' }}>
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

function Section({ title, children, right }: { title: ReactNode; children: ReactNode; right?: ReactNode }) {
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

function CategoriesView({ def }: { def: RubricDefinition }) {
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

function WeightedView({ def }: { def: WeightedRubric }) {
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
                  {a.components.some((c) => (c.marks?.length ?? 0) > 0) && <MarkBadge marks={a.components.flatMap((c) => c.marks ?? [])} />}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {a.components.map((c) => (
                    <Box key={c.code} p="sm" className={markClass(c.marks)} style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-2)' }} data-rubric-component={`${a.code}.${c.code}`}>
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
            <Box key={d.code} p="xs" className={markClass(d.marks)} style={{ borderRadius: 6, borderBottom: '1px solid var(--mantine-color-gray-1)' }}>
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

function GradedView({ def }: { def: GradedRubric }) {
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
                    <Box key={i.code} p="sm" className={markClass(i.marks)} style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-2)' }}>
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

function PublishModal({ info, def, onClose }: { info: RubricVersionInfo; def: RubricDefinition; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [text, setText] = useState(() => JSON.stringify(def, null, 2));
  const [note, setNote] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<{ message: string; fields: [string, string][] } | null>(null);

  const publish = useMutation({
    mutationFn: (definition: Record<string, unknown>) => post<RubricVersionInfo>(`/rubrics/${info.rubric}/versions`, { definition, note: note.trim() }),
    meta: { silent: true },
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['rubrics'] });
      notifications.show({ color: 'green', message: t('rubric.published', { version: v.version }) });
      onClose();
      navigate(`/rubrik/${v.rubric}/${v.version}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) setServerError({ message: e.message, fields: Object.entries(e.fields) });
      else setServerError({ message: e instanceof Error ? e.message : t('errors.generic'), fields: [] });
    },
  });

  const submit = () => {
    setServerError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setJsonError(t('rubric.invalidJson', { message: e instanceof Error ? e.message : '' }));
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setJsonError(t('rubric.invalidJson', { message: 'harus berupa objek' }));
      return;
    }
    setJsonError(null);
    publish.mutate(parsed as Record<string, unknown>);
  };

  return (
    <Modal opened onClose={onClose} size="xl" fullScreen={isMobile} title={<Text fw={600}>{t('rubric.publishTitle', { title: info.title })}</Text>}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rubric.publishIntro', { next: info.version + 1 })}
        </Text>
        {serverError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('rubric.validationTitle')} data-testid="publish-errors">
            {serverError.message.replace(/[.;\s]+$/, '') !== t('rubric.validationTitle') && (
              <Text size="sm" mb={serverError.fields.length ? 6 : 0}>
                {serverError.message}
              </Text>
            )}
            {serverError.fields.length > 0 && (
              <List size="sm" spacing={2}>
                {serverError.fields.map(([k, v]) => (
                  <List.Item key={k}>
                    <Text span ff="monospace" size="xs">
                      {k}
                    </Text>
                    : {v}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <TextInput
          label={t('rubric.note')}
          placeholder={t('rubric.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          maxLength={1000}
          error={serverError?.fields.find(([k]) => k === 'note')?.[1]}
        />
        <Textarea
          label={t('rubric.definition')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setJsonError(null);
          }}
          autosize
          minRows={16}
          maxRows={isMobile ? 18 : 26}
          spellCheck={false}
          error={jsonError}
          styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, lineHeight: 1.45 } }}
          data-testid="rubric-json"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={publish.isPending} disabled={note.trim().length < 5}>
            {t('rubric.publish')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export default function RubricPage() {
  const { t } = useTranslation();
  const { rubric: rubricParam, version: versionParam } = useParams<{ rubric: string; version: string }>();
  const { data: me } = useMe();
  const versions = useRubricVersions();
  const [publishOpen, setPublishOpen] = useState(false);

  const list = versions.data ?? [];
  const selected =
    list.find((v) => v.rubric === rubricParam && String(v.version) === versionParam) ??
    list.find((v) => v.rubric === (rubricParam ?? 'ksp-2016') && v.latest) ??
    list.find((v) => v.latest);
  const def = useRubricDefinition(selected?.rubric, selected?.version);
  const latestOfSelected = list.find((v) => v.rubric === selected?.rubric && v.latest);
  const latestDef = useRubricDefinition(latestOfSelected?.rubric, latestOfSelected?.version);
  const isAdmin = me?.role === 'admin';

  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;

  const grouped = [...new Set(list.map((v) => v.rubric))].map((r) => ({ rubric: r, items: list.filter((v) => v.rubric === r) }));

  return (
    <>
      <PageHeader
        title={t('rubric.title')}
        docTitle={rubricParam && selected ? [`${selected.title} v${selected.version}`, t('rubric.title')] : t('rubric.title')}
        subtitle={t('rubric.intro')}
        actions={
          isAdmin && latestOfSelected && latestDef.data ? (
            <Button leftSection={<IconEdit size={16} />} onClick={() => setPublishOpen(true)}>
              {t('rubric.publish')}
            </Button>
          ) : undefined
        }
      />
      {!isAdmin && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('rubric.readOnlyNote')}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
        {!versions.data
          ? [0, 1].map((i) => <Skeleton key={i} h={120} />)
          : grouped.map((g) => (
              <Card key={g.rubric} withBorder padding="sm">
                <Text fw={600} mb={6}>
                  {g.items[0]?.title}
                </Text>
                <Stack gap={4}>
                  {g.items.map((v) => {
                    const active = selected?.rubric === v.rubric && selected.version === v.version;
                    return (
                      <Anchor
                        key={v.version}
                        component={Link}
                        to={`/rubrik/${v.rubric}/${v.version}`}
                        underline="never"
                        c="inherit"
                        p={6}
                        style={{ borderRadius: 6, background: active ? 'var(--mantine-color-sambang-0)' : undefined }}
                        data-testid="rubric-version-link"
                      >
                        <Group gap={6} wrap="wrap">
                          <Text size="sm" fw={active ? 700 : 500}>
                            {t('rubric.version', { version: v.version })}
                          </Text>
                          {v.latest && (
                            <Badge size="xs" color="sambang" style={{ textTransform: 'none' }}>
                              {t('rubric.latest')}
                            </Badge>
                          )}
                          <Text size="xs" c="dimmed">
                            {t('rubric.publishedAt', { at: formatDate(v.publishedAt) })} {v.publishedBy ? t('rubric.publishedBy', { name: v.publishedBy }) : `(${t('rubric.shipped')})`}
                          </Text>
                        </Group>
                        {v.note && (
                          <Text size="xs" c="dimmed" className="break-anywhere">
                            {v.note}
                          </Text>
                        )}
                      </Anchor>
                    );
                  })}
                </Stack>
              </Card>
            ))}
      </SimpleGrid>

      {def.isError ? (
        <ErrorState error={def.error} onRetry={() => void def.refetch()} />
      ) : !def.data || !selected ? (
        <Skeleton h={400} />
      ) : (
        <Stack gap="md" data-testid="rubric-detail">
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Group gap="xs" wrap="wrap" mb={4}>
              <Title order={2} size="h3">
                {def.data.title}
              </Title>
              <Badge variant="light" style={{ textTransform: 'none' }}>
                {t('rubric.version', { version: def.data.version })}
              </Badge>
            </Group>
            <Text size="sm">
              <b>{t('rubric.basis')}:</b> {def.data.basis}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`rubric.method.${def.data.method}`)}
            </Text>
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} p="xs" mt="sm">
              <Group gap={6} wrap="wrap">
                <Badge size="xs" variant="light" color="yellow" style={{ textTransform: 'none' }}>
                  {t('rubric.markKind.provisional')}
                </Badge>
                <Badge size="xs" variant="light" color="grape" style={{ textTransform: 'none' }}>
                  {t('rubric.markKind.choice')}
                </Badge>
                <Text size="xs">{t('rubric.marksLegend')}</Text>
              </Group>
            </Alert>
          </Paper>
          {def.data.method === 'weighted' ? <WeightedView def={def.data} /> : <GradedView def={def.data} />}
        </Stack>
      )}
      {publishOpen && latestOfSelected && latestDef.data && <PublishModal info={latestOfSelected} def={latestDef.data} onClose={() => setPublishOpen(false)} />}
    </>
  );
}
