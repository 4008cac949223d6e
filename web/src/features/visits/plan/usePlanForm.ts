import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, get, patch, post } from '../../../lib/api';
import type { AnnualMeeting } from '../../../lib/assessment';
import { useMe } from '../../../lib/auth';
import { useCoop } from '../../../lib/coop';
import { formatDate } from '../../../lib/format';
import type { Unit } from '../../../lib/types';
import { VISIT_PURPOSES, usePrograms, type Visit, type VisitPurpose } from '../../../lib/visits';
import { PlanForm, TIME, fromVisit, focusFirstInvalid } from './model';

/**
 * The plan form's state and rules: the prefill from a priority link, the RAT link that follows the
 * date, who may edit, client-side validation and the save (create or update).
 */
export function usePlanForm(visit: Visit | null) {
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

  return {
    form,
    setForm,
    set,
    errors,
    setErrors,
    conflict,
    ratNote,
    setRatNote,
    ratTouched,
    prefillCoop,
    prefillPurposes,
    coopQuery,
    programs,
    meetings,
    units,
    coopId,
    selectedProgram,
    closed,
    notOnTeam,
    cannotPlan,
    readOnly,
    save,
    onSubmit,
    otherErrors,
    unitErrors,
    coopInitial,
  };
}

export type PlanState = ReturnType<typeof usePlanForm>;
