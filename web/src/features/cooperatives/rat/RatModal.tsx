import { useState, type FormEvent } from 'react';
import { Checkbox, Input, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { ApiError, patch, post } from '../../../lib/api';
import { AGENDA_ITEMS, type AgendaItem, type AnnualMeeting } from '../../../lib/assessment';
import { sumCounts, todayJakarta } from '../../../lib/format';
import type { Coop } from '../../../lib/types';
import { CountInput, numOrEmpty, toInt } from '../../../components/inputs';
import '../../../lib/desk';
import { FormActions } from '../../../components/FormActions';

export interface RatForm {
  fiscalYear: number | string;
  heldOn: string | null;
  place: string;
  membersPresent: number | string;
  membersTotal: number | string;
  quorumRequired: number | string;
  agenda: Record<AgendaItem, boolean>;
  reportedToOdsOn: string | null;
  notes: string;
}
export function RatModal({
  coop,
  meeting,
  defaultYear,
  onClose,
}: {
  coop: Coop;
  meeting: AnnualMeeting | null;
  defaultYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [form, setForm] = useState<RatForm>(() => ({
    fiscalYear: meeting?.fiscalYear ?? defaultYear,
    heldOn: meeting?.heldOn ?? null,
    place: meeting?.place ?? '',
    membersPresent: numOrEmpty(meeting?.membersPresent),
    membersTotal: numOrEmpty(meeting?.membersTotal ?? sumCounts(coop.membersMale, coop.membersFemale)),
    quorumRequired: numOrEmpty(meeting?.quorumRequired),
    agenda: Object.fromEntries(
      AGENDA_ITEMS.map((k) => [k, meeting ? meeting.agenda[k] === true : k !== 'elections']),
    ) as Record<AgendaItem, boolean>,
    reportedToOdsOn: meeting?.reportedToOdsOn ?? null,
    notes: meeting?.notes ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof RatForm>(k: K, v: RatForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    if (errors[k]) setErrors(({ [k]: _drop, ...rest }) => rest);
  };
  const today = todayJakarta();

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      meeting
        ? patch<AnnualMeeting>(`/cooperatives/${coop.id}/annual-meetings/${meeting.id}`, body)
        : post<AnnualMeeting>(`/cooperatives/${coop.id}/annual-meetings`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['annual-meetings', String(coop.id)] });
      void qc.invalidateQueries({ queryKey: ['rat-compliance', String(coop.id)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coop.id)] });
      notifications.show({ color: 'green', message: t('rat.saved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const year = toInt(form.fiscalYear);
    const present = toInt(form.membersPresent);
    const total = toInt(form.membersTotal);
    if (year === null || year < 1945 || year > Number(today.slice(0, 4))) errs.fiscalYear = t('statement.yearInvalid');
    if (!form.heldOn) errs.heldOn = t('common.required');
    if (present === null) errs.membersPresent = t('common.required');
    if (total === null) errs.membersTotal = t('common.required');
    if (present !== null && total !== null && present > total) errs.membersPresent = t('rat.presentMoreThanTotal');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = {
      heldOn: form.heldOn,
      place: form.place.trim() || null,
      membersPresent: present,
      membersTotal: total,
      quorumRequired: toInt(form.quorumRequired),
      agenda: form.agenda,
      reportedToOdsOn: form.reportedToOdsOn || null,
      notes: form.notes.trim() || null,
    };
    if (!meeting) body.fiscalYear = year;
    save.mutate(body);
  };

  const dateProps = {
    valueFormat: 'D MMMM YYYY',
    locale: 'id',
    placeholder: t('coop.form.pickDate'),
    maxDate: today,
    popoverProps: { withinPortal: true },
  } as const;

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{meeting ? t('rat.editTitle', { year: meeting.fiscalYear }) : t('rat.addTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label={t('rat.fiscalYear')}
              value={form.fiscalYear}
              onChange={(v) => set('fiscalYear', v)}
              min={1945}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              disabled={!!meeting}
              required
              error={errors.fiscalYear}
              data-autofocus
            />
            <DateInput
              {...dateProps}
              label={t('rat.heldOn')}
              value={form.heldOn}
              onChange={(v) => set('heldOn', v)}
              required
              error={errors.heldOn}
            />
          </SimpleGrid>
          <TextInput
            label={t('rat.place')}
            value={form.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            maxLength={200}
            error={errors.place}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <CountInput
              label={t('rat.membersPresent')}
              value={form.membersPresent}
              onChange={(v) => set('membersPresent', v)}
              required
              error={errors.membersPresent}
            />
            <CountInput
              label={t('rat.membersTotal')}
              value={form.membersTotal}
              onChange={(v) => set('membersTotal', v)}
              required
              error={errors.membersTotal}
            />
            <CountInput
              label={t('rat.quorumRequired')}
              value={form.quorumRequired}
              onChange={(v) => set('quorumRequired', v)}
              error={errors.quorumRequired}
              description={isMobile ? undefined : undefined}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-4}>
            {t('rat.quorumHint')}
          </Text>
          <Input.Wrapper
            label={t('rat.agenda')}
            error={errors.agenda}
            component="fieldset"
            style={{ border: 0, padding: 0, margin: 0 }}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
              {AGENDA_ITEMS.map((k) => (
                <Checkbox
                  key={k}
                  label={t(`rat.agendaItems.${k}`)}
                  checked={form.agenda[k]}
                  onChange={(e) => set('agenda', { ...form.agenda, [k]: e.currentTarget.checked })}
                />
              ))}
            </SimpleGrid>
          </Input.Wrapper>
          <DateInput
            {...dateProps}
            label={t('rat.reportedToOdsOn')}
            description={t('rat.odsHint')}
            value={form.reportedToOdsOn}
            onChange={(v) => set('reportedToOdsOn', v)}
            clearable
            error={errors.reportedToOdsOn}
          />
          <Textarea
            label={t('rat.notes')}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={errors.notes}
          />
          <FormActions onCancel={onClose} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
