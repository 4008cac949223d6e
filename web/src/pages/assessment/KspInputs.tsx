import { Alert, Anchor, Badge, Box, Group, Paper, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInfoCircle, IconListCheck, IconReportMoney } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Mark, QuestionnaireComponent, WeightedRubric } from '@domain/rubrics/types';
import { StatementForm } from '../../features/statements/StatementForm';
import { MarkBadge } from '../../components/assessment';
import { scoreText } from '../../lib/rubric';
import type { Id } from '../../lib/types';
import { answersOf, YesNo, type Answers, type DraftInputs } from './shared';

function QuestionnaireBlock({
  component,
  answers,
  onAnswer,
  readOnly,
  error,
  marks,
}: {
  component: QuestionnaireComponent;
  answers: Answers;
  onAnswer: (index: number, v: boolean) => void;
  readOnly: boolean;
  error?: string;
  marks: Mark[];
}) {
  const { t } = useTranslation();
  const answered = answers.filter((a) => a !== null).length;
  const yes = answers.filter((a) => a === true).length;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} className="stmt-section" data-questionnaire={component.code}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Title order={3} size="h5">
              {component.label}
            </Title>
            <MarkBadge marks={marks} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('assessment.questions', { count: component.questions.length })} ·{' '}
            {t('assessment.skorPerYes', { skor: scoreText(component.skorPerYes) })} ·{' '}
            {t('rubric.aspectWeight', { weight: component.weight })}
          </Text>
        </div>
        <Badge
          variant="light"
          color={answered === answers.length ? 'green' : 'gray'}
          style={{ textTransform: 'none' }}
          data-testid="answered-count"
        >
          {t('assessment.answered', { answered, of: answers.length, yes })}
        </Badge>
      </Group>
      {error && (
        <Text size="sm" c="red.8" mb="xs">
          {error}
        </Text>
      )}
      <Stack gap={0}>
        {component.questions.map((q, i) => (
          <div key={q.number} className="q-row" data-question={q.number}>
            <ThemeIcon
              size={24}
              radius="xl"
              variant="light"
              color={answers[i] === null ? 'gray' : answers[i] ? 'green' : 'red'}
              aria-hidden
            >
              <Text size="xs" fw={700}>
                {q.number}
              </Text>
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" lh={1.4}>
                {q.text}
              </Text>
              <Group gap={4} wrap="nowrap" align="flex-start" mt={2}>
                <IconInfoCircle size={13} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="xs" c="dimmed" lh={1.35}>
                  <b>{t('assessment.evidence')}:</b> {q.evidence}
                </Text>
              </Group>
            </div>
            <div className="q-answer">
              <YesNo
                value={answers[i] ?? null}
                onChange={(v) => onAnswer(i, v)}
                readOnly={readOnly}
                yesLabel={t('assessment.yes')}
                noLabel={t('assessment.no')}
                label={t('assessment.question', { n: q.number })}
              />
            </div>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

export function KspInputs({
  def,
  inputs,
  setInputs,
  readOnly,
  errors,
  marks,
  coopId,
  fiscalYear,
  hasStatement,
  tab,
  onTab,
}: {
  def: WeightedRubric;
  inputs: DraftInputs;
  setInputs: (fn: (prev: DraftInputs) => DraftInputs) => void;
  readOnly: boolean;
  errors: Record<string, string>;
  marks: Map<string, Mark[]>;
  coopId: Id;
  fiscalYear: number;
  hasStatement: boolean;
  tab: string;
  onTab: (tab: string) => void;
}) {
  const { t } = useTranslation();
  const questionnaires = def.aspects.flatMap((a) =>
    a.components
      .filter((c): c is QuestionnaireComponent => c.kind === 'questionnaire')
      .map((c) => ({ aspect: a.code, component: c })),
  );
  const financials = inputs.financials ?? {};
  const lineErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('financials.'))
      .map(([k, v]) => [k.slice('financials.'.length), v]),
  );
  const totalQuestions = questionnaires.reduce((s, q) => s + q.component.questions.length, 0);
  const totalAnswered = questionnaires.reduce(
    (s, q) =>
      s +
      answersOf(inputs.management?.[q.component.code], q.component.questions.length).filter((a) => a !== null).length,
    0,
  );
  const linesTotal = def.inputSections.reduce((s, x) => s + x.lines.length, 0);
  const linesFilled = def.inputSections.reduce(
    (s, x) => s + x.lines.filter((l) => financials[l.code] !== undefined).length,
    0,
  );

  return (
    <Tabs value={tab} onChange={(v) => v && onTab(v)} keepMounted={false}>
      <Tabs.List mb="md" className="scroll-tabs">
        <Tabs.Tab
          value="keuangan"
          leftSection={<IconReportMoney size={16} />}
          rightSection={
            <Badge size="xs" variant="light" color={linesFilled === linesTotal ? 'green' : 'gray'}>
              {linesFilled}/{linesTotal}
            </Badge>
          }
        >
          {t('assessment.tabFinancials')}
        </Tabs.Tab>
        <Tabs.Tab
          value="manajemen"
          leftSection={<IconListCheck size={16} />}
          rightSection={
            <Badge size="xs" variant="light" color={totalAnswered === totalQuestions ? 'green' : 'gray'}>
              {totalAnswered}/{totalQuestions}
            </Badge>
          }
        >
          {t('assessment.tabManagement')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="keuangan">
        <Stack gap="sm">
          {!readOnly && (
            <Alert color={hasStatement ? 'blue' : 'yellow'} variant="light" p="xs" icon={<IconInfoCircle size={16} />}>
              <Text size="sm">
                {hasStatement
                  ? t('assessment.financialsNote', { year: fiscalYear })
                  : t('assessment.financialsNoStatement', { year: fiscalYear })}{' '}
                <Anchor component={Link} to={`/koperasi/${coopId}/laporan-keuangan?tahun=${fiscalYear}`} size="sm">
                  {t('assessment.openStatement')}
                </Anchor>
              </Text>
            </Alert>
          )}
          <StatementForm
            sections={def.inputSections}
            values={financials}
            readOnly={readOnly}
            errors={lineErrors}
            wide={false}
            onChange={(code, v) =>
              setInputs((prev) => {
                const next = { ...(prev.financials ?? {}) };
                if (v === undefined) delete next[code];
                else next[code] = v;
                return { ...prev, financials: next };
              })
            }
          />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="manajemen">
        <Stack gap="md">
          {questionnaires.map(({ aspect, component }) => {
            const answers = answersOf(inputs.management?.[component.code], component.questions.length);
            return (
              <QuestionnaireBlock
                key={component.code}
                component={component}
                answers={answers}
                readOnly={readOnly}
                error={errors[`management.${component.code}`] ?? errors[`${aspect}.${component.code}`]}
                marks={marks.get(`${aspect}.${component.code}`) ?? []}
                onAnswer={(i, v) =>
                  setInputs((prev) => {
                    const cur = answersOf(prev.management?.[component.code], component.questions.length);
                    cur[i] = v;
                    return { ...prev, management: { ...(prev.management ?? {}), [component.code]: cur } };
                  })
                }
              />
            );
          })}
          <Box />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
