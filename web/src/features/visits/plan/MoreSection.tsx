import { Checkbox, Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { Section } from './model';
import type { PlanState } from './usePlanForm';

/** The plan's links: a program, the cooperative's RAT (suggested from the date) and its business units. */
export function MoreSection({ plan }: { plan: PlanState }) {
  const { t } = useTranslation();
  const {
    programs,
    form,
    set,
    errors,
    selectedProgram,
    coopId,
    meetings,
    ratTouched,
    ratNote,
    setRatNote,
    units,
    unitErrors,
  } = plan;
  return (
    <Section title={t('visitPlan.sections.more')}>
      <Stack gap="sm">
        <Select
          label={t('visitPlan.program')}
          placeholder={t('visitPlan.noProgram')}
          data={(programs.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)})`,
          }))}
          value={form.programId}
          onChange={(v) => set('programId', v)}
          clearable
          error={errors.programId}
          description={selectedProgram ? t('visitPlan.programHint') : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('visitPlan.rat')}
          placeholder={coopId ? t('visitPlan.noRat') : t('visitPlan.pickCoopFirst')}
          data={(meetings.data?.items ?? []).map((m) => ({
            value: m.id,
            label: t('visitPlan.ratOption', { year: m.fiscalYear, date: formatDate(m.heldOn) }),
          }))}
          value={form.annualMeetingId}
          onChange={(v) => {
            ratTouched.current = true;
            setRatNote(null);
            set('annualMeetingId', v);
          }}
          clearable
          disabled={!coopId}
          error={errors.annualMeetingId}
          rightSection={meetings.isFetching ? <Loader size={14} /> : undefined}
          comboboxProps={{ withinPortal: true }}
          data-testid="plan-rat"
        />
        {ratNote && form.annualMeetingId && (
          <Text size="xs" c="grape.8" mt={-6} data-testid="rat-suggestion">
            {ratNote}
          </Text>
        )}
        <Checkbox.Group
          label={t('visitPlan.units')}
          description={coopId ? t('visitPlan.unitsHint') : t('visitPlan.pickCoopFirst')}
          value={form.businessUnitIds}
          onChange={(v) => set('businessUnitIds', v)}
          error={unitErrors.length ? unitErrors.join(' ') : errors.businessUnitIds}
        >
          {coopId && units.data && units.data.items.length === 0 && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('visitPlan.noUnits')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {(units.data?.items ?? []).map((u) => (
              <Checkbox
                key={u.id}
                value={String(u.id)}
                label={u.name}
                styles={{ body: { minHeight: 32, alignItems: 'center' } }}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Stack>
    </Section>
  );
}
