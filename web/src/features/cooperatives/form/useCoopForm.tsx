import '../../../lib/dates';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../../../lib/api';
import { NIK_PATTERN, SELF_EDITABLE_FIELDS } from '@domain/cooperative';
import { todayJakarta } from '../../../lib/format';
import { useCodeList, useDistricts, useMeta, useVillages } from '../../../lib/meta';
import type { Coop, CoopDetail, CoopInput } from '../../../lib/types';

import { OfficerRow, FormValues, initialValues, parseCoord, toInput, focusFirstInvalid } from './model';

/** The cooperative form's state, validation and save (POST a new one; PATCH only what changed). */
export function useCoopForm(coop: Coop | undefined, restricted: boolean) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const meta = useMeta();
  const types = useCodeList('types');
  const groups = useCodeList('groups');
  const schemes = useCodeList('schemes');
  const officerRoles = useCodeList('officerRoles');
  const districts = useDistricts(!restricted);
  const initial = useMemo(() => initialValues(coop), [coop]);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const villages = useVillages(restricted ? null : values.districtCode);

  const set = <K extends keyof FormValues>(k: K, v: FormValues[K]) => {
    setValues((s) => ({ ...s, [k]: v }));
    setErrors((e) => {
      if (!e[k as string]) return e;
      const n = { ...e };
      delete n[k as string];
      return n;
    });
  };
  const setOfficer = (idx: number, patchRow: Partial<OfficerRow>) =>
    setValues((s) => ({ ...s, officers: s.officers.map((o, i) => (i === idx ? { ...o, ...patchRow } : o)) }));

  // drop a village that does not belong to the chosen district
  useEffect(() => {
    if (restricted || !villages.data || !values.villageCode) return;
    if (!villages.data.some((v) => v.code === values.villageCode)) set('villageCode', null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [villages.data]);

  const mutation = useMutation({
    mutationFn: (body: Partial<CoopInput> & { version?: number }) =>
      coop ? patch<Coop>(`/cooperatives/${coop.id}`, body) : post<Coop>('/cooperatives', body),
    onSuccess: (saved) => {
      // The detail page reads `can` with the record: keep the old one until the refetch brings the policy's answer.
      qc.setQueryData<CoopDetail>(['cooperative', String(saved.id)], (old) => old && { ...saved, can: old.can });
      void qc.invalidateQueries({ queryKey: ['cooperative', String(saved.id)] });
      void qc.invalidateQueries({ queryKey: ['cooperatives'] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(saved.id)] });
      notifications.show({ color: 'green', message: coop ? t('coop.updated') : t('coop.created') });
      navigate(`/koperasi/${saved.id}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      setErrors(e.fields);
      if (Object.keys(e.fields).length) focusFirstInvalid();
      if (e.status === 409 && !e.fields.nik) setConflict(e.message || t('coop.conflict'));
    },
  });

  const validate = (): Record<string, string> => {
    const errs: Record<string, string> = {};
    const req = t('common.required');
    if (!restricted) {
      if (!values.name.trim()) errs.name = req;
      if (!values.type) errs.type = req;
      if (!values.group) errs.group = req;
      if (!values.districtCode) errs.districtCode = req;
      if (!values.villageCode) errs.villageCode = req;
      if (values.nik.trim() && !NIK_PATTERN.test(values.nik.trim())) errs.nik = t('coop.form.invalidNik');
      const lat = parseCoord(values.latitude);
      const lng = parseCoord(values.longitude);
      if (lat === 'invalid') errs.latitude = t('coop.form.invalidCoordinate');
      if (lng === 'invalid') errs.longitude = t('coop.form.invalidCoordinate');
      if (!errs.latitude && !errs.longitude) {
        if ((lat === null) !== (lng === null))
          errs[lat === null ? 'latitude' : 'longitude'] = t('coop.form.bothCoordinates');
        else if (typeof lat === 'number' && typeof lng === 'number' && meta.data?.bbox) {
          const b = meta.data.bbox;
          if (lat < b.minLat || lat > b.maxLat || lng < b.minLng || lng > b.maxLng) {
            const msg = t('coop.form.outsideRegency', { name: meta.data.regency?.name ?? '' });
            errs.latitude = msg;
            errs.longitude = msg;
          }
        }
      }
      values.officers.forEach((o, i) => {
        if (!o.role) errs[`officers.${i}.role`] = req;
        if (!o.name.trim()) errs[`officers.${i}.name`] = req;
        if (o.termStart && o.termEnd && o.termEnd < o.termStart)
          errs[`officers.${i}.termEnd`] = t('coop.form.termOrder');
      });
    }
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      errs.email = t('common.invalidEmail');
    return errs;
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setConflict(null);
    const errs = validate();
    setErrors(errs);
    if (Object.keys(errs).length) {
      notifications.show({ color: 'red', message: t('common.fieldErrors') });
      focusFirstInvalid();
      return;
    }
    const input = toInput(values);
    if (!coop) {
      mutation.mutate(input);
      return;
    }
    // PATCH only what changed (the audit trail then names exactly what the user touched)
    const before = toInput(initial) as unknown as Record<string, unknown>;
    const after = input as unknown as Record<string, unknown>;
    const allowed: readonly string[] = restricted ? [...SELF_EDITABLE_FIELDS] : Object.keys(after);
    const changed: Record<string, unknown> = {};
    for (const k of allowed) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changed[k] = after[k];
    }
    if (Object.keys(changed).length === 0) {
      navigate(`/koperasi/${coop.id}`);
      return;
    }
    mutation.mutate({ ...changed, version: coop.version });
  };

  // Errors from the server for fields the screen does not show
  const shownFields = new Set([
    'name',
    'nik',
    'type',
    'group',
    'scheme',
    'status',
    'legalEntityNumber',
    'legalEntityDate',
    'legalEntityAmendmentDate',
    'simkopdesId',
    'districtCode',
    'villageCode',
    'street',
    'latitude',
    'longitude',
    'phone',
    'email',
    'membersMale',
    'membersFemale',
    'employeesMale',
    'employeesFemale',
  ]);
  const otherErrors = Object.entries(errors).filter(([k]) => !shownFields.has(k) && !/^officers\.\d+\./.test(k));

  const dateProps = {
    valueFormat: 'D MMMM YYYY',
    locale: 'id',
    clearable: true,
    placeholder: t('coop.form.pickDate'),
    maxDate: todayJakarta(),
  } as const;

  const title = coop ? t('coop.editTitle') : t('coop.createTitle');
  const showSimkopdes = values.group === 'KDKMP' || !!values.simkopdesId;

  return {
    values,
    set,
    setValues,
    errors,
    setOfficer,
    types,
    groups,
    schemes,
    officerRoles,
    districts,
    villages,
    dateProps,
    showSimkopdes,
    restricted,
    meta,
    coop,
    mutation,
    onSubmit,
    otherErrors,
    conflict,
    initial,
    title,
    qc,
  };
}

export type CoopFormState = ReturnType<typeof useCoopForm>;
