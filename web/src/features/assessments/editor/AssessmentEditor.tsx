import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Drawer, Grid, Group, List, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconChartBar,
  IconDeviceFloppy,
  IconLock,
  IconRosetteDiscountCheck,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AssessmentInput, RubricDefinition } from '@domain/rubrics/types';
import '../../../lib/dates';
import { ApiError, del, patch, post } from '../../../lib/api';
import { type Assessment } from '../../../lib/assessment';
import { formatDate, formatDateTime, todayJakarta } from '../../../lib/format';
import { componentMarks, scoreAssessment, scoreText } from '../../../lib/rubric';
import { handleAuthError, notifyError } from '../../../lib/queryClient';
import { useDebounced } from '../../../components/common';
import { CategoryBadge, DownloadButton } from '../../../components/assessment';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ScorePanel } from '../../../pages/assessment/ScorePanel';
import { KspInputs } from '../../../pages/assessment/KspInputs';
import { KkInputs } from '../../../pages/assessment/KkInputs';
import type { DraftInputs } from '../../../pages/assessment/shared';
import { IssueAssessmentButton } from '../../../components/papers/IssueAssessmentButton';
import '../../../lib/desk';

import { AUTOSAVE_MS, LIVE_MS, fieldLabels, toDraft, SaveState } from './model';

export function AssessmentEditor({
  assessment,
  def,
  canAssess,
}: {
  assessment: Assessment;
  def: RubricDefinition;
  canAssess: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const final = assessment.status !== 'DRAFT'; // FINAL or SUPERSEDED: read-only either way
  const readOnly = final || !canAssess;

  const [inputs, setInputsState] = useState<DraftInputs>(() => toDraft(assessment.inputs));
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [serverErrors, setServerErrors] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [finalizeOpen, setFinalizeOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [assessedOn, setAssessedOn] = useState<string | null>(todayJakarta());

  const inputsRef = useRef(inputs);
  inputsRef.current = inputs;
  const versionRef = useRef(assessment.version);
  const savingRef = useRef(false);
  const againRef = useRef(false);
  /** The inputs object last stored on the server (by reference). */
  const savedRef = useRef(inputs);

  const setInputs = useCallback((fn: (prev: DraftInputs) => DraftInputs) => {
    setInputsState(fn);
    setDirty(true);
  }, []);

  const marks = useMemo(() => componentMarks(def), [def]);
  const labels = useMemo(() => fieldLabels(def), [def]);
  const liveInputs = useDebounced(inputs, LIVE_MS);
  const live = useMemo(() => scoreAssessment(def, liveInputs as unknown as AssessmentInput), [def, liveInputs]);
  const result = final && assessment.result ? assessment.result : live;

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (savingRef.current) {
      againRef.current = true;
      return false;
    }
    savingRef.current = true;
    setSaveState({ kind: 'saving' });
    const snapshot = inputsRef.current;
    try {
      const saved = await patch<Assessment>(`/assessments/${assessment.id}`, {
        inputs: snapshot,
        version: versionRef.current,
      });
      versionRef.current = saved.version;
      savedRef.current = snapshot;
      qc.setQueryData(['assessment', assessment.id], saved);
      if (inputsRef.current === snapshot) setDirty(false);
      setSaveState({ kind: 'saved', at: new Date() });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setSaveState({ kind: 'conflict' });
      else {
        setSaveState({ kind: 'idle' });
        if (!handleAuthError(e)) notifyError(e);
      }
      return false;
    } finally {
      savingRef.current = false;
      if (againRef.current) {
        againRef.current = false;
        if (inputsRef.current !== snapshot) void saveNow();
      }
    }
  }, [assessment.id, qc]);

  // Autosave a draft a moment after the last change.
  const autosaveInputs = useDebounced(inputs, AUTOSAVE_MS);
  useEffect(() => {
    if (readOnly || !dirty || saveState.kind === 'conflict') return;
    void saveNow();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autosaveInputs]);

  useEffect(() => {
    if (!dirty || readOnly) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, readOnly]);

  // A second final assessment of the year and rubric replaces the first only when the assessor says so.
  const [supersedeAsk, setSupersedeAsk] = useState<string | null>(null);
  const finalize = useMutation({
    mutationFn: async (opts: { supersede?: boolean } = {}) => {
      // Store the latest inputs first: the server finalizes what it has.
      while (savingRef.current) await new Promise((r) => window.setTimeout(r, 100));
      if (inputsRef.current !== savedRef.current) {
        const ok = await saveNow();
        if (!ok) throw new ApiError(0, 'NOT_SAVED', t('assessment.unsaved'));
      }
      return post<Assessment>(`/assessments/${assessment.id}/finalize`, {
        ...(assessedOn ? { assessedOn } : {}),
        ...(opts.supersede ? { supersede: true } : {}),
      });
    },
    meta: { silent: true },
    onSuccess: (a) => {
      qc.setQueryData(['assessment', assessment.id], a);
      void qc.invalidateQueries({ queryKey: ['assessments'] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(assessment.cooperative.id)] });
      setFinalizeOpen(false);
      setSupersedeAsk(null);
      setServerErrors(null);
      setDirty(false);
      notifications.show({ color: 'green', message: t('assessment.finalized') });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      setFinalizeOpen(false);
      if (e instanceof ApiError && e.status === 400) {
        setServerErrors({ message: e.message, fields: e.fields });
        window.scrollTo({ top: 0, behavior: 'smooth' });
        return;
      }
      if (e instanceof ApiError && e.status === 409 && e.fields.supersede) {
        setSupersedeAsk(e.message);
        return;
      }
      if (e instanceof ApiError && e.status === 409) setSaveState({ kind: 'conflict' });
      notifications.show({
        color: 'red',
        title: t('common.errorTitle'),
        message: e instanceof Error ? e.message : t('errors.generic'),
      });
    },
  });

  const remove = useMutation({
    mutationFn: () => del<{ ok: boolean }>(`/assessments/${assessment.id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['assessments'] });
      notifications.show({ color: 'green', message: t('assessment.deleted') });
      navigate(`/koperasi/${assessment.cooperative.id}?tab=kesehatan`, { replace: true });
    },
  });

  const errors = serverErrors?.fields ?? {};
  const tab = sp.get('bagian') ?? (def.method === 'weighted' ? 'keuangan' : (def.aspects[0]?.code ?? ''));
  const onTab = (v: string) =>
    setSp(
      (prev) => {
        const n = new URLSearchParams(prev);
        n.set('bagian', v);
        return n;
      },
      { replace: true },
    );

  const saveText =
    saveState.kind === 'saving'
      ? t('assessment.saving')
      : dirty
        ? t('assessment.unsaved')
        : saveState.kind === 'saved'
          ? t('assessment.saved', { time: formatDateTime(saveState.at).split(', ')[1] ?? '' })
          : t('assessment.savedJustNow');

  const panel = <ScorePanel result={result} def={def} marks={marks} live={!final} />;

  return (
    <>
      {final && (
        <Alert
          color="sambang"
          variant="light"
          icon={<IconLock size={18} />}
          mb="md"
          title={t('assessment.finalBanner')}
          data-testid="final-banner"
        >
          <Group justify="space-between" gap="sm" wrap="wrap" align="flex-end">
            <Text size="sm">
              {t('assessment.finalDetail', {
                title: def.title,
                version: assessment.rubricVersion,
                assessor: assessment.assessor?.name ?? '–',
                date: formatDate(assessment.assessedOn),
              })}
            </Text>
            <DownloadButton
              path={`/assessments/${assessment.id}/report.pdf`}
              fallbackName={`penilaian-${assessment.fiscalYear}.pdf`}
              variant="filled"
              size="sm"
            >
              {t('assessment.downloadPdf')}
            </DownloadButton>
            <IssueAssessmentButton assessmentId={String(assessment.id)} />
          </Group>
        </Alert>
      )}

      {saveState.kind === 'conflict' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="md">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('assessment.conflict')}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
              {t('assessment.reload')}
            </Button>
          </Group>
        </Alert>
      )}

      {serverErrors && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          mb="md"
          title={t('assessment.serverErrors')}
          withCloseButton
          onClose={() => setServerErrors(null)}
          data-testid="finalize-errors"
        >
          <Text size="sm" mb={6}>
            {serverErrors.message}
          </Text>
          <List size="sm" spacing={2}>
            {Object.entries(serverErrors.fields)
              .slice(0, 40)
              .map(([k, v]) => (
                <List.Item key={k}>
                  <b>{labels.get(k) ?? k}</b>: {v}
                </List.Item>
              ))}
          </List>
        </Alert>
      )}

      {!readOnly && (
        <Group justify="space-between" gap="xs" mb="md" wrap="wrap">
          <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'} data-testid="save-state" aria-live="polite">
            {saveText}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void saveNow()}
              loading={saveState.kind === 'saving'}
              disabled={!dirty}
            >
              {t('assessment.saveDraft')}
            </Button>
            <Button
              size="sm"
              leftSection={<IconRosetteDiscountCheck size={16} />}
              onClick={() => setFinalizeOpen(true)}
              disabled={saveState.kind === 'conflict'}
            >
              {t('assessment.finalize')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="sm"
              px="xs"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleteOpen(true)}
            >
              {t('assessment.deleteDraft')}
            </Button>
          </Group>
        </Group>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {def.method === 'weighted' ? (
            <KspInputs
              def={def}
              inputs={inputs}
              setInputs={setInputs}
              readOnly={readOnly}
              errors={errors}
              marks={marks}
              coopId={assessment.cooperative.id}
              fiscalYear={assessment.fiscalYear}
              hasStatement={assessment.statementId !== null}
              tab={tab}
              onTab={onTab}
            />
          ) : (
            <KkInputs
              def={def}
              inputs={inputs}
              setInputs={setInputs}
              readOnly={readOnly}
              errors={errors}
              marks={marks}
              tab={tab}
              onTab={onTab}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} visibleFrom="lg">
          <div className="score-panel-sticky">{panel}</div>
        </Grid.Col>
      </Grid>

      <Box hiddenFrom="lg" h={72} />
      <Box hiddenFrom="lg" className="mobile-score-bar" data-testid="mobile-score-bar">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text
              fw={750}
              fz={26}
              lh={1}
              className="tabular-nums"
              data-testid="mobile-total"
              aria-label={final ? t('assessment.storedScore') : t('assessment.liveScoreDraft')}
            >
              {scoreText(result.total)}
            </Text>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" lh={1.1}>
                {final ? t('assessment.storedScore') : t('assessment.liveScoreDraft')}
              </Text>
              {result.category ? (
                <CategoryBadge code={result.category.code} label={result.category.label} size="sm" />
              ) : (
                <Text size="xs" c="orange.8" fw={600} lh={1.1}>
                  {t('assessment.incomplete')}
                </Text>
              )}
            </Stack>
          </Group>
          <Button
            size="sm"
            variant="light"
            px="sm"
            leftSection={<IconChartBar size={16} />}
            onClick={() => setDrawerOpen(true)}
            style={{ flexShrink: 0 }}
          >
            {t('assessment.details')}
          </Button>
        </Group>
      </Box>
      <Drawer
        opened={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        position="bottom"
        size="88%"
        title={<Text fw={600}>{t('assessment.showDetails')}</Text>}
        hiddenFrom="lg"
      >
        <ScorePanel result={result} def={def} marks={marks} live={!final} compact />
      </Drawer>

      <Modal
        opened={finalizeOpen}
        onClose={() => setFinalizeOpen(false)}
        title={<Text fw={600}>{t('assessment.finalizeTitle')}</Text>}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('assessment.finalizeText')}</Text>
          <Group gap="xs">
            <Text size="sm">{t('assessment.total')}:</Text>
            <Text size="sm" fw={700} className="tabular-nums">
              {scoreText(live.total)}
            </Text>
            <CategoryBadge code={live.category?.code} label={live.category?.label} />
          </Group>
          {!live.complete && (
            <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
              <Text size="sm">{t('assessment.finalizeIncomplete')}</Text>
            </Alert>
          )}
          <DateInput
            label={t('assessment.finalizeDate')}
            value={assessedOn}
            onChange={setAssessedOn}
            valueFormat="D MMMM YYYY"
            locale="id"
            maxDate={todayJakarta()}
            required
            popoverProps={{ withinPortal: true }}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setFinalizeOpen(false)} disabled={finalize.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => finalize.mutate({})}
              loading={finalize.isPending}
              disabled={!assessedOn}
              leftSection={<IconRosetteDiscountCheck size={16} />}
            >
              {t('assessment.finalize')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={supersedeAsk !== null}
        onClose={() => setSupersedeAsk(null)}
        onConfirm={() => finalize.mutate({ supersede: true })}
        loading={finalize.isPending}
        title={t('assessment.finalizeTitle')}
        confirmLabel={t('desk.supersede.confirm')}
        color="orange"
      >
        {supersedeAsk} {t('desk.supersede.note')}
      </ConfirmModal>
      <ConfirmModal
        opened={deleteOpen}
        onClose={() => setDeleteOpen(false)}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={t('assessment.deleteTitle')}
      >
        {t('common.confirmDeleteText')}
      </ConfirmModal>
    </>
  );
}
