import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCalendarEvent, IconCircleCheck, IconClipboardCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { handleAuthError, notifyError } from '../../../lib/queryClient';
import { approveVisit, cancelVisit, completeVisit, type Visit, type VisitRights } from '../../../lib/visit-record';
import { CancelModal } from './parts';
import type { VisitRecordState } from './useVisitRecord';

/**
 * The visit's header buttons (change the plan, approve, complete, cancel) with their confirmations;
 * shown as the visit's `can` and status allow (`visitRights`). Completing saves unsaved work first.
 */
export function VisitActions({
  visit,
  rights,
  record,
  onCompleted,
}: {
  visit: Visit;
  rights: VisitRights;
  record: VisitRecordState;
  onCompleted: () => void;
}) {
  const { t } = useTranslation();
  const [completeOpen, setCompleteOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const { adopt, dirty, save } = record;

  const approve = useMutation({
    mutationFn: () => approveVisit(visit.id, visit.version),
    onSuccess: (v) => {
      adopt(v);
      notifications.show({ color: 'green', message: t('visitRecord.actions.approved') });
    },
  });
  const complete = useMutation({
    mutationFn: async () => {
      const current = dirty ? await save() : visit;
      if (!current) throw new ApiError(0, 'NOT_SAVED', t('visitRecord.record.unsaved'));
      return completeVisit(visit.id, current.version);
    },
    meta: { silent: true },
    onSuccess: (v) => {
      adopt(v);
      setCompleteOpen(false);
      onCompleted();
      notifications.show({ color: 'green', message: t('visitRecord.actions.completed') });
    },
    onError: (e) => {
      setCompleteOpen(false);
      if (!(e instanceof ApiError && e.code === 'NOT_SAVED') && !handleAuthError(e)) notifyError(e);
    },
  });
  const cancel = useMutation({
    mutationFn: (reason: string) => cancelVisit(visit.id, reason, visit.version),
    meta: { silent: true },
    onSuccess: (v) => {
      adopt(v);
      setCancelOpen(false);
      record.setPending([]);
      notifications.show({ color: 'green', message: t('visitRecord.actions.cancelledOk') });
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.fields.reason) && !handleAuthError(e)) notifyError(e);
    },
  });

  return (
    <>
      {rights.editPlan && (
        <Button
          component={Link}
          to={`/kunjungan/${visit.id}/ubah`}
          variant="default"
          leftSection={<IconCalendarEvent size={16} />}
        >
          {t('visitRecord.actions.editPlan')}
        </Button>
      )}
      {rights.approve && (
        <Button
          leftSection={<IconClipboardCheck size={16} />}
          onClick={() => approve.mutate()}
          loading={approve.isPending}
        >
          {t('visitRecord.actions.approve')}
        </Button>
      )}
      {rights.complete && (
        <Button
          color="green"
          leftSection={<IconCircleCheck size={16} />}
          onClick={() => setCompleteOpen(true)}
          data-testid="visit-complete"
        >
          {t('visitRecord.actions.complete')}
        </Button>
      )}
      {rights.cancel && (
        <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => setCancelOpen(true)}>
          {t('visitRecord.actions.cancel')}
        </Button>
      )}
      <ConfirmModal
        opened={completeOpen}
        onClose={() => setCompleteOpen(false)}
        onConfirm={() => complete.mutate()}
        title={t('visitRecord.actions.completeTitle')}
        confirmLabel={t('visitRecord.actions.complete')}
        color="green"
        loading={complete.isPending}
      >
        {t('visitRecord.actions.completeBody', { date: formatDate(visit.date) })}
        {dirty ? ` ${t('visitRecord.actions.completeSavesFirst')}` : ''}
      </ConfirmModal>
      <CancelModal
        key={cancelOpen ? 'open' : 'closed'}
        opened={cancelOpen}
        onClose={() => setCancelOpen(false)}
        onConfirm={(reason) => cancel.mutate(reason)}
        loading={cancel.isPending}
        error={cancel.error instanceof ApiError ? cancel.error.fields.reason : undefined}
      />
    </>
  );
}
