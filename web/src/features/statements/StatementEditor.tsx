import { Alert, Button, FileButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputSection } from '@domain/rubrics/types';
import type { Statement } from '../../lib/assessment';
import { formatDateTime } from '../../lib/format';
import { DownloadButton } from '../../components/assessment';
import { VerificationBadge } from '../../components/desk/VerificationBadge';
import { StatementForm } from './StatementForm';
import { useStatementEditor } from './useStatementEditor';

/** One fiscal year's statement: its source, template and spreadsheet upload, the form and a sticky save bar. */
export function StatementEditor({
  coopId,
  year,
  statement,
  sections,
  canEdit,
}: {
  coopId: string;
  year: number;
  statement: Statement | undefined;
  sections: InputSection[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { values, dirty, errors, uploadErrors, setUploadErrors, missing, onChange, fillZero, save, upload } =
    useStatementEditor(coopId, year, statement, sections);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="dimmed">
            {statement
              ? `${t(`statement.source.${statement.source}`)} · ${t('statement.lastUpdated', { at: formatDateTime(statement.updatedAt) })}`
              : t('statement.none')}
          </Text>
          <VerificationBadge v={statement?.verification} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <DownloadButton
            path="/statements/template.xlsx"
            fallbackName="templat-laporan-keuangan.xlsx"
            size="sm"
            leftSection={<IconFileSpreadsheet size={16} />}
          >
            {t('statement.template')}
          </DownloadButton>
          {canEdit && (
            <FileButton
              onChange={(f) => f && upload.mutate(f)}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            >
              {(props) => (
                <Button
                  {...props}
                  size="sm"
                  variant="default"
                  leftSection={<IconUpload size={16} />}
                  loading={upload.isPending}
                >
                  {t('statement.upload')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
      </Group>

      {uploadErrors && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('statement.uploadErrors')}
          withCloseButton
          onClose={() => setUploadErrors(null)}
          data-testid="upload-errors"
        >
          <Text size="sm" mb={uploadErrors.fields.length ? 6 : 0}>
            {uploadErrors.message}
          </Text>
          {uploadErrors.fields.length > 0 && (
            <List size="sm" spacing={2}>
              {uploadErrors.fields.slice(0, 30).map(([k, v]) => (
                <List.Item key={k}>
                  <b>{k}</b>: {v}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      {!canEdit && (
        <Text size="xs" c="dimmed">
          {t('statement.readOnly')}
        </Text>
      )}

      <StatementForm sections={sections} values={values} onChange={onChange} readOnly={!canEdit} errors={errors} />

      {canEdit && (
        <Paper
          withBorder
          p="sm"
          shadow={dirty ? 'sm' : undefined}
          className="stmt-savebar"
          style={dirty ? { position: 'sticky', bottom: 8, zIndex: 5 } : undefined}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={0}>
              <Text size="sm" fw={600} c={missing.length ? 'orange.9' : 'green.8'} data-testid="missing-count">
                {missing.length ? t('statement.missing', { count: missing.length }) : t('statement.allFilled')}
              </Text>
              {dirty && (
                <Text size="xs" c="dimmed">
                  {t('statement.unsavedChanges')}
                </Text>
              )}
            </Stack>
            <Group gap="xs">
              {missing.length > 0 && (
                <Button variant="subtle" size="sm" onClick={fillZero}>
                  {t('statement.fillZero')}
                </Button>
              )}
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={() => save.mutate()}
                loading={save.isPending}
                disabled={!dirty && !!statement}
                aria-label={t('statement.save')}
              >
                <Text span visibleFrom="xs" inherit>
                  {t('statement.save')}
                </Text>
                <Text span hiddenFrom="xs" inherit>
                  {t('common.save')}
                </Text>
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
