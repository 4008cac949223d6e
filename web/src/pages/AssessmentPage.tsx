import { Alert, Anchor, Badge, Breadcrumbs, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../lib/dates';
import { ApiError, get } from '../lib/api';
import type { AssessmentDetailOut } from '@contract/assessments';
import { rubricShortName, useRubricDefinition } from '../lib/assessment';
import { ErrorState, PageHeader } from '../components/common';
import { AssessmentStatusBadge } from '../components/assessment';
import '../lib/desk';

import { AssessmentEditor } from '../features/assessments/editor/AssessmentEditor';

export default function AssessmentPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const query = useQuery({
    queryKey: ['assessment', id],
    queryFn: ({ signal }) => get<AssessmentDetailOut>(`/assessments/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
    staleTime: 0,
  });
  const a = query.data;
  const rubric = useRubricDefinition(a?.rubric, a?.rubricVersion);

  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403)) {
      return (
        <Alert color="yellow" title={query.error.status === 404 ? t('common.notFound') : t('common.forbidden')}>
          {query.error.message}
        </Alert>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (rubric.isError) return <ErrorState error={rubric.error} onRetry={() => void rubric.refetch()} />;
  if (!a || !rubric.data) {
    return (
      <Stack>
        <Skeleton h={40} w="60%" />
        <Skeleton h={24} w="40%" />
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Skeleton h={500} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Skeleton h={300} />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }

  const canAssess = a.can.update;
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        {a.can.browse && (
          <Anchor component={Link} to="/penilaian" size="sm">
            {t('nav.assessments')}
          </Anchor>
        )}
        <Anchor
          component={Link}
          to={`/koperasi/${a.cooperative.id}?tab=kesehatan`}
          size="sm"
          truncate="end"
          maw={{ base: 200, sm: 420 }}
        >
          {a.cooperative.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {a.fiscalYear}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={t('assessment.pageTitle', { year: a.fiscalYear })}
        docTitle={[t('assessment.pageTitle', { year: a.fiscalYear }), a.cooperative.name]}
        subtitle={
          <Stack gap={6} mt={2}>
            <Anchor component={Link} to={`/koperasi/${a.cooperative.id}?tab=kesehatan`} size="sm" fw={600}>
              {a.cooperative.name}
            </Anchor>
            <Group gap={6} wrap="wrap">
              <AssessmentStatusBadge status={a.status} />
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }} data-testid="rubric-version">
                {rubricShortName(a.rubric)} · {t('assessment.versionN', { version: a.rubricVersion })}
              </Badge>
              <Text size="xs" c="dimmed">
                {rubric.data.title}
              </Text>
            </Group>
          </Stack>
        }
      />
      {!canAssess && a.status === 'DRAFT' && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('coop.readOnlyNote')}
        </Text>
      )}
      <AssessmentEditor key={a.id} assessment={a} def={rubric.data} />
    </>
  );
}
