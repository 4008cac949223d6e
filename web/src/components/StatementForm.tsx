import { Fragment, useId, type ReactNode } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputLine, InputSection } from '@domain/rubrics/types';
import { formatRupiah } from '../lib/format';
import { RupiahInput, toInt } from './inputs';

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

function LineRow({
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

function SumRow({ label, value, strong, testId }: { label: string; value: number; strong?: boolean; testId?: string }) {
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

function TotalCheck({ stated, sum, onUse }: { stated: number | undefined; sum: number; onUse?: () => void }) {
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

function SectionCard({
  section,
  title,
  values,
  onChange,
  readOnly,
  errors,
  children,
}: {
  section: InputSection;
  title?: string;
  values: LineValues;
  onChange: (code: string, v: number | undefined) => void;
  readOnly: boolean;
  errors: Record<string, string>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const body = section.lines.filter((l) => l.code !== section.totalLine);
  const totalLine = section.lines.find((l) => l.code === section.totalLine);
  const groups: { name: string | undefined; lines: InputLine[] }[] = [];
  for (const l of body) {
    const last = groups[groups.length - 1];
    if (last && last.name === l.group) last.lines.push(l);
    else groups.push({ name: l.group, lines: [l] });
  }
  const sum = sectionSum(section, values);
  const hasGroups = groups.some((g) => g.name);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} className="stmt-section" data-section={section.code}>
      {title !== '' && (
        <Title order={3} size="h5" mb={4}>
          {title ?? section.label}
        </Title>
      )}
      <Stack gap={0}>
        {groups.map((g, gi) => (
          <Fragment key={`${g.name ?? ''}-${gi}`}>
            {g.name && (
              <Text
                size="xs"
                fw={700}
                tt="uppercase"
                c="dimmed"
                mt={gi ? 'sm' : 4}
                mb={2}
                style={{ letterSpacing: 0.4 }}
              >
                {g.name}
              </Text>
            )}
            {g.lines.map((l) => (
              <LineRow
                key={l.code}
                line={l}
                value={values[l.code]}
                onChange={onChange}
                readOnly={readOnly}
                error={errors[l.code]}
              />
            ))}
            {hasGroups && g.name && (
              <SumRow
                label={t('statement.subtotal', { label: g.name.toLowerCase() })}
                value={sectionSum(section, values, g.lines)}
                testId={`subtotal-${section.code}-${gi}`}
              />
            )}
          </Fragment>
        ))}
        {totalLine && (
          <>
            <SumRow label={t('statement.computedSum')} value={sum} strong testId={`sum-${section.code}`} />
            <LineRow
              line={totalLine}
              value={values[totalLine.code]}
              onChange={onChange}
              readOnly={readOnly}
              error={errors[totalLine.code]}
              total
              extra={
                <TotalCheck
                  stated={values[totalLine.code]}
                  sum={sum}
                  onUse={readOnly ? undefined : () => onChange(totalLine.code, sum)}
                />
              }
            />
          </>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

function PhuChecks({ values }: { values: LineValues }) {
  const { t } = useTranslation();
  const has = (...codes: string[]) => codes.every((c) => values[c] !== undefined);
  const rows: { key: string; text: string; stated: number }[] = [];
  if (has('partisipasiBruto', 'bebanPokok', 'pendapatan', 'shuKotor')) {
    const v = (values.partisipasiBruto ?? 0) - (values.bebanPokok ?? 0) + (values.pendapatan ?? 0);
    rows.push({
      key: 'shuKotor',
      text: t('statement.shuKotorCheck', { value: formatRupiah(v) }),
      stated: (values.shuKotor ?? 0) - v,
    });
  }
  if (has('shuKotor', 'bebanUsaha', 'bebanPerkoperasian', 'shuSebelumPajak')) {
    const v = (values.shuKotor ?? 0) - (values.bebanUsaha ?? 0) - (values.bebanPerkoperasian ?? 0);
    rows.push({
      key: 'shuSebelumPajak',
      text: t('statement.shuSebelumPajakCheck', { value: formatRupiah(v) }),
      stated: (values.shuSebelumPajak ?? 0) - v,
    });
  }
  if (rows.length === 0) return null;
  return (
    <Stack gap={4} mt="sm" pt="xs" style={{ borderTop: '1px dashed var(--mantine-color-gray-3)' }}>
      {rows.map((r) => (
        <Group key={r.key} gap={6} wrap="nowrap" align="flex-start" data-testid={`phu-check-${r.key}`}>
          {r.stated === 0 ? (
            <IconCircleCheck size={14} color="var(--mantine-color-green-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          ) : (
            <IconInfoCircle size={14} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          )}
          <Text size="xs" c={r.stated === 0 ? 'dimmed' : 'orange.9'}>
            {r.text} —{' '}
            {r.stated === 0
              ? t('statement.checkOk')
              : t('statement.checkDiff', { diff: formatRupiah(Math.abs(r.stated)) })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function BalanceCheck({ sections, values }: { sections: InputSection[]; values: LineValues }) {
  const { t } = useTranslation();
  const neraca = sections.filter((s) => s.statement === 'neraca' && s.totalLine);
  const [assetSide, claimSide] = neraca;
  if (!assetSide || !claimSide) return null;
  const assets = values[assetSide.totalLine ?? ''];
  const liabilities = values[claimSide.totalLine ?? ''];
  if (assets === undefined || liabilities === undefined) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconScale size={18} />}
        data-testid="balance-check"
        data-balanced="unknown"
      >
        {t('statement.balanceUnknown')}
      </Alert>
    );
  }
  // Same rule as the server (src/domain/desk/quorum.ts): rounding up to Rp1 is tolerated.
  if (Math.abs(assets - liabilities) <= 1) {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={18} />}
        data-testid="balance-check"
        data-balanced="true"
      >
        {t('statement.balanced')}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      data-testid="balance-check"
      data-balanced="false"
    >
      {t('statement.unbalanced', {
        assets: formatRupiah(assets),
        liabilities: formatRupiah(liabilities),
        diff: formatRupiah(Math.abs(assets - liabilities)),
      })}
    </Alert>
  );
}

/**
 * The financial-statement form laid out like an Indonesian neraca (Aktiva | Kewajiban dan ekuitas)
 * and perhitungan hasil usaha, from the rubric's inputSections. `wide`: the two neraca columns sit
 * side by side from the md breakpoint; otherwise from xl (for narrower containers).
 */
export function StatementForm({
  sections,
  values,
  onChange,
  readOnly = false,
  errors = {},
  wide = true,
}: {
  sections: InputSection[];
  values: LineValues;
  onChange: (code: string, v: number | undefined) => void;
  readOnly?: boolean;
  errors?: Record<string, string>;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const neraca = sections.filter((s) => s.statement === 'neraca');
  const phu = sections.filter((s) => s.statement === 'phu');
  const notes = sections.filter((s) => s.statement === 'catatan');
  const cols = wide ? { base: 1, md: 2 } : { base: 1, xl: 2 };
  const common = { values, onChange, readOnly, errors };
  return (
    <Stack gap="lg" data-testid="statement-form">
      <Box>
        <Title order={2} size="h4" mb="xs">
          {t('statement.neraca')}
        </Title>
        <SimpleGrid cols={cols} spacing="md">
          {neraca.map((s, i) => (
            <SectionCard
              key={s.code}
              section={s}
              title={
                neraca.length === 2
                  ? i === 0
                    ? t('statement.aktivaHeading')
                    : t('statement.pasivaHeading')
                  : undefined
              }
              {...common}
            />
          ))}
        </SimpleGrid>
        <Box mt="sm">
          <BalanceCheck sections={sections} values={values} />
        </Box>
      </Box>
      {(phu.length > 0 || notes.length > 0) && (
        <SimpleGrid cols={cols} spacing="md">
          {phu.length > 0 && (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('statement.phu')}
              </Title>
              {phu.map((s) => (
                <SectionCard
                  key={s.code}
                  section={s}
                  title={s.label === t('statement.phu') ? '' : undefined}
                  {...common}
                >
                  <PhuChecks values={values} />
                </SectionCard>
              ))}
            </Stack>
          )}
          {notes.length > 0 && (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('statement.catatan')}
              </Title>
              {notes.map((s) => (
                <SectionCard key={s.code} section={s} {...common} />
              ))}
            </Stack>
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
