import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import type { ConcernStatus, FollowUp, FollowUpStatus, Severity } from '../../lib/dialog';

const CONCERN_COLORS: Record<ConcernStatus, string> = { open: 'orange', addressed: 'blue', closed: 'green' };
const FOLLOW_UP_COLORS: Record<FollowUpStatus, string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'dark',
};
const SEVERITY_COLORS: Record<Severity, string> = { rendah: 'gray', sedang: 'yellow', tinggi: 'red' };
const base = { style: { flexShrink: 0, textTransform: 'none' as const } };

export function ConcernStatusBadge({ status, size = 'sm' }: { status: ConcernStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={CONCERN_COLORS[status]}
      variant="light"
      size={size}
      {...base}
      data-testid="concern-status"
      data-status={status}
    >
      {t(`dialog.concernStatuses.${status}`)}
    </Badge>
  );
}

export function FollowUpStatusBadge({ status, size = 'sm' }: { status: FollowUpStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={FOLLOW_UP_COLORS[status]}
      variant="light"
      size={size}
      {...base}
      data-testid="follow-up-status"
      data-status={status}
    >
      {t(`dialog.followUpStatuses.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity, size = 'sm' }: { severity: Severity; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEVERITY_COLORS[severity]}
      variant={severity === 'tinggi' ? 'filled' : 'outline'}
      size={size}
      {...base}
      title={t(`dialog.severityLong.${severity}`)}
    >
      {t(`dialog.severities.${severity}`)}
    </Badge>
  );
}

/** Red "Terlambat N hari" for an overdue follow-up; nothing otherwise. */
export function OverdueBadge({
  followUp,
  size = 'sm',
}: {
  followUp: Pick<FollowUp, 'overdue' | 'daysOverdue'>;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  if (!followUp.overdue) return null;
  return (
    <Badge
      color="red"
      variant="filled"
      size={size}
      leftSection={<IconAlertTriangle size={12} />}
      {...base}
      data-testid="overdue-badge"
    >
      {t('dialog.overdueBadge', { n: followUp.daysOverdue })}
    </Badge>
  );
}
