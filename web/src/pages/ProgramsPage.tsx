import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Box, Button, Group, Modal, NumberInput, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../lib/dates';
import { ApiError, patch, post } from '../lib/api';
import { useMe } from '../lib/auth';
import { formatDate, formatNumber } from '../lib/format';
import { useDistricts } from '../lib/meta';
import { useUrlParams } from '../lib/useUrlParams';
import { usePrograms, useProgram, type DistrictProgress, type Program } from '../lib/visits';
import { EmptyText, ErrorState, PageHeader } from '../components/common';
import { FormActions } from '../components/FormActions';

interface ProgramForm {
  name: string;
  periodStart: string | null;
  periodEnd: string | null;
  description: string;
  targets: Record<string, number | string>;
}

function pct(n: number, of: number): number {
  return of > 0 ? Math.min(100, (n / of) * 100) : 0;
}

/** Visited (solid) and scheduled (light) against the target. */
function Reach({ row, size = 'md' }: { row: Pick<DistrictProgress, 'target' | 'visited' | 'scheduled'>; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const of = Math.max(row.target, row.visited + row.scheduled);
  return (
    // Each section is a progressbar: each carries its own name (issue #15: progress bars named).
    <Progress.Root size={size} title={`${t('programs.visited')} ${row.visited}, ${t('programs.scheduled')} ${row.scheduled}, ${t('programs.target')} ${row.target}`}>
      <Progress.Section value={pct(row.visited, of)} color={row.target > 0 && row.visited >= row.target ? 'green.7' : 'green.6'} aria-label={`${t('programs.visited')} ${row.visited} / ${row.target}`} />
      <Progress.Section value={pct(row.scheduled, of)} color="blue.3" aria-label={`${t('programs.scheduled')} ${row.scheduled}`} />
    </Progress.Root>
  );
}

function ratio(row: Pick<DistrictProgress, 'target' | 'visited'>): string {
  if (row.target === 0) return '–';
  return `${formatNumber(Math.round((row.visited / row.target) * 100))}%`;
}

function ProgramModal({ program, onClose, onSaved }: { program: Program | null; onClose: () => void; onSaved: (p: Program) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const districts = useDistricts();
  const [form, setForm] = useState<ProgramForm>(() => ({
    name: program?.name ?? '',
    periodStart: program?.periodStart ?? null,
    periodEnd: program?.periodEnd ?? null,
    description: program?.description ?? '',
    targets: Object.fromEntries((program?.targets ?? []).filter((r) => r.target > 0).map((r) => [r.district.code, r.target])),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const set = <K extends keyof ProgramForm>(k: K, v: ProgramForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors(({ [k]: _drop, ...rest }) => rest);
  };

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => (program ? patch<Program>(`/programs/${program.id}`, body) : post<Program>('/programs', body)),
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
    if (form.periodStart && form.periodEnd && form.periodEnd < form.periodStart) errs.periodEnd = 'Akhir periode tidak boleh sebelum awal periode.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const targets = codes
      .map((code) => ({ districtCode: code, target: typeof form.targets[code] === 'number' ? (form.targets[code] as number) : 0 }))
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
    <Modal opened onClose={onClose} title={<Text fw={700}>{program ? t('programs.edit') : t('programs.new')}</Text>} size="xl" fullScreen={isMobile}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {conflict && (
            <Alert color="orange" variant="light">
              {conflict}
            </Alert>
          )}
          <TextInput label={t('programs.name')} required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={200} data-autofocus />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput label={t('programs.periodStart')} required valueFormat="D MMMM YYYY" locale="id" value={form.periodStart} onChange={(v) => set('periodStart', v)} error={errors.periodStart} popoverProps={{ withinPortal: true }} leftSection={<IconCalendarEvent size={16} />} />
            <DateInput label={t('programs.periodEnd')} required valueFormat="D MMMM YYYY" locale="id" value={form.periodEnd} onChange={(v) => set('periodEnd', v)} error={errors.periodEnd} minDate={form.periodStart ?? undefined} popoverProps={{ withinPortal: true }} leftSection={<IconCalendarEvent size={16} />} />
          </SimpleGrid>
          <Textarea label={t('programs.description')} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={2000} error={errors.description} />
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
                  <Group key={d.code} justify="space-between" wrap="nowrap" gap="xs" px="xs" py={4} style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 6 }}>
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

function ProgramDetail({ program, canEdit, onEdit }: { program: Program; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const districts = useDistricts();
  // Every kecamatan, with or without a target.
  const byCode = new Map(program.targets.map((r) => [r.district.code, r]));
  const rows: DistrictProgress[] = (districts.data ?? []).map((d) => byCode.get(d.code) ?? { district: { code: d.code, name: d.name }, target: 0, visited: 0, scheduled: 0 });
  for (const r of program.targets) if (!rows.some((x) => x.district.code === r.district.code)) rows.push(r);

  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="program-detail">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Title order={2} size="h4" className="break-anywhere">
              {program.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('programs.period', { from: formatDate(program.periodStart), to: formatDate(program.periodEnd) })}
            </Text>
            {program.description && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {program.description}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            <Button variant="default" component={Link} to={`/kunjungan?program=${program.id}`} size="sm">
              {t('programs.visitsLink')}
            </Button>
            {canEdit && (
              <Button variant="light" leftSection={<IconPencil size={16} />} onClick={onEdit} size="sm" data-testid="program-edit">
                {t('programs.edit')}
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 3 }} spacing="xs" mt="md">
          {(
            [
              ['target', program.totals.target, 'dark'],
              ['visited', program.totals.visited, 'green.8'],
              ['scheduled', program.totals.scheduled, 'blue.8'],
            ] as const
          ).map(([k, n, c]) => (
            <Box key={k}>
              <Text fz={{ base: 22, sm: 28 }} fw={750} lh={1.1} c={c} className="tabular-nums">
                {formatNumber(n)}
              </Text>
              <Text size="xs" c="dimmed" fw={600}>
                {t(`programs.${k}`)}
              </Text>
            </Box>
          ))}
        </SimpleGrid>
        <Box mt="sm">
          <Reach row={program.totals} size="lg" />
          <Text size="xs" c="dimmed" mt={6}>
            {t('programs.summary', { visited: formatNumber(program.totals.visited), target: formatNumber(program.totals.target), scheduled: formatNumber(program.totals.scheduled) })}
            {' · '}
            {t('programs.visitsN', { n: formatNumber(program.totals.visits) })}
          </Text>
        </Box>
      </Paper>

      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        <Group justify="space-between" px={{ base: 'sm', sm: 'md' }} py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Text fw={700}>{t('programs.targets')}</Text>
          <Group gap="sm">
            <Group gap={4}>
              <Box w={10} h={10} bg="green.6" style={{ borderRadius: 2 }} />
              <Text size="xs" c="dimmed">
                {t('programs.legendVisited')}
              </Text>
            </Group>
            <Group gap={4}>
              <Box w={10} h={10} bg="blue.3" style={{ borderRadius: 2 }} />
              <Text size="xs" c="dimmed">
                {t('programs.legendScheduled')}
              </Text>
            </Group>
          </Group>
        </Group>
        {isMobile ? (
          <Stack gap={0} data-testid="program-targets">
            {rows.map((r) => (
              <Box key={r.district.code} px="sm" py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-1)' }} data-testid="program-target-row">
                <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                  <Anchor component={Link} to={`/kunjungan?program=${program.id}&district=${r.district.code}`} size="sm" fw={600} c="dark">
                    {r.district.name}
                  </Anchor>
                  <Text size="xs" className="tabular-nums" c={r.target === 0 ? 'dimmed' : undefined}>
                    <b>{formatNumber(r.visited)}</b>
                    {r.scheduled > 0 && <Text span c="blue.8" fz="xs">{` +${formatNumber(r.scheduled)}`}</Text>}
                    {' / '}
                    {r.target > 0 ? formatNumber(r.target) : t('programs.noTarget')}
                  </Text>
                </Group>
                <Reach row={r} size="sm" />
              </Box>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing={6} highlightOnHover data-testid="program-targets">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('programs.district')}</Table.Th>
                <Table.Th ta="right" w={90}>
                  {t('programs.target')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('programs.visited')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('programs.scheduled')}
                </Table.Th>
                <Table.Th w="36%">{t('programs.progress')}</Table.Th>
                <Table.Th ta="right" w={70}>
                  %
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.district.code} data-testid="program-target-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/kunjungan?program=${program.id}&district=${r.district.code}`} size="sm" c="dark">
                      {r.district.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" c={r.target === 0 ? 'dimmed' : undefined}>
                    {formatNumber(r.target)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" fw={600}>
                    {formatNumber(r.visited)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums">
                    {formatNumber(r.scheduled)}
                  </Table.Td>
                  <Table.Td>
                    <Reach row={r} />
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" c="dimmed">
                    {ratio(r)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('programs.total')}</Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {formatNumber(program.totals.target)}
                </Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {formatNumber(program.totals.visited)}
                </Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {formatNumber(program.totals.scheduled)}
                </Table.Th>
                <Table.Th>
                  <Reach row={program.totals} />
                </Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {ratio(program.totals)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

export default function ProgramsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canEdit = me?.role === 'admin' || me?.role === 'pimpinan';
  const { values, set } = useUrlParams(['id'] as const);
  const list = usePrograms();
  const programs = list.data?.items ?? [];
  const selectedId = values.id && programs.some((p) => p.id === values.id) ? values.id : (programs[0]?.id ?? null);
  const program = useProgram(selectedId);
  const [modal, setModal] = useState<'new' | 'edit' | null>(null);

  return (
    <>
      <PageHeader
        title={t('programs.title')}
        subtitle={t('programs.subtitle')}
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setModal('new')} data-testid="program-new">
              {t('programs.new')}
            </Button>
          ) : undefined
        }
      />
      {!canEdit && me && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} mb="md" p="xs">
          <Text size="xs">{t('programs.readOnly')}</Text>
        </Alert>
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton h={240} />
      ) : programs.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('programs.none')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="md">
          {programs.length > 1 && (
            <Select
              label={t('programs.choose')}
              data={programs.map((p) => ({ value: p.id, label: `${p.name} (${p.periodStart.slice(0, 4)}${p.periodEnd.slice(0, 4) !== p.periodStart.slice(0, 4) ? `–${p.periodEnd.slice(0, 4)}` : ''})` }))}
              value={selectedId}
              onChange={(v) => set({ id: v })}
              allowDeselect={false}
              maw={520}
              data-testid="program-select"
            />
          )}
          {program.isError ? (
            <ErrorState error={program.error} onRetry={() => void program.refetch()} />
          ) : !program.data ? (
            <Skeleton h={400} />
          ) : (
            <ProgramDetail program={program.data} canEdit={canEdit} onEdit={() => setModal('edit')} />
          )}
        </Stack>
      )}
      {modal && (
        <ProgramModal
          program={modal === 'edit' ? (program.data ?? null) : null}
          onClose={() => setModal(null)}
          onSaved={(p) => {
            setModal(null);
            set({ id: p.id });
          }}
        />
      )}
    </>
  );
}
