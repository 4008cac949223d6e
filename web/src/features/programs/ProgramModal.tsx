import { useState, type FormEvent } from 'react';
import {
  Alert,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import { ApiError, patch, post } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useDistricts } from '../../lib/meta';
import { type Program } from '../../lib/visits';
import { FormActions } from '../../components/FormActions';

import { ProgramForm } from './parts';

export function ProgramModal({
  program,
  onClose,
  onSaved,
}: {
  program: Program | null;
  onClose: () => void;
  onSaved: (p: Program) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const districts = useDistricts();
  const [form, setForm] = useState<ProgramForm>(() => ({
    name: program?.name ?? '',
    periodStart: program?.periodStart ?? null,
    periodEnd: program?.periodEnd ?? null,
    description: program?.description ?? '',
    targets: Object.fromEntries(
      (program?.targets ?? []).filter((r) => r.target > 0).map((r) => [r.district.code, r.target]),
    ),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const set = <K extends keyof ProgramForm>(k: K, v: ProgramForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors(({ [k]: _drop, ...rest }) => rest);
  };

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      program ? patch<Program>(`/programs/${program.id}`, body) : post<Program>('/programs', body),
    onSuccess: (saved) => {
      qc.setQueryData(['program', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['programs'] });
      notifications.show({ color: 'green', message: t('programs.saved') });
      onSaved(saved);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      setErrors(e.fields);
      if (e.status === 409) setConflict(e.message || t('programs.conflict'));
    },
  });

  const codes = (districts.data ?? []).map((d) => d.code);
  const targetErrors = Object.entries(errors).filter(([k]) => k.startsWith('targets'));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setConflict(null);
    const errs: Record<string, string> = {};
    if (form.name.trim().length < 3) errs.name = t('common.required');
    if (!form.periodStart) errs.periodStart = t('common.required');
    if (!form.periodEnd) errs.periodEnd = t('common.required');
    if (form.periodStart && form.periodEnd && form.periodEnd < form.periodStart)
      errs.periodEnd = 'Akhir periode tidak boleh sebelum awal periode.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const targets = codes
      .map((code) => ({
        districtCode: code,
        target: typeof form.targets[code] === 'number' ? (form.targets[code] as number) : 0,
      }))
      .filter((x) => x.target > 0);
    const body: Record<string, unknown> = {
      name: form.name.trim(),
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      description: form.description.trim() || null,
      targets,
    };
    save.mutate(program ? { ...body, version: program.version } : body);
  };

  const total = Object.values(form.targets).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={700}>{program ? t('programs.edit') : t('programs.new')}</Text>}
      size="xl"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {conflict && (
            <Alert color="orange" variant="light">
              {conflict}
            </Alert>
          )}
          <TextInput
            label={t('programs.name')}
            required
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            maxLength={200}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput
              label={t('programs.periodStart')}
              required
              valueFormat="D MMMM YYYY"
              locale="id"
              value={form.periodStart}
              onChange={(v) => set('periodStart', v)}
              error={errors.periodStart}
              popoverProps={{ withinPortal: true }}
              leftSection={<IconCalendarEvent size={16} />}
            />
            <DateInput
              label={t('programs.periodEnd')}
              required
              valueFormat="D MMMM YYYY"
              locale="id"
              value={form.periodEnd}
              onChange={(v) => set('periodEnd', v)}
              error={errors.periodEnd}
              minDate={form.periodStart ?? undefined}
              popoverProps={{ withinPortal: true }}
              leftSection={<IconCalendarEvent size={16} />}
            />
          </SimpleGrid>
          <Textarea
            label={t('programs.description')}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            error={errors.description}
          />
          <Stack gap={4}>
            <Group justify="space-between" align="flex-end">
              <Text fw={600} size="sm">
                {t('programs.targets')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('programs.total')}: <b className="tabular-nums">{formatNumber(total)}</b>
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('programs.targetsHint')}
            </Text>
            {targetErrors.map(([k, m]) => (
              <Text key={k} size="xs" c="red">
                {m}
              </Text>
            ))}
            {districts.isLoading ? (
              <Skeleton h={200} />
            ) : (
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} verticalSpacing={6} mt={4}>
                {(districts.data ?? []).map((d) => (
                  <Group
                    key={d.code}
                    justify="space-between"
                    wrap="nowrap"
                    gap="xs"
                    px="xs"
                    py={4}
                    style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 6 }}
                  >
                    <Text size="sm" style={{ minWidth: 0 }} truncate="end">
                      {d.name}
                    </Text>
                    <NumberInput
                      aria-label={`${t('programs.target')} ${d.name}`}
                      value={form.targets[d.code] ?? ''}
                      onChange={(v) => setForm((f) => ({ ...f, targets: { ...f.targets, [d.code]: v } }))}
                      min={0}
                      max={10000}
                      allowDecimal={false}
                      allowNegative={false}
                      placeholder="0"
                      w={84}
                      size="sm"
                      hideControls={false}
                      data-testid={`target-${d.code}`}
                    />
                  </Group>
                ))}
              </SimpleGrid>
            )}
          </Stack>
          <FormActions onCancel={onClose} loading={save.isPending} mt="xs" submitTestId="program-save" />
        </Stack>
      </form>
    </Modal>
  );
}
