import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Notice, useInbox, useMarkRead, useReadAll } from './api';
import { NoticeItem } from './NoticeItem';

/** The bell in the office app's header: unread count, the latest notices, and the way to all of them. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const inbox = useInbox({ limit: 8 });
  const markRead = useMarkRead();
  const readAll = useReadAll();
  const unread = inbox.data?.unread ?? 0;

  const open = (n: Notice) => {
    setOpened(false);
    if (!n.readAt) markRead.mutate(n.id);
    navigate(n.link);
  };

  return (
    // The count sits outside the popover's target: the target must be the button itself, so that
    // its aria-haspopup/aria-expanded land on an element that allows them.
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red"
      offset={6}
      disabled={unread === 0}
      data-testid="bell-count"
      data-count={unread}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        shadow="md"
        width="min(380px, calc(100vw - 16px))"
        withArrow
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            data-testid="bell"
          >
            <IconBell size={22} stroke={1.7} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <Group justify="space-between" px="sm" py={8} wrap="nowrap">
            <Text fw={700} size="sm">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => readAll.mutate()} loading={readAll.isPending}>
                {t('notifications.markAll')}
              </Button>
            )}
          </Group>
          <Divider />
          <ScrollArea.Autosize mah="min(60vh, 460px)">
            <Stack gap={4} p={6}>
              {inbox.data?.items.length === 0 && (
                <Text size="sm" c="dimmed" p="sm">
                  {t('notifications.none')}
                </Text>
              )}
              {inbox.data?.items.map((n) => (
                <NoticeItem key={n.id} notice={n} onOpen={open} compact />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Divider />
          <Group justify="space-between" px="sm" py={6}>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => {
                setOpened(false);
                navigate('/notifikasi');
              }}
            >
              {t('notifications.showAll')}
            </Button>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => {
                setOpened(false);
                navigate('/notifikasi/pengaturan');
              }}
              aria-label={t('notifications.settings')}
            >
              <IconSettings size={18} />
            </ActionIcon>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
