import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCheck,
  IconPencil,
  IconPlus,
  IconSend,
  IconUsers,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import { ApiError, get, patch, post } from '../../lib/api';
import { AGENDA_ITEMS, type AgendaItem, type AnnualMeeting, type RatCompliance } from '../../lib/assessment';
import { formatDate, formatNumber, sumCounts, todayJakarta } from '../../lib/format';
import type { Coop } from '../../lib/types';
import { CountInput, numOrEmpty, toInt } from '../../components/inputs';
import { EmptyText, ErrorState } from '../../components/common';
import { RatStatusBadge } from '../../components/assessment';
import { Field } from '../../components/Field';
import { VerificationBadge } from '../../components/desk/VerificationBadge';
import { RatAnnouncementsPanel } from '../../components/desk/RatAnnouncementsPanel';
import '../../lib/desk';
import { FormActions } from '../../components/FormActions';

const RECENT_YEARS = 6;
const WARNING_COLORS: Record<string, string> = {
  DISSOLUTION_CANDIDATE: 'red',
  NO_RAT_2_YEARS: 'orange',
  ODS_REPORT_LATE: 'yellow',
};

interface RatForm {
  fiscalYear: number | string;
  heldOn: string | null;
  place: string;
  membersPresent: number | string;
  membersTotal: number | string;
  quorumRequired: number | string;
  agenda: Record<AgendaItem, boolean>;
  reportedToOdsOn: string | null;
  notes: string;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1 + months, d));
  return dt.toISOString().slice(0, 10);
}

function RatModal({
  coop,
  meeting,
  defaultYear,
  onClose,
}: {
  coop: Coop;
  meeting: AnnualMeeting | null;
  defaultYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [form, setForm] = useState<RatForm>(() => ({
    fiscalYear: meeting?.fiscalYear ?? defaultYear,
    heldOn: meeting?.heldOn ?? null,
    place: meeting?.place ?? '',
    membersPresent: numOrEmpty(meeting?.membersPresent),
    membersTotal: numOrEmpty(meeting?.membersTotal ?? sumCounts(coop.membersMale, coop.membersFemale)),
    quorumRequired: numOrEmpty(meeting?.quorumRequired),
    agenda: Object.fromEntries(
      AGENDA_ITEMS.map((k) => [k, meeting ? meeting.agenda[k] === true : k !== 'elections']),
    ) as Record<AgendaItem, boolean>,
    reportedToOdsOn: meeting?.reportedToOdsOn ?? null,
    notes: meeting?.notes ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof RatForm>(k: K, v: RatForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    if (errors[k]) setErrors(({ [k]: _drop, ...rest }) => rest);
  };
  const today = todayJakarta();

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      meeting
        ? patch<AnnualMeeting>(`/cooperatives/${coop.id}/annual-meetings/${meeting.id}`, body)
        : post<AnnualMeeting>(`/cooperatives/${coop.id}/annual-meetings`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['annual-meetings', String(coop.id)] });
      void qc.invalidateQueries({ queryKey: ['rat-compliance', String(coop.id)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coop.id)] });
      notifications.show({ color: 'green', message: t('rat.saved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const year = toInt(form.fiscalYear);
    const present = toInt(form.membersPresent);
    const total = toInt(form.membersTotal);
    if (year === null || year < 1945 || year > Number(today.slice(0, 4))) errs.fiscalYear = t('statement.yearInvalid');
    if (!form.heldOn) errs.heldOn = t('common.required');
    if (present === null) errs.membersPresent = t('common.required');
    if (total === null) errs.membersTotal = t('common.required');
    if (present !== null && total !== null && present > total) errs.membersPresent = t('rat.presentMoreThanTotal');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = {
      heldOn: form.heldOn,
      place: form.place.trim() || null,
      membersPresent: present,
      membersTotal: total,
      quorumRequired: toInt(form.quorumRequired),
      agenda: form.agenda,
      reportedToOdsOn: form.reportedToOdsOn || null,
      notes: form.notes.trim() || null,
    };
    if (!meeting) body.fiscalYear = year;
    save.mutate(body);
  };

  const dateProps = {
    valueFormat: 'D MMMM YYYY',
    locale: 'id',
    placeholder: t('coop.form.pickDate'),
    maxDate: today,
    popoverProps: { withinPortal: true },
  } as const;

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{meeting ? t('rat.editTitle', { year: meeting.fiscalYear }) : t('rat.addTitle')}</Text>}
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label={t('rat.fiscalYear')}
              value={form.fiscalYear}
              onChange={(v) => set('fiscalYear', v)}
              min={1945}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              disabled={!!meeting}
              required
              error={errors.fiscalYear}
              data-autofocus
            />
            <DateInput
              {...dateProps}
              label={t('rat.heldOn')}
              value={form.heldOn}
              onChange={(v) => set('heldOn', v)}
              required
              error={errors.heldOn}
            />
          </SimpleGrid>
          <TextInput
            label={t('rat.place')}
            value={form.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            maxLength={200}
            error={errors.place}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <CountInput
              label={t('rat.membersPresent')}
              value={form.membersPresent}
              onChange={(v) => set('membersPresent', v)}
              required
              error={errors.membersPresent}
            />
            <CountInput
              label={t('rat.membersTotal')}
              value={form.membersTotal}
              onChange={(v) => set('membersTotal', v)}
              required
              error={errors.membersTotal}
            />
            <CountInput
              label={t('rat.quorumRequired')}
              value={form.quorumRequired}
              onChange={(v) => set('quorumRequired', v)}
              error={errors.quorumRequired}
              description={isMobile ? undefined : undefined}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-4}>
            {t('rat.quorumHint')}
          </Text>
          <Input.Wrapper
            label={t('rat.agenda')}
            error={errors.agenda}
            component="fieldset"
            style={{ border: 0, padding: 0, margin: 0 }}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
              {AGENDA_ITEMS.map((k) => (
                <Checkbox
                  key={k}
                  label={t(`rat.agendaItems.${k}`)}
                  checked={form.agenda[k]}
                  onChange={(e) => set('agenda', { ...form.agenda, [k]: e.currentTarget.checked })}
                />
              ))}
            </SimpleGrid>
          </Input.Wrapper>
          <DateInput
            {...dateProps}
            label={t('rat.reportedToOdsOn')}
            description={t('rat.odsHint')}
            value={form.reportedToOdsOn}
            onChange={(v) => set('reportedToOdsOn', v)}
            clearable
            error={errors.reportedToOdsOn}
          />
          <Textarea
            label={t('rat.notes')}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={errors.notes}
          />
          <FormActions onCancel={onClose} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}

function OdsModal({ coopId, meeting, onClose }: { coopId: Coop['id']; meeting: AnnualMeeting; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState<string | null>(meeting.reportedToOdsOn);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () =>
      patch<AnnualMeeting>(`/cooperatives/${coopId}/annual-meetings/${meeting.id}`, { reportedToOdsOn: value || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['annual-meetings', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['rat-compliance', String(coopId)] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coopId)] });
      notifications.show({ color: 'green', message: t('rat.saved') });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setError(e.fields.reportedToOdsOn ?? (Object.keys(e.fields).length ? Object.values(e.fields)[0] : undefined));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('rat.odsTitle', { year: meeting.fiscalYear })}</Text>}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rat.heldOn')}: {formatDate(meeting.heldOn)} · {t('rat.odsHint')}
        </Text>
        <DateInput
          label={t('rat.reportedToOdsOn')}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
          valueFormat="D MMMM YYYY"
          locale="id"
          placeholder={t('coop.form.pickDate')}
          maxDate={todayJakarta()}
          minDate={meeting.heldOn}
          clearable
          error={error}
          popoverProps={{ withinPortal: true }}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function MeetingCard({
  m,
  canEdit,
  onEdit,
  onOds,
}: {
  m: AnnualMeeting;
  canEdit: boolean;
  onEdit: () => void;
  onOds: () => void;
}) {
  const { t } = useTranslation();
  const pct =
    m.membersTotal > 0 ? `${formatNumber(Math.round((m.membersPresent * 1000) / m.membersTotal) / 10)}%` : '–';
  const odsLate = m.reportedToOdsOn !== null && m.reportedToOdsOn > addMonths(m.heldOn, 1);
  return (
    <Card withBorder padding="sm" data-testid="rat-record" data-year={m.fiscalYear}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={700}>
              {t('rat.fiscalYear')} {m.fiscalYear}
            </Text>
            <VerificationBadge v={m.verification} withReason={false} />
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconCalendarEvent size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            <Text size="sm" c="dimmed" className="break-anywhere">
              {formatDate(m.heldOn)}
              {m.place ? ` · ${m.place}` : ''}
            </Text>
          </Group>
        </div>
        {canEdit && (
          <Tooltip label={t('rat.edit')}>
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={`${t('rat.edit')} ${m.fiscalYear}`}>
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Field label={t('rat.attendance')}>
          <Group gap={4} wrap="nowrap">
            <IconUsers size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            <span className="tabular-nums">
              {t('rat.attendanceValue', {
                present: formatNumber(m.membersPresent),
                total: formatNumber(m.membersTotal),
                pct,
              })}
            </span>
          </Group>
        </Field>
        <Field label={t('rat.quorum')}>
          {m.quorumRequired === null && m.quorum !== undefined ? (
            <Group gap={4} wrap="nowrap">
              {m.quorumMet ? (
                <IconCheck size={14} color="var(--mantine-color-green-7)" />
              ) : (
                <IconX size={14} color="var(--mantine-color-red-7)" />
              )}
              <Text size="sm" c={m.quorumMet ? undefined : 'red.8'} span>
                {t('desk.rat.quorumDefault', {
                  required: formatNumber(m.quorum),
                  state: m.quorumMet ? t('rat.quorumMet') : t('rat.quorumNotMet'),
                })}
              </Text>
            </Group>
          ) : m.quorumRequired !== null ? (
            <Group gap={4} wrap="nowrap">
              {m.quorumMet ? (
                <IconCheck size={14} color="var(--mantine-color-green-7)" />
              ) : (
                <IconX size={14} color="var(--mantine-color-red-7)" />
              )}
              <Text size="sm" c={m.quorumMet ? undefined : 'red.8'} span>
                {t('rat.quorumValue', {
                  required: formatNumber(m.quorumRequired),
                  state: m.quorumMet ? t('rat.quorumMet') : t('rat.quorumNotMet'),
                })}
              </Text>
            </Group>
          ) : null}
        </Field>
        <Field label={t('rat.reportedToOdsOn')}>
          <Group gap={4} wrap="wrap">
            <Text
              size="sm"
              span
              c={m.reportedToOdsOn ? (odsLate ? 'orange.9' : undefined) : 'dimmed'}
              data-testid="rat-ods"
            >
              {m.reportedToOdsOn ? formatDate(m.reportedToOdsOn) : t('rat.odsNotYet')}
            </Text>
            {odsLate && (
              <Text size="xs" c="orange.9" span>
                ({t('rat.odsLate')})
              </Text>
            )}
            {canEdit && (
              <Tooltip label={t('rat.editOds')}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  onClick={onOds}
                  aria-label={`${t('rat.editOds')} ${m.fiscalYear}`}
                >
                  <IconSend size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Field>
      </SimpleGrid>
      {m.verification?.status === 'RETURNED' && m.verification.reason && (
        <Text size="sm" c="red.8" mt="xs" data-testid="verification-reason">
          {t('desk.verification.returnedReason', { reason: m.verification.reason })}
        </Text>
      )}
      {m.verification?.status === 'PENDING' && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('desk.verification.pendingHint')}
        </Text>
      )}
      {m.quorumMet === false && (
        <Text size="xs" c="red.8" mt="xs">
          {t('desk.rat.noQuorumNotHeld')}
        </Text>
      )}
      {m.memberCountMismatch && (
        <Text size="xs" c="orange.9" mt="xs" data-testid="rat-member-mismatch">
          {t('desk.rat.memberMismatch')}
        </Text>
      )}
      <Group gap={6} mt="xs" wrap="wrap">
        {AGENDA_ITEMS.map((k) => (
          <Badge
            key={k}
            size="sm"
            variant={m.agenda[k] ? 'light' : 'outline'}
            color={m.agenda[k] ? 'sambang' : 'gray'}
            leftSection={m.agenda[k] ? <IconCheck size={10} /> : <IconX size={10} />}
            style={{ textTransform: 'none' }}
          >
            {t(`rat.agendaItems.${k}`)}
          </Badge>
        ))}
      </Group>
      {m.notes && (
        <Text size="sm" mt="xs" c="dimmed" className="break-anywhere">
          {m.notes}
        </Text>
      )}
    </Card>
  );
}

export default function RatTab({ coop, canEdit }: { coop: Coop; canEdit: boolean }) {
  const { t } = useTranslation();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<AnnualMeeting | 'new' | null>(null);
  const [ods, setOds] = useState<AnnualMeeting | null>(null);
  const compliance = useQuery({
    queryKey: ['rat-compliance', String(coop.id)],
    queryFn: ({ signal }) => get<RatCompliance>(`/cooperatives/${coop.id}/rat-compliance`, signal),
  });
  const meetings = useQuery({
    queryKey: ['annual-meetings', String(coop.id)],
    queryFn: ({ signal }) => get<{ items: AnnualMeeting[] }>(`/cooperatives/${coop.id}/annual-meetings`, signal),
    select: (d) => [...d.items].sort((a, b) => b.fiscalYear - a.fiscalYear),
  });

  const error = compliance.error ?? meetings.error;
  if (error)
    return <ErrorState error={error} onRetry={() => void Promise.all([compliance.refetch(), meetings.refetch()])} />;
  const c = compliance.data;
  const years = c ? [...c.years].sort((a, b) => b.fiscalYear - a.fiscalYear) : [];
  const shown = showAll ? years : years.slice(0, RECENT_YEARS);
  const recorded = new Set((meetings.data ?? []).map((m) => m.fiscalYear));
  const thisYear = Number(todayJakarta().slice(0, 4));
  const defaultYear = (() => {
    for (let y = thisYear - 1; y > thisYear - 10; y--) if (!recorded.has(y)) return y;
    return thisYear - 1;
  })();
  const writable = canEdit && coop.status !== 'DIBUBARKAN';

  return (
    <Stack gap="md">
      <Card withBorder padding={isMobile ? 'sm' : 'md'}>
        {!c ? (
          <Skeleton h={200} />
        ) : (
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Text fw={600}>{t('rat.complianceTitle')}</Text>
                <Text size="xs" c="dimmed">
                  {t('rat.complianceNote', { date: formatDate(c.asOf) })}
                </Text>
              </div>
              <Tooltip
                label={c.active ? t('rat.activeNote') : t('rat.inactiveNote')}
                multiline
                w={260}
                withArrow
                events={{ hover: true, focus: true, touch: true }}
              >
                <Badge
                  size="lg"
                  color={c.active ? 'green' : 'red'}
                  variant="light"
                  tabIndex={0}
                  style={{ cursor: 'help' }}
                  data-testid="rat-active"
                >
                  {c.active ? t('rat.active') : t('rat.inactive')}
                </Badge>
              </Tooltip>
            </Group>
            {(c.pending ?? 0) > 0 && (
              <Alert color="yellow" variant="light" p="xs" data-testid="rat-pending">
                <Text size="sm">{t('desk.rat.pending', { count: c.pending })}</Text>
              </Alert>
            )}
            {c.warnings.map((w) => (
              <Alert
                key={w.code}
                color={WARNING_COLORS[w.code] ?? 'orange'}
                variant="light"
                icon={<IconAlertTriangle size={18} />}
                p="xs"
                data-testid="rat-warning"
              >
                <Text size="sm">{w.message}</Text>
              </Alert>
            ))}
            {years.length === 0 ? (
              <EmptyText>{t('rat.none')}</EmptyText>
            ) : isMobile ? (
              <Stack gap={0} data-testid="rat-compliance">
                {shown.map((y) => (
                  <Group
                    key={y.fiscalYear}
                    justify="space-between"
                    wrap="nowrap"
                    gap="xs"
                    py={8}
                    style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                    data-testid="rat-year"
                    data-year={y.fiscalYear}
                  >
                    <div style={{ minWidth: 0 }}>
                      <Text fw={700} size="sm">
                        {t('rat.fiscalYear')} {y.fiscalYear}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('rat.deadline')}: {formatDate(y.deadline)}
                      </Text>
                      {y.heldOn && (
                        <Text size="xs" c="dimmed">
                          {t('rat.heldOn')}: {formatDate(y.heldOn)}
                        </Text>
                      )}
                    </div>
                    <RatStatusBadge status={y.status} />
                  </Group>
                ))}
              </Stack>
            ) : (
              <Table verticalSpacing={6} className="tabular-nums" data-testid="rat-compliance">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rat.fiscalYear')}</Table.Th>
                    <Table.Th>{t('rat.deadline')}</Table.Th>
                    <Table.Th>{t('rat.heldOn')}</Table.Th>
                    <Table.Th>{t('rat.statusLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((y) => (
                    <Table.Tr key={y.fiscalYear} data-testid="rat-year" data-year={y.fiscalYear}>
                      <Table.Td fw={700}>{y.fiscalYear}</Table.Td>
                      <Table.Td>{formatDate(y.deadline)}</Table.Td>
                      <Table.Td c={y.heldOn ? undefined : 'dimmed'}>{formatDate(y.heldOn)}</Table.Td>
                      <Table.Td>
                        <RatStatusBadge status={y.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {years.length > RECENT_YEARS && (
              <Group justify="center">
                <Button variant="subtle" size="xs" onClick={() => setShowAll((s) => !s)}>
                  {showAll ? t('rat.showFewerYears') : t('rat.showAllYears', { count: years.length })}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Card>

      <RatAnnouncementsPanel coopId={String(coop.id)} canEdit={canEdit && coop.status !== 'DIBUBARKAN'} />
      <Group justify="space-between">
        <Text fw={600}>{t('rat.records')}</Text>
        {writable && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('rat.add')}
          </Button>
        )}
      </Group>
      {!meetings.data ? (
        <Skeleton h={160} />
      ) : meetings.data.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('rat.none')}</EmptyText>
        </Paper>
      ) : (
        <Stack gap="sm" data-testid="rat-records">
          {meetings.data.map((m) => (
            <MeetingCard key={m.id} m={m} canEdit={writable} onEdit={() => setEditing(m)} onOds={() => setOds(m)} />
          ))}
        </Stack>
      )}
      {editing && (
        <RatModal
          key={editing === 'new' ? 'new' : editing.id}
          coop={coop}
          meeting={editing === 'new' ? null : editing}
          defaultYear={defaultYear}
          onClose={() => setEditing(null)}
        />
      )}
      {ods && <OdsModal coopId={coop.id} meeting={ods} onClose={() => setOds(null)} />}
    </Stack>
  );
}
