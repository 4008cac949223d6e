import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GradedIndicator, GradedRubric, Mark } from '@domain/rubrics/types';
import { MarkBadge } from '../../components/assessment';
import { bandText, percentText, ruleNilai, sortedBands } from '../../lib/rubric';
import { answersOf, YesNo, type DraftInputs } from './shared';

export function IndicatorCard({
  def,
  indicator,
  inputs,
  setInputs,
  readOnly,
  error,
  marks,
}: {
  def: GradedRubric;
  indicator: GradedIndicator;
  inputs: DraftInputs;
  setInputs: (fn: (prev: DraftInputs) => DraftInputs) => void;
  readOnly: boolean;
  error?: string;
  marks: Mark[];
}) {
  const { t } = useTranslation();
  const code = indicator.code;
  const isChecklist = indicator.kind === 'checklist';
  const raw = isChecklist ? inputs.checklists?.[code] : inputs.indicators?.[code];
  const notApplicable = raw === null;
  const reason = inputs.notApplicableReasons?.[code] ?? '';
  const scaleLabel = (n: number | null) => (n === null ? undefined : def.scale.find((s) => s.nilai === n)?.label);

  const setValue = (v: number | null | undefined) =>
    setInputs((prev) => {
      const next = { ...(prev.indicators ?? {}) };
      if (v === undefined) delete next[code];
      else next[code] = v;
      return { ...prev, indicators: next };
    });
  const setChecklist = (v: (boolean | null)[] | null | undefined) =>
    setInputs((prev) => {
      const next = { ...(prev.checklists ?? {}) };
      if (v === undefined) delete next[code];
      else next[code] = v;
      return { ...prev, checklists: next };
    });
  const setReason = (text: string) =>
    setInputs((prev) => {
      const next = { ...(prev.notApplicableReasons ?? {}) };
      if (text) next[code] = text;
      else delete next[code];
      return { ...prev, notApplicableReasons: next };
    });
  const toggleNa = (on: boolean) => {
    if (isChecklist) setChecklist(on ? null : undefined);
    else setValue(on ? null : undefined);
    if (!on) setReason('');
  };

  let implied: number | null = null;
  if (!notApplicable && indicator.kind === 'quantitative' && typeof raw === 'number')
    implied = ruleNilai({ kind: 'bands', bands: indicator.bands }, raw);
  if (!notApplicable && indicator.kind === 'checklist' && Array.isArray(raw)) {
    const met = raw.filter((x) => x === true).length;
    if (raw.every((x) => x !== null))
      implied = ruleNilai({ kind: 'bands', bands: def.checklistBands }, (met * 100) / indicator.items.length);
  }
  if (!notApplicable && indicator.kind === 'rating' && typeof raw === 'number') implied = raw;

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      className={`stmt-section${notApplicable ? ' indicator-na' : ''}`}
      data-indicator={code}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Title order={4} size="h6" lh={1.3}>
              {indicator.label}
            </Title>
            <MarkBadge marks={marks} />
          </Group>
          <Text size="xs" c="dimmed">
            {t(`rubric.indicatorKinds.${indicator.kind}`)}
          </Text>
        </div>
        {implied !== null && (
          <Badge
            variant="light"
            color={implied === 1 ? 'green' : implied === 2 ? 'cyan' : implied === 3 ? 'orange' : 'red'}
            style={{ textTransform: 'none', flexShrink: 0 }}
            data-testid="implied-nilai"
          >
            {t('assessment.impliedNilai', { nilai: implied })}
            {scaleLabel(implied) ? ` · ${scaleLabel(implied)}` : ''}
          </Badge>
        )}
      </Group>

      {!notApplicable && indicator.kind === 'quantitative' && (
        <Stack gap={6} mt="xs">
          <Text size="xs">
            <b>{t('assessment.formula')}:</b> {indicator.formulaText}
          </Text>
          <Text size="xs" c="dimmed" className="tabular-nums">
            {sortedBands(indicator.bands)
              .sort((a, b) => a.nilai - b.nilai)
              .map((b) => `${t('assessment.nilai')} ${b.nilai}: ${bandText(b)}`)
              .join(' · ')}
          </Text>
          <NumberInput
            label={t('assessment.percentInput')}
            aria-label={`${indicator.label} (${t('assessment.percentInput')})`}
            value={typeof raw === 'number' ? raw : ''}
            onChange={(v) =>
              setValue(v === '' ? undefined : typeof v === 'number' ? v : Number(String(v).replace(',', '.')))
            }
            decimalSeparator=","
            thousandSeparator="."
            suffix=" %"
            decimalScale={4}
            hideControls
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            w={{ base: '100%', xs: 200 }}
            error={error}
            data-indicator-input={code}
          />
        </Stack>
      )}

      {!notApplicable && indicator.kind === 'rating' && (
        <Stack gap={6} mt="xs">
          <Group gap={4} wrap="nowrap" align="flex-start">
            <IconInfoCircle size={13} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="dimmed">
              <b>{t('assessment.guidance')}:</b> {indicator.guidance}
            </Text>
          </Group>
          <Select
            label={t('assessment.ratingInput')}
            placeholder={t('assessment.ratingPlaceholder')}
            data={def.scale.map((s) => ({ value: String(s.nilai), label: `${s.nilai} — ${s.label}` }))}
            value={typeof raw === 'number' ? String(raw) : null}
            onChange={(v) => setValue(v === null ? undefined : Number(v))}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            clearable={!readOnly}
            w={{ base: '100%', xs: 240 }}
            error={error}
            comboboxProps={{ withinPortal: true }}
          />
        </Stack>
      )}

      {!notApplicable && indicator.kind === 'checklist' && (
        <Stack gap={0} mt="xs">
          {error && (
            <Text size="sm" c="red.8" mb="xs">
              {error}
            </Text>
          )}
          <Text size="xs" c="dimmed" mb={4}>
            {t('assessment.itemsMet', {
              met: answersOf(raw, indicator.items.length).filter((x) => x === true).length,
              of: indicator.items.length,
            })}
            {Array.isArray(raw) && raw.every((x) => x !== null)
              ? ` (${percentText((raw.filter((x) => x === true).length * 100) / indicator.items.length)})`
              : ''}
          </Text>
          {indicator.items.map((item, i) => {
            const answers = answersOf(raw, indicator.items.length);
            return (
              <div key={i} className="q-row">
                <ThemeIcon
                  size={24}
                  radius="xl"
                  variant="light"
                  color={answers[i] === null ? 'gray' : answers[i] ? 'green' : 'red'}
                  aria-hidden
                >
                  <Text size="xs" fw={700}>
                    {i + 1}
                  </Text>
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" lh={1.4}>
                    {item.text}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.35} mt={2}>
                    <b>{t('assessment.evidence')}:</b> {item.evidence}
                  </Text>
                </div>
                <div className="q-answer">
                  <YesNo
                    value={answers[i] ?? null}
                    readOnly={readOnly}
                    yesLabel={t('assessment.met')}
                    noLabel={t('assessment.notMet')}
                    label={`${indicator.label} ${i + 1}`}
                    onChange={(v) => {
                      const next = answersOf(raw, indicator.items.length);
                      next[i] = v;
                      setChecklist(next);
                    }}
                  />
                </div>
              </div>
            );
          })}
        </Stack>
      )}

      <Stack gap={6} mt="sm">
        {(!readOnly || notApplicable) && (
          <Switch
            label={t('assessment.notApplicable')}
            checked={notApplicable}
            onChange={(e) => toggleNa(e.currentTarget.checked)}
            disabled={readOnly}
            size="sm"
          />
        )}
        {notApplicable && (
          <TextInput
            label={t('assessment.notApplicableReason')}
            placeholder={t('assessment.notApplicableReasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            maxLength={500}
          />
        )}
      </Stack>
    </Paper>
  );
}
