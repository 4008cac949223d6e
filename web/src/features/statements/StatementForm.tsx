import { Box, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputSection } from '@domain/rubrics/types';
import { BalanceCheck, PhuChecks } from './checks';
import type { LineValues } from './lines';
import { SectionCard } from './SectionCard';

export type { LineValues } from './lines';

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
