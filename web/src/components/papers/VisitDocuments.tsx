import '../../i18n/papers';
import type { BuiltInKind } from '@domain/documents/codes';
import { Alert, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../../lib/api';
import { type IssuedDocument, useDocuments } from '../../lib/papers';
import { DocumentTable } from './DocumentTable';

/**
 * A visit's official documents: the SPT once approved, the berita acara once done, each re-issued
 * as a new version (issue 12). Dinas staff issue; a cooperative's user only reads.
 */
export function VisitDocuments({ visit }: { visit: { id: string; status: string } }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const docs = useDocuments({ visitId: visit.id, pageSize: 50 });
  const issue = useMutation({
    mutationFn: (kind: Extract<BuiltInKind, 'SPT' | 'BERITA_ACARA'>) =>
      post<IssuedDocument>(`/visits/${visit.id}/documents`, { kind }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({
        color: 'green',
        message: t('papers.visit.issued', { kind: d.kindLabel, number: d.number }),
      });
    },
  });
  const staff = !!docs.data?.can.issue;
  const items = docs.data?.items ?? [];
  const has = (kind: string) => items.some((d) => d.kind === kind && d.status === 'CURRENT');
  const canSpt = staff && visit.status === 'approved';
  const canBa = staff && visit.status === 'done';

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      data-testid="visit-documents"
      aria-label={t('papers.visit.title')}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('papers.visit.title')}
        </Title>
        {(canSpt || canBa) && (
          <Group gap="sm">
            {canSpt && (
              <Button
                leftSection={<IconFileCertificate size={18} />}
                onClick={() => issue.mutate('SPT')}
                loading={issue.isPending && issue.variables === 'SPT'}
                data-testid="issue-spt"
              >
                {has('SPT') ? t('papers.visit.reissueSpt') : t('papers.visit.issueSpt')}
              </Button>
            )}
            {canBa && (
              <Button
                leftSection={<IconFileCertificate size={18} />}
                onClick={() => issue.mutate('BERITA_ACARA')}
                loading={issue.isPending && issue.variables === 'BERITA_ACARA'}
                data-testid="issue-ba"
              >
                {has('BERITA_ACARA') ? t('papers.visit.reissueBa') : t('papers.visit.issueBa')}
              </Button>
            )}
          </Group>
        )}
        {staff && (
          <Text size="xs" c="dimmed">
            {visit.status === 'done' ? t('papers.visit.baHint') : t('papers.visit.sptHint')}
            {(has('SPT') && canSpt) || (has('BERITA_ACARA') && canBa) ? ` ${t('papers.visit.reissueConfirm')}` : ''}
          </Text>
        )}
        {issue.error && <Alert color="red">{(issue.error as Error).message}</Alert>}
        {docs.isPending ? (
          <Skeleton h={60} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('papers.visit.none')}
          </Text>
        ) : (
          <DocumentTable docs={items} showCooperative={false} />
        )}
      </Stack>
    </Card>
  );
}
