import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, sumCounts } from '../../../lib/format';
import { useLabel } from '../../../lib/meta';
import type { Coop } from '../../../lib/types';

export function Section({
  title,
  badge,
  children,
  testId,
}: {
  title: string;
  badge?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group gap="xs" mb="sm" wrap="wrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        {badge}
      </Group>
      {children}
    </Card>
  );
}
/** What a filed change of officers means while it waits, or why it came back. */
export function OfficersFiling({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const roleLabel = useLabel('officerRoles');
  const v = coop.officersVerification;
  if (!v || v.status === 'VERIFIED') return null;
  if (v.status === 'RETURNED') {
    return (
      <Alert color="red" variant="light" mb="sm" p="xs" data-testid="officers-returned">
        <Text size="sm">{t('desk.officers.returned')}</Text>
        {v.reason && (
          <Text size="sm" c="red.8" fw={500} className="break-anywhere" data-testid="verification-reason">
            {t('desk.verification.returnedReason', { reason: v.reason })}
          </Text>
        )}
      </Alert>
    );
  }
  const official = v.official ?? [];
  return (
    <Alert color="yellow" variant="light" mb="sm" p="xs" data-testid="officers-pending">
      <Text size="sm">{official.length ? t('desk.officers.pending') : t('desk.officers.pendingNone')}</Text>
      {official.length > 0 && (
        <Text size="sm" fw={500} className="break-anywhere" data-testid="officers-official">
          {official.map((o) => `${o.name} (${roleLabel(o.role).toLowerCase()})`).join(', ')}
        </Text>
      )}
    </Alert>
  );
}
export function CountBlock({
  label,
  male,
  female,
  testId,
}: {
  label: string;
  male: number | null | undefined;
  female: number | null | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap="lg" wrap="wrap" align="flex-end">
        <div>
          <Text size="xl" fw={700} className="tabular-nums" lh={1.1} data-testid={`${testId}-total`}>
            {formatNumber(sumCounts(male, female))}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common.total')}
          </Text>
        </div>
        <div>
          <Text size="md" fw={600} className="tabular-nums" lh={1.1} data-testid={`${testId}-male`}>
            {formatNumber(male)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common.maleLong')}
          </Text>
        </div>
        <div>
          <Text size="md" fw={600} className="tabular-nums" lh={1.1} data-testid={`${testId}-female`}>
            {formatNumber(female)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common.femaleLong')}
          </Text>
        </div>
      </Group>
    </Stack>
  );
}
