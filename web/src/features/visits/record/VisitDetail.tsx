import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconBan,
  IconCalendarEvent,
  IconCircleCheck,
  IconClipboardCheck,
  IconPencil,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../../i18n/visit-record';
import { ApiError } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { VisitDocuments } from '../../../components/papers/VisitDocuments';
import { formatDate, todayJakarta } from '../../../lib/format';
import { handleAuthError, notifyError } from '../../../lib/queryClient';
import {
  approveVisit,
  cancelVisit,
  checkDraft,
  completeVisit,
  deletePhoto,
  draftOf,
  fetchVisit,
  isDirty,
  patchOf,
  rebaseDraft,
  saveVisit,
  uploadPhoto,
  visitKey,
  visitRights,
  type PendingPhoto,
  type PhotoMeta,
  type Visit,
  type VisitDraft,
} from '../../../lib/visit-record';
import { PageHeader } from '../../../components/common';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { VisitDialogSection } from '../../../components/dialog/VisitDialogSection';

import { CancelModal, Section, VisitStatusBadge, dayName, hhmm, isVersionConflict, useLeaveGuard } from './parts';
import { VisitInfo } from './VisitInfo';
import { VisitOutputs } from './VisitOutputs';
import { VisitRecordSections, VisitSaveBar } from './VisitRecordSections';

/** One visit: its plan, the record being kept, its outputs and documents. */
export function VisitDetail({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const rights = visitRights(me, visit, todayJakarta());

  // The record as last loaded from the server (base), and what the user is typing (draft).
  const [base, setBase] = useState<VisitDraft>(() => draftOf(visit));
  const [baseVersion, setBaseVersion] = useState(visit.version);
  const [draft, setDraftState] = useState<VisitDraft>(() => draftOf(visit));
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const [editing, setEditing] = useState(() => rights.edit && visit.status === 'approved');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [completeOpen, setCompleteOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [discardOpen, setDiscardOpen] = useState(false);
  const [photoToDelete, setPhotoToDelete] = useState<PhotoMeta | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const recordDirty = useMemo(() => isDirty(base, draft), [base, draft]);
  const dirty = recordDirty || pending.length > 0;
  const guard = useLeaveGuard(dirty);

  const setDraft = useCallback((fn: (d: VisitDraft) => VisitDraft) => {
    setDraftState(fn);
  }, []);
  const clearError = (prefix: string) =>
    setErrors((e) =>
      Object.keys(e).some((k) => k.startsWith(prefix))
        ? Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix)))
        : e,
    );

  // A newer server copy (after approve, complete, photos, or a refetch): adopt it when the record
  // itself is unchanged or the user has nothing unsaved; otherwise keep the draft (a save will say
  // it is stale and offer the merge).
  useEffect(() => {
    const server = draftOf(visit);
    if (!isDirty(base, server)) {
      setBaseVersion(visit.version);
      return;
    }
    if (!isDirty(base, draftRef.current)) {
      setBase(server);
      setDraftState(server);
      setBaseVersion(visit.version);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visit]);

  useEffect(() => {
    if (!rights.edit) setEditing(false);
  }, [rights.edit]);

  const adopt = (v: Visit) => {
    qc.setQueryData(visitKey(v.id), v);
    void qc.invalidateQueries({ queryKey: ['visits'] });
  };

  /** Saves the record, then uploads new photos. Returns the newest visit, or null when something stopped it. */
  const save = async (): Promise<Visit | null> => {
    const local = checkDraft(draft);
    if (Object.keys(local).length) {
      setErrors(local);
      notifications.show({ color: 'red', message: t('visitRecord.record.fixErrors') });
      return null;
    }
    setSaving(true);
    setErrors({});
    let current = visit;
    try {
      const snapshot = draft;
      const body = patchOf(base, snapshot, baseVersion);
      if (body) {
        try {
          current = await saveVisit(visit.id, body);
        } catch (e) {
          if (isVersionConflict(e)) {
            setConflict(true);
            return null;
          }
          if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
          if (!handleAuthError(e)) notifyError(e);
          return null;
        }
        const server = draftOf(current);
        setBase(server);
        setBaseVersion(current.version);
        if (draftRef.current === snapshot) setDraftState(server);
        adopt(current);
      }
      let uploaded = 0;
      for (const p of pending) {
        try {
          await uploadPhoto(visit.id, p);
          uploaded += 1;
          setPending((list) => list.filter((x) => x.id !== p.id));
        } catch (e) {
          if (handleAuthError(e)) return null;
          notifications.show({
            color: 'red',
            autoClose: 9000,
            message: t('visitRecord.record.photoUploadFailed', {
              name: p.caption || `${p.width} × ${p.height}`,
              message: e instanceof Error ? e.message : String(e),
            }),
          });
        }
      }
      if (uploaded) {
        current = await fetchVisit(visit.id);
        adopt(current);
      }
      if (body || uploaded) {
        notifications.show({
          color: 'green',
          message: uploaded ? t('visitRecord.record.savedWithPhotos', { n: uploaded }) : t('visitRecord.record.saved'),
        });
      }
      return current;
    } finally {
      setSaving(false);
    }
  };

  const reloadKeepingDraft = async () => {
    try {
      const latest = await fetchVisit(visit.id);
      const server = draftOf(latest);
      setDraftState(rebaseDraft(base, draftRef.current, server));
      setBase(server);
      setBaseVersion(latest.version);
      qc.setQueryData(visitKey(latest.id), latest);
      setConflict(false);
      notifications.show({ color: 'blue', message: t('visitRecord.record.conflictReloaded') });
    } catch (e) {
      if (!handleAuthError(e)) notifyError(e);
    }
  };

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
      setEditing(false);
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
      setPending([]);
      notifications.show({ color: 'green', message: t('visitRecord.actions.cancelledOk') });
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.fields.reason) && !handleAuthError(e)) notifyError(e);
    },
  });
  const removePhoto = useMutation({
    mutationFn: (p: PhotoMeta) => deletePhoto(p.id),
    onSuccess: async () => {
      setPhotoToDelete(null);
      notifications.show({ color: 'green', message: t('visitRecord.photos.deleted') });
      adopt(await fetchVisit(visit.id));
    },
    onError: () => setPhotoToDelete(null),
  });

  const readOnly = !editing;
  const readOnlyNote =
    me?.role === 'koperasi'
      ? t('visitRecord.record.readOnlyKoperasi')
      : visit.status === 'cancelled'
        ? t('visitRecord.record.readOnlyCancelled')
        : !rights.edit
          ? t('visitRecord.record.readOnlyPimpinan')
          : null;
  const backTo = me?.role === 'koperasi' ? `/koperasi/${visit.cooperative.id}?tab=kunjungan` : '/kunjungan';

  const actions = (
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
    </>
  );

  return (
    <Stack gap="md" pb={editing ? 80 : undefined}>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={backTo} size="sm">
          {me?.role === 'koperasi' ? visit.cooperative.name : t('visitRecord.back')}
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

      {conflict && (
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
              onClick={() => void reloadKeepingDraft()}
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
        setDraft={setDraft}
        clearError={clearError}
        errors={errors}
        readOnly={readOnly}
        pending={pending}
        setPending={setPending}
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
          saving={saving}
          onDiscard={() => setDiscardOpen(true)}
          onClose={() => setEditing(false)}
          onSave={() => void save()}
        />
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
      <ConfirmModal
        opened={discardOpen}
        onClose={() => setDiscardOpen(false)}
        onConfirm={() => {
          setDraftState(base);
          setPending([]);
          setErrors({});
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
