import { useState, type FormEvent } from 'react';
import { Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../../../lib/api';
import { toOptions, useCodeList } from '../../../lib/meta';
import type { Id, Unit, UnitInput } from '../../../lib/types';
import { CountInput, RupiahInput, numOrEmpty, toInt } from '../../../components/inputs';
import { FormActions } from '../../../components/FormActions';

export interface UnitForm {
  name: string;
  sector: string | null;
  status: 'EXISTING' | 'PLANNED';
  turnover: number | string;
  employees: number | string;
  nib: string;
  pirt: string;
  halal: string;
  needs: string;
}
export const emptyForm: UnitForm = {
  name: '',
  sector: null,
  status: 'EXISTING',
  turnover: '',
  employees: '',
  nib: '',
  pirt: '',
  halal: '',
  needs: '',
};
export function toForm(u: Unit): UnitForm {
  return {
    name: u.name,
    sector: u.sector,
    status: u.status,
    turnover: numOrEmpty(u.turnover),
    employees: numOrEmpty(u.employees),
    nib: u.permits?.nib ?? '',
    pirt: u.permits?.pirt ?? '',
    halal: u.permits?.halal ?? '',
    needs: u.needs ?? '',
  };
}
export function UnitModal({
  coopId,
  unit,
  opened,
  onClose,
}: {
  coopId: Id;
  unit: Unit | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const sectors = useCodeList('sectors');
  const unitStatuses = useCodeList('unitStatuses');
  const [form, setForm] = useState<UnitForm>(unit ? toForm(unit) : emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setField = <K extends keyof UnitForm>(k: K, v: UnitForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = useMutation({
    mutationFn: (body: UnitInput) =>
      unit
        ? patch<Unit>(`/cooperatives/${coopId}/business-units/${unit.id}`, body)
        : post<Unit>(`/cooperatives/${coopId}/business-units`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['units', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('common.saved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs.name = t('common.required');
    if (!form.sector) errs.sector = t('common.required');
    const turnover = toInt(form.turnover);
    const employees = toInt(form.employees);
    if (turnover !== null && turnover < 0) errs.turnover = t('common.invalidNumber');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      name: form.name.trim(),
      sector: form.sector ?? 'LAINNYA',
      status: form.status,
      turnover,
      employees,
      permits: { nib: form.nib.trim() || null, pirt: form.pirt.trim() || null, halal: form.halal.trim() || null },
      needs: form.needs.trim() || null,
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{unit ? t('units.editTitle') : t('units.addTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('units.name')}
            required
            value={form.name}
            onChange={(e) => setField('name', e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('units.sector')}
              required
              data={toOptions(sectors)}
              value={form.sector}
              onChange={(v) => setField('sector', v)}
              error={errors.sector}
            />
            <Input.Wrapper label={t('units.status')}>
              <SegmentedControl
                fullWidth
                data={toOptions(unitStatuses)}
                value={form.status}
                onChange={(v) => setField('status', v as UnitForm['status'])}
              />
            </Input.Wrapper>
            <RupiahInput
              label={t('units.turnover')}
              value={form.turnover}
              onChange={(v) => setField('turnover', v)}
              error={errors.turnover}
            />
            <CountInput
              label={t('units.employees')}
              value={form.employees}
              onChange={(v) => setField('employees', v)}
              error={errors.employees}
            />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">
            {t('units.permits')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label={t('units.nib')}
              value={form.nib}
              onChange={(e) => setField('nib', e.currentTarget.value)}
              error={errors['permits.nib']}
            />
            <TextInput
              label={t('units.pirt')}
              value={form.pirt}
              onChange={(e) => setField('pirt', e.currentTarget.value)}
              error={errors['permits.pirt']}
            />
            <TextInput
              label={t('units.halal')}
              value={form.halal}
              onChange={(e) => setField('halal', e.currentTarget.value)}
              error={errors['permits.halal']}
            />
          </SimpleGrid>
          <Textarea
            label={t('units.needs')}
            autosize
            minRows={2}
            value={form.needs}
            onChange={(e) => setField('needs', e.currentTarget.value)}
            error={errors.needs}
          />
          <FormActions onCancel={onClose} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
