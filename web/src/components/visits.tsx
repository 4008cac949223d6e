import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Badge, Button, Group, List, Popover, Text, ThemeIcon, Tooltip, type BadgeProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCrown } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../lib/api';
import { formatDate } from '../lib/format';
import {
  VISIT_STATUS_COLORS,
  type Conflict,
  type TeamMember,
  type VisitListItem,
  type VisitPurpose,
  type VisitStatus,
} from '../lib/visits';
import { ConfirmModal } from './ConfirmModal';

/** Small building blocks of the visit-planning screens. */

export function VisitStatusBadge({ status, size = 'sm' }: { status: VisitStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={VISIT_STATUS_COLORS[status]}
      variant={status === 'approved' ? 'filled' : 'light'}
      size={size}
      style={{ flexShrink: 0 }}
      data-testid="visit-status"
      data-status={status}
    >
      {t(`visits.status.${status}`)}
    </Badge>
  );
}

export function PurposeChips({
  purposes,
  size = 'sm',
}: {
  purposes: readonly VisitPurpose[];
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {purposes.map((p) => (
        <Badge
          key={p}
          variant="outline"
          color={p === 'RAT' ? 'grape' : 'gray'}
          size={size}
          tt="none"
          fw={500}
          radius="sm"
        >
          {t(`visits.purposes.${p}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** "Ketua: Nama · 3 petugas" with the rest of the team in the title. */
export function TeamLine({ team, full = false }: { team: readonly TeamMember[]; full?: boolean }) {
  const { t } = useTranslation();
  if (team.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('visits.noTeam')}
      </Text>
    );
  }
  const leader = team.find((m) => m.leader);
  const others = team.filter((m) => !m.leader);
  if (full) {
    return (
      <Group gap={4} wrap="wrap">
        {leader && (
          <Badge
            variant="light"
            color="yellow"
            size="sm"
            tt="none"
            fw={600}
            leftSection={<IconCrown size={12} aria-label={t('visits.leader')} />}
          >
            {leader.fullName}
          </Badge>
        )}
        {others.map((m) => (
          <Badge key={m.userId} variant="default" size="sm" tt="none" fw={500}>
            {m.fullName}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Text
      size="xs"
      c="dimmed"
      title={team.map((m) => m.fullName + (m.leader ? ` (${t('visits.leader')})` : '')).join(', ')}
    >
      <IconCrown
        size={12}
        style={{ verticalAlign: -1, marginRight: 3 }}
        color="var(--mantine-color-yellow-7)"
        aria-label={t('visits.leader')}
      />
      {leader?.fullName ?? '–'}
      {others.length > 0 && ` +${others.length}`}
    </Text>
  );
}

export function conflictText(t: TFunction, c: Conflict): string {
  return t('visits.conflictDetail', { name: c.fullName, others: c.visits.map((v) => v.cooperative.name).join(', ') });
}

/** A red flag when an officer on this visit is booked elsewhere the same day; tap for who and where. */
export function ConflictFlag({ conflicts, compact = false }: { conflicts: readonly Conflict[]; compact?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (conflicts.length === 0) return null;
  return (
    <Popover opened={open} onChange={setOpen} width={280} withArrow shadow="md" position="bottom-start">
      <Popover.Target>
        {compact ? (
          <Tooltip label={t('visits.conflict')}>
            <ThemeIcon
              color="red"
              variant="light"
              size="sm"
              role="button"
              tabIndex={0}
              aria-label={t('visits.conflict')}
              data-testid="conflict-flag"
              onClick={(e) => {
                e.preventDefault();
                e.stopPropagation();
                setOpen((o) => !o);
              }}
            >
              <IconAlertTriangle size={14} />
            </ThemeIcon>
          </Tooltip>
        ) : (
          <Badge
            component="button"
            type="button"
            color="red"
            variant="light"
            size="sm"
            tt="none"
            leftSection={<IconAlertTriangle size={12} />}
            style={{ cursor: 'pointer', border: 0 }}
            data-testid="conflict-flag"
            onClick={(e) => {
              e.preventDefault();
              e.stopPropagation();
              setOpen((o) => !o);
            }}
          >
            {t('visits.conflict')}
          </Badge>
        )}
      </Popover.Target>
      <Popover.Dropdown onClick={(e) => e.stopPropagation()}>
        <Text size="sm" fw={600} mb={4}>
          {t('visits.conflict')}
        </Text>
        <List size="sm" spacing={4}>
          {conflicts.map((c) => (
            <List.Item key={c.userId}>{conflictText(t, c)}</List.Item>
          ))}
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Pimpinan (and admin) approve a planned visit, after a confirm. */
export function ApproveButton({
  visit,
  size = 'xs',
  fullWidth,
  tall,
}: {
  visit: VisitListItem;
  size?: 'xs' | 'sm';
  fullWidth?: boolean;
  tall?: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const approve = useMutation({
    mutationFn: () => post<VisitListItem>(`/visits/${visit.id}/approve`, { version: visit.version }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('visits.approved') });
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['visits'] });
      void qc.invalidateQueries({ queryKey: ['visit', visit.id] });
    },
    onError: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['visits'] });
    },
  });
  // The confirm lives in a portal, yet React bubbles its clicks through this tree: stop them here
  // so a surrounding link or clickable row does not also fire.
  return (
    <span onClick={(e) => e.stopPropagation()} style={{ display: fullWidth ? 'block' : 'inline-block' }}>
      <Button
        size={size}
        color="teal"
        variant="light"
        leftSection={<IconCheck size={14} />}
        fullWidth={fullWidth}
        style={tall ? { minHeight: 40 } : undefined}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="approve-visit"
      >
        {t('visits.approve')}
      </Button>
      <ConfirmModal
        opened={open}
        onClose={() => setOpen(false)}
        onConfirm={() => approve.mutate()}
        title={t('visits.approveTitle')}
        confirmLabel={t('visits.approve')}
        color="teal"
        loading={approve.isPending}
      >
        <Text size="sm">{t('visits.approveBody', { coop: visit.cooperative.name, date: formatDate(visit.date) })}</Text>
        {visit.conflicts.length > 0 && (
          <Text size="sm" c="red.8" mt="xs">
            {t('visits.approveConflict')}
          </Text>
        )}
      </ConfirmModal>
    </span>
  );
}
