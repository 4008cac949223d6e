import { useRef, useState } from 'react';
import { copyText } from './parts';
import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp, IconCheck, IconCopy, IconFileTypePdf, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../i18n/visit-record';
import { ReportEditor } from '../../../components/papers/ReportEditor';
import { downloadFile } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { handleAuthError, notifyError } from '../../../lib/queryClient';
import { fetchActivityReport, type Visit } from '../../../lib/visit-record';
import { ErrorState } from '../../../components/common';

import { Section } from './parts';

export function VisitOutputs({ visit, dirty }: { visit: Visit; dirty: boolean }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['visit-report', visit.id, visit.version, visit.updatedAt],
    queryFn: ({ signal }) => fetchActivityReport(visit.id, signal),
  });
  const [downloading, setDownloading] = useState(false);
  const [copied, setCopied] = useState(false);
  const [editingReport, setEditingReport] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/visits/${visit.id}/minutes.pdf`, `berita-acara-${visit.date}.pdf`);
    } catch (e) {
      if (!handleAuthError(e)) notifyError(e);
    } finally {
      setDownloading(false);
    }
  };
  const copy = async () => {
    if (!report.data) return;
    if (await copyText(`${report.data.headline}\n\n${report.data.text}`)) {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } else {
      const sel = window.getSelection();
      if (sel && textRef.current) {
        const range = document.createRange();
        range.selectNodeContents(textRef.current);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      notifications.show({ color: 'yellow', message: t('visitRecord.outputs.copyFailed') });
    }
  };

  return (
    <Section title={t('visitRecord.sections.outputs')} testId="visit-outputs">
      <Stack gap="md">
        {dirty && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t('visitRecord.outputs.unsavedHint')}</Text>
          </Alert>
        )}
        <div>
          <Button leftSection={<IconFileTypePdf size={18} />} onClick={() => void download()} loading={downloading}>
            {t('visitRecord.outputs.minutes')}
          </Button>
          <Text size="xs" c="dimmed" mt={4}>
            {t('visitRecord.outputs.minutesHint')}
          </Text>
        </div>
        <div>
          <Text fw={600} size="sm">
            {t('visitRecord.outputs.report')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('visitRecord.outputs.reportHint')}
          </Text>
          {report.error ? (
            <ErrorState error={report.error} onRetry={() => void report.refetch()} />
          ) : !report.data ? (
            <Skeleton h={160} />
          ) : (
            <>
              <Paper
                ref={textRef}
                withBorder
                p="md"
                radius="md"
                bg="gray.0"
                className="break-anywhere"
                style={{
                  whiteSpace: 'pre-wrap',
                  lineHeight: 1.6,
                  maxWidth: '70ch',
                  fontSize: 'var(--mantine-font-size-sm)',
                }}
                data-testid="activity-report"
              >
                <Text fw={700} size="md" mb="xs" data-testid="activity-report-headline">
                  {report.data.headline}
                </Text>
                {report.data.text}
              </Paper>
              {report.data.edited && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('papers.report.editedBy', {
                    by: report.data.edited.by,
                    at: formatDateTime(report.data.edited.at),
                  })}
                </Text>
              )}
              <Group gap="xs" mt="sm">
                <Button
                  variant="default"
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  color={copied ? 'teal' : undefined}
                  onClick={() => void copy()}
                >
                  {copied ? t('visitRecord.outputs.copied') : t('visitRecord.outputs.copy')}
                </Button>
                <Button
                  component="a"
                  href={report.data.shareUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  color="green"
                  variant="light"
                  leftSection={<IconBrandWhatsapp size={18} />}
                >
                  {t('visitRecord.outputs.whatsapp')}
                </Button>
                {visit.can.writeReport && (
                  <Button
                    variant="subtle"
                    leftSection={<IconPencil size={16} />}
                    onClick={() => setEditingReport(true)}
                    data-testid="activity-report-edit"
                  >
                    {t('papers.report.edit')}
                  </Button>
                )}
              </Group>
              {editingReport && (
                <ReportEditor visitId={visit.id} report={report.data} onClose={() => setEditingReport(false)} />
              )}
            </>
          )}
        </div>
      </Stack>
    </Section>
  );
}
