import { useEffect, useState } from 'react';
import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPencil, IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../../i18n/visit-record';
import { useMe } from '../../../lib/auth';
import { VisitDocuments } from '../../../components/papers/VisitDocuments';
import { formatDate, todayJakarta } from '../../../lib/format';
import { deletePhoto, fetchVisit, visitRights, type PhotoMeta, type Visit } from '../../../lib/visit-record';
import { PageHeader } from '../../../components/common';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { VisitDialogSection } from '../../../components/dialog/VisitDialogSection';

import { Section, VisitStatusBadge, dayName, hhmm, useLeaveGuard } from './parts';
import { VisitActions } from './VisitActions';
import { VisitInfo } from './VisitInfo';
import { VisitOutputs } from './VisitOutputs';
import { VisitRecordSections, VisitSaveBar } from './VisitRecordSections';
import { useVisitRecord } from './useVisitRecord';

/** One visit: its plan, the record being kept (useVisitRecord), its outputs and documents. */
export function VisitDetail({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  /** A cooperative's own account reads its visits from its portal. */
  const portal = !!me?.abilities.portal;
  const rights = visitRights(visit, todayJakarta());
  const record = useVisitRecord(visit);
  const { draft, dirty } = record;
  const [editing, setEditing] = useState(() => rights.edit && visit.status === 'approved');
  const [discardOpen, setDiscardOpen] = useState(false);
  const [photoToDelete, setPhotoToDelete] = useState<PhotoMeta | null>(null);
  const guard = useLeaveGuard(dirty);

  useEffect(() => {
    if (!rights.edit) setEditing(false);
  }, [rights.edit]);

  const removePhoto = useMutation({
    mutationFn: (p: PhotoMeta) => deletePhoto(p.id),
    onSuccess: async () => {
      setPhotoToDelete(null);
      notifications.show({ color: 'green', message: t('visitRecord.photos.deleted') });
      record.adopt(await fetchVisit(visit.id));
    },
    onError: () => setPhotoToDelete(null),
  });

  const readOnly = !editing;
  const readOnlyNote = portal
    ? t('visitRecord.record.readOnlyKoperasi')
    : visit.status === 'cancelled'
      ? t('visitRecord.record.readOnlyCancelled')
      : !rights.edit
        ? t('visitRecord.record.readOnlyPimpinan')
        : null;
  const backTo = portal ? `/koperasi/${visit.cooperative.id}?tab=kunjungan` : '/kunjungan';

  const actions = <VisitActions visit={visit} rights={rights} record={record} onCompleted={() => setEditing(false)} />;

  return (
    <Stack gap="md" pb={editing ? 80 : undefined}>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={backTo} size="sm">
          {portal ? visit.cooperative.name : t('visitRecord.back')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {formatDate(visit.date)}
        </Text>
      </Breadcrumbs>
      <div>
        <PageHeader
          docTitle={[visit.cooperative.name, formatDate(visit.date), t('visits.title')]}
          title={
            <Anchor
              component={Link}
              to={`/koperasi/${visit.cooperative.id}`}
              inherit
              c="inherit"
              underline="hover"
              data-testid="visit-coop"
            >
              {visit.cooperative.name}
            </Anchor>
          }
          subtitle={
            <Group gap={8} wrap="wrap" mt={2}>
              <VisitStatusBadge status={visit.status} />
              <span>
                {dayName(visit.date)}, {formatDate(visit.date)}
                {visit.startTime
                  ? ` · ${hhmm(visit.startTime)}${visit.endTime ? `–${hhmm(visit.endTime)}` : ''} WIB`
                  : ''}
              </span>
            </Group>
          }
          actions={actions}
        />
      </div>

      <VisitInfo visit={visit} />

      {visit.status === 'planned' && rights.edit && (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('visitRecord.info.awaitingApproval')}</Text>
        </Alert>
      )}

      {record.conflict && (
        <Alert
          color="orange"
          variant="filled"
          icon={<IconAlertTriangle size={20} />}
          title={t('visitRecord.record.conflictTitle')}
          data-testid="visit-conflict"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('visitRecord.record.conflictBody')}</Text>
            <Button
              variant="white"
              color="orange"
              leftSection={<IconRefresh size={16} />}
              onClick={() => void record.reloadKeepingDraft()}
            >
              {t('visitRecord.record.conflictReload')}
            </Button>
          </Stack>
        </Alert>
      )}

      <Group justify="space-between" align="center" gap="xs" mt="xs">
        <Title order={2} size="h3">
          {t('visitRecord.record.title')}
        </Title>
        {rights.edit && !editing && (
          <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {visit.status === 'done' || visit.attendance.length || visit.photos.length
              ? t('visitRecord.actions.editRecord')
              : t('visitRecord.actions.record')}
          </Button>
        )}
      </Group>
      {readOnlyNote && (
        <Text size="sm" c="dimmed" mt={-8}>
          {readOnlyNote}
        </Text>
      )}

      <VisitRecordSections
        visit={visit}
        draft={draft}
        setDraft={record.setDraft}
        clearError={record.clearError}
        errors={record.errors}
        readOnly={readOnly}
        pending={record.pending}
        setPending={record.setPending}
        onDeletePhoto={rights.edit ? setPhotoToDelete : undefined}
      />

      <Section title={t('visitRecord.sections.dialog')} testId="section-dialog">
        <VisitDialogSection visitId={visit.id} cooperativeId={visit.cooperative.id} canEdit={rights.edit} />
      </Section>

      <VisitOutputs visit={visit} dirty={dirty} />
      <VisitDocuments visit={visit} />

      {editing && (
        <VisitSaveBar
          dirty={dirty}
          saving={record.saving}
          onDiscard={() => setDiscardOpen(true)}
          onClose={() => setEditing(false)}
          onSave={() => void record.save()}
        />
      )}

      <ConfirmModal
        opened={discardOpen}
        onClose={() => setDiscardOpen(false)}
        onConfirm={() => {
          record.discard();
          setDiscardOpen(false);
        }}
        title={t('visitRecord.record.discardTitle')}
        confirmLabel={t('visitRecord.record.discardConfirm')}
      >
        {t('visitRecord.record.discardBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={photoToDelete !== null}
        onClose={() => setPhotoToDelete(null)}
        onConfirm={() => photoToDelete && removePhoto.mutate(photoToDelete)}
        title={t('visitRecord.photos.deleteTitle')}
        loading={removePhoto.isPending}
      >
        {t('visitRecord.photos.deleteBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={guard.pending !== null}
        onClose={guard.stay}
        onConfirm={guard.leave}
        title={t('visitRecord.record.leaveTitle')}
        confirmLabel={t('visitRecord.record.leaveConfirm')}
      >
        {t('visitRecord.record.leaveBody')}
      </ConfirmModal>
    </Stack>
  );
}
