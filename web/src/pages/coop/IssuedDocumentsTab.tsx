import '../../i18n/papers';
import { Card, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocuments } from '../../lib/papers';
import { EmptyText, ErrorState } from '../../components/common';
import { DocumentTable } from '../../components/papers/DocumentTable';

/** The official documents issued about one cooperative (its own user sees them too). */
export default function IssuedDocumentsTab({ coopId }: { coopId: string }) {
  const { t } = useTranslation();
  const docs = useDocuments({ cooperativeId: coopId, pageSize: 100 });
  if (docs.isPending) return <Skeleton h={160} />;
  if (docs.isError) return <ErrorState error={docs.error} onRetry={() => void docs.refetch()} />;
  if (docs.data.items.length === 0) return <EmptyText>{t('papers.coop.none')}</EmptyText>;
  return (
    <Card withBorder padding={0}>
      <DocumentTable docs={docs.data.items} showCooperative={false} />
    </Card>
  );
}
