import { useState } from 'react';
import { Button, Card, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { fetchConcerns, fetchFollowUps, type Concern, type FollowUp } from '../../lib/dialog';
import { EmptyText, ErrorState } from '../common';
import { ConcernCard } from './ConcernCard';
import { ConcernDetail } from './ConcernDetail';
import { FollowUpList } from './FollowUpList';
import { ConcernFormModal, FollowUpFormModal } from './modals';

/**
 * On the visit page: the concerns raised in this visit with their recommendations; the team
 * (canEdit) adds concerns (kind, topic, who raised it, severity) and recommendations on them.
 */
export function VisitDialogSection(props: { visitId: string; cooperativeId: string; canEdit: boolean }) {
  const { visitId, cooperativeId, canEdit } = props;
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [recommendFor, setRecommendFor] = useState<Concern | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const concerns = useQuery({
    queryKey: ['concerns', 'list', { visitId }],
    queryFn: ({ signal }) => fetchConcerns({ visitId, pageSize: 100 }, signal),
  });
  const followUps = useQuery({
    queryKey: ['follow-ups', 'list', { visitId }],
    queryFn: ({ signal }) => fetchFollowUps({ visitId, pageSize: 100 }, signal),
  });

  const err = concerns.error ?? followUps.error;
  const byConcern = new Map<string, FollowUp[]>();
  for (const f of followUps.data?.items ?? [])
    if (f.concernId) byConcern.set(f.concernId, [...(byConcern.get(f.concernId) ?? []), f]);

  return (
    <Stack gap="sm" data-testid="visit-dialog">
      <Group justify="space-between" gap="xs" align="flex-start">
        <div style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Text fw={600}>{t('dialog.visitSectionTitle')}</Text>
          <Text size="xs" c="dimmed">
            {t('dialog.visitSectionHint')}
          </Text>
        </div>
        {canEdit && (
          <Button
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="visit-add-concern"
          >
            {t('dialog.addConcern')}
          </Button>
        )}
      </Group>
      {err ? (
        <ErrorState error={err} onRetry={() => void Promise.all([concerns.refetch(), followUps.refetch()])} />
      ) : !concerns.data || !followUps.data ? (
        <Skeleton h={120} />
      ) : concerns.data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('dialog.visitNone')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="sm">
          {concerns.data.items.map((c) => (
            <Card key={c.id} withBorder padding="xs" bg="gray.0" data-testid="visit-concern">
              <Stack gap="xs">
                <ConcernCard concern={c} showCooperative={false} onOpen={() => setOpenId(c.id)} />
                <Stack gap="xs" pl={{ base: 0, sm: 'md' }}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={600}>
                      {t('dialog.recommendations')}
                    </Text>
                    {canEdit && c.status !== 'closed' && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} />}
                        onClick={() => setRecommendFor(c)}
                        data-testid="visit-add-recommendation"
                      >
                        {t('dialog.addRecommendation')}
                      </Button>
                    )}
                  </Group>
                  <FollowUpList
                    items={byConcern.get(c.id) ?? []}
                    emptyText={t('dialog.noRecommendations')}
                    showCooperative={false}
                  />
                </Stack>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {adding && (
        <ConcernFormModal
          cooperativeId={cooperativeId}
          visitId={visitId}
          portal={false}
          onClose={() => setAdding(false)}
        />
      )}
      {recommendFor && (
        <FollowUpFormModal
          cooperative={recommendFor.cooperative}
          concernId={recommendFor.id}
          visitId={visitId}
          onClose={() => setRecommendFor(null)}
        />
      )}
      {openId && <ConcernDetail concernId={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
