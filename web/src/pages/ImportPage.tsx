import { type ReactNode, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCircleCheck, IconFileSpreadsheet, IconFileUpload, IconInfoCircle, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../i18n/sheets';
import { ApiError, get, post } from '../lib/api';
import { useMe } from '../lib/auth';
import { uploadFile, XLSX_TYPE } from '../lib/download';
import { formatDateTime, formatNumber } from '../lib/format';
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
interface Overwrite { row: number; name: string; field: string; before: number | null; after: number | null }
interface Check {
  total: number;
  valid: number;
  skipped: number;
  errors: RowError[];
  warnings: RowError[];
  overwrites: Overwrite[];
  preview: { row: number; name: string; district: string; village: string }[];
}
interface Batch {
  id: string;
  kind: 'cooperatives' | 'figures';
  actorName: string;
  createdAt: string;
  fileName: string | null;
  rows: number;
  summary: Record<string, number>;
  undoneAt: string | null;
  undoneBy: string | null;
  undoableUntil: string | null;
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
                    disabled={check.errors.length > 0 || check.valid === 0 || (check.overwrites.length > 0 && !overwrite)}
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
        {check.skipped > 0 && (
          <Badge size="lg" variant="light" color="blue" style={{ textTransform: 'none' }} data-testid="import-skipped">
            {t('sheets.import.skipped', { n: formatNumber(check.skipped) })}
          </Badge>
        )}
      </Group>
      {check.overwrites.length > 0 && (
        <>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('sheets.import.overwritesTitle', { n: formatNumber(check.overwrites.length) })}>
            {t('sheets.import.overwritesText')}
          </Alert>
          <Table.ScrollContainer minWidth={0} type="native" mah={320}>
            <Table striped withTableBorder verticalSpacing={6} horizontalSpacing="xs" stickyHeader fz="sm" data-testid="import-overwrites">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={48}>{t('sheets.import.colRow')}</Table.Th>
                  <Table.Th>{t('sheets.import.colName')}</Table.Th>
                  <Table.Th>{t('sheets.import.colField')}</Table.Th>
                  <Table.Th ta="right">
                    {t('sheets.import.colOld')} → {t('sheets.import.colNew')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.overwrites.slice(0, MAX_ERRORS_SHOWN).map((o, i) => (
                  <Table.Tr key={`${o.row}-${i}`} data-testid="import-overwrite-row">
                    <Table.Td className="tabular-nums">{o.row}</Table.Td>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>{o.field}</Table.Td>
                    <Table.Td ta="right" className="tabular-nums">
                      <Text span size="sm" c="dimmed" td="line-through">
                        {formatNumber(o.before)}
                      </Text>{' '}
                      → <Text span size="sm" fw={600}>{formatNumber(o.after)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {check.warnings.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title={t('sheets.import.warningsTitle', { n: formatNumber(check.warnings.length) })} data-testid="import-warnings">
          <Text size="sm" mb={4}>
            {t('sheets.import.warningsText')}
          </Text>
          <Stack gap={2}>
            {check.warnings.slice(0, 50).map((w, i) => (
              <Text key={`${w.row}-${i}`} size="sm" data-testid="import-warning-row">
                {t('sheets.import.colRow')} {w.row} — {w.field}: {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {ok ? (
        check.valid > 0 && (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} data-testid="import-ok">
            {t('sheets.import.allGood', { n: formatNumber(check.valid) })}
          </Alert>
        )
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
  const result = (job.result ?? {}) as { created?: number; saved?: number; skipped?: number };
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={t('sheets.import.doneTitle')} data-testid="import-done">
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
function ImportHistory() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const isAdmin = me.data?.role === 'admin';
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const history = useQuery({ queryKey: ['imports'], queryFn: () => get<{ items: Batch[] }>('/imports') });
  const undo = useMutation({
    mutationFn: (id: string) => post<Batch>(`/imports/${id}/undo`),
    onSuccess: () => {
      setMessage({ ok: true, text: t('sheets.import.undoDone') });
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
    onError: (e: unknown) => {
      if (!handleAuthError(e)) setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    },
    onSettled: () => setAsking(null),
  });
  const items = history.data?.items ?? [];
  const status = (b: Batch): ReactNode =>
    b.undoneAt ? (
      <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
        {t('sheets.import.undone', { at: formatDateTime(b.undoneAt), by: b.undoneBy ?? '' })}
      </Badge>
    ) : !b.undoableUntil ? (
      <Text size="xs" c="dimmed">
        {t('sheets.import.undoExpired')}
      </Text>
    ) : isAdmin && asking === b.id ? (
      <Group gap={6} wrap="nowrap">
        <Text size="xs">{t('sheets.import.undoAsk')}</Text>
        <Button size="compact-xs" color="red" loading={undo.isPending} onClick={() => undo.mutate(b.id)} data-testid="import-undo-confirm">
          {t('sheets.import.undoConfirm')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setAsking(null)}>
          {t('sheets.import.undoCancel')}
        </Button>
      </Group>
    ) : isAdmin ? (
      <Button size="compact-xs" variant="light" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => setAsking(b.id)} data-testid="import-undo">
        {t('sheets.import.undo')}
      </Button>
    ) : (
      <Text size="xs" c="dimmed">
        {t('sheets.import.undoUntil', { at: formatDateTime(b.undoableUntil) })}
      </Text>
    );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="import-history">
      <Title order={2} size="h5" mb={4}>
        {t('sheets.import.historyTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sheets.import.historyHelp')}
      </Text>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} variant="light" mb="sm" withCloseButton onClose={() => setMessage(null)} data-testid="import-undo-message">
          {message.text}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sheets.import.historyEmpty')}
        </Text>
      ) : (
        <>
        <Stack gap="xs" hiddenFrom="sm">
          {items.map((b) => (
            <Paper key={b.id} withBorder p="xs" data-testid="import-history-card">
              <Text size="sm" fw={600}>
                {b.kind === 'cooperatives'
                  ? t('sheets.import.summaryCooperatives', { created: formatNumber(b.summary.created ?? 0) })
                  : t('sheets.import.summaryFigures', { saved: formatNumber(b.summary.saved ?? 0) })}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {formatDateTime(b.createdAt)} · {b.actorName}
                {b.fileName ? ` · ${b.fileName}` : ''}
              </Text>
              <div style={{ marginTop: 6 }}>{status(b)}</div>
            </Paper>
          ))}
        </Stack>
        <Table.ScrollContainer minWidth={640} type="native" visibleFrom="sm">
          <Table withTableBorder verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sheets.import.colWhen')}</Table.Th>
                <Table.Th>{t('sheets.import.colKind')}</Table.Th>
                <Table.Th>{t('sheets.import.colBy')}</Table.Th>
                <Table.Th>{t('sheets.import.colFile')}</Table.Th>
                <Table.Th>{t('sheets.import.colSummary')}</Table.Th>
                <Table.Th>{t('sheets.import.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.id} data-testid="import-history-row">
                  <Table.Td className="tabular-nums">{formatDateTime(b.createdAt)}</Table.Td>
                  <Table.Td>{b.kind === 'cooperatives' ? t('sheets.import.kindCooperatives') : t('sheets.import.kindFigures')}</Table.Td>
                  <Table.Td>{b.actorName}</Table.Td>
                  <Table.Td maw={220} style={{ overflowWrap: 'anywhere' }}>{b.fileName ?? '–'}</Table.Td>
                  <Table.Td>
                    {b.kind === 'cooperatives'
                      ? t('sheets.import.summaryCooperatives', { created: formatNumber(b.summary.created ?? 0) })
                      : t('sheets.import.summaryFigures', { saved: formatNumber(b.summary.saved ?? 0) })}
                  </Table.Td>
                  <Table.Td>{status(b)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
