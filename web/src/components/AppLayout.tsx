import { Suspense, useEffect } from 'react';
import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBell,
  IconBuildingBank,
  IconBuildingCommunity,
  IconChartPie,
  IconChecklist,
  IconChevronDown,
  IconClipboardCheck,
  IconDeviceMobile,
  IconFileCertificate,
  IconFileImport,
  IconFlag,
  IconHeartbeat,
  IconHistory,
  IconInfoCircle,
  IconKey,
  IconLogout,
  IconMessages,
  IconReportAnalytics,
  IconRoute,
  IconTable,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { homePath, useMe } from '../lib/auth';
import { useLabel } from '../lib/meta';
import { Brand } from './Brand';
import { useLogout } from './useLogout';
import { FullPageLoader } from './FullPageLoader';
import NotificationBell from '../features/notifications/NotificationBell';

interface NavItem {
  to: string;
  label: string;
  icon: typeof IconBuildingBank;
  match: (path: string) => boolean;
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((p) => p[0]?.toUpperCase() ?? '')
      .join('') || '?'
  );
}

export default function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const roleLabel = useLabel('roles');

  useEffect(() => {
    close();
  }, [location.pathname, close]);

  if (!me) return null;

  // The menu follows the user's abilities (GET /auth/me, src/app/policy/app.ts), never the role.
  const can = me.abilities;
  const items: NavItem[] = [];
  if (can.portal) {
    if (me.cooperativeId != null) {
      const to = `/koperasi/${me.cooperativeId}`;
      items.push({ to, label: t('nav.myCooperative'), icon: IconBuildingBank, match: (p) => p.startsWith(to) });
      items.push({
        to: '/aspirasi',
        label: t('nav.concerns'),
        icon: IconMessages,
        match: (p) => p.startsWith('/aspirasi'),
      });
      items.push({
        to: '/tindak-lanjut',
        label: t('nav.followUps'),
        icon: IconChecklist,
        match: (p) => p.startsWith('/tindak-lanjut'),
      });
    }
  } else {
    if (can.dashboard)
      items.push({
        to: '/dasbor',
        label: t('nav.dashboard'),
        icon: IconChartPie,
        match: (p) => p.startsWith('/dasbor'),
      });
    if (can.priorities)
      items.push({
        to: '/prioritas',
        label: t('nav.priorities'),
        icon: IconAlertTriangle,
        match: (p) => p.startsWith('/prioritas'),
      });
    items.push({ to: '/kunjungan', label: t('nav.visits'), icon: IconRoute, match: (p) => p.startsWith('/kunjungan') });
    items.push({
      to: '/aspirasi',
      label: t('nav.concerns'),
      icon: IconMessages,
      match: (p) => p.startsWith('/aspirasi'),
    });
    items.push({
      to: '/tindak-lanjut',
      label: t('nav.followUps'),
      icon: IconChecklist,
      match: (p) => p.startsWith('/tindak-lanjut'),
    });
    items.push({
      to: '/verifikasi',
      label: t('nav.verifications'),
      icon: IconClipboardCheck,
      match: (p) => p.startsWith('/verifikasi'),
    });
    items.push({
      to: '/koperasi',
      label: t('nav.cooperatives'),
      icon: IconBuildingBank,
      match: (p) => p.startsWith('/koperasi'),
    });
    items.push({
      to: '/penilaian',
      label: t('nav.assessments'),
      icon: IconHeartbeat,
      match: (p) => p.startsWith('/penilaian'),
    });
    items.push({ to: '/rubrik', label: t('nav.rubrics'), icon: IconTable, match: (p) => p.startsWith('/rubrik') });
    items.push({ to: '/program', label: t('nav.programs'), icon: IconFlag, match: (p) => p.startsWith('/program') });
    if (can.importData)
      items.push({ to: '/impor', label: t('nav.imports'), icon: IconFileImport, match: (p) => p.startsWith('/impor') });
    items.push({
      to: '/rekap',
      label: t('nav.recap'),
      icon: IconReportAnalytics,
      match: (p) => p.startsWith('/rekap'),
    });
    items.push({
      to: '/dokumen',
      label: t('nav.documents'),
      icon: IconFileCertificate,
      match: (p) => p.startsWith('/dokumen'),
    });
    if (can.fieldMode)
      items.push({
        to: '/lapangan',
        label: t('nav.field'),
        icon: IconDeviceMobile,
        match: (p) => p.startsWith('/lapangan'),
      });
  }
  if (can.manageUsers)
    items.push({ to: '/pengguna', label: t('nav.users'), icon: IconUsers, match: (p) => p.startsWith('/pengguna') });
  if (can.manageOffice)
    items.push({
      to: '/kantor',
      label: t('nav.office'),
      icon: IconBuildingCommunity,
      match: (p) => p.startsWith('/kantor'),
    });
  if (can.audit)
    items.push({ to: '/audit', label: t('nav.audit'), icon: IconHistory, match: (p) => p.startsWith('/audit') });
  items.push({ to: '/tentang', label: t('nav.about'), icon: IconInfoCircle, match: (p) => p.startsWith('/tentang') });

  const home = homePath(me);

  return (
    <>
      {/* Keyboard users jump past the header and menu (issue #15). */}
      <a href="#konten" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} />
              <Brand to={home} />
            </Group>
            <Group gap={6} wrap="nowrap">
              <NotificationBell />
              <Menu position="bottom-end" withArrow shadow="md" width={240}>
                <Menu.Target>
                  <UnstyledButton aria-label={t('nav.userMenu')} data-testid="user-menu">
                    <Group gap={8} wrap="nowrap">
                      <Avatar color="sambang" radius="xl" size={34}>
                        {initials(me.fullName || me.username)}
                      </Avatar>
                      <Stack gap={0} visibleFrom="md" style={{ maxWidth: 220 }}>
                        <Text size="sm" fw={600} truncate="end">
                          {me.fullName}
                        </Text>
                        <Text size="xs" c="dimmed" truncate="end">
                          {roleLabel(me.role)}
                        </Text>
                      </Stack>
                      <IconChevronDown size={14} />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Text size="sm" fw={600} c="dark" truncate="end">
                      {me.fullName}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {me.username} · {roleLabel(me.role)}
                    </Text>
                    {me.cooperativeName && (
                      <Text size="xs" c="dimmed" truncate="end">
                        {me.cooperativeName}
                      </Text>
                    )}
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item leftSection={<IconBell size={16} />} onClick={() => navigate('/notifikasi/pengaturan')}>
                    {t('nav.notificationSettings')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate('/ganti-sandi')}>
                    {t('nav.changePassword')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
                    {t('nav.logout')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label="Navigasi utama">
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={<item.icon size={20} stroke={1.6} />}
                  active={item.match(location.pathname)}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <NavLink
              component="button"
              label={t('nav.logout')}
              leftSection={<IconLogout size={20} stroke={1.6} />}
              onClick={() => logout.mutate()}
              c="red.8"
              hiddenFrom="sm"
            />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="konten" tabIndex={-1}>
          <Suspense fallback={<FullPageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
