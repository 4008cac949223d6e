import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../lib/desk';

/** A record's verification state: nothing when it counts, a badge while it waits, the reason when returned. */
export function VerificationBadge({ v, withReason = true }: { v: Verification | undefined; withReason?: boolean }) {
  const { t } = useTranslation();
  if (!v || v.status === 'VERIFIED') return null;
  return (
    <>
      <Badge
        size="sm"
        variant="light"
        color={v.status === 'PENDING' ? 'yellow' : 'red'}
        data-testid="verification-badge"
        data-status={v.status}
        style={{ flexShrink: 0 }}
      >
        {t(`desk.verification.${v.status}`)}
      </Badge>
      {withReason && v.status === 'RETURNED' && v.reason && (
        <Text size="sm" c="red.8" data-testid="verification-reason" className="break-anywhere">
          {t('desk.verification.returnedReason', { reason: v.reason })}
        </Text>
      )}
    </>
  );
}
