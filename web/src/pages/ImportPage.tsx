import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../i18n/sheets';
import { uploadFile, XLSX_TYPE } from '../lib/download';
import { formatNumber } from '../lib/format';
import { type Job } from '../lib/jobs';
import { handleAuthError } from '../lib/queryClient';
import { PageHeader } from '../components/common';
import { DownloadButton } from '../components/assessment';

import { Kind, PATHS, Check, uploadMessage } from '../features/imports/model';
import { Step } from '../features/imports/Step';
import { CheckResult } from '../features/imports/CheckResult';
import { ImportProgress } from '../features/imports/ImportProgress';
import { ImportHistory } from '../features/imports/ImportHistory';

export default function ImportPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const kind: Kind = sp.get('jenis') === 'tahunan' ? 'tahunan' : 'koperasi';
  const jobId = sp.get('job');
  const paths = PATHS[kind];

  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);
  const [starting, setStarting] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [overwrite, setOverwrite] = useState(false);

  const reset = (next: Partial<{ jenis: Kind }> = {}) => {
    setFile(null);
    setCheck(null);
    setFileError(null);
    const params = new URLSearchParams();
    const jenis = next.jenis ?? kind;
    if (jenis === 'tahunan') params.set('jenis', 'tahunan');
    setSp(params);
  };

  const pick = (f: File | null) => {
    setFile(f);
    setCheck(null);
    setOverwrite(false);
    setFileError(null);
    if (!f) return;
    if (!/\.xlsx$/i.test(f.name)) {
      setFileError(t('sheets.import.notXlsx', { name: f.name }));
      return;
    }
    setChecking(true);
    uploadFile<Check>(paths.check, f, XLSX_TYPE)
      .then(setCheck)
      .catch((e: unknown) => {
        if (!handleAuthError(e)) setFileError(uploadMessage(e, t('sheets.import.checkFailed')));
      })
      .finally(() => setChecking(false));
  };

  const start = () => {
    if (!file) return;
    setStarting(true);
    const q = new URLSearchParams({ fileName: file.name.slice(0, 200) });
    if (overwrite) q.set('overwrite', 'true');
    uploadFile<Job>(`${paths.run}?${q.toString()}`, file, XLSX_TYPE)
      .then((job) => {
        const params = new URLSearchParams(sp);
        params.set('job', job.id);
        setSp(params);
      })
      .catch((e: unknown) => {
        if (!handleAuthError(e)) setFileError(uploadMessage(e, t('sheets.import.startFailed')));
      })
      .finally(() => setStarting(false));
  };

  return (
    <>
      <PageHeader title={t('sheets.import.title')} subtitle={t('sheets.import.subtitle')} />
      {jobId ? (
        <ImportProgress jobId={jobId} kind={kind} onAgain={() => reset()} />
      ) : (
        <Stack gap="md">
          <SegmentedControl
            value={kind}
            onChange={(v) => reset({ jenis: v as Kind })}
            data={[
              { value: 'koperasi', label: t('sheets.import.kindCooperatives') },
              { value: 'tahunan', label: t('sheets.import.kindFigures') },
            ]}
            fullWidth
            maw={520}
            data-testid="import-kind"
          />
          <Text size="sm" c="dimmed" maw={720}>
            {kind === 'koperasi' ? t('sheets.import.helpCooperatives') : t('sheets.import.helpFigures')}
          </Text>

          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Step n={1} title={t('sheets.import.step1')}>
              <Text size="sm" c="dimmed" mb="xs">
                {kind === 'koperasi' ? t('sheets.import.templateCooperatives') : t('sheets.import.templateFigures')}
              </Text>
              <DownloadButton path={paths.template} fallbackName={paths.templateName} data-testid="template-download">
                {t('sheets.import.downloadTemplate')}
              </DownloadButton>
            </Step>
          </Paper>

          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Step n={2} title={t('sheets.import.step2')}>
              <FileInput
                key={kind}
                label={t('sheets.import.fileLabel')}
                description={t('sheets.import.fileHint')}
                placeholder={t('sheets.import.filePlaceholder')}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconFileSpreadsheet size={18} />}
                value={file}
                onChange={pick}
                clearable
                maw={520}
                disabled={checking || starting}
                data-testid="import-file"
              />
              {checking && (
                <Group gap="xs" mt="sm">
                  <Progress value={100} animated size="sm" w={160} aria-label={t('sheets.import.checking')} />
                  <Text size="sm" c="dimmed">
                    {t('sheets.import.checking')}
                  </Text>
                </Group>
              )}
              {fileError && (
                <Alert
                  color="red"
                  variant="light"
                  mt="sm"
                  icon={<IconAlertTriangle size={18} />}
                  title={t('sheets.import.fileRefused')}
                  data-testid="import-file-error"
                >
                  {fileError}
                </Alert>
              )}
            </Step>
          </Paper>

          {check && (
            <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
              <Step n={3} title={t('sheets.import.step3')}>
                <CheckResult check={check} kind={kind} />
                {check.overwrites.length > 0 && check.errors.length === 0 && (
                  <Checkbox
                    mt="md"
                    color="orange"
                    checked={overwrite}
                    onChange={(e) => setOverwrite(e.currentTarget.checked)}
                    label={t('sheets.import.overwrite', { n: formatNumber(check.overwrites.length) })}
                    data-testid="import-overwrite"
                  />
                )}
                <Group mt="md" gap="sm">
                  <Button
                    leftSection={<IconUpload size={16} />}
                    disabled={
                      check.errors.length > 0 || check.valid === 0 || (check.overwrites.length > 0 && !overwrite)
                    }
                    loading={starting}
                    onClick={start}
                    data-testid="import-run"
                  >
                    {t('sheets.import.run', { n: formatNumber(check.valid) })}
                  </Button>
                  {check.errors.length > 0 ? (
                    <Text size="sm" c="red.8">
                      {t('sheets.import.fixFirst')}
                    </Text>
                  ) : check.overwrites.length > 0 && !overwrite ? (
                    <Text size="sm" c="orange.9">
                      {t('sheets.import.overwriteFirst')}
                    </Text>
                  ) : check.valid === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('sheets.import.nothingToDo')}
                    </Text>
                  ) : null}
                </Group>
              </Step>
            </Paper>
          )}
          <ImportHistory />
        </Stack>
      )}
    </>
  );
}
