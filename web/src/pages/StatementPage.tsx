import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { InputSection } from '@domain/rubrics/types';
import { ApiError, put } from '../lib/api';
import { useMe } from '../lib/auth';
import { coopPermissions, useCoop } from '../lib/coop';
import { useRubricDefinition, useRubricVersions, useStatements, type Statement } from '../lib/assessment';
import { uploadFile, XLSX_TYPE } from '../lib/download';
import { formatDateTime, formatNumber, todayJakarta } from '../lib/format';
import { handleAuthError, notifyError } from '../lib/queryClient';
import { ErrorState, PageHeader } from '../components/common';
import { DownloadButton } from '../components/assessment';
import { StatementForm, type LineValues } from '../components/StatementForm';
import { VerificationBadge } from '../components/desk/VerificationBadge';
import '../lib/desk';

function allCodes(sections: InputSection[]): string[] {
  return sections.flatMap((s) => s.lines.map((l) => l.code));
}

function StatementEditor({
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
  const qc = useQueryClient();
  const [values, setValues] = useState<LineValues>(() => ({ ...(statement?.lines ?? {}) }));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploadErrors, setUploadErrors] = useState<{ message: string; fields: [string, string][] } | null>(null);
  const codes = useMemo(() => allCodes(sections), [sections]);
  const missing = codes.filter((c) => values[c] === undefined);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const onChange = (code: string, v: number | undefined) => {
    setValues((prev) => ({ ...prev, [code]: v }));
    setDirty(true);
    if (errors[code]) setErrors(({ [code]: _drop, ...rest }) => rest);
  };

  const save = useMutation({
    mutationFn: () => {
      const lines = Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => e[1] !== undefined));
      return put<Statement>(`/cooperatives/${coopId}/statements/${year}`, {
        lines,
        ...(statement ? { version: statement.version } : {}),
      });
    },
    onSuccess: () => {
      setDirty(false);
      setErrors({});
      notifications.show({ color: 'green', message: t('statement.saved') });
      void qc.invalidateQueries({ queryKey: ['statements', coopId] });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace(/^lines\./, ''), v])));
      }
    },
  });

  const upload = useMutation({
    mutationFn: (file: File) =>
      uploadFile<Statement>(`/cooperatives/${coopId}/statements/${year}/xlsx`, file, XLSX_TYPE),
    meta: { silent: true },
    onSuccess: (s) => {
      setUploadErrors(null);
      setValues({ ...s.lines });
      setDirty(false);
      setErrors({});
      notifications.show({ color: 'green', message: t('statement.uploaded', { year }) });
      void qc.invalidateQueries({ queryKey: ['statements', coopId] });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
    },
    onError: (e) => {
      if (handleAuthError(e)) return;
      if (e instanceof ApiError && e.status === 400) {
        setUploadErrors({ message: e.message, fields: Object.entries(e.fields) });
        return;
      }
      notifyError(e);
    },
  });

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
                <Button
                  variant="subtle"
                  size="sm"
                  onClick={() => {
                    setValues((prev) => ({ ...prev, ...Object.fromEntries(missing.map((c) => [c, 0])) }));
                    setDirty(true);
                  }}
                >
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

export default function StatementPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const [sp, setSp] = useSearchParams();
  const { data: me } = useMe();
  const coop = useCoop(id);
  const statements = useStatements(id);
  const versions = useRubricVersions();
  const latest = versions.data?.find((v) => v.rubric === 'ksp-2016' && v.latest);
  const rubric = useRubricDefinition(latest?.rubric, latest?.version);

  const thisYear = Number(todayJakarta().slice(0, 4));
  const existing = (statements.data ?? []).map((s) => s.fiscalYear);
  const yearParam = Number.parseInt(sp.get('tahun') ?? '', 10);
  const year =
    Number.isFinite(yearParam) && yearParam >= 1945 && yearParam <= thisYear
      ? yearParam
      : (existing[0] ?? thisYear - 1);
  const years = [...new Set([...existing, ...Array.from({ length: 12 }, (_, i) => thisYear - i), year])].sort(
    (a, b) => b - a,
  );

  const error = coop.error ?? statements.error ?? versions.error ?? rubric.error;
  if (error)
    return (
      <ErrorState
        error={error}
        onRetry={() => void Promise.all([coop.refetch(), statements.refetch(), versions.refetch(), rubric.refetch()])}
      />
    );
  if (!coop.data || !statements.data || !rubric.data || !id) {
    return (
      <Stack>
        <Skeleton h={40} w="50%" />
        <Skeleton h={400} />
      </Stack>
    );
  }
  if (rubric.data.method !== 'weighted') return null;

  const perms = coopPermissions(me, coop.data);
  const statement = statements.data.find((s) => s.fiscalYear === year);
  const isKoperasiUser = !!me?.abilities.portal;

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        {!isKoperasiUser && (
          <Anchor component={Link} to="/koperasi" size="sm">
            {t('nav.cooperatives')}
          </Anchor>
        )}
        <Anchor
          component={Link}
          to={`/koperasi/${id}?tab=kesehatan`}
          size="sm"
          truncate="end"
          maw={{ base: 200, sm: 420 }}
        >
          {coop.data.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('statement.title')}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={t('statement.title')}
        docTitle={[t('statement.title'), coop.data.name]}
        subtitle={coop.data.name}
        actions={
          <Select
            label={t('statement.fiscalYear')}
            data={years.map((y) => ({
              value: String(y),
              label: existing.includes(y) ? `${y}` : `${y} · ${t('statement.yearEmpty')}`,
            }))}
            value={String(year)}
            onChange={(v) =>
              v &&
              setSp(
                (prev) => {
                  const n = new URLSearchParams(prev);
                  n.set('tahun', v);
                  return n;
                },
                { replace: true },
              )
            }
            allowDeselect={false}
            w={200}
            data-testid="statement-year"
          />
        }
      />
      <StatementEditor
        key={`${year}-${statement?.version ?? 0}`}
        coopId={id}
        year={year}
        statement={statement}
        sections={rubric.data.inputSections}
        canEdit={perms.editDetails && coop.data.status !== 'DIBUBARKAN'}
      />
      <Text size="xs" c="dimmed" mt="md">
        {t('figures.rupiahHint')} · {formatNumber(allCodes(rubric.data.inputSections).length)} pos
      </Text>
    </>
  );
}
