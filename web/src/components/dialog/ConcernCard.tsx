import type { ReactNode } from 'react';
import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import type { Concern } from '../../lib/dialog';
import { formatDate } from '../../lib/format';
import { ConcernStatusBadge, SeverityBadge } from './badges';

/**
 * One concern as a card: kind and topic, what was said and by whom, status. Unseen ones (for the
 * Dinas) stand out with a coloured edge and a "Baru" badge. Presentational: the caller decides
 * what opening it does.
 */
export function ConcernCard({
  concern,
  onOpen,
  showCooperative = true,
  highlightUnseen = false,
  footer,
}: {
  concern: Concern;
  onOpen?: () => void;
  showCooperative?: boolean;
  highlightUnseen?: boolean;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const unseen = highlightUnseen && !concern.seenAt;
  const body = (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="wrap">
          {unseen && (
            <Badge color="sambang" variant="filled" size="sm" data-testid="unseen-badge">
              {t('dialog.unseen')}
            </Badge>
          )}
          <Text fw={700} size="sm">
            {t(`dialog.kinds.${concern.kind}`)} · {t(`dialog.topics.${concern.topic}`)}
          </Text>
        </Group>
        {showCooperative && (
          <Text size="sm" fw={600} c="sambang.8" className="break-anywhere" lh={1.3}>
            {concern.cooperative.name}
          </Text>
        )}
        <Text size="sm" lineClamp={3} className="break-anywhere" fw={unseen ? 500 : undefined}>
          {concern.description}
        </Text>
        <Text size="xs" c="dimmed">
          {concern.raisedBy} · {t(`dialog.raisedViaShort.${concern.raisedVia}`)} · {formatDate(concern.createdAt)}
        </Text>
        <Group gap={6} wrap="wrap" mt={2}>
          <ConcernStatusBadge status={concern.status} size="sm" />
          <SeverityBadge severity={concern.severity} size="sm" />
          {concern.followUps > 0 && (
            <Badge
              variant="default"
              size="sm"
              leftSection={<IconListCheck size={12} />}
              style={{ textTransform: 'none' }}
            >
              {t('dialog.followUpsCount', { n: concern.followUps })}
            </Badge>
          )}
        </Group>
        {footer}
      </Stack>
      {onOpen && (
        <IconChevronRight size={18} color="var(--mantine-color-gray-5)" style={{ flexShrink: 0, marginTop: 2 }} />
      )}
    </Group>
  );
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="concern-card"
      data-unseen={unseen ? 'true' : 'false'}
      style={{
        borderLeft: unseen ? '4px solid var(--mantine-color-sambang-6)' : undefined,
        background: unseen ? 'var(--mantine-color-sambang-0)' : undefined,
      }}
    >
      {onOpen ? (
        <UnstyledButton
          onClick={onOpen}
          style={{ display: 'block', width: '100%' }}
          aria-label={`${t(`dialog.kinds.${concern.kind}`)}: ${concern.description.slice(0, 60)}`}
        >
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Card>
  );
}
