import '../../i18n/papers';
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, put } from '../../lib/api';

export interface ActivityReport {
  headline: string;
  text: string;
  shareUrl: string;
  edited: { by: string; at: string } | null;
  generated: { headline: string; text: string };
}

/** The officer edits the activity report before sharing it; the edit is kept with the visit. */
export function ReportEditor({
  visitId,
  report,
  onClose,
}: {
  visitId: string;
  report: ActivityReport;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [headline, setHeadline] = useState(report.headline);
  const [text, setText] = useState(report.text);
  const save = useMutation({
    mutationFn: (body: { headline: string; text: string } | null) =>
      put<ActivityReport>(`/visits/${visitId}/activity-report`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['visit-report', visitId] });
      notifications.show({ color: 'green', message: t('papers.report.saved') });
      onClose();
    },
  });
  const f = save.error instanceof ApiError ? save.error.fields : {};
  return (
    <Modal opened onClose={onClose} size="xl" title={<Text fw={600}>{t('papers.report.editTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('papers.report.editHint')}
        </Text>
        <TextInput
          label={t('papers.report.headline')}
          value={headline}
          onChange={(e) => setHeadline(e.currentTarget.value)}
          error={f.headline}
          data-testid="report-headline"
        />
        <Textarea
          label={t('papers.report.text')}
          autosize
          minRows={10}
          maxRows={24}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={f.text}
          data-testid="report-text"
        />
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="gray"
            onClick={() => save.mutate(null)}
            disabled={!report.edited}
            loading={save.isPending && save.variables === null}
          >
            {t('papers.report.reset')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => save.mutate({ headline, text })}
              loading={save.isPending && save.variables !== null}
              data-testid="report-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
