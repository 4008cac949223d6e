import { useEffect, useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputSection } from '@domain/rubrics/types';
import { ApiError, put } from '../../lib/api';
import type { Statement } from '../../lib/assessment';
import { uploadFile, XLSX_TYPE } from '../../lib/download';
import { handleAuthError, notifyError } from '../../lib/queryClient';
import type { LineValues } from './lines';

export function allCodes(sections: InputSection[]): string[] {
  return sections.flatMap((s) => s.lines.map((l) => l.code));
}

export type UploadErrors = { message: string; fields: [string, string][] };

/** The statement editor's state: the values being edited, field errors, and the save and spreadsheet-upload mutations. */
export function useStatementEditor(
  coopId: string,
  year: number,
  statement: Statement | undefined,
  sections: InputSection[],
) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<LineValues>(() => ({ ...(statement?.lines ?? {}) }));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploadErrors, setUploadErrors] = useState<UploadErrors | null>(null);
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

  const fillZero = () => {
    setValues((prev) => ({ ...prev, ...Object.fromEntries(missing.map((c) => [c, 0])) }));
    setDirty(true);
  };

  return { values, dirty, errors, uploadErrors, setUploadErrors, missing, onChange, fillZero, save, upload };
}
