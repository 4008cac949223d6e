import '../lib/dates';
import { Alert, Anchor, Skeleton } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCoop } from '../lib/coop';
import { ErrorState } from '../components/common';

import { CoopForm } from '../features/cooperatives/form/CoopForm';

export default function CoopFormPage() {
  const { id } = useParams<{ id: string }>();
  const isEdit = !!id;
  const { t } = useTranslation();
  const coopQuery = useCoop(id);
  if (isEdit && coopQuery.isError)
    return <ErrorState error={coopQuery.error} onRetry={() => void coopQuery.refetch()} />;
  if (isEdit && !coopQuery.data) return <Skeleton h={400} />;
  const coop = coopQuery.data;
  if (isEdit && coop && !coop.can.update) {
    return (
      <Alert color="yellow" title={t('common.forbidden')}>
        <Anchor component={Link} to={`/koperasi/${coop.id}`}>
          {t('common.back')}
        </Anchor>
      </Alert>
    );
  }
  return (
    <CoopForm
      key={coop ? `${coop.id}:${coop.version}` : 'new'}
      coop={coop}
      restricted={isEdit && !coop?.can.updateAnyField}
    />
  );
}
