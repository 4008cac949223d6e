import '../../i18n/papers';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../../lib/api';
import type { IssuedDocument } from '../../lib/papers';

/** Issues the final assessment's report as a numbered, verifiable document (shown when the assessment's `can.issueDocument` allows it). */
export function IssueAssessmentButton({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const issue = useMutation({
    mutationFn: () => post<IssuedDocument>(`/assessments/${assessmentId}/documents`, {}),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({ color: 'green', message: t('papers.assessment.issued', { number: d.number }) });
    },
  });
  return (
    <Button
      size="sm"
      variant="light"
      leftSection={<IconFileCertificate size={16} />}
      onClick={() => issue.mutate()}
      loading={issue.isPending}
      data-testid="issue-assessment"
    >
      {t('papers.assessment.issue')}
    </Button>
  );
}
