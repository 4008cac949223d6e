import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useRubricDefinition, useRubricVersions } from '../lib/assessment';
import { formatDate } from '../lib/format';
import { ErrorState, PageHeader } from '../components/common';
import { WeightedView } from '../features/rubrics/WeightedView';
import { GradedView } from '../features/rubrics/GradedView';
import { PublishModal } from '../features/rubrics/PublishModal';
import { useRubricAbilities } from '../features/rubrics/api';

export default function RubricPage() {
  const { t } = useTranslation();
  const { rubric: rubricParam, version: versionParam } = useParams<{ rubric: string; version: string }>();
  const can = useRubricAbilities().data;
  const versions = useRubricVersions();
  const [publishOpen, setPublishOpen] = useState(false);

  const list = versions.data ?? [];
  const selected =
    list.find((v) => v.rubric === rubricParam && String(v.version) === versionParam) ??
    list.find((v) => v.rubric === (rubricParam ?? 'ksp-2016') && v.latest) ??
    list.find((v) => v.latest);
  const def = useRubricDefinition(selected?.rubric, selected?.version);
  const latestOfSelected = list.find((v) => v.rubric === selected?.rubric && v.latest);
  const latestDef = useRubricDefinition(latestOfSelected?.rubric, latestOfSelected?.version);

  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;

  const grouped = [...new Set(list.map((v) => v.rubric))].map((r) => ({
    rubric: r,
    items: list.filter((v) => v.rubric === r),
  }));

  return (
    <>
      <PageHeader
        title={t('rubric.title')}
        docTitle={
          rubricParam && selected ? [`${selected.title} v${selected.version}`, t('rubric.title')] : t('rubric.title')
        }
        subtitle={t('rubric.intro')}
        actions={
          can?.publish && latestOfSelected && latestDef.data ? (
            <Button leftSection={<IconEdit size={16} />} onClick={() => setPublishOpen(true)}>
              {t('rubric.publish')}
            </Button>
          ) : undefined
        }
      />
      {can && !can.publish && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('rubric.readOnlyNote')}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
        {!versions.data
          ? [0, 1].map((i) => <Skeleton key={i} h={120} />)
          : grouped.map((g) => (
              <Card key={g.rubric} withBorder padding="sm">
                <Text fw={600} mb={6}>
                  {g.items[0]?.title}
                </Text>
                <Stack gap={4}>
                  {g.items.map((v) => {
                    const active = selected?.rubric === v.rubric && selected.version === v.version;
                    return (
                      <Anchor
                        key={v.version}
                        component={Link}
                        to={`/rubrik/${v.rubric}/${v.version}`}
                        underline="never"
                        c="inherit"
                        p={6}
                        style={{ borderRadius: 6, background: active ? 'var(--mantine-color-sambang-0)' : undefined }}
                        data-testid="rubric-version-link"
                      >
                        <Group gap={6} wrap="wrap">
                          <Text size="sm" fw={active ? 700 : 500}>
                            {t('rubric.version', { version: v.version })}
                          </Text>
                          {v.latest && (
                            <Badge size="xs" color="sambang" style={{ textTransform: 'none' }}>
                              {t('rubric.latest')}
                            </Badge>
                          )}
                          <Text size="xs" c="dimmed">
                            {t('rubric.publishedAt', { at: formatDate(v.publishedAt) })}{' '}
                            {v.publishedBy
                              ? t('rubric.publishedBy', { name: v.publishedBy })
                              : `(${t('rubric.shipped')})`}
                          </Text>
                        </Group>
                        {v.note && (
                          <Text size="xs" c="dimmed" className="break-anywhere">
                            {v.note}
                          </Text>
                        )}
                      </Anchor>
                    );
                  })}
                </Stack>
              </Card>
            ))}
      </SimpleGrid>

      {def.isError ? (
        <ErrorState error={def.error} onRetry={() => void def.refetch()} />
      ) : !def.data || !selected ? (
        <Skeleton h={400} />
      ) : (
        <Stack gap="md" data-testid="rubric-detail">
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Group gap="xs" wrap="wrap" mb={4}>
              <Title order={2} size="h3">
                {def.data.title}
              </Title>
              <Badge variant="light" style={{ textTransform: 'none' }}>
                {t('rubric.version', { version: def.data.version })}
              </Badge>
            </Group>
            <Text size="sm">
              <b>{t('rubric.basis')}:</b> {def.data.basis}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`rubric.method.${def.data.method}`)}
            </Text>
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} p="xs" mt="sm">
              <Group gap={6} wrap="wrap">
                <Badge size="xs" variant="light" color="yellow" style={{ textTransform: 'none' }}>
                  {t('rubric.markKind.provisional')}
                </Badge>
                <Badge size="xs" variant="light" color="grape" style={{ textTransform: 'none' }}>
                  {t('rubric.markKind.choice')}
                </Badge>
                <Text size="xs">{t('rubric.marksLegend')}</Text>
              </Group>
            </Alert>
          </Paper>
          {def.data.method === 'weighted' ? <WeightedView def={def.data} /> : <GradedView def={def.data} />}
        </Stack>
      )}
      {publishOpen && latestOfSelected && latestDef.data && (
        <PublishModal info={latestOfSelected} def={latestDef.data} onClose={() => setPublishOpen(false)} />
      )}
    </>
  );
}
