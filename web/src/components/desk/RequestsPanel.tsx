import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, buildQuery, get, post } from '../../lib/api';
import type { CoopRequest, RequestKind } from '../../lib/desk';
import '../../lib/desk';
import { formatDateTime } from '../../lib/format';
import { DeskPanel } from './DeskPanel';
import { CloseRequestModal, PlanVisitModal } from './RequestModals';

const KINDS: RequestKind[] = ['VISIT', 'CONSULTATION', 'BUSINESS_UNIT'];

export function RequestCard({
  r,
  canPlan,
  showCooperative,
  onPlan,
}: {
  r: CoopRequest;
  canPlan: boolean;
  showCooperative: boolean;
  onPlan: () => void;
}) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState(false);
  const closed = r.status === 'CLOSED';
  const statusColor = closed
    ? r.closure?.outcome === 'DECLINED'
      ? 'red'
      : 'green'
    : r.status === 'OPEN'
      ? 'yellow'
      : 'blue';
  return (
    <Card withBorder padding="sm" data-testid="request-card" data-status={r.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Group gap={6} wrap="wrap">
            <Badge variant="light" size="sm">
              {t(`desk.requests.kinds.${r.kind}`)}
            </Badge>
            <Badge variant="outline" size="sm" color={statusColor} data-testid="request-status">
              {closed && r.closure
                ? t(`desk.requests.outcomes.${r.closure.outcome}`)
                : t(`desk.requests.statuses.${r.status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('desk.requests.to', { bidang: r.bidangLabel })}
            </Text>
          </Group>
          {showCooperative && (
            <Anchor component={Link} to={`/koperasi/${r.cooperative.id}`} size="sm" fw={700}>
              {r.cooperative.name} · {r.cooperative.district.name}
            </Anchor>
          )}
          <Text size="sm" className="break-anywhere">
            {r.message}
          </Text>
          <Text size="xs" c="dimmed">
            {r.createdBy} · {formatDateTime(r.createdAt)}
          </Text>
          {r.closure && (
            <Card
              padding="xs"
              mt={6}
              bg={r.closure.outcome === 'DECLINED' ? 'red.0' : 'green.0'}
              data-testid="request-closure"
            >
              <Text size="sm" className="break-anywhere">
                {r.closure.note}
              </Text>
              <Text size="xs" c="dimmed">
                {t('desk.requests.closedBy', {
                  outcome: r.closure.outcomeLabel,
                  name: r.closure.by,
                  at: formatDateTime(r.closure.at),
                })}
              </Text>
            </Card>
          )}
        </div>
        <Group gap="xs" wrap="wrap">
          {r.visitId ? (
            <Button component={Link} to={`/kunjungan/${r.visitId}`} size="compact-sm" variant="subtle">
              {t('desk.requests.openVisit')}
            </Button>
          ) : (
            canPlan &&
            r.status === 'OPEN' && (
              <Button size="compact-sm" variant="light" leftSection={<IconCalendarPlus size={14} />} onClick={onPlan}>
                {t('desk.requests.plan')}
              </Button>
            )
          )}
          {canPlan && !closed && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconCircleCheck size={14} />}
              onClick={() => setClosing(true)}
              data-testid="request-close"
            >
              {t('desk.requests.close')}
            </Button>
          )}
        </Group>
      </Group>
      {closing && <CloseRequestModal request={r} onClose={() => setClosing(false)} />}
    </Card>
  );
}

/** On the cooperative's page: its requests to the Dinas, and a form to make one. */
export function RequestsPanel({ coopId, canAsk, canPlan }: { coopId: string; canAsk: boolean; canPlan: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<RequestKind>('VISIT');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [asking, setAsking] = useState(false);
  const [planning, setPlanning] = useState<CoopRequest | null>(null);
  const list = useQuery({
    queryKey: ['requests', coopId],
    queryFn: ({ signal }) => get<{ items: CoopRequest[] }>(`/requests${buildQuery({ cooperativeId: coopId })}`, signal),
  });
  const send = useMutation({
    mutationFn: () => post<CoopRequest>(`/cooperatives/${coopId}/requests`, { kind, message }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      notifications.show({ color: 'green', message: t('desk.requests.sent') });
      setMessage('');
      setAsking(false);
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fields.message ?? e.message) : String(e)),
  });
  return (
    <>
      <DeskPanel
        title={t('desk.requests.title')}
        hint={t('desk.requests.hint')}
        action={
          canAsk &&
          !asking && (
            <Button size="sm" variant="light" leftSection={<IconSend size={16} />} onClick={() => setAsking(true)}>
              {t('desk.requests.add')}
            </Button>
          )
        }
        before={
          asking && (
            <Stack gap="xs" mb="sm">
              <Select
                label={t('desk.requests.kind')}
                data={KINDS.map((k) => ({ value: k, label: t(`desk.requests.kinds.${k}`) }))}
                value={kind}
                onChange={(v) => v && setKind(v as RequestKind)}
                allowDeselect={false}
              />
              <Textarea
                label={t('desk.requests.message')}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
                error={error}
                autosize
                minRows={3}
                maxLength={2000}
              />
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setAsking(false)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={() => send.mutate()} loading={send.isPending} leftSection={<IconSend size={16} />}>
                  {t('desk.requests.send')}
                </Button>
              </Group>
            </Stack>
          )
        }
        items={list.data?.items ?? []}
        empty={t('desk.requests.none')}
        data-testid="requests-panel"
      >
        {(r) => (
          <RequestCard key={r.id} r={r} canPlan={canPlan} showCooperative={false} onPlan={() => setPlanning(r)} />
        )}
      </DeskPanel>
      {planning && <PlanVisitModal request={planning} onClose={() => setPlanning(null)} />}
    </>
  );
}
