import { useState, type FormEvent } from 'react';
import { Alert, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, put } from '../../../lib/api';
import { todayJakarta } from '../../../lib/format';
import type { Figure, Id } from '../../../lib/types';
import { CountInput, RupiahInput, numOrEmpty, toInt } from '../../../components/inputs';
import '../../../lib/desk';
import { FormActions } from '../../../components/FormActions';

export const MONEY = ['assets', 'ownCapital', 'externalCapital', 'businessVolume', 'shu'] as const;
export type MoneyKey = (typeof MONEY)[number];
export type FigureForm = Record<MoneyKey | 'membersMale' | 'membersFemale', number | string> & {
  fiscalYear: number | string;
};
/** The latest fiscal year (not in the future) that has no figures yet. */
export function defaultYear(existing: number[], thisYear: number): number {
  let y = thisYear - 1;
  while (existing.includes(y) && y < thisYear) y += 1;
  if (!existing.includes(y)) return y;
  y = thisYear - 1;
  while (existing.includes(y) && y > 1950) y -= 1;
  return y;
}
export function FigureModal({
  coopId,
  figure,
  existingYears,
  onClose,
}: {
  coopId: Id;
  figure: Figure | null;
  existingYears: number[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const thisYear = Number(todayJakarta().slice(0, 4));
  const [form, setForm] = useState<FigureForm>(() => ({
    fiscalYear: figure?.fiscalYear ?? defaultYear(existingYears, thisYear),
    assets: numOrEmpty(figure?.assets),
    ownCapital: numOrEmpty(figure?.ownCapital),
    externalCapital: numOrEmpty(figure?.externalCapital),
    businessVolume: numOrEmpty(figure?.businessVolume),
    shu: numOrEmpty(figure?.shu),
    membersMale: numOrEmpty(figure?.membersMale),
    membersFemale: numOrEmpty(figure?.membersFemale),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setField = (k: keyof FigureForm, v: number | string) => setForm((f) => ({ ...f, [k]: v }));

  const save = useMutation({
    mutationFn: ({ year, body }: { year: number; body: Omit<Figure, 'fiscalYear'> }) =>
      put<Figure>(`/cooperatives/${coopId}/figures/${year}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['figures', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('common.saved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const year = toInt(form.fiscalYear);
  const overwrite = !figure && year !== null && existingYears.includes(year);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (year === null || year < 1950 || year > thisYear) errs.fiscalYear = t('figures.invalidYear');
    setErrors(errs);
    if (Object.keys(errs).length || year === null) return;
    save.mutate({
      year,
      body: {
        assets: toInt(form.assets),
        ownCapital: toInt(form.ownCapital),
        externalCapital: toInt(form.externalCapital),
        businessVolume: toInt(form.businessVolume),
        shu: toInt(form.shu),
        membersMale: toInt(form.membersMale),
        membersFemale: toInt(form.membersFemale),
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={600}>{figure ? t('figures.editTitle', { year: figure.fiscalYear }) : t('figures.addTitle')}</Text>
      }
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <NumberInput
            label={t('figures.fiscalYear')}
            value={form.fiscalYear}
            onChange={(v) => setField('fiscalYear', v)}
            min={1950}
            max={thisYear}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=""
            disabled={!!figure}
            error={errors.fiscalYear}
            w={{ base: '100%', xs: 160 }}
            data-autofocus
          />
          {overwrite && (
            <Alert color="yellow" variant="light" py="xs">
              {t('figures.yearExists', { year })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {MONEY.map((k) => (
              <RupiahInput
                key={k}
                label={t(`figures.${k}`)}
                value={form[k]}
                onChange={(v) => setField(k, v)}
                error={errors[k]}
                allowNegative={k === 'shu'}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <CountInput
              label={t('figures.membersMale')}
              value={form.membersMale}
              onChange={(v) => setField('membersMale', v)}
              error={errors.membersMale}
            />
            <CountInput
              label={t('figures.membersFemale')}
              value={form.membersFemale}
              onChange={(v) => setField('membersFemale', v)}
              error={errors.membersFemale}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('figures.rupiahHint')}
          </Text>
          <FormActions onCancel={onClose} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
