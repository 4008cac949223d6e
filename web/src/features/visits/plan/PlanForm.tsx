import { Anchor, Box, Button, Checkbox, Group, Input, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { VISIT_PURPOSES, type Visit, type VisitPurpose } from '../../../lib/visits';
import { CoopPicker } from '../../../components/CoopPicker';
import { Section } from './model';
import { MoreSection } from './MoreSection';
import { PlanAlerts } from './PlanAlerts';
import { TeamSection } from './TeamSection';
import { usePlanForm } from './usePlanForm';

export function PlanFormView({ visit, onReload }: { visit: Visit | null; onReload: () => void }) {
  const { t } = useTranslation();
  const plan = usePlanForm(visit);
  const {
    form,
    setForm,
    set,
    errors,
    setErrors,
    ratTouched,
    prefillCoop,
    coopQuery,
    readOnly,
    save,
    onSubmit,
    coopInitial,
  } = plan;

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={readOnly || save.isPending} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={860}>
          <PlanAlerts visit={visit} plan={plan} onReload={onReload} />
          <Section title={t('visitPlan.sections.where')}>
            <Stack gap="sm">
              {visit ? (
                <Input.Wrapper label={t('visitPlan.cooperative')}>
                  <Text fw={600}>
                    <Anchor component={Link} to={`/koperasi/${visit.cooperative.id}`}>
                      {visit.cooperative.name}
                    </Anchor>
                  </Text>
                  <Text size="xs" c="dimmed">
                    Kec. {visit.cooperative.district.name}
                  </Text>
                </Input.Wrapper>
              ) : prefillCoop && coopQuery.isLoading ? (
                <Skeleton h={58} />
              ) : (
                <CoopPicker
                  label={t('visitPlan.cooperative')}
                  required
                  value={form.cooperativeId}
                  initial={coopInitial}
                  onChange={(id, name) => {
                    setForm((f) => ({
                      ...f,
                      cooperativeId: id,
                      cooperativeName: name,
                      annualMeetingId: null,
                      businessUnitIds: [],
                    }));
                    ratTouched.current = false;
                    setErrors(({ cooperativeId: _c, annualMeetingId: _a, ...rest }) => rest);
                  }}
                  error={errors.cooperativeId}
                />
              )}
              <Box
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
                  gap: 'var(--mantine-spacing-sm)',
                }}
              >
                <DateInput
                  style={{ gridColumn: 'span 2' }}
                  label={t('visitPlan.date')}
                  required
                  valueFormat="D MMMM YYYY"
                  locale="id"
                  placeholder={t('coop.form.pickDate')}
                  value={form.date}
                  onChange={(v) => set('date', v)}
                  error={errors.date}
                  leftSection={<IconCalendarEvent size={16} />}
                  popoverProps={{ withinPortal: true }}
                  data-testid="plan-date"
                />
                <TimeInput
                  label={t('visitPlan.startTime')}
                  value={form.startTime}
                  onChange={(e) => set('startTime', e.currentTarget.value)}
                  error={errors.startTime}
                  data-testid="plan-start"
                />
                <TimeInput
                  label={t('visitPlan.endTime')}
                  value={form.endTime}
                  onChange={(e) => set('endTime', e.currentTarget.value)}
                  error={errors.endTime}
                  data-testid="plan-end"
                />
              </Box>
            </Stack>
          </Section>

          <Section title={t('visitPlan.sections.why')}>
            <Checkbox.Group
              label={t('visitPlan.purposes')}
              description={t('visitPlan.purposesHint')}
              required
              value={form.purposes}
              onChange={(v) => set('purposes', v as VisitPurpose[])}
              error={errors.purposes}
              data-invalid={errors.purposes ? 'true' : undefined}
            >
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt="xs">
                {VISIT_PURPOSES.map((p) => (
                  <Checkbox
                    key={p}
                    value={p}
                    label={t(`visits.purposes.${p}`)}
                    styles={{ body: { minHeight: 32, alignItems: 'center' } }}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>

          <TeamSection
            visit={visit}
            team={form.team}
            date={form.date}
            errors={errors}
            onChange={(team) => set('team', team)}
          />

          <MoreSection plan={plan} />
          {!readOnly && (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" component={Link} to={visit ? `/kunjungan/${visit.id}` : '/kunjungan'}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="plan-save">
                {t('visitPlan.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
