import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { ApiError } from '../../lib/api';
import {
  changeFollowUpStatus,
  dialogKeys,
  type FollowUp,
  type StatusChange,
  uploadFollowUpPhoto,
} from '../../lib/dialog';
import { FollowUpStatusBadge, OverdueBadge } from './badges';
import { EvidencePhotoField, useEvidencePhoto } from './EvidencePhoto';

type Target = 'in_progress' | 'done' | 'cancelled';

/**
 * Moves a follow-up along open → in progress → done (with evidence: a note, optionally a photo
 * compressed in the browser and a document reference) or cancelled (with a reason). Sends the
 * version it was opened with; a 409 reloads the lists and says so.
 */
export function FollowUpStatusModal({
  followUp,
  initial,
  canCancel,
  onClose,
  onSaved,
}: {
  followUp: FollowUp;
  initial?: Target;
  canCancel: boolean;
  onClose: () => void;
  onSaved?: (f: FollowUp) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const options: Target[] = [
    ...(followUp.status === 'open' ? (['in_progress'] as const) : []),
    'done',
    ...(canCancel ? (['cancelled'] as const) : []),
  ];
  const [to, setTo] = useState<Target>(initial && options.includes(initial) ? initial : options[0]!);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [docRef, setDocRef] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const { photo, setPhoto, compressing, pick, resetRef } = useEvidencePhoto(setErrors);

  const save = useMutation({
    mutationFn: async () => {
      let body: StatusChange;
      if (to === 'in_progress') body = { status: 'in_progress', note: note.trim() || null, version: followUp.version };
      else if (to === 'cancelled') body = { status: 'cancelled', reason: reason.trim(), version: followUp.version };
      else {
        const uploaded = photo ? await uploadFollowUpPhoto(followUp.id, photo.blob) : null;
        body = {
          status: 'done',
          evidence: { note: evidence.trim(), photoId: uploaded?.id ?? null, documentRef: docRef.trim() || null },
          version: followUp.version,
        };
      }
      return changeFollowUpStatus(followUp.id, body);
    },
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: dialogKeys.followUps });
      void qc.invalidateQueries({ queryKey: dialogKeys.concerns });
      void qc.invalidateQueries({ queryKey: ['timeline', f.cooperative.id] });
      notifications.show({ color: 'green', message: t('dialog.statusSaved') });
      onSaved?.(f);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        void qc.invalidateQueries({ queryKey: dialogKeys.followUps });
        return;
      }
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const submit = () => {
    const errs: Record<string, string> = {};
    if (to === 'done' && evidence.trim().length < 5) errs['evidence.note'] = t('dialog.atLeast5');
    if (to === 'cancelled' && reason.trim().length < 5) errs.reason = t('dialog.atLeast5');
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };

  const otherErrors = Object.entries(errors).filter(
    ([k]) => !['evidence.note', 'reason', 'file', 'evidence.photoId', 'note'].includes(k),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('dialog.statusModalTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
      data-testid="status-modal"
    >
      <Stack gap="sm">
        <Stack gap={4} p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Group gap={6} wrap="wrap">
            <FollowUpStatusBadge status={followUp.status} size="sm" />
            <OverdueBadge followUp={followUp} size="sm" />
          </Group>
          <Text size="sm" fw={500} className="break-anywhere">
            {followUp.recommendation}
          </Text>
          <Text size="xs" c="dimmed">
            {followUp.cooperative.name}
          </Text>
        </Stack>
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="status-conflict">
            {t('dialog.conflict')}
          </Alert>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('dialog.newStatus')}
          </Text>
          <SegmentedControl
            fullWidth
            orientation={isMobile && options.length > 2 ? 'vertical' : 'horizontal'}
            value={to}
            onChange={(v) => {
              setTo(v as Target);
              setErrors({});
            }}
            data={options.map((o) => ({ value: o, label: t(`dialog.followUpStatuses.${o}`) }))}
            color={to === 'done' ? 'green' : to === 'cancelled' ? 'dark' : 'blue'}
            data-testid="status-target"
          />
        </div>
        {to === 'in_progress' && (
          <Textarea
            label={t('dialog.noteOptional')}
            placeholder={t('dialog.notePlaceholder')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            data-testid="status-note"
          />
        )}
        {to === 'done' && (
          <>
            <Textarea
              label={t('dialog.evidenceNote')}
              description={t('dialog.evidenceNoteHint')}
              required
              autosize
              minRows={3}
              maxLength={4000}
              value={evidence}
              onChange={(e) => setEvidence(e.currentTarget.value)}
              error={errors['evidence.note']}
              data-testid="evidence-note"
            />
            <EvidencePhotoField
              photo={photo}
              compressing={compressing}
              onPick={(f) => void pick(f)}
              onRemove={() => setPhoto(null)}
              resetRef={resetRef}
              error={errors.file ?? errors['evidence.photoId']}
            />
            <TextInput
              label={t('dialog.evidenceDoc')}
              description={t('dialog.evidenceDocHint')}
              maxLength={500}
              value={docRef}
              onChange={(e) => setDocRef(e.currentTarget.value)}
              error={errors['evidence.documentRef']}
            />
          </>
        )}
        {to === 'cancelled' && (
          <Textarea
            label={t('dialog.reasonLabel')}
            description={t('dialog.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-testid="cancel-reason"
          />
        )}
        {otherErrors.length > 0 && (
          <Alert color="red" variant="light">
            {otherErrors.map(([, m]) => m).join(' ')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={conflict || compressing}
            color={to === 'cancelled' ? 'dark' : to === 'done' ? 'green' : undefined}
            data-testid="status-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
