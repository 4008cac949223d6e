import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../lib/api';
import { homePath, meQueryKey, useMe } from '../lib/auth';
import { afterLoginPath } from '../lib/home';
import type { Me } from '../lib/types';
import { Logo } from '../components/Brand';
import { usePageTitle } from '../lib/pageTitle';

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.submit'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});

  const login = useMutation({
    mutationFn: (body: { username: string; password: string }) => post<{ user: Me }>('/auth/login', body),
    meta: { silent: true },
    onSuccess: ({ user }) => {
      qc.clear();
      qc.setQueryData(meQueryKey, user);
      // The header names the user's own office: /meta answers for the session.
      void qc.invalidateQueries({ queryKey: ['meta'] });
      navigate(afterLoginPath(user, params.get('next')), { replace: true });
    },
  });

  if (me && !login.isPending && !login.isSuccess) return <Navigate to={homePath(me)} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!username.trim()) errs.username = t('auth.usernameRequired');
    if (!password) errs.password = t('auth.passwordRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    login.mutate({ username: username.trim(), password });
  };

  const apiError = login.error instanceof ApiError ? login.error : null;
  const errorText = login.error ? (apiError?.message ?? t('errors.generic')) : null;

  return (
    <Box mih="100vh" bg="gray.0" py={{ base: 'md', sm: 60 }} px="md">
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <Logo size={56} />
            <Title order={1} size="h2" ta="center">
              {t('app.name')}
            </Title>
            <Text c="dimmed" ta="center" size="sm">
              {t('app.subtitle')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t('auth.title')}
                </Title>
                {errorText && (
                  <Alert color="red" variant="light" role="alert">
                    {errorText}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={errors.username}
                  data-autofocus
                  autoFocus
                  size="md"
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.password}
                  size="md"
                />
                <Button type="submit" size="md" loading={login.isPending} fullWidth>
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('auth.intro')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
