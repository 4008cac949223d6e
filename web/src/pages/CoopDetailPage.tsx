import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Anchor, Breadcrumbs, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import {
  IconBan,
  IconBuildingStore,
  IconBulb,
  IconCalendarCheck,
  IconChartBar,
  IconFileCertificate,
  IconFiles,
  IconHeartbeat,
  IconHistory,
  IconId,
  IconMapPin,
  IconMessages,
  IconPencil,
  IconRoute,
} from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { useMe } from '../lib/auth';
import { useCoop } from '../lib/coop';
import { useLabel } from '../lib/meta';
import '../lib/desk';
import { ErrorState, PageHeader, StatusBadge } from '../components/common';
import { ProfileTab } from './coop/ProfileTab';
import { UnitsTab } from './coop/UnitsTab';
import { FiguresTab } from './coop/FiguresTab';
import { TimelineTab } from './coop/TimelineTab';
import { DissolveModal } from './coop/DissolveModal';
import { CoopSummary } from './coop/CoopSummary';

const HealthTab = lazy(() => import('./coop/HealthTab'));
const RatTab = lazy(() => import('./coop/RatTab'));
const VisitsTab = lazy(() => import('./coop/VisitsTab'));
const DialogTab = lazy(() => import('./coop/DialogTab'));
const UnitDevelopmentTab = lazy(() => import('./coop/UnitDevelopmentTab'));
const DocumentsTab = lazy(() => import('./coop/DocumentsTab'));
const IssuedDocumentsTab = lazy(() => import('./coop/IssuedDocumentsTab'));

const TABS = [
  'profil',
  'unit-usaha',
  'pengembangan-usaha',
  'data-tahunan',
  'kesehatan',
  'rat',
  'dokumen',
  'kunjungan',
  'aspirasi',
  'surat',
  'riwayat',
] as const;
type Tab = (typeof TABS)[number];

export default function CoopDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const [sp, setSp] = useSearchParams();
  const { data: me } = useMe();
  const { data: coop, error, isError, refetch } = useCoop(id);
  const groupLabel = useLabel('groups');
  const [dissolveOpen, setDissolveOpen] = useState(false);

  const tabParam = sp.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'profil';
  // Without the record (refused or gone) there is no `can`: an account of one cooperative has no registry to go back to.
  const hasRegistry = !!me && me.cooperativeId === null;
  // At 360 px the tabs scroll sideways: keep the open one in sight (e.g. arriving on ?tab=aspirasi).
  useEffect(() => {
    document
      .querySelector('.coop-tabs [aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab, coop]);

  if (isError) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      return (
        <Stack>
          <Alert color="yellow" title={error.status === 404 ? t('coop.notFound') : t('common.forbidden')}>
            {error.message}
          </Alert>
          {hasRegistry && (
            <Anchor component={Link} to="/koperasi">
              {t('coop.backToList')}
            </Anchor>
          )}
        </Stack>
      );
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  if (!coop || !id) {
    return (
      <Stack>
        <Skeleton h={40} w="60%" />
        <Skeleton h={20} w="40%" />
        <Skeleton h={300} />
      </Stack>
    );
  }

  const { can } = coop;
  const kel = coop.village.code.split('.')[3]?.startsWith('1');

  return (
    <>
      {can.browse && (
        <Breadcrumbs mb="xs" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
          <Anchor component={Link} to="/koperasi" size="sm">
            {t('nav.cooperatives')}
          </Anchor>
          <Text size="sm" c="dimmed" truncate="end" maw={{ base: 220, sm: 500 }}>
            {coop.name}
          </Text>
        </Breadcrumbs>
      )}
      <PageHeader
        title={<span data-testid="coop-name">{coop.name}</span>}
        docTitle={[coop.name, t('nav.cooperatives')]}
        subtitle={
          <Stack gap={4} mt={4}>
            <Group gap={8} wrap="wrap">
              <StatusBadge status={coop.status} />
              <Text size="sm" c="dimmed">
                {groupLabel(coop.group)}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
              <Text size="sm" c="dimmed">
                {t(kel ? 'coop.locationKelurahan' : 'coop.location', {
                  village: coop.village.name,
                  district: coop.district.name,
                })}
              </Text>
            </Group>
          </Stack>
        }
        actions={
          <>
            {can.update && (
              <Button
                component={Link}
                to={`/koperasi/${coop.id}/ubah`}
                leftSection={<IconPencil size={16} />}
                variant="light"
              >
                {t('coop.edit')}
              </Button>
            )}
            {can.dissolve && (
              <Button
                color="red"
                variant="outline"
                leftSection={<IconBan size={16} />}
                onClick={() => setDissolveOpen(true)}
              >
                {t('coop.dissolve')}
              </Button>
            )}
          </>
        }
      />
      {can.browse && !can.updateAnyField && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('coop.readOnlyNote')}
        </Text>
      )}

      <CoopSummary
        coop={coop}
        onTab={(v) =>
          setSp(
            (prev) => {
              const n = new URLSearchParams(prev);
              n.set('tab', v);
              return n;
            },
            { replace: true },
          )
        }
      />

      <Tabs
        value={tab}
        onChange={(v) =>
          setSp(
            (prev) => {
              const n = new URLSearchParams(prev);
              if (!v || v === 'profil') n.delete('tab');
              else n.set('tab', v);
              return n;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md" className="coop-tabs">
          <Tabs.Tab value="profil" leftSection={<IconId size={16} />}>
            {t('coop.tabs.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="unit-usaha" leftSection={<IconBuildingStore size={16} />}>
            {t('coop.tabs.units')}
          </Tabs.Tab>
          <Tabs.Tab value="pengembangan-usaha" leftSection={<IconBulb size={16} />}>
            {t('coop.tabs.unitDevelopment')}
          </Tabs.Tab>
          <Tabs.Tab value="data-tahunan" leftSection={<IconChartBar size={16} />}>
            {t('coop.tabs.figures')}
          </Tabs.Tab>
          <Tabs.Tab value="kesehatan" leftSection={<IconHeartbeat size={16} />}>
            {t('coop.tabs.health')}
          </Tabs.Tab>
          <Tabs.Tab value="rat" leftSection={<IconCalendarCheck size={16} />}>
            {t('coop.tabs.rat')}
          </Tabs.Tab>
          <Tabs.Tab value="dokumen" leftSection={<IconFiles size={16} />}>
            {t('desk.docs.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="kunjungan" leftSection={<IconRoute size={16} />}>
            {t('coop.tabs.visits')}
          </Tabs.Tab>
          <Tabs.Tab value="aspirasi" leftSection={<IconMessages size={16} />}>
            {t('coop.tabs.dialog')}
          </Tabs.Tab>
          <Tabs.Tab value="surat" leftSection={<IconFileCertificate size={16} />}>
            {t('coop.tabs.documents')}
          </Tabs.Tab>
          <Tabs.Tab value="riwayat" leftSection={<IconHistory size={16} />}>
            {t('coop.tabs.timeline')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profil">
          <ProfileTab coop={coop} />
        </Tabs.Panel>
        <Tabs.Panel value="unit-usaha">
          <UnitsTab coopId={coop.id} canEdit={can.editDetails} />
        </Tabs.Panel>
        <Tabs.Panel value="data-tahunan">
          <FiguresTab coopId={coop.id} canEdit={can.editDetails} />
        </Tabs.Panel>
        <Tabs.Panel value="kesehatan">
          <Suspense fallback={<Skeleton h={300} />}>
            <HealthTab coop={coop} canAssess={can.assess} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="rat">
          <Suspense fallback={<Skeleton h={300} />}>
            <RatTab coop={coop} canEdit={can.editDetails} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="dokumen">
          <Suspense fallback={<Skeleton h={300} />}>
            <DocumentsTab coop={coop} canEdit={can.editDetails} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="pengembangan-usaha">
          <Suspense fallback={<Skeleton h={300} />}>
            <UnitDevelopmentTab coop={coop} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="kunjungan">
          <Suspense fallback={<Skeleton h={300} />}>
            <VisitsTab coop={coop} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="aspirasi">
          <Suspense fallback={<Skeleton h={300} />}>
            <DialogTab coop={coop} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="surat">
          <Suspense fallback={<Skeleton h={300} />}>
            <IssuedDocumentsTab coopId={String(coop.id)} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="riwayat">
          <TimelineTab coopId={coop.id} />
        </Tabs.Panel>
      </Tabs>
      {can.dissolve && dissolveOpen && (
        <DissolveModal coop={coop} opened={dissolveOpen} onClose={() => setDissolveOpen(false)} />
      )}
    </>
  );
}
