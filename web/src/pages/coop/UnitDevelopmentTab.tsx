import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
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
import { IconBulb, IconCheck, IconChevronDown, IconPlus, IconRotate, IconSchool } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import '../../i18n/dialog';
import { ApiError, patch, post } from '../../lib/api';
import { useMe } from '../../lib/auth';
import {
  dialogKeys,
  fetchDevelopment,
  MENTORING_BIDANG,
  NEED_KINDS,
  type NeedKind,
  type ProposalStatus,
  type UnitNeed,
  type UnitProposal,
} from '../../lib/dialog';
import { formatDate, formatRupiah, todayJakarta } from '../../lib/format';
import { toOptions, useCodeList, useLabel } from '../../lib/meta';
import type { Coop } from '../../lib/types';
import { RupiahInput } from '../../components/inputs';
import { EmptyText, ErrorState } from '../../components/common';
import { useStaffOptions } from '../../components/dialog/modals';
import { FormActions } from '../../components/FormActions';

const NEXT: Record<ProposalStatus, ProposalStatus[]> = {
  idea: ['studied', 'dropped'],
  studied: ['started', 'dropped'],
  started: ['dropped'],
  dropped: [],
};
const PROPOSAL_COLORS: Record<ProposalStatus, string> = {
  idea: 'gray',
  studied: 'blue',
  started: 'green',
  dropped: 'dark',
};

function useSaved(coopId: string, onClose: () => void, setErrors: (e: Record<string, string>) => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return {
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
      notifications.show({ color: 'green', message: t('unitDev.saved') });
      onClose();
    },
    onError: (e: unknown) => {
      if (e instanceof ApiError) setErrors(Object.keys(e.fields).length ? e.fields : { form: e.message });
    },
  };
}

function FormModal({
  title,
  onClose,
  onSubmit,
  pending,
  error,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error?: string;
  children: React.ReactNode;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} size="lg" fullScreen={isMobile}>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {children}
          {error && (
            <Alert color="red" variant="light">
              {error}
            </Alert>
          )}
          <FormActions onCancel={onClose} loading={pending} mt="xs" submitTestId="unit-dev-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

function NeedModal({
  coopId,
  unit,
  onClose,
}: {
  coopId: string;
  unit: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<NeedKind | null>(null);
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post(`/cooperatives/${coopId}/business-units/${unit.id}/needs`, {
        kind,
        description: description.trim(),
        amount: kind === 'MODAL' && typeof amount === 'number' ? amount : null,
      }),
    ...useSaved(coopId, onClose, setErrors),
  });
  const submit = () => {
    const e: Record<string, string> = {};
    if (!kind) e.kind = t('common.required');
    if (description.trim().length < 3) e.description = 'Uraian minimal 3 karakter.';
    setErrors(e);
    if (!Object.keys(e).length) save.mutate();
  };
  return (
    <FormModal
      title={t('unitDev.addNeedTitle', { unit: unit.name })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={errors.form}
    >
      <Select
        label={t('unitDev.needKind')}
        required
        data={NEED_KINDS.map((k) => ({ value: k, label: t(`unitDev.needKinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as NeedKind | null)}
        error={errors.kind}
        comboboxProps={{ withinPortal: true }}
        data-testid="need-kind"
      />
      <Textarea
        label={t('unitDev.needDescription')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        data-testid="need-description"
      />
      {kind === 'MODAL' && (
        <RupiahInput
          label={t('unitDev.amount')}
          description={t('unitDev.amountHint')}
          value={amount}
          onChange={setAmount}
          error={errors.amount}
        />
      )}
    </FormModal>
  );
}

function MentoringModal({
  coopId,
  unit,
  onClose,
}: {
  coopId: string;
  unit: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const staff = useStaffOptions();
  const mentors = staff.filter((s) => s.bidang && MENTORING_BIDANG.includes(s.bidang));
  const selfMentor = !!me?.bidang && MENTORING_BIDANG.includes(me.bidang);
  const [mentorId, setMentorId] = useState<string | null>(selfMentor && me ? String(me.id) : null);
  const [heldOn, setHeldOn] = useState<string | null>(todayJakarta());
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post(`/cooperatives/${coopId}/business-units/${unit.id}/mentoring`, {
        heldOn,
        mentorId,
        topic: topic.trim(),
        notes: notes.trim() || null,
      }),
    ...useSaved(coopId, onClose, setErrors),
  });
  const submit = () => {
    const e: Record<string, string> = {};
    if (!heldOn) e.heldOn = t('common.required');
    if (!mentorId) e.mentorId = t('unitDev.mentorHint');
    if (topic.trim().length < 3) e.topic = 'Topik minimal 3 karakter.';
    setErrors(e);
    if (!Object.keys(e).length) save.mutate();
  };
  return (
    <FormModal
      title={t('unitDev.addMentoringTitle', { unit: unit.name })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={errors.form}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateInput
          label={t('unitDev.heldOn')}
          required
          valueFormat="D MMMM YYYY"
          locale="id"
          maxDate={todayJakarta()}
          value={heldOn}
          onChange={setHeldOn}
          error={errors.heldOn}
          popoverProps={{ withinPortal: true }}
        />
        <Select
          label={t('unitDev.mentor')}
          description={t('unitDev.mentorHint')}
          required
          searchable
          data={mentors.map((m) => ({
            value: m.id,
            label:
              me && m.id === String(me.id)
                ? t('dialog.me', { name: m.fullName })
                : `${m.fullName} · ${t(`dialog.bidang.${m.bidang}`)}`,
          }))}
          value={mentorId}
          onChange={setMentorId}
          error={errors.mentorId}
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
          data-testid="mentor"
        />
      </SimpleGrid>
      <TextInput
        label={t('unitDev.mentoringTopic')}
        required
        maxLength={300}
        value={topic}
        onChange={(e) => setTopic(e.currentTarget.value)}
        error={errors.topic}
        data-testid="mentoring-topic"
      />
      <Textarea
        label={t('unitDev.notes')}
        autosize
        minRows={2}
        maxLength={4000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
    </FormModal>
  );
}

function ProposalModal({ coopId, onClose }: { coopId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const sectors = useCodeList('sectors');
  const [name, setName] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post(`/cooperatives/${coopId}/unit-proposals`, {
        name: name.trim(),
        sector,
        description: description.trim() || null,
      }),
    ...useSaved(coopId, onClose, setErrors),
  });
  const submit = () => {
    const e: Record<string, string> = {};
    if (name.trim().length < 3) e.name = 'Nama usulan minimal 3 karakter.';
    if (!sector) e.sector = t('common.required');
    setErrors(e);
    if (!Object.keys(e).length) save.mutate();
  };
  return (
    <FormModal
      title={t('unitDev.addProposalTitle')}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={errors.form}
    >
      <TextInput
        label={t('unitDev.proposalName')}
        required
        maxLength={150}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Select
        label={t('unitDev.sector')}
        required
        data={toOptions(sectors)}
        value={sector}
        onChange={setSector}
        error={errors.sector}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('unitDev.proposalDescription')}
        autosize
        minRows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
    </FormModal>
  );
}

function DropModal({ coopId, proposal, onClose }: { coopId: string; proposal: UnitProposal; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      patch(`/unit-proposals/${proposal.id}`, {
        status: 'dropped',
        dropReason: reason.trim(),
        version: proposal.version,
      }),
    ...useSaved(coopId, onClose, setErrors),
  });
  return (
    <FormModal
      title={t('unitDev.dropTitle')}
      onClose={onClose}
      pending={save.isPending}
      error={errors.form ?? errors.status}
      onSubmit={() => {
        if (reason.trim().length < 5) setErrors({ dropReason: t('dialog.atLeast5') });
        else save.mutate();
      }}
    >
      <Text size="sm" fw={600}>
        {proposal.name}
      </Text>
      <Textarea
        label={t('unitDev.dropReason')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.dropReason}
      />
    </FormModal>
  );
}

function NeedRow({ need, coopId, canWrite }: { need: UnitNeed; coopId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      patch(`/unit-needs/${need.id}`, { status: need.status === 'open' ? 'met' : 'open', version: need.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
      void qc.invalidateQueries({ queryKey: ['timeline', coopId] });
    },
    onError: (e) => {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
    },
  });
  const met = need.status === 'met';
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="unit-need"
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {t(`unitDev.needKinds.${need.kind}`)}
          </Text>
          <Badge size="sm" variant="light" color={met ? 'green' : 'orange'} style={{ textTransform: 'none' }}>
            {t(`unitDev.needStatuses.${need.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c={met ? 'dimmed' : undefined} className="break-anywhere">
          {need.description}
          {need.amount !== null ? ` · ${formatRupiah(need.amount)}` : ''}
        </Text>
      </Stack>
      {canWrite && (
        <ActionIcon
          variant="light"
          color={met ? 'gray' : 'green'}
          size="lg"
          onClick={() => toggle.mutate()}
          loading={toggle.isPending}
          aria-label={met ? t('unitDev.markOpen') : t('unitDev.markMet')}
          title={met ? t('unitDev.markOpen') : t('unitDev.markMet')}
        >
          {met ? <IconRotate size={18} /> : <IconCheck size={18} />}
        </ActionIcon>
      )}
    </Group>
  );
}

/** Business-unit development: needs and mentoring per unit, and proposals for new units. */
export default function UnitDevelopmentTab({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const coopId = String(coop.id);
  const sectorLabel = useLabel('sectors');
  const query = useQuery({
    queryKey: dialogKeys.development(coopId),
    queryFn: ({ signal }) => fetchDevelopment(coopId, signal),
  });
  const [needFor, setNeedFor] = useState<{ id: string; name: string } | null>(null);
  const [mentorFor, setMentorFor] = useState<{ id: string; name: string } | null>(null);
  const [proposing, setProposing] = useState(false);
  const [dropping, setDropping] = useState<UnitProposal | null>(null);
  const alive = coop.status !== 'DIBUBARKAN';
  const canWrite =
    alive &&
    (me?.role === 'admin' ||
      me?.role === 'petugas' ||
      (me?.role === 'koperasi' && String(me.cooperativeId) === coopId));
  const canMentor = alive && (me?.role === 'admin' || me?.role === 'petugas');
  const move = useMutation({
    mutationFn: ({ p, to }: { p: UnitProposal; to: ProposalStatus }) =>
      patch(`/unit-proposals/${p.id}`, { status: to, version: p.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
      notifications.show({ color: 'green', message: t('unitDev.saved') });
    },
    onError: (e) => {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
      void qc.invalidateQueries({ queryKey: dialogKeys.development(coopId) });
    },
  });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  if (!d) return <Skeleton h={300} />;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('unitDev.intro')}
      </Text>
      {d.units.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('unitDev.noUnits')}</EmptyText>
        </Paper>
      ) : (
        d.units.map((u) => (
          <Card key={u.id} withBorder padding="sm" data-testid="dev-unit" data-unit={u.name}>
            <Group justify="space-between" gap="xs" mb={4} align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={700} className="break-anywhere">
                  {u.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {sectorLabel(u.sector)} ·{' '}
                  {t('unitDev.counts', {
                    open: u.needs.filter((n) => n.status === 'open').length,
                    sessions: u.mentoring.length,
                  })}
                </Text>
              </div>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="xs">
              <Stack gap={0}>
                <Group justify="space-between" gap="xs" mb={4}>
                  <Text size="sm" fw={600} c="dimmed" tt="uppercase" fz={11}>
                    {t('unitDev.needs')}
                  </Text>
                  {canWrite && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => setNeedFor(u)}
                      data-testid="add-need"
                    >
                      {t('unitDev.addNeed')}
                    </Button>
                  )}
                </Group>
                {u.needs.length === 0 ? (
                  <Text size="sm" c="dimmed" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                    {t('unitDev.noNeeds')}
                  </Text>
                ) : (
                  u.needs.map((n) => <NeedRow key={n.id} need={n} coopId={coopId} canWrite={canWrite} />)
                )}
              </Stack>
              <Stack gap={0}>
                <Group justify="space-between" gap="xs" mb={4}>
                  <Text size="sm" fw={600} c="dimmed" tt="uppercase" fz={11}>
                    {t('unitDev.mentoring')}
                  </Text>
                  {canMentor && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconSchool size={14} />}
                      onClick={() => setMentorFor(u)}
                      data-testid="add-mentoring"
                    >
                      {t('unitDev.addMentoring')}
                    </Button>
                  )}
                </Group>
                {u.mentoring.length === 0 ? (
                  <Text size="sm" c="dimmed" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                    {t('unitDev.noMentoring')}
                  </Text>
                ) : (
                  [...u.mentoring].reverse().map((m) => (
                    <Stack
                      key={m.id}
                      gap={2}
                      py={6}
                      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                      data-testid="mentoring-session"
                    >
                      <Text size="sm" fw={600} className="break-anywhere">
                        {m.topic}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(m.heldOn)} · {m.mentor.fullName} ({t(`dialog.bidang.${m.bidang}`)})
                      </Text>
                      {m.notes && (
                        <Text size="xs" className="break-anywhere">
                          {m.notes}
                        </Text>
                      )}
                    </Stack>
                  ))
                )}
              </Stack>
            </SimpleGrid>
          </Card>
        ))
      )}

      <Divider />
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <IconBulb size={18} color="var(--mantine-color-yellow-7)" />
          <Text fw={600}>{t('unitDev.proposals')}</Text>
        </Group>
        {canWrite && (
          <Button
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => setProposing(true)}
            data-testid="add-proposal"
          >
            {t('unitDev.addProposal')}
          </Button>
        )}
      </Group>
      {d.proposals.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('unitDev.noProposals')}</EmptyText>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {d.proposals.map((p) => (
            <Card key={p.id} withBorder padding="sm" data-testid="unit-proposal">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" className="break-anywhere">
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {sectorLabel(p.sector)} · {formatDate(p.createdAt)}
                  </Text>
                </Stack>
                <Badge
                  color={PROPOSAL_COLORS[p.status]}
                  variant="light"
                  style={{ textTransform: 'none', flexShrink: 0 }}
                >
                  {t(`unitDev.proposalStatuses.${p.status}`)}
                </Badge>
              </Group>
              {p.description && (
                <Text size="sm" mt={6} className="break-anywhere">
                  {p.description}
                </Text>
              )}
              {p.dropReason && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('unitDev.dropReason')}: {p.dropReason}
                </Text>
              )}
              {canWrite && NEXT[p.status].length > 0 && (
                <Group mt={6}>
                  <Menu position="bottom-start" withinPortal>
                    <Menu.Target>
                      <Button
                        size="xs"
                        variant="light"
                        rightSection={<IconChevronDown size={14} />}
                        loading={move.isPending && move.variables?.p.id === p.id}
                      >
                        {t('dialog.changeStatus')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {NEXT[p.status].map((to) => (
                        <Menu.Item
                          key={to}
                          onClick={() => (to === 'dropped' ? setDropping(p) : move.mutate({ p, to }))}
                        >
                          {t('unitDev.moveTo', { status: t(`unitDev.proposalStatuses.${to}`) })}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}

      {needFor && <NeedModal coopId={coopId} unit={needFor} onClose={() => setNeedFor(null)} />}
      {mentorFor && <MentoringModal coopId={coopId} unit={mentorFor} onClose={() => setMentorFor(null)} />}
      {proposing && <ProposalModal coopId={coopId} onClose={() => setProposing(false)} />}
      {dropping && <DropModal coopId={coopId} proposal={dropping} onClose={() => setDropping(null)} />}
    </Stack>
  );
}
