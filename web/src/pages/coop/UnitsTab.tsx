import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, del, get, patch, post } from '../../lib/api';
import { formatNumber, formatRupiah } from '../../lib/format';
import { toOptions, useCodeList, useLabel } from '../../lib/meta';
import type { Id, Unit, UnitInput } from '../../lib/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { CountInput, RupiahInput, numOrEmpty, toInt } from '../../components/inputs';
import { EmptyText, ErrorState } from '../../components/common';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

interface UnitForm {
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

const emptyForm: UnitForm = {
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

function toForm(u: Unit): UnitForm {
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

function UnitModal({
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

export function UnitsTab({ coopId, canEdit }: { coopId: Id; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sectorLabel = useLabel('sectors');
  const statusLabel = useLabel('unitStatuses');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);

  const query = useQuery({
    queryKey: ['units', String(coopId)],
    queryFn: ({ signal }) => get<{ items: Unit[] }>(`/cooperatives/${coopId}/business-units`, signal),
  });
  const remove = useMutation({
    mutationFn: (u: Unit) => del<{ ok: boolean }>(`/cooperatives/${coopId}/business-units/${u.id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['units', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('common.deleted') });
      setDeleting(null);
    },
  });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600}>{t('units.title')}</Text>
        {canEdit && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('units.add')}
          </Button>
        )}
      </Group>
      {!items ? (
        <Skeleton h={120} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyText>{t('units.none')}</EmptyText>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {items.map((u) => {
            const permits = [
              u.permits?.nib && `${t('units.nib')} ${u.permits.nib}`,
              u.permits?.pirt && `${t('units.pirt')} ${u.permits.pirt}`,
              u.permits?.halal && `${t('units.halal')} ${u.permits.halal}`,
            ].filter(Boolean) as string[];
            return (
              <Card key={u.id} withBorder padding="md" data-testid="unit-card">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} className="break-anywhere">
                      {u.name}
                    </Text>
                    <Group gap={6}>
                      <Badge size="sm" variant="light">
                        {sectorLabel(u.sector)}
                      </Badge>
                      <Badge size="sm" variant="outline" color={u.status === 'EXISTING' ? 'green' : 'gray'}>
                        {statusLabel(u.status)}
                      </Badge>
                    </Group>
                  </Stack>
                  {canEdit && (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setEditing(u)}
                          aria-label={`${t('common.edit')} ${u.name}`}
                        >
                          <IconPencil size={18} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(u)}
                          aria-label={`${t('common.delete')} ${u.name}`}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
                <SimpleGrid cols={2} spacing="xs" mt="sm">
                  <Field label={t('units.turnover')}>{formatRupiah(u.turnover)}</Field>
                  <Field label={t('units.employees')}>{formatNumber(u.employees)}</Field>
                </SimpleGrid>
                <Stack gap="xs" mt="xs">
                  <Field label={t('units.permits')}>
                    {permits.length ? permits.join(' · ') : t('units.noPermits')}
                  </Field>
                  {u.needs && <Field label={t('units.needs')}>{u.needs}</Field>}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {editing && (
        <UnitModal
          key={editing === 'new' ? 'new' : String(editing.id)}
          coopId={coopId}
          unit={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        loading={remove.isPending}
        title={t('units.deleteTitle', { name: deleting?.name ?? '' })}
      >
        {t('common.confirmDeleteText')}
      </ConfirmModal>
    </Stack>
  );
}
