import { useState, type FormEvent } from 'react';
import { Alert, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import '../../../i18n/dialog';
import { ApiError, post } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { dialogKeys, MENTORING_BIDANG, NEED_KINDS, type NeedKind } from '../../../lib/dialog';
import { todayJakarta } from '../../../lib/format';
import { RupiahInput } from '../../../components/inputs';
import { useStaffOptions } from '../../../components/dialog/modals';
import { FormActions } from '../../../components/FormActions';

export function useSaved(coopId: string, onClose: () => void, setErrors: (e: Record<string, string>) => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return {
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
      notifications.show({ color: 'green', message: t('unitDev.saved') });
      onClose();
    },
    onError: (e: unknown) => {
      if (e instanceof ApiError) setErrors(Object.keys(e.fields).length ? e.fields : { form: e.message });
    },
  };
}

export function FormModal({
  title,
  onClose,
  onSubmit,
  pending,
  error,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error?: string;
  children: React.ReactNode;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} size="lg" fullScreen={isMobile}>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {children}
          {error && (
            <Alert color="red" variant="light">
              {error}
            </Alert>
          )}
          <FormActions onCancel={onClose} loading={pending} mt="xs" submitTestId="unit-dev-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

export function NeedModal({
  coopId,
  unit,
  onClose,
}: {
  coopId: string;
  unit: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<NeedKind | null>(null);
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post(`/cooperatives/${coopId}/business-units/${unit.id}/needs`, {
        kind,
        description: description.trim(),
        amount: kind === 'MODAL' && typeof amount === 'number' ? amount : null,
      }),
    ...useSaved(coopId, onClose, setErrors),
  });
  const submit = () => {
    const e: Record<string, string> = {};
    if (!kind) e.kind = t('common.required');
    if (description.trim().length < 3) e.description = 'Uraian minimal 3 karakter.';
    setErrors(e);
    if (!Object.keys(e).length) save.mutate();
  };
  return (
    <FormModal
      title={t('unitDev.addNeedTitle', { unit: unit.name })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={errors.form}
    >
      <Select
        label={t('unitDev.needKind')}
        required
        data={NEED_KINDS.map((k) => ({ value: k, label: t(`unitDev.needKinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as NeedKind | null)}
        error={errors.kind}
        comboboxProps={{ withinPortal: true }}
        data-testid="need-kind"
      />
      <Textarea
        label={t('unitDev.needDescription')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        data-testid="need-description"
      />
      {kind === 'MODAL' && (
        <RupiahInput
          label={t('unitDev.amount')}
          description={t('unitDev.amountHint')}
          value={amount}
          onChange={setAmount}
          error={errors.amount}
        />
      )}
    </FormModal>
  );
}

export function MentoringModal({
  coopId,
  unit,
  onClose,
}: {
  coopId: string;
  unit: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const staff = useStaffOptions();
  const mentors = staff.flatMap((s) =>
    s.bidang && MENTORING_BIDANG.includes(s.bidang) ? [{ ...s, bidang: s.bidang }] : [],
  );
  const selfMentor = !!me?.bidang && MENTORING_BIDANG.includes(me.bidang);
  const [mentorId, setMentorId] = useState<string | null>(selfMentor && me ? String(me.id) : null);
  const [heldOn, setHeldOn] = useState<string | null>(todayJakarta());
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post(`/cooperatives/${coopId}/business-units/${unit.id}/mentoring`, {
        heldOn,
        mentorId,
        topic: topic.trim(),
        notes: notes.trim() || null,
      }),
    ...useSaved(coopId, onClose, setErrors),
  });
  const submit = () => {
    const e: Record<string, string> = {};
    if (!heldOn) e.heldOn = t('common.required');
    if (!mentorId) e.mentorId = t('unitDev.mentorHint');
    if (topic.trim().length < 3) e.topic = 'Topik minimal 3 karakter.';
    setErrors(e);
    if (!Object.keys(e).length) save.mutate();
  };
  return (
    <FormModal
      title={t('unitDev.addMentoringTitle', { unit: unit.name })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={errors.form}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateInput
          label={t('unitDev.heldOn')}
          required
          valueFormat="D MMMM YYYY"
          locale="id"
          maxDate={todayJakarta()}
          value={heldOn}
          onChange={setHeldOn}
          error={errors.heldOn}
          popoverProps={{ withinPortal: true }}
        />
        <Select
          label={t('unitDev.mentor')}
          description={t('unitDev.mentorHint')}
          required
          searchable
          data={mentors.map((m) => ({
            value: m.id,
            label:
              me && m.id === String(me.id)
                ? t('dialog.me', { name: m.fullName })
                : `${m.fullName} · ${t(`dialog.bidang.${m.bidang}`)}`,
          }))}
          value={mentorId}
          onChange={setMentorId}
          error={errors.mentorId}
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
          data-testid="mentor"
        />
      </SimpleGrid>
      <TextInput
        label={t('unitDev.mentoringTopic')}
        required
        maxLength={300}
        value={topic}
        onChange={(e) => setTopic(e.currentTarget.value)}
        error={errors.topic}
        data-testid="mentoring-topic"
      />
      <Textarea
        label={t('unitDev.notes')}
        autosize
        minRows={2}
        maxLength={4000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
    </FormModal>
  );
}
