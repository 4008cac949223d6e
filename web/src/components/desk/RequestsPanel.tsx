import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, buildQuery, get, post } from '../../lib/api';
import type { CoopRequest, RequestKind, RequestOutcome } from '../../lib/desk';
import '../../lib/desk';
import { formatDateTime, todayJakarta } from '../../lib/format';
import { EmptyText } from '../common';

const KINDS: RequestKind[] = ['VISIT', 'CONSULTATION', 'BUSINESS_UNIT'];

export function PlanVisitModal({ request, onClose }: { request: CoopRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const plan = useMutation({
    mutationFn: () => post<CoopRequest>(`/requests/${request.id}/plan-visit`, { date }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      notifications.show({ color: 'green', message: t('desk.requests.planned') });
      onClose();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.fields.date ?? Object.values(e.fields)[0] ?? e.message) : String(e)),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.requests.planTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm">
          {request.cooperative.name} — {request.message}
        </Text>
        <DateInput
          label={t('desk.requests.date')}
          value={date}
          onChange={setDate}
          minDate={todayJakarta()}
          valueFormat="D MMMM YYYY"
          locale="id"
          error={error}
          popoverProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => plan.mutate()} loading={plan.isPending} disabled={!date}>
            {t('desk.requests.plan')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An officer closes a request: done or declined, with a note the cooperative reads. */
export function CloseRequestModal({ request, onClose }: { request: CoopRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<RequestOutcome>('DONE');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = useMutation({
    mutationFn: () => post<CoopRequest>(`/requests/${request.id}/close`, { outcome, note }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      notifications.show({ color: 'green', message: t('desk.requests.closed') });
      onClose();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.fields.note ?? Object.values(e.fields)[0] ?? e.message) : String(e)),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.requests.closeTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm" className="break-anywhere">
          {request.cooperative.name} — {request.message}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('desk.requests.outcome')}
          </Text>
          <SegmentedControl
            fullWidth
            value={outcome}
            onChange={(v) => setOutcome(v as RequestOutcome)}
            data={(['DONE', 'DECLINED'] as const).map((o) => ({ value: o, label: t(`desk.requests.outcomes.${o}`) }))}
            data-testid="close-outcome"
          />
        </Stack>
        <Textarea
          label={t('desk.requests.closeNote')}
          description={t('desk.requests.closeNoteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          maxLength={1000}
          data-testid="close-note"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => close.mutate()}
            loading={close.isPending}
            color={outcome === 'DECLINED' ? 'red' : undefined}
            data-testid="close-confirm"
          >
            {t('desk.requests.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

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
  const items = list.data?.items ?? [];
  return (
    <Card withBorder padding="sm" data-testid="requests-panel">
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <div>
          <Text fw={600}>{t('desk.requests.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('desk.requests.hint')}
          </Text>
        </div>
        {canAsk && !asking && (
          <Button size="sm" variant="light" leftSection={<IconSend size={16} />} onClick={() => setAsking(true)}>
            {t('desk.requests.add')}
          </Button>
        )}
      </Group>
      {asking && (
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
      )}
      {items.length === 0 ? (
        <EmptyText>{t('desk.requests.none')}</EmptyText>
      ) : (
        <Stack gap="xs">
          {items.map((r) => (
            <RequestCard key={r.id} r={r} canPlan={canPlan} showCooperative={false} onPlan={() => setPlanning(r)} />
          ))}
        </Stack>
      )}
      {planning && <PlanVisitModal request={planning} onClose={() => setPlanning(null)} />}
    </Card>
  );
}
