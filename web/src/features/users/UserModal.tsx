import '../../i18n/papers';
import { useState, type FormEvent } from 'react';
import { Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../../lib/api';
import { toOptions, useCodeList } from '../../lib/meta';
import type { AssignableRoleOut } from '@contract/common';
import type { Bidang, Role, User } from '../../lib/types';
import { CoopPicker } from '../../components/CoopPicker';
import { FormActions } from '../../components/FormActions';

const USERNAME_RE = /^[a-z0-9._-]{3,40}$/;

interface UserForm {
  username: string;
  fullName: string;
  role: Role | null;
  bidang: Bidang | null;
  cooperativeId: string | null;
  password: string;
  email: string;
  nip: string;
  rank: string;
  position: string;
}

/** Add or edit one account. */
export function UserModal({
  user,
  onClose,
  onTemporaryPassword,
  roles,
}: {
  user: User | null;
  onClose: () => void;
  onTemporaryPassword: (username: string, pw: string) => void;
  /** The roles the user policy lets this admin give, with what each requires (served with the list). */
  roles: AssignableRoleOut[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const bidang = useCodeList('bidang');
  const [form, setForm] = useState<UserForm>({
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    role: user?.role ?? null,
    bidang: user?.bidang ?? null,
    cooperativeId: user?.cooperative ? String(user.cooperative.id) : null,
    password: '',
    email: user?.email ?? '',
    nip: user?.nip ?? '',
    rank: user?.rank ?? '',
    position: user?.position ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rule = roles.find((r) => r.code === form.role);
  const needsBidang = !!rule?.needsBidang;
  const needsCooperative = !!rule?.needsCooperative;
  const setField = <K extends keyof UserForm>(k: K, v: UserForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      user
        ? patch<{ user: User }>(`/users/${user.id}`, body)
        : post<{ user: User; temporaryPassword?: string }>('/users', body),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      const created = res as { user: User; temporaryPassword?: string };
      notifications.show({
        color: 'green',
        message: user ? t('users.updated') : t('users.created', { username: created.user.username }),
      });
      onClose();
      if (!user && created.temporaryPassword) onTemporaryPassword(created.user.username, created.temporaryPassword);
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!user) {
      if (!form.username.trim()) errs.username = t('common.required');
      else if (!USERNAME_RE.test(form.username.trim())) errs.username = t('users.invalidUsername');
      if (form.password && form.password.length < 8) errs.password = t('users.passwordMin');
    }
    if (!form.fullName.trim()) errs.fullName = t('common.required');
    if (!form.role) errs.role = t('common.required');
    if (needsBidang && !form.bidang) errs.bidang = t('users.bidangRequired');
    if (needsCooperative && !form.cooperativeId) errs.cooperativeId = t('users.cooperativeRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = {
      fullName: form.fullName.trim(),
      role: form.role,
      bidang: needsBidang ? form.bidang : null,
      cooperativeId: needsCooperative ? form.cooperativeId : null,
      email: form.email.trim() === '' ? null : form.email.trim(),
      // Officers' identity, printed under their signature on official documents.
      ...(rule?.signsDocuments
        ? { nip: form.nip.trim() || null, rank: form.rank.trim() || null, position: form.position.trim() || null }
        : {}),
    };
    if (!user) {
      body.username = form.username.trim();
      if (form.password) body.password = form.password;
    }
    save.mutate(body);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{user ? t('users.editTitle', { username: user.username }) : t('users.addTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('users.username')}
              description={user ? undefined : t('users.usernameHint')}
              required
              disabled={!!user}
              value={form.username}
              onChange={(e) => setField('username', e.currentTarget.value.toLowerCase())}
              error={errors.username}
              autoCapitalize="none"
              autoComplete="off"
              data-autofocus
            />
            <TextInput
              label={t('users.fullName')}
              description={user ? undefined : ' '}
              required
              value={form.fullName}
              onChange={(e) => setField('fullName', e.currentTarget.value)}
              error={errors.fullName}
            />
            <Select
              label={t('users.role')}
              required
              data={roles.map((r) => ({ value: r.code, label: r.label }))}
              value={form.role}
              onChange={(v) => setField('role', v as Role | null)}
              error={errors.role}
              allowDeselect={false}
            />
            {needsBidang && (
              <Select
                label={t('users.bidang')}
                required
                data={toOptions(bidang)}
                value={form.bidang}
                onChange={(v) => setField('bidang', v as Bidang | null)}
                error={errors.bidang}
              />
            )}
          </SimpleGrid>
          {needsCooperative && (
            <CoopPicker
              label={t('users.cooperative')}
              required
              value={form.cooperativeId}
              onChange={(id) => setField('cooperativeId', id)}
              error={errors.cooperativeId}
              initial={user?.cooperative ?? null}
            />
          )}
          <TextInput
            label={t('users.email')}
            description={t('users.emailHint')}
            type="email"
            value={form.email}
            onChange={(e) => setField('email', e.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
          />
          {rule?.signsDocuments && (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <TextInput
                label={t('usersIdentity.nip')}
                description={t('usersIdentity.nipHint')}
                value={form.nip}
                onChange={(e) => setField('nip', e.currentTarget.value)}
                error={errors.nip}
                inputMode="numeric"
              />
              <TextInput
                label={t('usersIdentity.rank')}
                description={t('usersIdentity.rankHint')}
                value={form.rank}
                onChange={(e) => setField('rank', e.currentTarget.value)}
                error={errors.rank}
              />
              <TextInput
                label={t('usersIdentity.position')}
                description=" "
                value={form.position}
                onChange={(e) => setField('position', e.currentTarget.value)}
                error={errors.position}
              />
            </SimpleGrid>
          )}
          {!user && (
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHint')}
              value={form.password}
              onChange={(e) => setField('password', e.currentTarget.value)}
              error={errors.password}
              autoComplete="new-password"
            />
          )}
          <FormActions onCancel={onClose} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
