import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, Modal, NumberInput, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import {
  type CoopDocument,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  formatBytes,
  MAX_DOCUMENT_BYTES,
  YEARLY_KINDS,
} from '../../../lib/desk';
import { CHUNKED_FROM_BYTES, uploadDocumentResumable } from '../../../lib/document-upload';
import { todayJakarta } from '../../../lib/format';

const ACCEPT =
  'application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.jpg,.jpeg,.png,.xlsx,.docx';

export function UploadModal({
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
