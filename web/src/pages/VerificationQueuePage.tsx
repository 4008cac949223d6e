import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../components/common';
import { FilingsQueue } from '../features/verifications/FilingsQueue';
import { RequestsQueue, UpcomingRats } from '../features/verifications/DeskQueues';

/** The officers' desk with the cooperatives: filings to verify, requests to plan, RATs to attend. */
export default function VerificationQueuePage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'laporan';
  return (
    <Stack gap="md">
      <PageHeader title={t('desk.queue.title')} subtitle={t('desk.queue.subtitle')} />
      <Tabs
        value={tab}
        onChange={(v) => setSp(v && v !== 'laporan' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="laporan">{t('desk.tabs.filings')}</Tabs.Tab>
          <Tabs.Tab value="permintaan">{t('desk.tabs.requests')}</Tabs.Tab>
          <Tabs.Tab value="rat">{t('desk.tabs.upcoming')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="laporan">
          <FilingsQueue />
        </Tabs.Panel>
        <Tabs.Panel value="permintaan">
          <RequestsQueue />
        </Tabs.Panel>
        <Tabs.Panel value="rat">
          <UpcomingRats />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
