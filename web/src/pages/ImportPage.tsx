import { type ReactNode, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconFileUpload, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../i18n/sheets';
import { ApiError } from '../lib/api';
import { uploadFile, XLSX_TYPE } from '../lib/download';
import { formatNumber } from '../lib/format';
import { isGone, type Job, jobPercent, useJob } from '../lib/jobs';
import { useDistricts } from '../lib/meta';
import { handleAuthError } from '../lib/queryClient';
import { PageHeader } from '../components/common';
import { DownloadButton } from '../components/assessment';

type Kind = 'koperasi' | 'tahunan';
const PATHS: Record<Kind, { template: string; templateName: string; check: string; run: string }> = {
  koperasi: {
    template: '/cooperatives/import/template.xlsx',
    templateName: 'templat-impor-koperasi.xlsx',
    check: '/cooperatives/import/check',
    run: '/cooperatives/import',
  },
  tahunan: {
    template: '/figures/import/template.xlsx',
    templateName: 'templat-impor-data-tahunan.xlsx',
    check: '/figures/import/check',
    run: '/figures/import',
  },
};

interface RowError { row: number; field: string; message: string }
interface Check {
  total: number;
  valid: number;
  errors: RowError[];
  preview: { row: number; name: string; district: string; village: string }[];
}

/** How many row errors the table shows at once; the summary always has the full count. */
const MAX_ERRORS_SHOWN = 200;

/** The one message to show for a failed upload: the file-level reason when the server gives one. */
function uploadMessage(e: unknown, fallback: string): string {
  if (e instanceof ApiError) return e.fields.file ?? e.message;
  return e instanceof Error ? e.message : fallback;
}

/**
 * XLSX import of cooperatives or yearly figures: template, dry run with per-row errors, then an
 * all-or-nothing import as a background job whose id is kept in the URL (?job=) so a reload resumes it.
 */
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
    uploadFile<Job>(paths.run, file, XLSX_TYPE)
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
                <Alert color="red" variant="light" mt="sm" icon={<IconAlertTriangle size={18} />} title={t('sheets.import.fileRefused')} data-testid="import-file-error">
                  {fileError}
                </Alert>
              )}
            </Step>
          </Paper>

          {check && (
            <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
              <Step n={3} title={t('sheets.import.step3')}>
                <CheckResult check={check} kind={kind} />
                <Group mt="md" gap="sm">
                  <Button
                    leftSection={<IconUpload size={16} />}
                    disabled={check.errors.length > 0 || check.valid === 0}
                    loading={starting}
                    onClick={start}
                    data-testid="import-run"
                  >
                    {t('sheets.import.run', { n: formatNumber(check.valid) })}
                  </Button>
                  {check.errors.length > 0 && (
                    <Text size="sm" c="red.8">
                      {t('sheets.import.fixFirst')}
                    </Text>
                  )}
                </Group>
              </Step>
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon radius="xl" size={26} variant="light">
          <Text fw={700} size="sm">
            {n}
          </Text>
        </ThemeIcon>
        <Title order={2} size="h5">
          {title}
        </Title>
      </Group>
      <div>{children}</div>
    </Stack>
  );
}

function CheckResult({ check, kind }: { check: Check; kind: Kind }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const districtName = (code: string) => districts.data?.find((d) => d.code === code)?.name ?? code;
  const badRows = check.total - check.valid;
  const ok = check.errors.length === 0;
  return (
    <Stack gap="sm" data-testid="import-check">
      <Group gap="xs">
        <Badge size="lg" variant="light" color="gray" style={{ textTransform: 'none' }} data-testid="import-total">
          {t('sheets.import.total', { n: formatNumber(check.total) })}
        </Badge>
        <Badge size="lg" variant="light" color="green" style={{ textTransform: 'none' }} data-testid="import-valid">
          {t('sheets.import.valid', { n: formatNumber(check.valid) })}
        </Badge>
        {badRows > 0 && (
          <Badge size="lg" variant="light" color="red" style={{ textTransform: 'none' }} data-testid="import-bad">
            {t('sheets.import.bad', { n: formatNumber(badRows) })}
          </Badge>
        )}
      </Group>
      {ok ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} data-testid="import-ok">
          {t('sheets.import.allGood', { n: formatNumber(check.valid) })}
        </Alert>
      ) : (
        <>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('sheets.import.errorsTitle', { n: formatNumber(check.errors.length) })}>
            {t('sheets.import.errorsText')}
          </Alert>
          <Table.ScrollContainer minWidth={480} type="native" mah={420}>
            <Table striped withTableBorder verticalSpacing={6} stickyHeader data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('sheets.import.colRow')}</Table.Th>
                  <Table.Th w={180}>{t('sheets.import.colColumn')}</Table.Th>
                  <Table.Th>{t('sheets.import.colMessage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
                  <Table.Tr key={`${e.row}-${i}`} data-testid="import-error-row">
                    <Table.Td className="tabular-nums">{e.row}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {check.errors.length > MAX_ERRORS_SHOWN && (
            <Text size="xs" c="dimmed">
              {t('sheets.import.moreErrors', { shown: formatNumber(MAX_ERRORS_SHOWN), n: formatNumber(check.errors.length) })}
            </Text>
          )}
        </>
      )}
      {check.preview.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="xs">
            {t('sheets.import.previewTitle', { n: formatNumber(check.preview.length) })}
          </Text>
          <Table.ScrollContainer minWidth={420} type="native">
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="import-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('sheets.import.colRow')}</Table.Th>
                  {kind === 'koperasi' ? (
                    <>
                      <Table.Th>{t('sheets.import.colName')}</Table.Th>
                      <Table.Th>{t('sheets.import.colDistrict')}</Table.Th>
                      <Table.Th>{t('sheets.import.colVillage')}</Table.Th>
                    </>
                  ) : (
                    <>
                      <Table.Th>{t('sheets.import.colKey')}</Table.Th>
                      <Table.Th>{t('sheets.import.colYear')}</Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.preview.map((p) => (
                  <Table.Tr key={p.row}>
                    <Table.Td className="tabular-nums">{p.row}</Table.Td>
                    {kind === 'koperasi' ? (
                      <>
                        <Table.Td>{p.name}</Table.Td>
                        <Table.Td>{districtName(p.district)}</Table.Td>
                        <Table.Td className="tabular-nums">{p.village}</Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td className="tabular-nums">{p.name}</Table.Td>
                        <Table.Td className="tabular-nums">{p.village}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

function ImportProgress({ jobId, kind, onAgain }: { jobId: string; kind: Kind; onAgain: () => void }) {
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
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('sheets.import.jobUnknownTitle')} data-testid="import-job-missing">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{isGone(error) ? t('sheets.import.jobUnknown') : error instanceof Error ? error.message : ''}</Text>
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
          {job ? t('sheets.import.progress', { done: formatNumber(job.processed), total: formatNumber(job.total), pct }) : t('sheets.import.connecting')}
        </Text>
        <Text size="xs" c="dimmed" mt="xs">
          {t('sheets.import.reloadHint')}
        </Text>
      </Paper>
    );
  }
  if (job.status === 'failed') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('sheets.import.failedTitle')} data-testid="import-failed">
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
  const result = (job.result ?? {}) as { created?: number; saved?: number };
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={t('sheets.import.doneTitle')} data-testid="import-done">
      <Stack gap="sm" align="flex-start">
        <Text size="sm" data-testid="import-done-count">
          {kind === 'koperasi'
            ? t('sheets.import.doneCooperatives', { n: formatNumber(result.created ?? job.total) })
            : t('sheets.import.doneFigures', { n: formatNumber(result.saved ?? job.total) })}
        </Text>
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
