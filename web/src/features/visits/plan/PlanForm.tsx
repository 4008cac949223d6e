import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  Input,
  Loader,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarEvent, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { ApiError, get, patch, post } from '../../../lib/api';
import type { AnnualMeeting } from '../../../lib/assessment';
import { useMe } from '../../../lib/auth';
import { useCoop } from '../../../lib/coop';
import { formatDate } from '../../../lib/format';
import type { Unit } from '../../../lib/types';
import { VISIT_PURPOSES, usePrograms, type Visit, type VisitPurpose } from '../../../lib/visits';
import { CoopPicker } from '../../../components/CoopPicker';

import { PlanForm, TIME, fromVisit, focusFirstInvalid, Section } from './model';
import { TeamSection } from './TeamSection';

export function PlanFormView({ visit, onReload }: { visit: Visit | null; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [sp] = useSearchParams();
  const myId = me ? String(me.id) : null;

  const prefillCoop = visit ? null : sp.get('cooperativeId');
  const prefillPurposes = useMemo(
    () =>
      (sp.get('purposes') ?? '')
        .split(',')
        .filter((p): p is VisitPurpose => (VISIT_PURPOSES as readonly string[]).includes(p)),
    [sp],
  );
  const coopQuery = useCoop(prefillCoop ?? undefined);

  const [form, setForm] = useState<PlanForm>(() =>
    visit
      ? fromVisit(visit)
      : {
          cooperativeId: prefillCoop,
          cooperativeName: null,
          date: null,
          startTime: '',
          endTime: '',
          purposes: prefillPurposes,
          programId: null,
          annualMeetingId: null,
          team: me?.abilities.joinsOwnVisits && myId ? [{ userId: myId, leader: true }] : [],
          businessUnitIds: [],
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [ratNote, setRatNote] = useState<string | null>(null);
  const ratTouched = useRef(Boolean(visit?.annualMeetingId));

  const set = <K extends keyof PlanForm>(k: K, v: PlanForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => {
      const n = { ...e };
      for (const key of Object.keys(n)) if (key === k || key.startsWith(`${k}.`)) delete n[key];
      return n;
    });
  };

  const programs = usePrograms();
  const coopId = form.cooperativeId;
  const meetings = useQuery({
    queryKey: ['annual-meetings', coopId],
    queryFn: ({ signal }) => get<{ items: AnnualMeeting[] }>(`/cooperatives/${coopId}/annual-meetings`, signal),
    enabled: Boolean(coopId),
  });
  const units = useQuery({
    queryKey: ['business-units', coopId],
    queryFn: ({ signal }) => get<{ items: Unit[] }>(`/cooperatives/${coopId}/business-units`, signal),
    enabled: Boolean(coopId),
  });

  // A date equal to one of the cooperative's RAT dates: link the visit to that RAT (once, until the user chooses).
  // A link made here (not chosen by the user) follows the date: moved off the RAT date, it goes again.
  const autoRat = useRef<{ meetingId: string; addedPurpose: boolean } | null>(null);
  useEffect(() => {
    if (!form.date || !meetings.data) return;
    const match = meetings.data.items.find((m) => m.heldOn === form.date);
    if (match && !ratTouched.current && form.annualMeetingId !== match.id) {
      autoRat.current = { meetingId: match.id, addedPurpose: !form.purposes.includes('RAT') };
      setForm((f) => ({
        ...f,
        annualMeetingId: match.id,
        purposes: f.purposes.includes('RAT') ? f.purposes : [...f.purposes, 'RAT'],
      }));
      setRatNote(t('visitPlan.ratSuggest', { year: match.fiscalYear }));
    } else if (!match) {
      setRatNote(null);
      const auto = autoRat.current;
      if (auto && !ratTouched.current && form.annualMeetingId === auto.meetingId) {
        autoRat.current = null;
        setForm((f) => ({
          ...f,
          annualMeetingId: null,
          purposes: auto.addedPurpose ? f.purposes.filter((p) => p !== 'RAT') : f.purposes,
        }));
      }
    }
  }, [form.date, meetings.data, form.annualMeetingId, form.purposes, t]);

  const selectedMeeting = meetings.data?.items.find((m) => m.id === form.annualMeetingId) ?? null;
  const selectedProgram = programs.data?.items.find((p) => p.id === form.programId) ?? null;

  const closed = visit && (visit.status === 'done' || visit.status === 'cancelled');
  // From the visit's `can` and the app abilities (src/app/policy/visits.ts), not the role.
  const notOnTeam = visit && !visit.can.update;
  const cannotPlan = !visit && !me?.abilities.planVisits;
  const readOnly = Boolean(closed || notOnTeam || cannotPlan);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      visit ? patch<Visit>(`/visits/${visit.id}`, body) : post<Visit>('/visits', body),
    onSuccess: (saved) => {
      qc.setQueryData(['visit', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['visits'] });
      notifications.show({ color: 'green', message: t('visitPlan.saved') });
      navigate(`/kunjungan/${saved.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      setErrors(e.fields);
      if (e.status === 409) setConflict(e.message);
      if (Object.keys(e.fields).length) focusFirstInvalid();
    },
  });

  const validate = (): Record<string, string> => {
    const errs: Record<string, string> = {};
    const req = t('common.required');
    if (!form.cooperativeId) errs.cooperativeId = req;
    if (!form.date) errs.date = req;
    if (form.startTime && !TIME.test(form.startTime)) errs.startTime = req;
    if (form.endTime && !TIME.test(form.endTime)) errs.endTime = req;
    if (form.endTime && !form.startTime) errs.startTime = t('visitPlan.startNeeded');
    if (form.startTime && form.endTime && form.endTime <= form.startTime) errs.endTime = t('visitPlan.endAfterStart');
    if (form.purposes.length === 0) errs.purposes = t('visitPlan.purposesRequired');
    if (form.team.length === 0) errs.team = t('visitPlan.teamRequired');
    else if (form.team.filter((m) => m.leader).length !== 1) errs.team = t('visitPlan.leaderRequired');
    else if (me?.abilities.joinsOwnVisits && myId && !form.team.some((m) => m.userId === myId))
      errs.team = t('visitPlan.youMustBeOnTeam');
    if (selectedMeeting && form.date && selectedMeeting.heldOn !== form.date) {
      errs.annualMeetingId = t('visitPlan.ratMismatch', { date: formatDate(selectedMeeting.heldOn) });
    }
    if (
      selectedProgram &&
      form.date &&
      (form.date < selectedProgram.periodStart || form.date > selectedProgram.periodEnd)
    ) {
      errs.date = `${t('visitPlan.programHint')} (${formatDate(selectedProgram.periodStart)} – ${formatDate(selectedProgram.periodEnd)})`;
    }
    return errs;
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setConflict(null);
    const errs = validate();
    setErrors(errs);
    if (Object.keys(errs).length) {
      notifications.show({ color: 'red', message: t('common.fieldErrors') });
      focusFirstInvalid();
      return;
    }
    const body: Record<string, unknown> = {
      date: form.date,
      startTime: form.startTime || null,
      endTime: form.endTime || null,
      purposes: VISIT_PURPOSES.filter((p) => form.purposes.includes(p)),
      programId: form.programId,
      annualMeetingId: form.annualMeetingId,
      team: form.team,
      businessUnitIds: form.businessUnitIds,
    };
    if (visit) save.mutate({ ...body, version: visit.version });
    else save.mutate({ ...body, cooperativeId: form.cooperativeId });
  };

  const shown = new Set([
    'cooperativeId',
    'date',
    'startTime',
    'endTime',
    'purposes',
    'programId',
    'annualMeetingId',
    'team',
    'businessUnitIds',
  ]);
  const otherErrors = Object.entries(errors).filter(([k]) => !shown.has(k) && !/^(team|businessUnitIds)\.\d+/.test(k));
  const unitErrors = Object.entries(errors)
    .filter(([k]) => /^businessUnitIds\.\d+/.test(k))
    .map(([, m]) => m);

  const coopInitial = visit
    ? { id: visit.cooperative.id, name: visit.cooperative.name }
    : prefillCoop && coopQuery.data
      ? { id: prefillCoop, name: coopQuery.data.name }
      : null;

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={readOnly || save.isPending} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={860}>
          {cannotPlan && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('visitPlan.cannotPlan')}
            </Alert>
          )}
          {closed && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('visitPlan.closed', { status: t(`visits.status.${visit.status}`).toLowerCase() })}
            </Alert>
          )}
          {notOnTeam && !closed && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('visitPlan.notOnTeam')}
            </Alert>
          )}
          {visit?.status === 'approved' && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('visitPlan.reapprove')}
            </Alert>
          )}
          {!visit && prefillPurposes.length > 0 && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
              <Text size="sm">{t('visitPlan.fromPriority')}</Text>
            </Alert>
          )}
          {conflict && (
            <Alert
              color="orange"
              variant="light"
              title={t('visitPlan.conflictTitle')}
              icon={<IconAlertTriangle size={18} />}
              data-testid="plan-conflict"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{conflict}</Text>
                <Button size="xs" variant="white" leftSection={<IconRefresh size={14} />} onClick={onReload}>
                  {t('visitPlan.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {otherErrors.length > 0 && !conflict && (
            <Alert color="red" variant="light" title={t('visitPlan.otherErrors')}>
              <Stack gap={2}>
                {otherErrors.map(([k, m]) => (
                  <Text size="sm" key={k}>
                    {m}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}

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
