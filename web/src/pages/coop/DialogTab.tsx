import { useState } from 'react';
import { Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMessagePlus, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { useMe } from '../../lib/auth';
import { fetchConcerns, fetchFollowUps } from '../../lib/dialog';
import { formatNumber } from '../../lib/format';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { ConcernCard } from '../../components/dialog/ConcernCard';
import { ConcernDetail } from '../../components/dialog/ConcernDetail';
import { FollowUpList } from '../../components/dialog/FollowUpList';
import { ConcernFormModal } from '../../components/dialog/modals';
import { RequestsPanel } from '../../components/desk/RequestsPanel';

const SHOWN = 10;

function CountTile({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number | undefined;
  color: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }} data-testid={testId}>
      <Text fz={26} fw={750} lh={1.1} c={`${color}.8`} className="tabular-nums">
        {value === undefined ? '–' : formatNumber(value)}
      </Text>
      <Text size="xs" fw={600} lh={1.25} mt={2}>
        {label}
      </Text>
    </Paper>
  );
}

/** A cooperative's concerns and follow-ups, with counts of what is still open and overdue. */
export default function DialogTab({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const coopId = String(coop.id);
  const [openId, setOpenId] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  const concerns = useQuery({
    queryKey: ['concerns', 'list', { cooperativeId: coopId }, 'tab'],
    queryFn: ({ signal }) => fetchConcerns({ cooperativeId: coopId, pageSize: SHOWN }, signal),
  });
  const openConcerns = useQuery({
    queryKey: ['concerns', 'list', { cooperativeId: coopId, status: 'open' }, 'count'],
    queryFn: ({ signal }) => fetchConcerns({ cooperativeId: coopId, status: 'open', pageSize: 1 }, signal),
  });
  const addressed = useQuery({
    queryKey: ['concerns', 'list', { cooperativeId: coopId, status: 'addressed' }, 'count'],
    queryFn: ({ signal }) => fetchConcerns({ cooperativeId: coopId, status: 'addressed', pageSize: 1 }, signal),
  });
  const followUps = useQuery({
    queryKey: ['follow-ups', 'list', { cooperativeId: coopId }, 'tab'],
    queryFn: ({ signal }) => fetchFollowUps({ cooperativeId: coopId, pageSize: 100 }, signal),
  });

  const err = concerns.error ?? followUps.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([concerns.refetch(), followUps.refetch()])} />;

  const items = followUps.data?.items;
  const running = items?.filter((f) => f.status === 'open' || f.status === 'in_progress');
  const overdue = items?.filter((f) => f.overdue).length;
  const openConcernCount =
    openConcerns.data && addressed.data ? openConcerns.data.total + addressed.data.total : undefined;
  // Open ones first (nearest deadline first, as the API sorts), then the closed ones.
  const ordered = items
    ? [
        ...items.filter((f) => f.status === 'open' || f.status === 'in_progress'),
        ...items.filter((f) => f.status === 'done' || f.status === 'cancelled'),
      ]
    : undefined;
  const can = me?.abilities;
  /** A cooperative's own account, on its own cooperative: it raises concerns from its portal. */
  const isOwn = !!can?.portal && String(me?.cooperativeId) === coopId;
  const canAdd = !!can?.raiseConcerns && (isOwn || !can.portal) && coop.status !== 'DIBUBARKAN';

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 3 }} spacing="xs" data-testid="dialog-counts">
        <CountTile
          label={t('dialog.openConcerns')}
          value={openConcernCount}
          color="orange"
          testId="count-open-concerns"
        />
        <CountTile
          label={t('dialog.openFollowUps')}
          value={running?.length}
          color="blue"
          testId="count-open-follow-ups"
        />
        <CountTile label={t('dialog.overdueFollowUps')} value={overdue} color="red" testId="count-overdue" />
      </SimpleGrid>

      {/* Follow-ups first: what must still be done is not buried below every concern (issue #15). */}
      <div>
        <Group justify="space-between" gap="xs" mb="xs">
          <Title order={2} size="h4">
            {t('dialog.followUpsOfCoop')}
          </Title>
          {followUps.data && followUps.data.total > followUps.data.items.length && (
            <Button component={Link} to={`/tindak-lanjut?tab=semua&coop=${coopId}`} variant="subtle" size="sm">
              {t('dialog.showAll', { n: formatNumber(followUps.data.total) })}
            </Button>
          )}
        </Group>
        <FollowUpList items={ordered} emptyText={t('dialog.noFollowUps')} showCooperative={false} />
      </div>

      <Card withBorder padding="sm">
        <Group justify="space-between" gap="xs" mb="sm">
          <Title order={2} size="h4">
            {t('dialog.concernsOfCoop')}
          </Title>
          {canAdd && (
            <Button
              size="sm"
              leftSection={isOwn ? <IconMessagePlus size={16} /> : <IconPlus size={16} />}
              onClick={() => setRaising(true)}
              data-testid="tab-raise-concern"
            >
              {isOwn ? t('dialog.raise') : t('dialog.addConcern')}
            </Button>
          )}
        </Group>
        {!concerns.data ? (
          <Skeleton h={120} />
        ) : concerns.data.items.length === 0 ? (
          <EmptyText>{t('dialog.none')}</EmptyText>
        ) : (
          <Stack gap="xs" data-testid="coop-concerns">
            {concerns.data.items.map((c) => (
              <ConcernCard
                key={c.id}
                concern={c}
                onOpen={() => setOpenId(c.id)}
                showCooperative={false}
                highlightUnseen={!can?.portal}
              />
            ))}
            {concerns.data.total > SHOWN && (
              <Button component={Link} to={`/aspirasi?coop=${coopId}`} variant="subtle" size="sm">
                {t('dialog.showAll', { n: formatNumber(concerns.data.total) })}
              </Button>
            )}
          </Stack>
        )}
      </Card>

      <RequestsPanel coopId={coopId} canAsk={canAdd && !!can?.askRequests} canPlan={!!can?.planVisits} />

      {openId && <ConcernDetail concernId={openId} onClose={() => setOpenId(null)} />}
      {raising && <ConcernFormModal cooperativeId={coopId} portal={isOwn} onClose={() => setRaising(false)} />}
    </Stack>
  );
}
