import { Alert, Button, Card, Code, CopyButton, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { IconCalendar, IconCheck, IconCopy, IconMail, IconMailOff, IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageHeader } from '../../components/common';
import { ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { OfficeCard } from './OfficeCard';
import { type Channel, fetchCalendar, rotateCalendar, useNotificationSettings, useSaveSettings } from './api';

function CalendarCard() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const show = useMutation({ mutationFn: fetchCalendar, onSuccess: (r) => setUrl(r.url) });
  const rotate = useMutation({
    mutationFn: rotateCalendar,
    onSuccess: (r) => {
      setUrl(r.url);
      toast.show({ color: 'green', message: t('notifications.calendarRotated') });
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Group gap="xs" mb={4}>
        <IconCalendar size={18} />
        <Title order={2} size="h4">
          {t('notifications.calendar')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notifications.calendarHint')}
      </Text>
      {url ? (
        <Stack gap="xs">
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="calendar-url">
            {url}
          </Code>
          <Group gap="xs">
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                >
                  {copied ? 'Tersalin' : 'Salin'}
                </Button>
              )}
            </CopyButton>
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconRefresh size={14} />}
              loading={rotate.isPending}
              onClick={() => window.confirm(t('notifications.calendarRotateConfirm')) && rotate.mutate()}
            >
              {t('notifications.calendarRotate')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button size="sm" variant="light" onClick={() => show.mutate()} loading={show.isPending}>
          {t('notifications.calendarShow')}
        </Button>
      )}
    </Card>
  );
}

export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const settings = useNotificationSettings();
  const save = useSaveSettings();
  const [email, setEmail] = useState('');
  const [kinds, setKinds] = useState<Record<string, Channel>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!settings.data) return;
    setEmail(settings.data.email ?? '');
    setKinds(Object.fromEntries(settings.data.kinds.map((k) => [k.kind, k.channel])));
  }, [settings.data]);

  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  if (!s) return null;
  // Koperasi accounts never receive Dinas-only kinds; show the ones that can reach them. Filings
  // waiting for verification reach the officers who verify (admins, Bidang Koperasi), their verdicts the cooperative.
  const forCooperative = ['verification.returned', 'verification.verified'];
  const can = me?.abilities;
  const relevant = s.kinds.filter((k) =>
    can?.portal
      ? ['follow_up.', 'rat.', 'concern.reply', ...forCooperative].some((p) => k.kind.startsWith(p))
      : !forCooperative.includes(k.kind) && (k.kind !== 'verification.pending' || !!can?.verifiesFilings),
  );

  const submit = () => {
    setErrors({});
    save.mutate(
      { email: email.trim() === '' ? null : email.trim(), kinds },
      {
        onSuccess: () => toast.show({ color: 'green', message: t('notifications.saved') }),
        onError: (e) => e instanceof ApiError && setErrors(e.fields),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('notifications.settingsTitle')} subtitle={t('notifications.settingsSubtitle')} />
      <Stack gap="md" maw={860}>
        <Alert
          color={s.smtpConfigured ? 'green' : 'yellow'}
          icon={s.smtpConfigured ? <IconMail size={18} /> : <IconMailOff size={18} />}
          data-testid="smtp-status"
        >
          {s.smtpConfigured ? t('notifications.smtpOn') : t('notifications.smtpOff')}
        </Alert>
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <TextInput
              label={t('notifications.email')}
              description={t('notifications.emailHint')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              autoComplete="email"
            />
            <div>
              <Text fw={600} size="sm">
                {t('notifications.perKind')}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {t('notifications.perKindHint', { hour: String(s.digestHour).padStart(2, '0') })}
              </Text>
              <Stack gap={6}>
                {relevant.map((k) => (
                  <Group
                    key={k.kind}
                    justify="space-between"
                    gap="xs"
                    wrap="wrap"
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', paddingBottom: 6 }}
                  >
                    <Text size="sm" style={{ flex: '1 1 200px' }}>
                      {k.label}
                    </Text>
                    <Select
                      size="xs"
                      w={210}
                      aria-label={k.label}
                      data={s.channels.map((c) => ({ value: c.code, label: c.label }))}
                      value={kinds[k.kind] ?? k.channel}
                      onChange={(v) => v && setKinds((prev) => ({ ...prev, [k.kind]: v as Channel }))}
                      allowDeselect={false}
                    />
                  </Group>
                ))}
              </Stack>
            </div>
            <Group justify="flex-end">
              <Button onClick={submit} loading={save.isPending}>
                {t('notifications.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <CalendarCard />
        {can?.manageUsers && <OfficeCard digestHour={s.digestHour} />}
      </Stack>
    </>
  );
}
