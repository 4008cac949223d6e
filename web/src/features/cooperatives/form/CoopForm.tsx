import '../../../lib/dates';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../../../lib/api';
import { KOPERASI_EDITABLE_FIELDS } from '../../../lib/auth';
import { todayJakarta } from '../../../lib/format';
import { toOptions, useCodeList, useDistricts, useMeta, useVillages } from '../../../lib/meta';
import type { Coop, CoopInput } from '../../../lib/types';
import { CountInput } from '../../../components/inputs';
import { PageHeader } from '../../../components/common';

import {
  nextRowKey,
  OfficerRow,
  FormValues,
  initialValues,
  parseCoord,
  toInput,
  focusFirstInvalid,
  FormSection,
} from './model';

export function CoopForm({ coop, restricted }: { coop: Coop | undefined; restricted: boolean }) {
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
      qc.setQueryData(['cooperative', String(saved.id)], saved);
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
      if (values.nik.trim() && !/^\d{16}$/.test(values.nik.trim())) errs.nik = t('coop.form.invalidNik');
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
    const allowed: readonly string[] = restricted ? KOPERASI_EDITABLE_FIELDS : Object.keys(after);
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

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        {!restricted && (
          <Anchor component={Link} to="/koperasi" size="sm">
            {t('nav.cooperatives')}
          </Anchor>
        )}
        {coop && (
          <Anchor component={Link} to={`/koperasi/${coop.id}`} size="sm" truncate="end" maw={{ base: 200, sm: 420 }}>
            {coop.name}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {coop ? t('coop.edit') : t('coop.add')}
        </Text>
      </Breadcrumbs>
      <PageHeader title={title} docTitle={[title, coop?.name]} subtitle={coop?.name} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={960}>
          {restricted && (
            <Alert color="blue" variant="light">
              {t('coop.koperasiEditNote')}
            </Alert>
          )}
          {conflict && (
            <Alert color="orange" variant="light" title={t('common.errorTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{conflict}</Text>
                <Button
                  size="xs"
                  variant="white"
                  onClick={() => void qc.invalidateQueries({ queryKey: ['cooperative', String(coop?.id)] })}
                >
                  {t('common.retry')}
                </Button>
              </Stack>
            </Alert>
          )}
          {otherErrors.length > 0 && (
            <Alert color="red" variant="light">
              <Stack gap={2}>
                {otherErrors.map(([k, m]) => (
                  <Text size="sm" key={k}>
                    {m}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}

          {!restricted && (
            <FormSection title={t('coop.form.identity')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('coop.fields.name')}
                  required
                  value={values.name}
                  onChange={(e) => set('name', e.currentTarget.value)}
                  error={errors.name}
                  style={{ gridColumn: '1 / -1' }}
                />
                <TextInput
                  label={t('coop.fields.nik')}
                  placeholder={t('coop.form.nikHint')}
                  value={values.nik}
                  onChange={(e) => set('nik', e.currentTarget.value.replace(/[^\d]/g, '').slice(0, 16))}
                  error={errors.nik}
                  inputMode="numeric"
                  maxLength={16}
                />
                <TextInput
                  label={t('coop.fields.legalEntityNumber')}
                  value={values.legalEntityNumber}
                  onChange={(e) => set('legalEntityNumber', e.currentTarget.value)}
                  error={errors.legalEntityNumber}
                />
                <Select
                  label={t('coop.fields.type')}
                  placeholder={t('coop.form.chooseType')}
                  required
                  data={toOptions(types)}
                  value={values.type}
                  onChange={(v) => set('type', v)}
                  error={errors.type}
                />
                <Select
                  label={t('coop.fields.group')}
                  placeholder={t('coop.form.chooseGroup')}
                  required
                  searchable
                  data={toOptions(groups)}
                  value={values.group}
                  onChange={(v) => set('group', v)}
                  error={errors.group}
                />
                <Select
                  label={t('coop.fields.scheme')}
                  data={toOptions(schemes)}
                  value={values.scheme}
                  onChange={(v) => set('scheme', v)}
                  error={errors.scheme}
                  clearable
                />
                <Select
                  label={t('coop.fields.status')}
                  data={[
                    { value: 'AKTIF', label: t('labels.status.AKTIF') },
                    { value: 'TIDAK_AKTIF', label: t('labels.status.TIDAK_AKTIF') },
                  ]}
                  value={values.status}
                  onChange={(v) => set('status', v === 'TIDAK_AKTIF' ? 'TIDAK_AKTIF' : 'AKTIF')}
                  allowDeselect={false}
                  error={errors.status}
                />
                <DateInput
                  {...dateProps}
                  label={t('coop.fields.legalEntityDate')}
                  value={values.legalEntityDate}
                  onChange={(v) => set('legalEntityDate', v)}
                  error={errors.legalEntityDate}
                />
                <DateInput
                  {...dateProps}
                  label={t('coop.fields.legalEntityAmendmentDate')}
                  value={values.legalEntityAmendmentDate}
                  onChange={(v) => set('legalEntityAmendmentDate', v)}
                  error={errors.legalEntityAmendmentDate}
                />
                {showSimkopdes && (
                  <TextInput
                    label={t('coop.fields.simkopdesId')}
                    value={values.simkopdesId}
                    onChange={(e) => set('simkopdesId', e.currentTarget.value)}
                    error={errors.simkopdesId}
                  />
                )}
              </SimpleGrid>
            </FormSection>
          )}

          <FormSection title={t('coop.form.address')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {!restricted && (
                <>
                  <Select
                    label={t('coop.fields.districtCode')}
                    placeholder={t('coop.form.chooseDistrict')}
                    required
                    searchable
                    data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
                    value={values.districtCode}
                    onChange={(v) => {
                      set('districtCode', v);
                      set('villageCode', null);
                    }}
                    error={errors.districtCode}
                    nothingFoundMessage={t('common.noResults')}
                    rightSection={districts.isLoading ? <Loader size={14} /> : undefined}
                  />
                  <Select
                    label={t('coop.fields.villageCode')}
                    placeholder={values.districtCode ? t('coop.form.chooseVillage') : t('coop.chooseDistrictFirst')}
                    required
                    searchable
                    disabled={!values.districtCode}
                    data={(villages.data ?? []).map((v) => ({
                      value: v.code,
                      label: v.kind === 'KELURAHAN' ? `${v.name} (kelurahan)` : v.name,
                    }))}
                    value={values.villageCode}
                    onChange={(v) => set('villageCode', v)}
                    error={errors.villageCode}
                    nothingFoundMessage={t('common.noResults')}
                    rightSection={villages.isLoading ? <Loader size={14} /> : undefined}
                  />
                </>
              )}
              <TextInput
                label={t('coop.fields.street')}
                value={values.street}
                onChange={(e) => set('street', e.currentTarget.value)}
                error={errors.street}
                style={{ gridColumn: '1 / -1' }}
              />
              {!restricted && (
                <>
                  <TextInput
                    label={t('coop.fields.latitude')}
                    value={values.latitude}
                    onChange={(e) => set('latitude', e.currentTarget.value)}
                    error={errors.latitude}
                    inputMode="decimal"
                    placeholder="-7,9342"
                  />
                  <TextInput
                    label={t('coop.fields.longitude')}
                    value={values.longitude}
                    onChange={(e) => set('longitude', e.currentTarget.value)}
                    error={errors.longitude}
                    inputMode="decimal"
                    placeholder="113,3961"
                  />
                  <Text size="xs" c="dimmed" mt={-6} style={{ gridColumn: '1 / -1' }}>
                    {t('coop.form.coordHint')}
                  </Text>
                </>
              )}
            </SimpleGrid>
          </FormSection>

          <FormSection title={t('coop.form.contact')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('coop.fields.phone')}
                type="tel"
                inputMode="tel"
                value={values.phone}
                onChange={(e) => set('phone', e.currentTarget.value)}
                error={errors.phone}
              />
              <TextInput
                label={t('coop.fields.email')}
                type="email"
                inputMode="email"
                value={values.email}
                onChange={(e) => set('email', e.currentTarget.value)}
                error={errors.email}
              />
            </SimpleGrid>
          </FormSection>

          <FormSection title={t('coop.form.people')}>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
              <CountInput
                placeholder="0"
                label={t('coop.fields.membersMale')}
                name="membersMale"
                value={values.membersMale}
                onChange={(v) => set('membersMale', v)}
                error={errors.membersMale}
              />
              <CountInput
                placeholder="0"
                label={t('coop.fields.membersFemale')}
                name="membersFemale"
                value={values.membersFemale}
                onChange={(v) => set('membersFemale', v)}
                error={errors.membersFemale}
              />
              <CountInput
                placeholder="0"
                label={t('coop.fields.employeesMale')}
                name="employeesMale"
                value={values.employeesMale}
                onChange={(v) => set('employeesMale', v)}
                error={errors.employeesMale}
              />
              <CountInput
                placeholder="0"
                label={t('coop.fields.employeesFemale')}
                name="employeesFemale"
                value={values.employeesFemale}
                onChange={(v) => set('employeesFemale', v)}
                error={errors.employeesFemale}
              />
            </SimpleGrid>
          </FormSection>

          {
            <FormSection title={t('coop.sections.officers')}>
              <Stack gap="sm">
                {values.officers.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('coop.officer.none')}
                  </Text>
                )}
                {values.officers.map((o, i) => (
                  <Card key={o.key} withBorder padding="sm" bg="gray.0" data-testid="officer-row">
                    <Group justify="space-between" mb={6}>
                      <Text size="sm" fw={600}>
                        #{i + 1}
                      </Text>
                      <Tooltip label={t('coop.officer.remove')}>
                        <ActionIcon
                          color="red"
                          variant="subtle"
                          aria-label={t('coop.officer.remove')}
                          onClick={() => setValues((s) => ({ ...s, officers: s.officers.filter((_, j) => j !== i) }))}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
                      <Select
                        label={t('coop.officer.role')}
                        placeholder={t('coop.form.chooseRole')}
                        required
                        data={toOptions(officerRoles)}
                        value={o.role}
                        onChange={(v) => setOfficer(i, { role: v })}
                        error={errors[`officers.${i}.role`]}
                      />
                      <TextInput
                        label={t('coop.officer.name')}
                        required
                        value={o.name}
                        onChange={(e) => setOfficer(i, { name: e.currentTarget.value })}
                        error={errors[`officers.${i}.name`]}
                      />
                      <TextInput
                        label={t('coop.officer.phone')}
                        type="tel"
                        value={o.phone}
                        onChange={(e) => setOfficer(i, { phone: e.currentTarget.value })}
                        error={errors[`officers.${i}.phone`]}
                      />
                      <DateInput
                        {...dateProps}
                        maxDate={undefined}
                        label={t('coop.officer.termStart')}
                        value={o.termStart}
                        onChange={(v) => setOfficer(i, { termStart: v })}
                        error={errors[`officers.${i}.termStart`]}
                      />
                      <DateInput
                        {...dateProps}
                        maxDate={undefined}
                        label={t('coop.officer.termEnd')}
                        value={o.termEnd}
                        onChange={(v) => setOfficer(i, { termEnd: v })}
                        error={errors[`officers.${i}.termEnd`]}
                      />
                    </SimpleGrid>
                  </Card>
                ))}
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} />}
                    onClick={() =>
                      setValues((s) => ({
                        ...s,
                        officers: [
                          ...s.officers,
                          { key: nextRowKey(), role: null, name: '', phone: '', termStart: null, termEnd: null },
                        ],
                      }))
                    }
                  >
                    {t('coop.officer.add')}
                  </Button>
                </Group>
              </Stack>
            </FormSection>
          }

          <Group
            justify="flex-end"
            gap="xs"
            pos="sticky"
            bottom={0}
            py="sm"
            bg="var(--mantine-color-gray-0)"
            style={{ zIndex: 5 }}
          >
            <Button variant="default" component={Link} to={coop ? `/koperasi/${coop.id}` : '/koperasi'}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} leftSection={<IconDeviceFloppy size={18} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
