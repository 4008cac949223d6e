import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { handleAuthError, notifyError } from '../../../lib/queryClient';
import {
  checkDraft,
  draftOf,
  fetchVisit,
  isDirty,
  patchOf,
  rebaseDraft,
  saveVisit,
  uploadPhoto,
  visitKey,
  type PendingPhoto,
  type Visit,
  type VisitDraft,
} from '../../../lib/visit-record';
import { isVersionConflict } from './parts';

/**
 * The record being kept on one visit: the copy last loaded from the server (base), what the user is
 * typing (draft), photos waiting to go up, field errors and the version conflict; `save` sends the
 * changed parts and the photos, `reloadKeepingDraft` rebases the draft on a newer server copy.
 */
export function useVisitRecord(visit: Visit) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [base, setBase] = useState<VisitDraft>(() => draftOf(visit));
  const [baseVersion, setBaseVersion] = useState(visit.version);
  const [draft, setDraftState] = useState<VisitDraft>(() => draftOf(visit));
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const recordDirty = useMemo(() => isDirty(base, draft), [base, draft]);
  const dirty = recordDirty || pending.length > 0;

  const setDraft = useCallback((fn: (d: VisitDraft) => VisitDraft) => {
    setDraftState(fn);
  }, []);
  const clearError = (prefix: string) =>
    setErrors((e) =>
      Object.keys(e).some((k) => k.startsWith(prefix))
        ? Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix)))
        : e,
    );

  // A newer server copy (after approve, complete, photos, or a refetch): adopt it when the record
  // itself is unchanged or the user has nothing unsaved; otherwise keep the draft (a save will say
  // it is stale and offer the merge).
  useEffect(() => {
    const server = draftOf(visit);
    if (!isDirty(base, server)) {
      setBaseVersion(visit.version);
      return;
    }
    if (!isDirty(base, draftRef.current)) {
      setBase(server);
      setDraftState(server);
      setBaseVersion(visit.version);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visit]);

  /** Puts a visit the server answered with into the cache (and refreshes the lists). */
  const adopt = (v: Visit) => {
    qc.setQueryData(visitKey(v.id), v);
    void qc.invalidateQueries({ queryKey: ['visits'] });
  };

  const uploadPending = async (): Promise<number | null> => {
    let uploaded = 0;
    for (const p of pending) {
      try {
        await uploadPhoto(visit.id, p);
        uploaded += 1;
        setPending((list) => list.filter((x) => x.id !== p.id));
      } catch (e) {
        if (handleAuthError(e)) return null;
        notifications.show({
          color: 'red',
          autoClose: 9000,
          message: t('visitRecord.record.photoUploadFailed', {
            name: p.caption || `${p.width} × ${p.height}`,
            message: e instanceof Error ? e.message : String(e),
          }),
        });
      }
    }
    return uploaded;
  };

  /** Saves the record, then uploads new photos. Returns the newest visit, or null when something stopped it. */
  const save = async (): Promise<Visit | null> => {
    const local = checkDraft(draft);
    if (Object.keys(local).length) {
      setErrors(local);
      notifications.show({ color: 'red', message: t('visitRecord.record.fixErrors') });
      return null;
    }
    setSaving(true);
    setErrors({});
    let current = visit;
    try {
      const snapshot = draft;
      const body = patchOf(base, snapshot, baseVersion);
      if (body) {
        try {
          current = await saveVisit(visit.id, body);
        } catch (e) {
          if (isVersionConflict(e)) {
            setConflict(true);
            return null;
          }
          if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
          if (!handleAuthError(e)) notifyError(e);
          return null;
        }
        const server = draftOf(current);
        setBase(server);
        setBaseVersion(current.version);
        if (draftRef.current === snapshot) setDraftState(server);
        adopt(current);
      }
      const uploaded = await uploadPending();
      if (uploaded === null) return null;
      if (uploaded) {
        current = await fetchVisit(visit.id);
        adopt(current);
      }
      if (body || uploaded) {
        notifications.show({
          color: 'green',
          message: uploaded ? t('visitRecord.record.savedWithPhotos', { n: uploaded }) : t('visitRecord.record.saved'),
        });
      }
      return current;
    } finally {
      setSaving(false);
    }
  };

  const reloadKeepingDraft = async () => {
    try {
      const latest = await fetchVisit(visit.id);
      const server = draftOf(latest);
      setDraftState(rebaseDraft(base, draftRef.current, server));
      setBase(server);
      setBaseVersion(latest.version);
      qc.setQueryData(visitKey(latest.id), latest);
      setConflict(false);
      notifications.show({ color: 'blue', message: t('visitRecord.record.conflictReloaded') });
    } catch (e) {
      if (!handleAuthError(e)) notifyError(e);
    }
  };

  const discard = () => {
    setDraftState(base);
    setPending([]);
    setErrors({});
  };

  return {
    draft,
    setDraft,
    pending,
    setPending,
    errors,
    clearError,
    conflict,
    saving,
    dirty,
    adopt,
    save,
    reloadKeepingDraft,
    discard,
  };
}
export type VisitRecordState = ReturnType<typeof useVisitRecord>;
