import '../i18n/papers';
import { useEffect, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconLock, IconLockOpen, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, buildQuery, get, patch, post } from '../lib/api';
import { useMe } from '../lib/auth';
import { formatCount, formatDateTime } from '../lib/format';
import { toOptions, useCodeList, useLabel } from '../lib/meta';
import type { Bidang, Page, Role, User } from '../lib/types';
import { useUrlParams } from '../lib/useUrlParams';
import { ConfirmModal } from '../components/ConfirmModal';
import { CoopPicker } from '../components/CoopPicker';
import { EmptyText, ErrorState, ListPagination, PageHeader, SecretBox, useDebounced } from '../components/common';

const PAGE_SIZE = 20;
const KEYS = ['q', 'role'] as const;
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

function UserModal({ user, onClose, onTemporaryPassword }: { user: User | null; onClose: () => void; onTemporaryPassword: (username: string, pw: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const roles = useCodeList('roles');
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
  const setField = <K extends keyof UserForm>(k: K, v: UserForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      user ? patch<{ user: User }>(`/users/${user.id}`, body) : post<{ user: User; temporaryPassword?: string }>('/users', body),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      const created = res as { user: User; temporaryPassword?: string };
      notifications.show({ color: 'green', message: user ? t('users.updated') : t('users.created', { username: created.user.username }) });
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
    if (form.role === 'petugas' && !form.bidang) errs.bidang = t('users.bidangRequired');
    if (form.role === 'koperasi' && !form.cooperativeId) errs.cooperativeId = t('users.cooperativeRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = {
      fullName: form.fullName.trim(),
      role: form.role,
      bidang: form.role === 'petugas' ? form.bidang : null,
      cooperativeId: form.role === 'koperasi' ? form.cooperativeId : null,
      email: form.email.trim() === '' ? null : form.email.trim(),
      // Officers' identity, printed under their signature on official documents.
      ...(form.role !== 'koperasi' ? { nip: form.nip.trim() || null, rank: form.rank.trim() || null, position: form.position.trim() || null } : {}),
    };
    if (!user) {
      body.username = form.username.trim();
      if (form.password) body.password = form.password;
    }
    save.mutate(body);
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{user ? t('users.editTitle', { username: user.username }) : t('users.addTitle')}</Text>} size="lg" fullScreen={isMobile}>
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
            <TextInput label={t('users.fullName')} description={user ? undefined : ' '} required value={form.fullName} onChange={(e) => setField('fullName', e.currentTarget.value)} error={errors.fullName} />
            <Select label={t('users.role')} required data={toOptions(roles)} value={form.role} onChange={(v) => setField('role', v as Role | null)} error={errors.role} allowDeselect={false} />
            {form.role === 'petugas' && (
              <Select label={t('users.bidang')} required data={toOptions(bidang)} value={form.bidang} onChange={(v) => setField('bidang', v as Bidang | null)} error={errors.bidang} />
            )}
          </SimpleGrid>
          {form.role === 'koperasi' && (
            <CoopPicker
              label={t('users.cooperative')}
              required
              value={form.cooperativeId}
              onChange={(id) => setField('cooperativeId', id)}
              error={errors.cooperativeId}
              initial={user?.cooperative ?? null}
            />
          )}
          <TextInput label={t('users.email')} description={t('users.emailHint')} type="email" value={form.email} onChange={(e) => setField('email', e.currentTarget.value)} error={errors.email} autoComplete="off" />
          {form.role && form.role !== 'koperasi' && (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <TextInput label={t('usersIdentity.nip')} description={t('usersIdentity.nipHint')} value={form.nip} onChange={(e) => setField('nip', e.currentTarget.value)} error={errors.nip} inputMode="numeric" />
              <TextInput label={t('usersIdentity.rank')} description={t('usersIdentity.rankHint')} value={form.rank} onChange={(e) => setField('rank', e.currentTarget.value)} error={errors.rank} />
              <TextInput label={t('usersIdentity.position')} description=" " value={form.position} onChange={(e) => setField('position', e.currentTarget.value)} error={errors.position} />
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
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { values, page, set } = useUrlParams(KEYS);
  const roles = useCodeList('roles');
  const roleLabel = useLabel('roles');
  const bidangLabel = useLabel('bidang');
  const [search, setSearch] = useState(values.q);
  const debounced = useDebounced(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) set({ q: debounced.trim() || null }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  const query = useQuery({
    queryKey: ['users', values, page],
    queryFn: ({ signal }) => get<Page<User>>(`/users${buildQuery({ search: values.q, role: values.role, page, pageSize: PAGE_SIZE })}`, signal),
    placeholderData: keepPreviousData,
  });

  const toggle = useMutation({
    mutationFn: (u: User) => patch<{ user: User }>(`/users/${u.id}`, { disabled: !u.disabled }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: t('users.updated') });
      setToggling(null);
    },
  });
  const reset = useMutation({
    mutationFn: (u: User) => post<{ user: User; temporaryPassword: string }>(`/users/${u.id}/reset-password`),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      setResetting(null);
      setSecret({ username: res.user.username, password: res.temporaryPassword });
    },
  });

  const data = query.data;

  const rowMenu = (u: User) => {
    const self = me && String(me.id) === String(u.id);
    return (
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.actions')} ${u.username}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Menu.Item>
          {!self && (
            <Menu.Item
              color={u.disabled ? undefined : 'red'}
              leftSection={u.disabled ? <IconLockOpen size={16} /> : <IconLock size={16} />}
              onClick={() => (u.disabled ? toggle.mutate(u) : setToggling(u))}
            >
              {u.disabled ? t('users.enable') : t('users.disable')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    );
  };

  const roleCell = (u: User) => (
    <>
      <Text size="sm">{roleLabel(u.role)}</Text>
      {(u.bidang || u.cooperative) && (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {u.bidang ? bidangLabel(u.bidang) : u.cooperative?.name}
        </Text>
      )}
      {u.position && (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {u.position}
          {u.nip ? ` · NIP ${u.nip}` : ''}
        </Text>
      )}
    </>
  );

  const statusBadges = (u: User) => (
    <Group gap={4}>
      <Badge size="sm" variant="light" color={u.disabled ? 'gray' : 'green'}>
        {u.disabled ? t('users.disabled') : t('users.active')}
      </Badge>
      {u.mustChangePassword && (
        <Badge size="sm" variant="outline" color="yellow">
          {t('users.mustChange')}
        </Badge>
      )}
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={data ? formatCount(data.total, 'pengguna') : <Skeleton h={16} w={80} />}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            {t('users.add')}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
          />
          <Select
            aria-label={t('users.role')}
            placeholder={t('users.allRoles')}
            data={toOptions(roles)}
            value={values.role || null}
            onChange={(v) => set({ role: v })}
            clearable
          />
        </SimpleGrid>
      </Paper>

      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Skeleton h={240} />
      ) : data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('common.noResults')}</EmptyText>
        </Paper>
      ) : isMobile ? (
        <Stack gap="xs">
          {data.items.map((u) => (
            <Card key={u.id} withBorder padding="sm" data-testid="user-item">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" className="break-anywhere">
                    {u.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.username}
                  </Text>
                  <div>{roleCell(u)}</div>
                  <Group gap={4} mt={4}>
                    {statusBadges(u)}
                  </Group>
                </Stack>
                {rowMenu(u)}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden', opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('users.fullName')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.lastLogin')}</Table.Th>
                  <Table.Th w={60} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id} data-testid="user-item">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {u.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={280}>{roleCell(u)}</Table.Td>
                    <Table.Td>{statusBadges(u)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}</Text>
                    </Table.Td>
                    <Table.Td>{rowMenu(u)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {data && <ListPagination page={page} pageSize={data.pageSize || PAGE_SIZE} total={data.total} onChange={(p) => set({ page: p })} />}

      {editing && (
        <UserModal
          key={editing === 'new' ? 'new' : String(editing.id)}
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onTemporaryPassword={(username, password) => setSecret({ username, password })}
        />
      )}
      <ConfirmModal
        opened={!!toggling}
        onClose={() => setToggling(null)}
        onConfirm={() => toggling && toggle.mutate(toggling)}
        loading={toggle.isPending}
        title={t('users.disableConfirmTitle', { username: toggling?.username ?? '' })}
        confirmLabel={t('users.disable')}
      >
        {t('users.disableConfirmText')}
      </ConfirmModal>
      <ConfirmModal
        opened={!!resetting}
        onClose={() => setResetting(null)}
        onConfirm={() => resetting && reset.mutate(resetting)}
        loading={reset.isPending}
        title={t('users.resetConfirmTitle', { username: resetting?.username ?? '' })}
        confirmLabel={t('users.resetPassword')}
        color="orange"
      >
        {t('users.resetConfirmText')}
      </ConfirmModal>
      <Modal opened={!!secret} onClose={() => setSecret(null)} title={<Text fw={600}>{t('users.tempTitle')}</Text>} centered closeOnClickOutside={false}>
        {secret && (
          <Stack gap="md">
            <Text size="sm">{t('users.tempText', { username: secret.username })}</Text>
            <SecretBox value={secret.password} />
            <Alert color="yellow" variant="light" py="xs">
              {t('users.tempShownOnce')}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={() => setSecret(null)}>{t('common.close')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
