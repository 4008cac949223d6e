import '../../lib/dates';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../lib/api';
import { todayJakarta } from '../../lib/format';
import type { Coop, CoopDetail } from '../../lib/types';

export function DissolveModal({ coop, opened, onClose }: { coop: Coop; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const mutation = useMutation({
    mutationFn: (body: { reason: string; date?: string }) => post<Coop>(`/cooperatives/${coop.id}/dissolve`, body),
    onSuccess: (updated) => {
      // Keep `can` until the refetch brings the policy's answer for the dissolved record.
      qc.setQueryData<CoopDetail>(['cooperative', String(coop.id)], (old) => old && { ...updated, can: old.can });
      void qc.invalidateQueries({ queryKey: ['cooperative', String(coop.id)] });
      void qc.invalidateQueries({ queryKey: ['cooperatives'] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coop.id)] });
      notifications.show({ color: 'green', message: t('coop.dissolved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setErrors({ reason: t('common.required') });
      return;
    }
    setErrors({});
    mutation.mutate({ reason: reason.trim(), ...(date ? { date } : {}) });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('coop.dissolveTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Alert color="red" variant="light">
            {t('coop.dissolveText', { name: coop.name })}
          </Alert>
          <Textarea
            label={t('coop.dissolveReason')}
            placeholder={t('coop.dissolveReasonPlaceholder')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <DateInput
            label={t('coop.dissolveDate')}
            placeholder={t('coop.form.pickDate')}
            value={date}
            onChange={setDate}
            valueFormat="D MMMM YYYY"
            locale="id"
            maxDate={todayJakarta()}
            clearable
            error={errors.date}
            popoverProps={{ withinPortal: true }}
          />
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              {t('coop.dissolveConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
