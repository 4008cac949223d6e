import '../../../lib/dates';
import { Loader, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { toOptions } from '../../../lib/meta';
import { CountInput } from '../../../components/inputs';

import type { CoopFormState } from './useCoopForm';
import { FormSection } from './model';

export function IdentitySection({ form }: { form: CoopFormState }) {
  const { t } = useTranslation();
  const { values, set, errors, types, groups, schemes, showSimkopdes, dateProps } = form;
  return (
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
  );
}

export function AddressSection({ form }: { form: CoopFormState }) {
  const { t } = useTranslation();
  const { values, set, errors, districts, villages, restricted } = form;
  return (
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
  );
}

export function ContactSection({ form }: { form: CoopFormState }) {
  const { t } = useTranslation();
  const { values, set, errors } = form;
  return (
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
  );
}

export function PeopleSection({ form }: { form: CoopFormState }) {
  const { t } = useTranslation();
  const { values, set, errors } = form;
  return (
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
  );
}
