import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../lib/api';
import type { CoopRequest, RequestOutcome } from '../../lib/desk';
import '../../lib/desk';
import { todayJakarta } from '../../lib/format';

/** An officer plans a visit for a request: picks a date, and the visit is planned from the request. */
export function PlanVisitModal({ request, onClose }: { request: CoopRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const plan = useMutation({
    mutationFn: () => post<CoopRequest>(`/requests/${request.id}/plan-visit`, { date }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      notifications.show({ color: 'green', message: t('desk.requests.planned') });
      onClose();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.fields.date ?? Object.values(e.fields)[0] ?? e.message) : String(e)),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.requests.planTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm">
          {request.cooperative.name} — {request.message}
        </Text>
        <DateInput
          label={t('desk.requests.date')}
          value={date}
          onChange={setDate}
          minDate={todayJakarta()}
          valueFormat="D MMMM YYYY"
          locale="id"
          error={error}
          popoverProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => plan.mutate()} loading={plan.isPending} disabled={!date}>
            {t('desk.requests.plan')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An officer closes a request: done or declined, with a note the cooperative reads. */
export function CloseRequestModal({ request, onClose }: { request: CoopRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<RequestOutcome>('DONE');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = useMutation({
    mutationFn: () => post<CoopRequest>(`/requests/${request.id}/close`, { outcome, note }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      notifications.show({ color: 'green', message: t('desk.requests.closed') });
      onClose();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.fields.note ?? Object.values(e.fields)[0] ?? e.message) : String(e)),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.requests.closeTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm" className="break-anywhere">
          {request.cooperative.name} — {request.message}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('desk.requests.outcome')}
          </Text>
          <SegmentedControl
            fullWidth
            value={outcome}
            onChange={(v) => setOutcome(v as RequestOutcome)}
            data={(['DONE', 'DECLINED'] as const).map((o) => ({ value: o, label: t(`desk.requests.outcomes.${o}`) }))}
            data-testid="close-outcome"
          />
        </Stack>
        <Textarea
          label={t('desk.requests.closeNote')}
          description={t('desk.requests.closeNoteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          maxLength={1000}
          data-testid="close-note"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => close.mutate()}
            loading={close.isPending}
            color={outcome === 'DECLINED' ? 'red' : undefined}
            data-testid="close-confirm"
          >
            {t('desk.requests.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
