import { useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Group, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../lib/dates';
import { get } from '../lib/api';
import { type Visit } from '../lib/visits';
import { ErrorState } from '../components/common';
import { VisitStatusBadge } from '../components/visits';
import { usePageTitle } from '../lib/pageTitle';

import { PlanFormView } from '../features/visits/plan/PlanForm';

export default function VisitPlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [formKey, setFormKey] = useState(0);
  const visit = useQuery({
    queryKey: ['visit', id],
    queryFn: ({ signal }) => get<Visit>(`/visits/${id}`, signal),
    enabled: Boolean(id),
  });
  const editing = Boolean(id);
  usePageTitle(
    editing ? t('visitPlan.editTitle') : t('visitPlan.newTitle'),
    visit.data?.cooperative.name,
    t('visits.title'),
  );

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to="/kunjungan" size="sm">
          {t('visits.title')}
        </Anchor>
        {editing && visit.data && (
          <Anchor component={Link} to={`/kunjungan/${id}`} size="sm" className="break-anywhere">
            {visit.data.cooperative.name}
          </Anchor>
        )}
      </Breadcrumbs>
      <Group gap="sm" mb="md" align="center">
        <Title order={1} size="h2">
          {editing ? t('visitPlan.editTitle') : t('visitPlan.newTitle')}
        </Title>
        {visit.data && <VisitStatusBadge status={visit.data.status} />}
        {visit.data?.conflicts.length ? (
          <Badge color="red" variant="light">
            {t('visits.conflict')}
          </Badge>
        ) : null}
      </Group>
      {editing && visit.isError ? (
        <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />
      ) : editing && !visit.data ? (
        <Stack gap="md" maw={860}>
          <Skeleton h={160} />
          <Skeleton h={120} />
          <Skeleton h={200} />
        </Stack>
      ) : (
        <PlanFormView
          key={`${formKey}-${visit.data?.version ?? 0}`}
          visit={visit.data ?? null}
          onReload={() => {
            void visit.refetch().then(() => setFormKey((k) => k + 1));
          }}
        />
      )}
    </>
  );
}
