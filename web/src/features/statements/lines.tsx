import { useId, type ReactNode } from 'react';
import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputLine, InputSection } from '@domain/rubrics/types';
import { formatRupiah } from '../../lib/format';
import { RupiahInput, toInt } from '../../components/inputs';

export type LineValues = Record<string, number | undefined>;

/**
 * Summary lines that restate part of the lines below them and so are not added into their
 * section's sum. `kewajibanLancar` (ksp-2016): "may include the lines below it that fall due within
 * a year" (its hint); it is used only for the cash ratio.
 */
export const MEMO_LINES = new Set(['kewajibanLancar']);

const lineSign = (l: InputLine) => (l.sign === -1 ? -1 : 1);

/** Sum of a section's lines (signed), leaving out its stated total and memo lines; missing lines count as 0. */
export function sectionSum(section: InputSection, values: LineValues, lines: InputLine[] = section.lines): number {
  return lines.reduce(
    (s, l) => (l.code === section.totalLine || MEMO_LINES.has(l.code) ? s : s + lineSign(l) * (values[l.code] ?? 0)),
    0,
  );
}

export function LineRow({
  line,
  value,
  onChange,
  readOnly,
  error,
  extra,
  total,
}: {
  line: InputLine;
  value: number | undefined;
  onChange: (code: string, v: number | undefined) => void;
  readOnly: boolean;
  error?: string;
  extra?: ReactNode;
  total?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const deduction = line.sign === -1;
  const memo = MEMO_LINES.has(line.code);
  return (
    <div className={`stmt-line${total ? ' stmt-line-total' : ''}`} data-line-row={line.code}>
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap" align="center">
          <Text component="label" htmlFor={id} size="sm" fw={total ? 700 : 500} lh={1.3}>
            {line.label}
          </Text>
          {deduction && (
            <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t('statement.deduction')}
            </Badge>
          )}
          {memo && (
            <Tooltip
              label={t('statement.memoNote')}
              multiline
              w={280}
              withArrow
              events={{ hover: true, focus: true, touch: true }}
            >
              <Badge
                size="xs"
                variant="light"
                color="blue"
                style={{ textTransform: 'none', cursor: 'help' }}
                tabIndex={0}
              >
                {t('statement.memo')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {line.hint && (
          <Text size="xs" c="dimmed" lh={1.35} mt={2}>
            {line.hint}
          </Text>
        )}
      </div>
      <div>
        {readOnly ? (
          <Text
            id={id}
            size="sm"
            ta="right"
            fw={total ? 700 : 500}
            className="tabular-nums"
            data-line={line.code}
            c={value === undefined ? 'dimmed' : undefined}
          >
            {value === undefined ? '–' : deduction ? `(${formatRupiah(value)})` : formatRupiah(value)}
          </Text>
        ) : (
          <RupiahInput
            id={id}
            data-line={line.code}
            value={value ?? ''}
            onChange={(v) => onChange(line.code, toInt(v) ?? undefined)}
            allowNegative={false}
            error={error}
            size="sm"
            styles={{
              input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: total ? 700 : undefined },
            }}
            leftSection={
              deduction ? (
                <Text size="sm" c="dimmed">
                  −
                </Text>
              ) : undefined
            }
            leftSectionWidth={deduction ? 24 : undefined}
            placeholder="Rp 0"
            max={1e15}
          />
        )}
        {extra}
      </div>
    </div>
  );
}

export function SumRow({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: number;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      className={strong ? 'stmt-sum stmt-sum-strong' : 'stmt-sum'}
      data-testid={testId}
    >
      <Text size="sm" fw={strong ? 700 : 600} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 600} className="tabular-nums" style={{ whiteSpace: 'nowrap' }}>
        {formatRupiah(value)}
      </Text>
    </Group>
  );
}

export function TotalCheck({ stated, sum, onUse }: { stated: number | undefined; sum: number; onUse?: () => void }) {
  const { t } = useTranslation();
  if (stated === undefined) {
    return onUse && sum > 0 ? (
      <Button size="compact-xs" variant="subtle" mt={4} onClick={onUse}>
        {t('statement.useSum', { sum: formatRupiah(sum) })}
      </Button>
    ) : null;
  }
  if (stated === sum) {
    return (
      <Group gap={4} mt={4} justify="flex-end" wrap="nowrap" data-testid="total-check" data-ok="true">
        <IconCircleCheck size={14} color="var(--mantine-color-green-7)" />
        <Text size="xs" c="green.8">
          {t('statement.matches')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap={2} mt={4} align="flex-end" data-testid="total-check" data-ok="false">
      <Group gap={4} wrap="nowrap" align="flex-start">
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" c="orange.9" ta="right">
          {t('statement.mismatch', { diff: formatRupiah(Math.abs(stated - sum)), sum: formatRupiah(sum) })}
        </Text>
      </Group>
      {onUse && (
        <Button size="compact-xs" variant="subtle" onClick={onUse}>
          {t('statement.useSum', { sum: formatRupiah(sum) })}
        </Button>
      )}
    </Stack>
  );
}
