import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../../lib/api';
import { type CoopDocument } from '../../../lib/desk';

export function PreviewModal({ doc, onClose }: { doc: CoopDocument; onClose: () => void }) {
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
export function RemoveModal({ coopId, doc, onClose }: { coopId: string; doc: CoopDocument; onClose: () => void }) {
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
