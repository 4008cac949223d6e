import '../i18n/papers';
import { useState } from 'react';
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
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconLock, IconLockOpen, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/auth';
import { formatCount, formatDateTime } from '../lib/format';
import { toOptions, useCodeList, useLabel } from '../lib/meta';
import type { User } from '../lib/types';
import { ListResults, ListTable, SearchBox, useListState, useUrlSearch } from '../components/ListScaffold';
import { ConfirmModal } from '../components/ConfirmModal';
import { PageHeader, SecretBox } from '../components/common';

const PAGE_SIZE = 20;
const KEYS = ['q', 'role'] as const;
import { UserModal } from '../features/users/UserModal';
import { useUserList, useUserActions } from '../features/users/api';

export default function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { values, page, set, isMobile, goToPage } = useListState(KEYS);
  const roles = useCodeList('roles');
  const roleLabel = useLabel('roles');
  const bidangLabel = useLabel('bidang');
  const [search, setSearch] = useUrlSearch(values.q, (q) => set({ q }, { replace: true }));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  const query = useUserList(values, page, PAGE_SIZE);
  const { toggle, reset } = useUserActions({
    onToggled: () => {
      notifications.show({ color: 'green', message: t('users.updated') });
      setToggling(null);
    },
    onReset: (res) => {
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
          <SearchBox value={search} onChange={setSearch} placeholder={t('users.searchPlaceholder')} />
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

      <ListResults query={query} page={page} pageSize={PAGE_SIZE} onPage={goToPage} empty={t('common.noResults')}>
        {(items) =>
          isMobile ? (
            <Stack gap="xs">
              {items.map((u) => (
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
            <ListTable
              minWidth={800}
              columns={[
                { label: t('users.fullName') },
                { label: t('users.role') },
                { label: t('users.status') },
                { label: t('users.lastLogin') },
                { label: null, w: 60 },
              ]}
            >
              {items.map((u) => (
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
            </ListTable>
          )
        }
      </ListResults>

      {editing && (
        <UserModal
          key={editing === 'new' ? 'new' : String(editing.id)}
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onTemporaryPassword={(username, password) => setSecret({ username, password })}
          roles={data?.roles ?? []}
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
      <Modal
        opened={!!secret}
        onClose={() => setSecret(null)}
        title={<Text fw={600}>{t('users.tempTitle')}</Text>}
        centered
        closeOnClickOutside={false}
      >
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
