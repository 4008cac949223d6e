import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCheck, IconPencil, IconSend, IconUsers, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { ApiError, patch } from '../../../lib/api';
import { AGENDA_ITEMS, type AnnualMeeting } from '../../../lib/assessment';
import { formatDate, formatNumber, todayJakarta } from '../../../lib/format';
import type { Coop } from '../../../lib/types';
import { Field } from '../../../components/Field';
import { VerificationBadge } from '../../../components/desk/VerificationBadge';
import '../../../lib/desk';

export function addMonths(date: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1 + months, d));
  return dt.toISOString().slice(0, 10);
}
export function OdsModal({
  coopId,
  meeting,
  onClose,
}: {
  coopId: Coop['id'];
  meeting: AnnualMeeting;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState<string | null>(meeting.reportedToOdsOn);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () =>
      patch<AnnualMeeting>(`/cooperatives/${coopId}/annual-meetings/${meeting.id}`, { reportedToOdsOn: value || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['annual-meetings', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['rat-compliance', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('rat.saved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setError(e.fields.reportedToOdsOn ?? (Object.keys(e.fields).length ? Object.values(e.fields)[0] : undefined));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('rat.odsTitle', { year: meeting.fiscalYear })}</Text>}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rat.heldOn')}: {formatDate(meeting.heldOn)} · {t('rat.odsHint')}
        </Text>
        <DateInput
          label={t('rat.reportedToOdsOn')}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
          valueFormat="D MMMM YYYY"
          locale="id"
          placeholder={t('coop.form.pickDate')}
          maxDate={todayJakarta()}
          minDate={meeting.heldOn}
          clearable
          error={error}
          popoverProps={{ withinPortal: true }}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
export function MeetingCard({
  m,
  canEdit,
  onEdit,
  onOds,
}: {
  m: AnnualMeeting;
  canEdit: boolean;
  onEdit: () => void;
  onOds: () => void;
}) {
  const { t } = useTranslation();
  const pct =
    m.membersTotal > 0 ? `${formatNumber(Math.round((m.membersPresent * 1000) / m.membersTotal) / 10)}%` : '–';
  const odsLate = m.reportedToOdsOn !== null && m.reportedToOdsOn > addMonths(m.heldOn, 1);
  return (
    <Card withBorder padding="sm" data-testid="rat-record" data-year={m.fiscalYear}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={700}>
              {t('rat.fiscalYear')} {m.fiscalYear}
            </Text>
            <VerificationBadge v={m.verification} withReason={false} />
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconCalendarEvent size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            <Text size="sm" c="dimmed" className="break-anywhere">
              {formatDate(m.heldOn)}
              {m.place ? ` · ${m.place}` : ''}
            </Text>
          </Group>
        </div>
        {canEdit && (
          <Tooltip label={t('rat.edit')}>
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={`${t('rat.edit')} ${m.fiscalYear}`}>
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Field label={t('rat.attendance')}>
          <Group gap={4} wrap="nowrap">
            <IconUsers size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            <span className="tabular-nums">
              {t('rat.attendanceValue', {
                present: formatNumber(m.membersPresent),
                total: formatNumber(m.membersTotal),
                pct,
              })}
            </span>
          </Group>
        </Field>
        <Field label={t('rat.quorum')}>
          {m.quorumRequired === null && m.quorum !== undefined ? (
            <Group gap={4} wrap="nowrap">
              {m.quorumMet ? (
                <IconCheck size={14} color="var(--mantine-color-green-7)" />
              ) : (
                <IconX size={14} color="var(--mantine-color-red-7)" />
              )}
              <Text size="sm" c={m.quorumMet ? undefined : 'red.8'} span>
                {t('desk.rat.quorumDefault', {
                  required: formatNumber(m.quorum),
                  state: m.quorumMet ? t('rat.quorumMet') : t('rat.quorumNotMet'),
                })}
              </Text>
            </Group>
          ) : m.quorumRequired !== null ? (
            <Group gap={4} wrap="nowrap">
              {m.quorumMet ? (
                <IconCheck size={14} color="var(--mantine-color-green-7)" />
              ) : (
                <IconX size={14} color="var(--mantine-color-red-7)" />
              )}
              <Text size="sm" c={m.quorumMet ? undefined : 'red.8'} span>
                {t('rat.quorumValue', {
                  required: formatNumber(m.quorumRequired),
                  state: m.quorumMet ? t('rat.quorumMet') : t('rat.quorumNotMet'),
                })}
              </Text>
            </Group>
          ) : null}
        </Field>
        <Field label={t('rat.reportedToOdsOn')}>
          <Group gap={4} wrap="wrap">
            <Text
              size="sm"
              span
              c={m.reportedToOdsOn ? (odsLate ? 'orange.9' : undefined) : 'dimmed'}
              data-testid="rat-ods"
            >
              {m.reportedToOdsOn ? formatDate(m.reportedToOdsOn) : t('rat.odsNotYet')}
            </Text>
            {odsLate && (
              <Text size="xs" c="orange.9" span>
                ({t('rat.odsLate')})
              </Text>
            )}
            {canEdit && (
              <Tooltip label={t('rat.editOds')}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  onClick={onOds}
                  aria-label={`${t('rat.editOds')} ${m.fiscalYear}`}
                >
                  <IconSend size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Field>
      </SimpleGrid>
      {m.verification?.status === 'RETURNED' && m.verification.reason && (
        <Text size="sm" c="red.8" mt="xs" data-testid="verification-reason">
          {t('desk.verification.returnedReason', { reason: m.verification.reason })}
        </Text>
      )}
      {m.verification?.status === 'PENDING' && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('desk.verification.pendingHint')}
        </Text>
      )}
      {m.quorumMet === false && (
        <Text size="xs" c="red.8" mt="xs">
          {t('desk.rat.noQuorumNotHeld')}
        </Text>
      )}
      {m.memberCountMismatch && (
        <Text size="xs" c="orange.9" mt="xs" data-testid="rat-member-mismatch">
          {t('desk.rat.memberMismatch')}
        </Text>
      )}
      <Group gap={6} mt="xs" wrap="wrap">
        {AGENDA_ITEMS.map((k) => (
          <Badge
            key={k}
            size="sm"
            variant={m.agenda[k] ? 'light' : 'outline'}
            color={m.agenda[k] ? 'sambang' : 'gray'}
            leftSection={m.agenda[k] ? <IconCheck size={10} /> : <IconX size={10} />}
            style={{ textTransform: 'none' }}
          >
            {t(`rat.agendaItems.${k}`)}
          </Badge>
        ))}
      </Group>
      {m.notes && (
        <Text size="sm" mt="xs" c="dimmed" className="break-anywhere">
          {m.notes}
        </Text>
      )}
    </Card>
  );
}
