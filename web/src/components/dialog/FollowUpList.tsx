import { useState } from 'react';
import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import type { FollowUp } from '../../lib/dialog';
import { EmptyText } from '../common';
import { FollowUpCard } from './FollowUpCard';
import { FollowUpStatusModal } from './FollowUpStatusModal';

/** The status buttons a user may press on one follow-up (its `can`, from the follow-up policy). */
export function FollowUpActions({
  followUp: f,
  onPick,
}: {
  followUp: FollowUp;
  onPick: (to: 'in_progress' | 'done' | 'cancelled') => void;
}) {
  const { t } = useTranslation();
  if (f.status === 'done' || f.status === 'cancelled') return null;
  const { progress, cancel } = f.can;
  if (!progress && !cancel) return null;
  return (
    <>
      {progress && f.status === 'open' && (
        <Button
          size="sm"
          variant="light"
          leftSection={<IconPlayerPlay size={15} />}
          onClick={() => onPick('in_progress')}
          data-testid="action-start"
        >
          {t('dialog.startWork')}
        </Button>
      )}
      {progress && (
        <Button
          size="sm"
          variant="light"
          color="green"
          leftSection={<IconCheck size={15} />}
          onClick={() => onPick('done')}
          data-testid="action-done"
        >
          {t('dialog.markDone')}
        </Button>
      )}
      {cancel && (
        <Button
          size="sm"
          variant="subtle"
          color="gray"
          leftSection={<IconX size={15} />}
          onClick={() => onPick('cancelled')}
          data-testid="action-cancel"
        >
          {t('dialog.cancelFollowUp')}
        </Button>
      )}
    </>
  );
}

/** Follow-up cards with their status actions and the status modal. */
export function FollowUpList({
  items,
  loading,
  emptyText,
  showCooperative = true,
}: {
  items: FollowUp[] | undefined;
  loading?: boolean;
  emptyText: string;
  showCooperative?: boolean;
}) {
  const [editing, setEditing] = useState<{ f: FollowUp; to: 'in_progress' | 'done' | 'cancelled' } | null>(null);
  if (!items || loading) {
    return (
      <Stack gap="xs">
        <Skeleton h={90} />
        <Skeleton h={90} />
      </Stack>
    );
  }
  if (items.length === 0)
    return (
      <Paper withBorder>
        <EmptyText>{emptyText}</EmptyText>
      </Paper>
    );
  return (
    <Stack gap="xs" data-testid="follow-up-list">
      {items.map((f) => (
        <FollowUpCard
          key={f.id}
          followUp={f}
          showCooperative={showCooperative}
          actions={<FollowUpActions followUp={f} onPick={(to) => setEditing({ f, to })} />}
        />
      ))}
      {editing && (
        <FollowUpStatusModal
          key={editing.f.id + editing.to}
          followUp={editing.f}
          initial={editing.to}
          canCancel={editing.f.can.cancel}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
