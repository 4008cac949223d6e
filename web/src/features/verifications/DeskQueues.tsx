import { useState } from 'react';
import { Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoopRequest } from '../../lib/desk';
import { AnnouncementCard } from '../../components/desk/RatAnnouncementsPanel';
import { PlanVisitModal } from '../../components/desk/RequestModals';
import { RequestCard } from '../../components/desk/RequestsPanel';
import { EmptyText, ErrorState } from '../../components/common';
import { useAnnouncedRats, useOpenRequests } from './api';

/** The cooperatives' open requests; `can.planVisit` shows the button that turns one into a visit. */
export function RequestsQueue() {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState<CoopRequest | null>(null);
  const list = useOpenRequests();
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton h={160} />;
  const { items, can } = list.data;
  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyText>{t('desk.requests.noneOpen')}</EmptyText>
        </Paper>
      ) : (
        items.map((r) => (
          <RequestCard key={r.id} r={r} canPlan={can.planVisit} showCooperative onPlan={() => setPlanning(r)} />
        ))
      )}
      {planning && <PlanVisitModal request={planning} onClose={() => setPlanning(null)} />}
    </Stack>
  );
}

/** RATs the cooperatives announced; `can.linkVisit` lets an officer attend one as a visit. */
export function UpcomingRats() {
  const { t } = useTranslation();
  const list = useAnnouncedRats();
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton h={160} />;
  const { items, can } = list.data;
  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyText>{t('desk.announce.none')}</EmptyText>
        </Paper>
      ) : (
        items.map((a) => <AnnouncementCard key={a.id} a={a} showCooperative canLink={can.linkVisit} />)
      )}
    </Stack>
  );
}
