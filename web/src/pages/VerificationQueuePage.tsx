import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, buildQuery, get, post } from '../lib/api';
import { canManageCoops, useMe } from '../lib/auth';
import {
  type CoopRequest,
  type RatAnnouncement,
  VERIFICATION_KIND_LABELS,
  VERIFICATION_KINDS,
  type VerificationItem,
} from '../lib/desk';
import { AnnouncementCard } from '../components/desk/RatAnnouncementsPanel';
import { PlanVisitModal, RequestCard } from '../components/desk/RequestsPanel';
import { formatDateTime } from '../lib/format';
import { useCoop } from '../lib/coop';
import { useDistricts } from '../lib/meta';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, ListPagination, PageHeader } from '../components/common';

function ReturnModal({ item, onClose }: { item: VerificationItem; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => post(`/verifications/${item.id}/return`, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['verifications'] });
      notifications.show({ color: 'green', message: t('desk.queue.returned') });
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fields.reason ?? e.message) : String(e)),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.queue.returnTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm">
          {item.cooperative.name} — {item.summary}
        </Text>
        <Textarea
          label={t('desk.queue.reasonLabel')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          data-autofocus
          data-testid="return-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => send.mutate()} loading={send.isPending} data-testid="return-confirm">
            {t('desk.queue.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The officers' desk with the cooperatives: filings to verify, requests to plan, RATs to attend. */
export default function VerificationQueuePage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'laporan';
  return (
    <Stack gap="md">
      <PageHeader title={t('desk.queue.title')} subtitle={t('desk.queue.subtitle')} />
      <Tabs
        value={tab}
        onChange={(v) => setSp(v && v !== 'laporan' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="laporan">{t('desk.tabs.filings')}</Tabs.Tab>
          <Tabs.Tab value="permintaan">{t('desk.tabs.requests')}</Tabs.Tab>
          <Tabs.Tab value="rat">{t('desk.tabs.upcoming')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="laporan">
          <FilingsQueue />
        </Tabs.Panel>
        <Tabs.Panel value="permintaan">
          <RequestsQueue />
        </Tabs.Panel>
        <Tabs.Panel value="rat">
          <UpcomingRats />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function RequestsQueue() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [planning, setPlanning] = useState<CoopRequest | null>(null);
  // Closed requests leave the queue; the cooperative's page keeps them with how they ended.
  const list = useQuery({
    queryKey: ['requests', 'queue'],
    queryFn: ({ signal }) => get<{ items: CoopRequest[] }>('/requests?open=true', signal),
  });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton h={160} />;
  return (
    <Stack gap="sm">
      {list.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyText>{t('desk.requests.noneOpen')}</EmptyText>
        </Paper>
      ) : (
        list.data.items.map((r) => (
          <RequestCard
            key={r.id}
            r={r}
            canPlan={canManageCoops(me?.role)}
            showCooperative
            onPlan={() => setPlanning(r)}
          />
        ))
      )}
      {planning && <PlanVisitModal request={planning} onClose={() => setPlanning(null)} />}
    </Stack>
  );
}

function UpcomingRats() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useQuery({
    queryKey: ['rat-announcements', 'queue'],
    queryFn: ({ signal }) => get<{ items: RatAnnouncement[] }>('/rat-announcements', signal),
  });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton h={160} />;
  return (
    <Stack gap="sm">
      {list.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyText>{t('desk.announce.none')}</EmptyText>
        </Paper>
      ) : (
        list.data.items.map((a) => (
          <AnnouncementCard key={a.id} a={a} showCooperative canLink={canManageCoops(me?.role)} />
        ))
      )}
    </Stack>
  );
}

/** What cooperatives filed: nothing counts until verified here. */
function FilingsQueue() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canDecide = canManageCoops(me?.role);
  // `coop` narrows the queue to one cooperative (the link of a "menunggu verifikasi" notice).
  const { values, page, set } = useUrlParams(['status', 'kind', 'district', 'minAgeDays', 'coop'] as const);
  const params = { ...values, status: values.status || 'PENDING' };
  const coop = useCoop(values.coop || undefined);
  const districts = useDistricts();
  const [returning, setReturning] = useState<VerificationItem | null>(null);
  const query = useQuery({
    queryKey: ['verifications', params, page],
    queryFn: ({ signal }) =>
      get<{ items: VerificationItem[]; total: number; page: number; pageSize: number }>(
        `/verifications${buildQuery({ status: params.status, kind: params.kind, district: params.district, minAgeDays: params.minAgeDays, cooperativeId: params.coop, page, pageSize: 20 })}`,
        signal,
      ),
  });
  const verify = useMutation({
    mutationFn: (id: string) => post(`/verifications/${id}/verify`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['verifications'] });
      notifications.show({ color: 'green', message: t('desk.queue.verified') });
    },
    onError: (e) =>
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e), autoClose: 8000 }),
  });
  const data = query.data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('desk.queue.status')}
          data={['PENDING', 'RETURNED', 'VERIFIED'].map((s) => ({ value: s, label: t(`desk.verification.${s}`) }))}
          value={params.status}
          onChange={(v) => set({ status: v === 'PENDING' ? null : v })}
          allowDeselect={false}
        />
        <Select
          label={t('desk.queue.kind')}
          placeholder={t('desk.queue.allKinds')}
          data={VERIFICATION_KINDS.map((k) => ({ value: k, label: VERIFICATION_KIND_LABELS[k] }))}
          value={params.kind || null}
          onChange={(v) => set({ kind: v })}
          clearable
          data-testid="queue-kind"
        />
        <Select
          label={t('desk.queue.district')}
          placeholder={t('desk.queue.allDistricts')}
          data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          value={params.district || null}
          onChange={(v) => set({ district: v })}
          clearable
          searchable
        />
        <Select
          label={t('desk.queue.age')}
          placeholder={t('desk.queue.anyAge')}
          data={['3', '7', '14', '30'].map((d) => ({ value: d, label: t('desk.queue.days', { count: Number(d) }) }))}
          value={params.minAgeDays || null}
          onChange={(v) => set({ minAgeDays: v })}
          clearable
        />
      </SimpleGrid>
      {values.coop && (
        <Group gap="xs" wrap="wrap" data-testid="queue-coop-filter">
          <Text size="sm">{t('desk.queue.onlyCoop', { name: coop.data?.name ?? '…' })}</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => set({ coop: null })}>
            {t('desk.queue.allCoops')}
          </Button>
        </Group>
      )}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Skeleton h={200} />
      ) : data.items.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyText>{t('desk.queue.none')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="sm">
          {data.items.map((item) => (
            <Card
              key={item.id}
              withBorder
              padding="sm"
              data-testid="queue-item"
              data-kind={item.kind}
              data-coop={item.cooperative.id}
            >
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" size="sm">
                      {item.kindLabel}
                    </Badge>
                    <Anchor component={Link} to={`/koperasi/${item.cooperative.id}`} fw={700} size="sm">
                      {item.cooperative.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.cooperative.district.name}
                    </Text>
                  </Group>
                  <Text size="sm" mt={4} className="break-anywhere">
                    {item.summary}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('desk.queue.submitted', {
                      name: item.submittedBy,
                      at: formatDateTime(item.submittedAt),
                      age: item.ageDays,
                    })}
                  </Text>
                  {item.missingDocuments.length > 0 && (
                    <Alert color="orange" variant="light" p={6} mt={6}>
                      <Text size="xs">{t('desk.queue.missing', { docs: item.missingDocuments.join(', ') })}</Text>
                    </Alert>
                  )}
                  {item.status === 'RETURNED' && item.reason && (
                    <Text size="sm" c="red.8" mt={4}>
                      {t('desk.verification.returnedReason', { reason: item.reason })}
                    </Text>
                  )}
                </div>
                {canDecide && item.status === 'PENDING' && (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      color="green"
                      leftSection={<IconCheck size={14} />}
                      onClick={() => verify.mutate(item.id)}
                      loading={verify.isPending && verify.variables === item.id}
                      data-testid="queue-verify"
                    >
                      {t('desk.queue.verify')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      leftSection={<IconArrowBackUp size={14} />}
                      onClick={() => setReturning(item)}
                      data-testid="queue-return"
                    >
                      {t('desk.queue.return')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
          <ListPagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onChange={(p) => set({ page: p })}
          />
        </Stack>
      )}
      {returning && <ReturnModal item={returning} onClose={() => setReturning(null)} />}
    </Stack>
  );
}
