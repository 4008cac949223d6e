import { Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { IconChecks, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorState, PageHeader } from '../../components/common';
import { type Notice, useInbox, useMarkRead, useReadAll } from './api';
import { NoticeItem } from './NoticeItem';

export default function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const inbox = useInbox({ unread: onlyUnread, limit: 200 });
  const markRead = useMarkRead();
  const readAll = useReadAll();
  const open = (n: Notice) => {
    if (!n.readAt) markRead.mutate(n.id);
    navigate(n.link);
  };
  const unread = inbox.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconChecks size={16} />}
              disabled={unread === 0}
              onClick={() => readAll.mutate()}
              loading={readAll.isPending}
            >
              {t('notifications.markAll')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconSettings size={16} />}
              onClick={() => navigate('/notifikasi/pengaturan')}
            >
              {t('notifications.settings')}
            </Button>
          </>
        }
      />
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('notifications.unreadCount', { count: unread })}
        </Text>
        <Switch
          label={t('notifications.onlyUnread')}
          checked={onlyUnread}
          onChange={(e) => setOnlyUnread(e.currentTarget.checked)}
        />
      </Group>
      {inbox.isError && <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />}
      <Card withBorder padding={6} radius="md">
        <Stack gap={6}>
          {inbox.data?.items.length === 0 && (
            <Text c="dimmed" size="sm" p="md">
              {onlyUnread ? t('notifications.noneUnread') : t('notifications.none')}
            </Text>
          )}
          {inbox.data?.items.map((n) => (
            <NoticeItem key={n.id} notice={n} onOpen={open} onMarkRead={(x) => markRead.mutate(x.id)} />
          ))}
        </Stack>
      </Card>
    </>
  );
}
