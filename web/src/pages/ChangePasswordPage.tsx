import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../lib/api';
import { homePath, meQueryKey, useMe } from '../lib/auth';
import type { Me } from '../lib/types';
import { Logo } from '../components/Brand';
import { useLogout } from '../components/useLogout';
import { usePageTitle } from '../lib/pageTitle';

const MIN_LENGTH = 8;

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.changePassword'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const logout = useLogout();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const mutation = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      post<{ user: Me }>('/auth/change-password', body),
    meta: { silent: true },
    onSuccess: ({ user }) => {
      qc.setQueryData(meQueryKey, user);
      notifications.show({ color: 'green', message: t('changePassword.success') });
      navigate(homePath({ ...user, mustChangePassword: false }), { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!current) errs.currentPassword = t('changePassword.required');
    if (!next) errs.newPassword = t('changePassword.required');
    else if (next.length < MIN_LENGTH) errs.newPassword = t('changePassword.tooShort', { min: MIN_LENGTH });
    else if (next === current) errs.newPassword = t('changePassword.sameAsOld');
    if (!errs.newPassword && confirm !== next) errs.confirm = t('changePassword.mismatch');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    mutation.mutate({ currentPassword: current, newPassword: next });
  };

  const forced = !!me?.mustChangePassword;
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const showAlert = mutation.error && !(apiError && Object.keys(apiError.fields).length);

  return (
    <Box mih="100vh" bg="gray.0" py={{ base: 'md', sm: 60 }} px="md">
      <Center>
        <Stack w="100%" maw={440} gap="lg">
          <Group gap="sm" justify="center">
            <Logo size={40} />
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t('changePassword.title')}
                </Title>
                {me && (
                  <Text size="sm">
                    {me.fullName}{' '}
                    <Text span c="dimmed">
                      ({me.username})
                    </Text>
                  </Text>
                )}
                <Alert color={forced ? 'yellow' : 'blue'} variant="light">
                  {forced ? t('changePassword.forcedIntro') : t('changePassword.intro')}
                </Alert>
                {showAlert && (
                  <Alert color="red" variant="light" role="alert">
                    {mutation.error?.message}
                  </Alert>
                )}
                <PasswordInput
                  label={t('changePassword.current')}
                  autoComplete="current-password"
                  value={current}
                  onChange={(e) => setCurrent(e.currentTarget.value)}
                  error={errors.currentPassword}
                  autoFocus
                />
                <PasswordInput
                  label={t('changePassword.new')}
                  description={t('changePassword.tooShort', { min: MIN_LENGTH })}
                  autoComplete="new-password"
                  value={next}
                  onChange={(e) => setNext(e.currentTarget.value)}
                  error={errors.newPassword}
                />
                <PasswordInput
                  label={t('changePassword.confirm')}
                  autoComplete="new-password"
                  value={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                  error={errors.confirm}
                />
                <Button type="submit" loading={mutation.isPending} fullWidth>
                  {t('changePassword.submit')}
                </Button>
                {forced ? (
                  <Button variant="subtle" color="gray" onClick={() => logout.mutate()} loading={logout.isPending}>
                    {t('nav.logout')}
                  </Button>
                ) : (
                  <Button variant="subtle" color="gray" onClick={() => navigate(-1)}>
                    {t('common.back')}
                  </Button>
                )}
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
