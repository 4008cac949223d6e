import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AssessmentInput, RubricDefinition } from '@domain/rubrics/types';
import '../../../lib/dates';
import { ApiError, del, patch, post } from '../../../lib/api';
import { type Assessment } from '../../../lib/assessment';
import { formatDateTime, todayJakarta } from '../../../lib/format';
import { componentMarks, scoreAssessment } from '../../../lib/rubric';
import { handleAuthError, notifyError } from '../../../lib/queryClient';
import { useDebounced } from '../../../components/common';
import { ScorePanel } from '../../../pages/assessment/ScorePanel';
import type { DraftInputs } from '../../../pages/assessment/shared';
import type { AssessmentDetailOut } from '@contract/assessments';
import '../../../lib/desk';

import { AUTOSAVE_MS, LIVE_MS, fieldLabels, toDraft, SaveState } from './model';

/**
 * The assessment editor's state: the draft inputs with autosave (and a retry when a save overlaps),
 * the live score, finalizing (with the supersede question) and deleting a draft.
 */
export function useAssessmentEditor(assessment: AssessmentDetailOut, def: RubricDefinition) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const final = assessment.status !== 'DRAFT'; // FINAL or SUPERSEDED: read-only either way
  const readOnly = final || !assessment.can.update;

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
      qc.setQueryData<AssessmentDetailOut>(['assessment', assessment.id], (old) => old && { ...saved, can: old.can });
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
      // A final assessment's `can` changes: keep the old one until the refetch brings the policy's answer.
      qc.setQueryData<AssessmentDetailOut>(['assessment', assessment.id], (old) => old && { ...a, can: old.can });
      void qc.invalidateQueries({ queryKey: ['assessment', assessment.id] });
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

  return {
    final,
    readOnly,
    inputs,
    dirty,
    saveState,
    serverErrors,
    setServerErrors,
    finalizeOpen,
    setFinalizeOpen,
    deleteOpen,
    setDeleteOpen,
    drawerOpen,
    setDrawerOpen,
    assessedOn,
    setAssessedOn,
    setInputs,
    marks,
    labels,
    live,
    result,
    saveNow,
    supersedeAsk,
    setSupersedeAsk,
    finalize,
    remove,
    errors,
    tab,
    onTab,
    saveText,
    panel,
  };
}

export type EditorState = ReturnType<typeof useAssessmentEditor>;
