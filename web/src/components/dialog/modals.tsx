import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import {
  createFollowUp,
  dialogKeys,
  fetchStaff,
  raiseConcern,
  type Concern,
  type FollowUp,
  type StaffOption,
} from '../../lib/dialog';
import { todayJakarta } from '../../lib/format';
import { ConcernForm, emptyConcern, validateConcern, type ConcernFormValue } from './ConcernForm';
import { emptyFollowUp, followUpBody, FollowUpForm, validateFollowUp, type FollowUpFormValue } from './FollowUpForm';
import { FormActions } from '../FormActions';

/** Officers for the pickers, the current user always among them. */
export function useStaffOptions(enabled = true): StaffOption[] {
  const { data: me } = useMe();
  const staff = useQuery({
    queryKey: ['team-candidates'],
    queryFn: ({ signal }) => fetchStaff(signal),
    staleTime: 10 * 60_000,
    enabled,
  });
  const list = [...(staff.data ?? [])];
  // The user may name themself (a Dinas account; a cooperative's account is never a candidate).
  if (me && me.abilities.office && !list.some((s) => s.id === String(me.id)))
    list.unshift({ id: String(me.id), fullName: me.fullName, role: me.role, bidang: me.bidang });
  return list;
}

/** Raise a concern: from the cooperative's portal, or by staff (in a visit or between visits). */
export function ConcernFormModal({
  cooperativeId,
  visitId = null,
  portal,
  onClose,
  onSaved,
}: {
  cooperativeId: string;
  visitId?: string | null;
  /** A koperasi user's own account: "who raised it" defaults to the account's name. */
  portal: boolean;
  onClose: () => void;
  onSaved?: (c: Concern) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [value, setValue] = useState<ConcernFormValue>(emptyConcern);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      raiseConcern({
        cooperativeId,
        visitId,
        kind: value.kind,
        topic: value.topic!,
        description: value.description.trim(),
        raisedBy: value.raisedBy.trim() || null,
        severity: value.severity,
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: dialogKeys.concerns });
      void qc.invalidateQueries({ queryKey: ['timeline', cooperativeId] });
      notifications.show({ color: 'green', message: portal ? t('dialog.raised') : t('dialog.concernSaved') });
      onSaved?.(c);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateConcern(value, { raisedByRequired: !portal });
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{portal ? t('dialog.raiseTitle') : t('dialog.addConcernTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={submit} noValidate data-testid="concern-form">
        <Stack gap="sm">
          <ConcernForm value={value} onChange={setValue} errors={errors} raisedByRequired={!portal} />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="concern-submit">
              {portal ? t('dialog.raise') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Add a recommendation to a concern (and/or a visit). */
export function FollowUpFormModal({
  cooperative,
  concernId = null,
  visitId = null,
  minDate,
  onClose,
  onSaved,
}: {
  cooperative: { id: string; name: string };
  concernId?: string | null;
  visitId?: string | null;
  minDate?: string;
  onClose: () => void;
  onSaved?: (f: FollowUp) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const staff = useStaffOptions();
  const [value, setValue] = useState<FollowUpFormValue>(() => emptyFollowUp({ bidang: me?.bidang ?? 'koperasi' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => createFollowUp(followUpBody(value, { cooperativeId: cooperative.id, concernId, visitId })),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: dialogKeys.followUps });
      void qc.invalidateQueries({ queryKey: dialogKeys.concerns });
      void qc.invalidateQueries({ queryKey: ['timeline', cooperative.id] });
      notifications.show({ color: 'green', message: t('dialog.followUpSaved') });
      onSaved?.(f);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(Object.keys(e.fields).length ? e.fields : { form: e.message });
    },
  });
  const earliest = minDate ?? todayJakarta();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateFollowUp(value, earliest);
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('dialog.addRecommendationTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={submit} noValidate data-testid="follow-up-form">
        <Stack gap="sm">
          <FollowUpForm
            value={value}
            onChange={setValue}
            errors={errors}
            staff={staff}
            meId={me ? String(me.id) : undefined}
            cooperativeName={cooperative.name}
            minDate={earliest}
          />
          {errors.form && (
            <Text size="sm" c="red.8">
              {errors.form}
            </Text>
          )}
          <FormActions onCancel={onClose} loading={save.isPending} mt="xs" submitTestId="follow-up-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
