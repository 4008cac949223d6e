import { useEffect } from 'react';
import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../i18n/sheets';
import { formatNumber } from '../../lib/format';
import { isGone, jobPercent, useJob } from '../../lib/jobs';

import { Kind } from './model';

export function ImportProgress({ jobId, kind, onAgain }: { jobId: string; kind: Kind; onAgain: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: job, error } = useJob(jobId);
  const done = job?.status === 'done';
  useEffect(() => {
    // The registry, dashboard and recap now show the new rows.
    if (done) void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'jobs' && q.queryKey[0] !== 'me' });
  }, [done, qc]);

  const again = (
    <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onAgain} data-testid="import-again">
      {t('sheets.import.again')}
    </Button>
  );

  if (error) {
    return (
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title={t('sheets.import.jobUnknownTitle')}
        data-testid="import-job-missing"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {isGone(error) ? t('sheets.import.jobUnknown') : error instanceof Error ? error.message : ''}
          </Text>
          {again}
        </Stack>
      </Alert>
    );
  }
  if (!job || job.status === 'running') {
    const pct = job ? jobPercent(job) : 0;
    return (
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="import-progress" aria-live="polite">
        <Group gap="xs" mb="xs">
          <IconFileUpload size={18} />
          <Text fw={600}>{t('sheets.import.running')}</Text>
        </Group>
        <Progress value={pct} size="lg" animated striped aria-label={t('sheets.import.running')} />
        <Text size="sm" c="dimmed" mt={6} className="tabular-nums">
          {job
            ? t('sheets.import.progress', { done: formatNumber(job.processed), total: formatNumber(job.total), pct })
            : t('sheets.import.connecting')}
        </Text>
        <Text size="xs" c="dimmed" mt="xs">
          {t('sheets.import.reloadHint')}
        </Text>
      </Paper>
    );
  }
  if (job.status === 'failed') {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title={t('sheets.import.failedTitle')}
        data-testid="import-failed"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{job.error?.message ?? t('sheets.import.failed')}</Text>
          {job.error?.fields && (
            <Stack gap={2}>
              {Object.entries(job.error.fields)
                .slice(0, 20)
                .map(([k, v]) => (
                  <Text key={k} size="xs">
                    {k}: {v}
                  </Text>
                ))}
            </Stack>
          )}
          {again}
        </Stack>
      </Alert>
    );
  }
  const result = (job.result ?? {}) as { created?: number; saved?: number; skipped?: number };
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck size={18} />}
      title={t('sheets.import.doneTitle')}
      data-testid="import-done"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm" data-testid="import-done-count">
          {kind === 'koperasi'
            ? t('sheets.import.doneCooperatives', { n: formatNumber(result.created ?? job.total) })
            : t('sheets.import.doneFigures', { n: formatNumber(result.saved ?? job.total) })}
        </Text>
        {(result.skipped ?? 0) > 0 && (
          <Text size="sm" c="dimmed" data-testid="import-done-skipped">
            {t('sheets.import.doneSkipped', { n: formatNumber(result.skipped) })}
          </Text>
        )}
        <Group gap="sm">
          {kind === 'koperasi' ? (
            <Anchor component={Link} to="/koperasi?sort=-updatedAt" data-testid="import-registry-link">
              {t('sheets.import.toRegistry')}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/rekap" data-testid="import-recap-link">
              {t('sheets.import.toRecap')}
            </Anchor>
          )}
        </Group>
        {again}
      </Stack>
    </Alert>
  );
}

/** The latest imports; an admin may undo one as a whole within its window. */
