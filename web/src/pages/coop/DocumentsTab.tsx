import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconDownload, IconEye, IconFileUpload, IconReplace, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../lib/api';
import { type CoopDocument, formatBytes } from '../../lib/desk';
import { formatDateTime } from '../../lib/format';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { FilingsPanel } from '../../components/desk/FilingsPanel';
import { VerificationBadge } from '../../components/desk/VerificationBadge';
import { UploadModal } from '../../features/cooperatives/documents/UploadModal';
import { PreviewModal, RemoveModal } from '../../features/cooperatives/documents/modals';

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
