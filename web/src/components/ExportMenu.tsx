import { useEffect, useState } from 'react';
import { Button, CloseButton, Group, Menu, Paper, Progress, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../i18n/sheets';
import type { QueryValue } from '../lib/api';
import { downloadFile } from '../lib/download';
import { formatNumber } from '../lib/format';
import {
  type ExportFormat,
  type ExportList,
  forgetExport,
  isGone,
  jobPercent,
  rememberExport,
  startExport,
  type StoredExport,
  storedExports,
  useJob,
} from '../lib/jobs';
import { handleAuthError, notifyError } from '../lib/queryClient';

/**
 * "Unduh" menu of a list page (XLSX / CSV) with the list's current filters. The file is made by a
 * background job on the server: this shows its progress, then a download button. Running and
 * finished jobs are remembered in localStorage, so a reload picks them up again.
 */
export function ExportMenu({ list, filters }: { list: ExportList; filters: Record<string, QueryValue> }) {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<StoredExport[]>(() => storedExports(list));
  const [starting, setStarting] = useState(false);

  const start = (format: ExportFormat) => {
    setStarting(true);
    startExport(list, format, filters)
      .then((job) => {
        const item: StoredExport = { id: job.id, list, format, at: Date.now() };
        rememberExport(item);
        setJobs((js) => [...js.filter((j) => j.id !== item.id), item]);
      })
      .catch((e: unknown) => {
        if (!handleAuthError(e)) notifyError(e);
      })
      .finally(() => setStarting(false));
  };
  const dismiss = (id: string) => {
    forgetExport(id);
    setJobs((js) => js.filter((j) => j.id !== id));
  };

  return (
    <Group gap="xs" wrap="wrap" justify="flex-end" data-testid="export-menu">
      {jobs.slice(-2).map((j) => (
        <ExportJob key={j.id} item={j} onDismiss={() => dismiss(j.id)} />
      ))}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={starting}
            data-testid="export-button"
          >
            {t('sheets.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('sheets.export.withFilters')}</Menu.Label>
          <Menu.Item
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => start('xlsx')}
            data-testid="export-xlsx"
          >
            {t('sheets.export.xlsx')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => start('csv')}
            data-testid="export-csv"
          >
            {t('sheets.export.csv')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function ExportJob({ item, onDismiss }: { item: StoredExport; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { data: job, error } = useJob(item.id);
  const [busy, setBusy] = useState(false);
  const gone = isGone(error);
  useEffect(() => {
    // The server forgot the job (restart, older than an hour) or it belongs to another login.
    if (gone) onDismiss();
  }, [gone, onDismiss]);
  if (gone) return null;
  const format = item.format.toUpperCase();

  if (!job || job.status === 'running') {
    const pct = job ? jobPercent(job) : 0;
    return (
      <Paper
        withBorder
        px="sm"
        py={6}
        radius="md"
        data-testid="export-progress"
        aria-live="polite"
        style={{ minWidth: 170 }}
      >
        <Text size="xs" c="dimmed" mb={4}>
          {t('sheets.export.preparing', { format })}{' '}
          {job && job.total > 0
            ? t('sheets.export.rows', { done: formatNumber(job.processed), total: formatNumber(job.total) })
            : ''}
        </Text>
        <Progress value={pct} size="sm" animated aria-label={t('sheets.export.progress')} />
      </Paper>
    );
  }
  if (job.status === 'failed') {
    return (
      <Paper withBorder px="sm" py={6} radius="md" data-testid="export-failed">
        <Group gap={6} wrap="nowrap">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" />
          <Text size="xs" c="red.8" style={{ maxWidth: 220 }}>
            {job.error?.message ?? t('sheets.export.failed')}
          </Text>
          <CloseButton size="sm" onClick={onDismiss} aria-label={t('common.close')} />
        </Group>
      </Paper>
    );
  }
  const result = job.result as { filename?: string; rows?: number } | null;
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        color="green"
        leftSection={<IconDownload size={16} />}
        loading={busy}
        data-testid="export-download"
        onClick={() => {
          setBusy(true);
          downloadFile(`/jobs/${job.id}/download`, result?.filename ?? `ekspor.${item.format}`)
            .then(onDismiss)
            .catch((e: unknown) => {
              if (isGone(e)) onDismiss();
              else if (!handleAuthError(e)) notifyError(e);
            })
            .finally(() => setBusy(false));
        }}
      >
        {t('sheets.export.download', { format, n: formatNumber(result?.rows ?? job.total) })}
      </Button>
      <CloseButton size="sm" onClick={onDismiss} aria-label={t('sheets.export.dismiss')} />
    </Group>
  );
}
