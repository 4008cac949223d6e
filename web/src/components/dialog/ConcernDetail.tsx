import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { ApiError } from '../../lib/api';
import {
  CONCERN_STATUSES,
  dialogKeys,
  fetchConcern,
  fetchFollowUps,
  markConcernSeen,
  updateConcern,
  type Concern,
  type ConcernStatus,
} from '../../lib/dialog';
import { formatDate, formatDateTime } from '../../lib/format';
import { ErrorState } from '../common';
import { ConcernStatusBadge, SeverityBadge } from './badges';
import { FollowUpList } from './FollowUpList';
import { FollowUpFormModal } from './modals';

/** Staff: respond to a concern and change its status (response required to close it). */
function RespondForm({ concern, onConflict }: { concern: Concern; onConflict: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<ConcernStatus>(concern.status);
  const [response, setResponse] = useState(concern.response ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = status !== concern.status || response.trim() !== (concern.response ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateConcern(concern.id, { status, response: response.trim() || null, version: concern.version }),
    onSuccess: (c) => {
      qc.setQueryData(['concerns', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: dialogKeys.concerns });
      void qc.invalidateQueries({ queryKey: ['timeline', c.cooperative.id] });
      notifications.show({ color: 'green', message: t('dialog.concernSaved') });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) onConflict();
      else if (e instanceof ApiError) setErrors(e.fields);
    },
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={t('dialog.response')}
        description={t('dialog.responseHint')}
        autosize
        minRows={2}
        maxLength={4000}
        value={response}
        onChange={(e) => {
          setResponse(e.currentTarget.value);
          setErrors({});
        }}
        error={errors.response}
        data-testid="concern-response"
      />
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as ConcernStatus);
            setErrors({});
          }}
          data={CONCERN_STATUSES.map((s) => ({ value: s, label: t(`dialog.concernStatuses.${s}`) }))}
          size="sm"
          style={{ flex: '1 1 260px' }}
          data-testid="concern-status-control"
        />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty} data-testid="concern-save">
          {t('dialog.saveResponse')}
        </Button>
      </Group>
      {errors.status && (
        <Text size="sm" c="red.8">
          {errors.status}
        </Text>
      )}
    </Stack>
  );
}

/**
 * A concern opened: the full text, the Dinas response, its recommendations. Opening it as staff
 * marks it seen. Staff may respond, change the status and add recommendations.
 */
export function ConcernDetail({ concernId, onClose }: { concernId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [adding, setAdding] = useState(false);
  const [conflict, setConflict] = useState(false);
  const query = useQuery({
    queryKey: ['concerns', 'one', concernId],
    queryFn: ({ signal }) => fetchConcern(concernId, signal),
  });
  const followUps = useQuery({
    queryKey: ['follow-ups', 'concern', concernId],
    queryFn: ({ signal }) => fetchFollowUps({ concernId, pageSize: 100 }, signal),
  });
  const c = query.data;
  /** The Dinas marks a concern seen by opening it; the cooperative's own account does not. */
  const staff = !!c?.can.markSeen;

  const seen = useMutation({
    mutationFn: () => markConcernSeen(concernId),
    onSuccess: (x) => {
      qc.setQueryData(['concerns', 'one', x.id], x);
      void qc.invalidateQueries({ queryKey: ['concerns', 'list'] });
    },
  });
  const unseen = !!c && !c.seenAt;
  useEffect(() => {
    if (staff && unseen && seen.isIdle) seen.mutate();
  }, [staff, unseen, seen]);

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('dialog.detailTitle')}</Text>}
      size="xl"
      fullScreen={isMobile}
      data-testid="concern-detail"
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !c ? (
        <Skeleton h={240} />
      ) : (
        <Stack gap="md">
          <Stack gap={6}>
            <Group gap={6} wrap="wrap">
              <ConcernStatusBadge status={c.status} />
              <SeverityBadge severity={c.severity} />
            </Group>
            <Text fw={700}>
              {t(`dialog.kinds.${c.kind}`)} · {t(`dialog.topics.${c.topic}`)}
            </Text>
            <Anchor
              component={Link}
              to={`/koperasi/${c.cooperative.id}?tab=aspirasi`}
              fw={600}
              size="sm"
              className="break-anywhere"
              onClick={onClose}
            >
              {c.cooperative.name}
            </Anchor>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap' }}
              className="break-anywhere"
              data-testid="concern-detail-description"
            >
              {c.description}
            </Text>
            <Text size="xs" c="dimmed">
              {c.raisedBy} · {t(`dialog.raisedVia.${c.raisedVia}`)} · {formatDateTime(c.createdAt)}
              {c.visitId && (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/kunjungan/${c.visitId}`} size="xs" onClick={onClose}>
                    {t('dialog.openVisit')}
                  </Anchor>
                </>
              )}
            </Text>
            {staff && c.seenAt && (
              <Text size="xs" c="dimmed">
                {t('dialog.seenOn', { date: formatDate(c.seenAt) })}
              </Text>
            )}
          </Stack>
          {conflict && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('dialog.conflictConcern')}</Text>
              </Group>
            </Alert>
          )}
          <Divider />
          {c.can.handle ? (
            <RespondForm
              key={c.version}
              concern={c}
              onConflict={() => {
                setConflict(true);
                void query.refetch();
              }}
            />
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('dialog.response')}
              </Text>
              <Text
                size="sm"
                c={c.response ? undefined : 'dimmed'}
                style={{ whiteSpace: 'pre-wrap' }}
                className="break-anywhere"
                data-testid="concern-response-text"
              >
                {c.response ?? t('dialog.noResponse')}
              </Text>
            </Stack>
          )}
          <Divider />
          <Group justify="space-between" gap="xs">
            <Text fw={600}>{t('dialog.recommendations')}</Text>
            {c.can.recommend && c.status !== 'closed' && (
              <Button
                size="sm"
                leftSection={<IconPlus size={16} />}
                onClick={() => setAdding(true)}
                data-testid="add-recommendation"
              >
                {t('dialog.addRecommendation')}
              </Button>
            )}
          </Group>
          <FollowUpList
            items={followUps.data?.items}
            emptyText={t('dialog.noRecommendations')}
            showCooperative={false}
          />
        </Stack>
      )}
      {adding && c && (
        <FollowUpFormModal
          cooperative={c.cooperative}
          concernId={c.id}
          visitId={c.visitId}
          onClose={() => setAdding(false)}
        />
      )}
    </Modal>
  );
}
