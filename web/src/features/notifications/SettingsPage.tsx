import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { IconCalendar, IconCheck, IconCopy, IconMail, IconMailOff, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageHeader } from '../../components/common';
import { ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import {
  type Channel,
  fetchCalendar,
  fetchMailLog,
  retryMail,
  rotateCalendar,
  saveDigestHour,
  useNotificationSettings,
  useSaveSettings,
} from './api';

const STATUS_COLOR = { pending: 'yellow', sending: 'blue', sent: 'green', failed: 'red' } as const;

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

function OfficeCard({ digestHour }: { digestHour: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [hour, setHour] = useState<number>(digestHour);
  const [status, setStatus] = useState<string | null>(null);
  const log = useQuery({ queryKey: ['mail-log', status], queryFn: () => fetchMailLog(status) });
  const save = useMutation({
    mutationFn: () => saveDigestHour(hour),
    onSuccess: () => {
      toast.show({ color: 'green', message: t('notifications.digestSaved') });
      void qc.invalidateQueries({ queryKey: ['notification-settings'] });
    },
  });
  const retry = useMutation({
    mutationFn: retryMail,
    onSuccess: () => {
      toast.show({ color: 'green', message: t('notifications.mailRetried') });
      void log.refetch();
    },
  });
  const counts = log.data?.counts ?? {};
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('notifications.office')}
      </Title>
      <Group align="flex-end" gap="xs" mb="md">
        <NumberInput
          label={t('notifications.digestHour')}
          min={0}
          max={23}
          value={hour}
          onChange={(v) => setHour(typeof v === 'number' ? v : 0)}
          w={260}
        />
        <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
      <Title order={3} size="h5">
        {t('notifications.mailLog')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('notifications.mailLogHint')}
      </Text>
      <Select
        size="xs"
        mb="xs"
        w={240}
        aria-label={t('notifications.mailLog')}
        allowDeselect={false}
        value={status ?? 'all'}
        onChange={(v) => setStatus(!v || v === 'all' ? null : v)}
        data={[
          { value: 'all', label: 'Semua' },
          {
            value: 'pending',
            label: `${t('notifications.mailStatus.pending')} (${(counts.pending ?? 0) + (counts.sending ?? 0)})`,
          },
          { value: 'sent', label: `${t('notifications.mailStatus.sent')} (${counts.sent ?? 0})` },
          { value: 'failed', label: `${t('notifications.mailStatus.failed')} (${counts.failed ?? 0})` },
        ]}
      />
      {log.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notifications.mailNone')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped fz="xs" data-testid="mail-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Waktu</Table.Th>
                <Table.Th>{t('notifications.mailTo')}</Table.Th>
                <Table.Th>{t('notifications.mailSubject')}</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>{t('notifications.mailAttempts')}</Table.Th>
                <Table.Th>{t('notifications.mailError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data?.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.sentAt ?? m.createdAt)}</Table.Td>
                  <Table.Td>{m.to}</Table.Td>
                  <Table.Td>{m.subject}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge size="xs" color={STATUS_COLOR[m.status]} variant="light" style={{ overflow: 'visible' }}>
                      {t(`notifications.mailStatus.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.attempts}</Table.Td>
                  <Table.Td>
                    {m.lastError ?? '—'}
                    {m.status === 'failed' && (
                      <Button size="compact-xs" variant="subtle" ml={4} onClick={() => retry.mutate(m.id)}>
                        {t('notifications.mailRetry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
  const relevant = s.kinds.filter((k) =>
    me?.role === 'koperasi'
      ? ['follow_up.', 'rat.', 'concern.reply', ...forCooperative].some((p) => k.kind.startsWith(p))
      : !forCooperative.includes(k.kind) &&
        (k.kind !== 'verification.pending' ||
          me?.role === 'admin' ||
          (me?.role === 'petugas' && me.bidang === 'koperasi')),
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
        {me?.role === 'admin' && <OfficeCard digestHour={s.digestHour} />}
      </Stack>
    </>
  );
}
