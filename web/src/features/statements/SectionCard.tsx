import { Fragment, type ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputLine, InputSection } from '@domain/rubrics/types';
import { LineRow, SumRow, TotalCheck, sectionSum, type LineValues } from './lines';

/** One section of the statement: its lines by group, group subtotals, and the stated total checked against the sum. */
export function SectionCard({
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
