import { Alert, Anchor, Badge, Button, Card, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VerificationItem } from '../../lib/desk';
import { formatDateTime } from '../../lib/format';

/** One filing in the queue: what it is, who filed it when, and (with `can.decide`) verify or return. */
export function FilingCard({
  item,
  canDecide,
  verifying,
  onVerify,
  onReturn,
}: {
  item: VerificationItem;
  canDecide: boolean;
  verifying: boolean;
  onVerify: () => void;
  onReturn: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="queue-item" data-kind={item.kind} data-coop={item.cooperative.id}>
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
              onClick={onVerify}
              loading={verifying}
              data-testid="queue-verify"
            >
              {t('desk.queue.verify')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={onReturn}
              data-testid="queue-return"
            >
              {t('desk.queue.return')}
            </Button>
          </Group>
        )}
      </Group>
    </Card>
  );
}
