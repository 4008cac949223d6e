import { useState } from 'react';
import { nextProposalStatuses } from '@domain/visits/unit-proposal';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconBulb, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useLabel } from '../../../lib/meta';
import { dialogKeys } from '../../../lib/dialog';
import { formatDate } from '../../../lib/format';
import { EmptyText } from '../../../components/common';
import { patch } from '../../../lib/api';

import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import '../../../i18n/dialog';
import { post } from '../../../lib/api';
import { type ProposalStatus, type UnitProposal } from '../../../lib/dialog';
import { toOptions, useCodeList } from '../../../lib/meta';
import { useSaved, FormModal } from './forms';

const PROPOSAL_COLORS: Record<ProposalStatus, string> = {
  idea: 'gray',
  studied: 'blue',
  started: 'green',
  dropped: 'dark',
};

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

/** Proposals for new business units, with their moves (idea → studied → started, or dropped). */
export function ProposalsSection({
  coopId,
  proposals,
  canWrite,
}: {
  coopId: string;
  proposals: UnitProposal[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sectorLabel = useLabel('sectors');
  const [proposing, setProposing] = useState(false);
  const [dropping, setDropping] = useState<UnitProposal | null>(null);
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
  return (
    <>
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
      {proposals.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{t('unitDev.noProposals')}</EmptyText>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {proposals.map((p) => (
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
              {canWrite && nextProposalStatuses(p.status).length > 0 && (
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
                      {nextProposalStatuses(p.status).map((to) => (
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
      {proposing && <ProposalModal coopId={coopId} onClose={() => setProposing(false)} />}
      {dropping && <DropModal coopId={coopId} proposal={dropping} onClose={() => setDropping(null)} />}
    </>
  );
}
