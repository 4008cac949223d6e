import { Anchor, Box, Button, Group, Text, UnstyledButton } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Notice, relativeTime } from './api';

/** One notice: what (title), the details, when; unread ones stand out. Tapping opens the screen it is about. */
export function NoticeItem({
  notice,
  onOpen,
  onMarkRead,
  compact = false,
}: {
  notice: Notice;
  onOpen: (n: Notice) => void;
  onMarkRead?: (n: Notice) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const unread = !notice.readAt;
  return (
    <Box
      data-testid="notice"
      data-unread={unread ? 'true' : 'false'}
      px="sm"
      py={compact ? 8 : 'sm'}
      style={{
        borderLeft: `3px solid ${unread ? 'var(--mantine-color-sambang-6)' : 'transparent'}`,
        background: unread ? 'var(--mantine-color-sambang-0)' : undefined,
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <UnstyledButton
        onClick={() => onOpen(notice)}
        style={{ display: 'block', width: '100%' }}
        aria-label={notice.title}
      >
        <Text size="sm" fw={unread ? 700 : 500} className="break-anywhere">
          {notice.title}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={compact ? 2 : undefined} className="break-anywhere">
          {notice.body}
        </Text>
      </UnstyledButton>
      <Group justify="space-between" gap="xs" mt={4} wrap="wrap">
        <Text size="xs" c="dimmed">
          {relativeTime(notice.createdAt)}
        </Text>
        {unread && onMarkRead && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => onMarkRead(notice)}
            aria-label={`${t('notifications.markRead')}: ${notice.title}`}
            ml="auto"
          >
            {t('notifications.markRead')}
          </Button>
        )}
        {notice.waLink && !compact && (
          <Button
            component="a"
            href={notice.waLink}
            target="_blank"
            rel="noopener noreferrer"
            size="compact-xs"
            variant="light"
            color="green"
            leftSection={<IconBrandWhatsapp size={14} />}
          >
            {t('notifications.whatsapp')}
          </Button>
        )}
        {notice.waLink && compact && (
          <Anchor href={notice.waLink} target="_blank" rel="noopener noreferrer" size="xs" c="green.8">
            {t('notifications.whatsapp')}
          </Anchor>
        )}
      </Group>
    </Box>
  );
}
