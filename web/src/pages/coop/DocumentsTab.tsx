import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Progress,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEye, IconFileUpload, IconPaperclip, IconReplace, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../lib/api';
import {
  type CoopDocument,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  formatBytes,
  MAX_DOCUMENT_BYTES,
  YEARLY_KINDS,
} from '../../lib/desk';
import { CHUNKED_FROM_BYTES, uploadDocumentResumable } from '../../lib/document-upload';
import { formatDateTime, todayJakarta } from '../../lib/format';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { FilingsPanel } from '../../components/desk/FilingsPanel';
import { VerificationBadge } from '../../components/desk/VerificationBadge';

const ACCEPT =
  'application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.jpg,.jpeg,.png,.xlsx,.docx';

function UploadModal({
  coopId,
  replacing,
  onClose,
}: {
  coopId: string;
  replacing: CoopDocument | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const thisYear = Number(todayJakarta().slice(0, 4));
  const [kind, setKind] = useState<DocumentKind>(replacing?.kind ?? 'NOTULEN_RAT');
  const [year, setYear] = useState<number | string>(replacing?.fiscalYear ?? thisYear - 1);
  const [title, setTitle] = useState(replacing?.title ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const yearly = YEARLY_KINDS.has(kind);
  const save = useMutation({
    mutationFn: () =>
      uploadDocumentResumable(
        coopId,
        {
          kind,
          fiscalYear: yearly || replacing?.fiscalYear ? Number(year) : null,
          title,
          replaces: replacing?.id ?? null,
        },
        file!,
        setProgress,
      ),
    onSettled: () => setProgress(null),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['documents', coopId] });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
      notifications.show({ color: 'green', message: t('desk.docs.uploaded') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setErrors(Object.keys(e.fields).length && !e.fields.replaces ? e.fields : { file: e.message });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!file) errs.file = t('desk.docs.needFile');
    else if (file.size > MAX_DOCUMENT_BYTES) errs.file = t('desk.docs.tooBig');
    if (yearly && !Number(year)) errs.fiscalYear = t('desk.docs.needYear');
    setErrors(errs);
    if (!Object.keys(errs).length) save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={
        <Text fw={600}>
          {replacing ? t('desk.docs.replaceTitle', { title: replacing.title }) : t('desk.docs.uploadTitle')}
        </Text>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('desk.docs.kind')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            value={kind}
            onChange={(v) => v && setKind(v as DocumentKind)}
            disabled={!!replacing}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="doc-kind"
          />
          {(yearly || replacing?.fiscalYear) && (
            <NumberInput
              label={t('desk.docs.fiscalYear')}
              value={year}
              onChange={setYear}
              min={1945}
              max={thisYear}
              allowDecimal={false}
              disabled={!!replacing}
              error={errors.fiscalYear}
              data-testid="doc-year"
            />
          )}
          <TextInput
            label={t('desk.docs.titleField')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
          />
          <FileInput
            label={t('desk.docs.file')}
            placeholder={t('desk.docs.pickFile')}
            description={t('desk.docs.hint')}
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            leftSection={<IconPaperclip size={16} />}
            error={errors.file}
            clearable
            data-testid="doc-file"
          />
          {save.isPending && file && file.size > CHUNKED_FROM_BYTES && (
            <Stack gap={4}>
              <Progress
                value={Math.round((progress ?? 0) * 100)}
                size="md"
                aria-label={t('desk.docs.progress')}
                data-testid="doc-progress"
              />
              <Text size="xs" c="dimmed" aria-hidden>
                {formatBytes(Math.round((progress ?? 0) * file.size))} / {formatBytes(file.size)} ·{' '}
                {Math.round((progress ?? 0) * 100)}%
              </Text>
            </Stack>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} leftSection={<IconFileUpload size={16} />}>
              {t('desk.docs.upload')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PreviewModal({ doc, onClose }: { doc: CoopDocument; onClose: () => void }) {
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      centered
      title={
        <Text fw={600} className="break-anywhere">
          {doc.title}
        </Text>
      }
    >
      {doc.contentType === 'application/pdf' ? (
        <iframe
          src={doc.url}
          title={doc.title}
          style={{ width: '100%', height: '70vh', border: 0 }}
          data-testid="doc-preview"
        />
      ) : (
        <img
          src={doc.url}
          alt={doc.title}
          style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }}
          data-testid="doc-preview"
        />
      )}
    </Modal>
  );
}

function RemoveModal({ coopId, doc, onClose }: { coopId: string; doc: CoopDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const remove = useMutation({
    mutationFn: () => post<CoopDocument>(`/cooperatives/${coopId}/documents/${doc.id}/remove`, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['documents', coopId] });
      notifications.show({ color: 'green', message: t('desk.docs.removed') });
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fields.reason ?? e.message) : String(e)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={<Text fw={600}>{t('desk.docs.removeTitle', { title: doc.title })}</Text>}
    >
      <Stack gap="sm">
        <Text size="sm">{t('desk.docs.removeHint')}</Text>
        <Textarea
          label={t('desk.docs.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t('desk.docs.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The cooperative's document shelf: what it filed, each with its state at the Dinas. */
export default function DocumentsTab({ coop, canEdit }: { coop: Coop; canEdit: boolean }) {
  const { t } = useTranslation();
  const coopId = String(coop.id);
  const [uploading, setUploading] = useState<CoopDocument | 'new' | null>(null);
  const [previewing, setPreviewing] = useState<CoopDocument | null>(null);
  const [removing, setRemoving] = useState<CoopDocument | null>(null);
  const query = useQuery({
    queryKey: ['documents', coopId],
    queryFn: ({ signal }) => get<{ items: CoopDocument[] }>(`/cooperatives/${coopId}/documents`, signal),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items;
  const previewable = (d: CoopDocument) => d.contentType === 'application/pdf' || d.contentType.startsWith('image/');
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={600}>{t('desk.docs.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('desk.docs.hint')}
          </Text>
        </div>
        {canEdit && (
          <Button
            size="sm"
            leftSection={<IconFileUpload size={16} />}
            onClick={() => setUploading('new')}
            data-testid="doc-upload"
          >
            {t('desk.docs.upload')}
          </Button>
        )}
      </Group>
      <FilingsPanel coopId={coopId} />
      <Alert color="blue" variant="light" p="xs">
        <Text size="xs">{t('desk.docs.ratNeeds')}</Text>
      </Alert>
      {!items ? (
        <Skeleton h={160} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyText>{t('desk.docs.none')}</EmptyText>
        </Card>
      ) : (
        <Stack gap="sm">
          {items.map((d) => (
            <Card
              key={d.id}
              withBorder
              padding="sm"
              data-testid="doc-card"
              data-kind={d.kind}
              data-year={d.fiscalYear ?? ''}
            >
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={700}>{d.kindLabel}</Text>
                    {d.fiscalYear && (
                      <Badge variant="outline" size="sm">
                        {t('desk.docs.fiscalYear')} {d.fiscalYear}
                      </Badge>
                    )}
                    {d.version > 1 && (
                      <Badge variant="light" color="gray" size="sm">
                        {t('desk.docs.version', { version: d.version })}
                      </Badge>
                    )}
                    <VerificationBadge v={d.verification} withReason={false} />
                  </Group>
                  <Text size="sm" className="break-anywhere">
                    {d.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.contentType.split('/')[1]?.split('.').pop()?.toUpperCase()} · {formatBytes(d.sizeBytes)} ·{' '}
                    {t('desk.docs.by', { name: d.uploadedBy.name, at: formatDateTime(d.createdAt) })}
                  </Text>
                  {d.verification.status === 'RETURNED' && d.verification.reason && (
                    <Text size="sm" c="red.8" data-testid="verification-reason">
                      {t('desk.verification.returnedReason', { reason: d.verification.reason })}
                    </Text>
                  )}
                </div>
                <Group gap={4} wrap="wrap">
                  {previewable(d) && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconEye size={14} />}
                      onClick={() => setPreviewing(d)}
                    >
                      {t('desk.docs.preview')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    component="a"
                    href={d.url}
                    download
                    leftSection={<IconDownload size={14} />}
                  >
                    {t('desk.docs.download')}
                  </Button>
                  {canEdit && (
                    <>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconReplace size={14} />}
                        onClick={() => setUploading(d)}
                      >
                        {t('desk.docs.replace')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setRemoving(d)}
                      >
                        {t('desk.docs.remove')}
                      </Button>
                    </>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {uploading && (
        <UploadModal
          coopId={coopId}
          replacing={uploading === 'new' ? null : uploading}
          onClose={() => setUploading(null)}
        />
      )}
      {previewing && <PreviewModal doc={previewing} onClose={() => setPreviewing(null)} />}
      {removing && <RemoveModal coopId={coopId} doc={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}
