import { Button, Card, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import {
  IconBuildingBank,
  IconCalendarStats,
  IconEdit,
  IconPlus,
  IconTrash,
  IconBan,
  IconBuildingStore,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { AuditEvent, Id, Page } from '../../lib/types';
import { ChangeList, useActionLabel } from '../../components/ChangeList';
import { EmptyText, ErrorState } from '../../components/common';

const PAGE_SIZE = 20;

function iconFor(e: AuditEvent) {
  const verb = e.action.split('.').pop();
  if (verb === 'dissolve') return <IconBan size={14} />;
  if (verb === 'delete') return <IconTrash size={14} />;
  if (e.entityType === 'business_unit') return <IconBuildingStore size={14} />;
  if (e.entityType === 'yearly_figures') return <IconCalendarStats size={14} />;
  if (verb === 'create')
    return e.entityType === 'cooperative' ? <IconBuildingBank size={14} /> : <IconPlus size={14} />;
  return <IconEdit size={14} />;
}

function colorFor(e: AuditEvent) {
  const verb = e.action.split('.').pop();
  if (verb === 'dissolve' || verb === 'delete') return 'red';
  if (verb === 'create') return 'green';
  return 'sambang';
}

export function TimelineTab({ coopId }: { coopId: Id }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const query = useInfiniteQuery({
    queryKey: ['timeline', String(coopId)],
    queryFn: ({ pageParam, signal }) =>
      get<Page<AuditEvent>>(
        `/cooperatives/${coopId}/timeline${buildQuery({ page: pageParam, pageSize: PAGE_SIZE })}`,
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton h={200} />;
  const events = query.data.pages.flatMap((p) => p.items);
  if (events.length === 0)
    return (
      <Card withBorder>
        <EmptyText>{t('timeline.none')}</EmptyText>
      </Card>
    );

  return (
    <Card withBorder padding="md">
      <Text fw={600} mb="md">
        {t('timeline.title')}
      </Text>
      <Timeline bulletSize={26} lineWidth={2} data-testid="timeline">
        {events.map((e) => (
          <Timeline.Item
            key={e.id}
            bullet={iconFor(e)}
            color={colorFor(e)}
            title={
              <Text fw={600} size="sm">
                {actionLabel(e.action)}
              </Text>
            }
            data-testid="timeline-item"
          >
            <Group gap={6} mb={6} wrap="wrap">
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
              <Text size="xs" c="dimmed">
                ·
              </Text>
              <Text size="xs" fw={500}>
                {e.actor ? e.actor.fullName || e.actor.username : t('timeline.system')}
              </Text>
            </Group>
            <ChangeList changes={e.changes} entityType={e.entityType} />
          </Timeline.Item>
        ))}
      </Timeline>
      {query.hasNextPage && (
        <Stack align="center" mt="md">
          <Button variant="light" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('timeline.loadMore')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
