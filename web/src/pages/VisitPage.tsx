import { Alert, Anchor, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../i18n/visit-record';
import { ApiError } from '../lib/api';
import { fetchVisit, visitKey } from '../lib/visit-record';
import { ErrorState } from '../components/common';

import { VisitDetail } from '../features/visits/record/VisitDetail';

export default function VisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const q = useQuery({
    queryKey: visitKey(id),
    queryFn: ({ signal }) => fetchVisit(id, signal),
    meta: { silent: true },
  });
  if (q.error) {
    if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403 || q.error.status === 400)) {
      return (
        <Alert color="gray" variant="light" title={t('visitRecord.notFound')}>
          <Anchor component={Link} to="/">
            {t('common.back')}
          </Anchor>
        </Alert>
      );
    }
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!q.data) {
    return (
      <Stack gap="md">
        <Skeleton h={60} />
        <Skeleton h={180} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  return <VisitDetail key={id} visit={q.data} />;
}
