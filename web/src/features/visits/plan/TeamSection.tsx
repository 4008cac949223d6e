import { ActionIcon, Alert, Group, List, Loader, Radio, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCrown, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { buildQuery, get } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useTeamCandidates, type Visit, type VisitPage } from '../../../lib/visits';

import { PlanForm, Section } from './model';

/**
 * The plan's team: who goes, who leads, adding officers by bidang, and the live double-booking check
 * (other visits of the same officers on the chosen day).
 */
export function TeamSection({
  visit,
  team,
  date,
  errors,
  onChange,
}: {
  visit: Visit | null;
  team: PlanForm['team'];
  date: string | null;
  errors: Record<string, string>;
  onChange: (team: PlanForm['team']) => void;
}) {
  const { t } = useTranslation();
  const candidates = useTeamCandidates();
  const names = new Map((candidates.data?.items ?? []).map((u) => [u.id, u]));
  // Other visits of the team's officers on the chosen day (live double-booking check).
  const sameDay = useQuery({
    queryKey: ['visits', 'same-day', date],
    queryFn: ({ signal }) =>
      get<VisitPage>(`/visits${buildQuery({ from: date, to: date, pageSize: 100, sort: 'date' })}`, signal),
    enabled: Boolean(date) && team.length > 0,
  });
  const bookings = team
    .map((m) => ({
      userId: m.userId,
      name: names.get(m.userId)?.fullName ?? visit?.team.find((x) => x.userId === m.userId)?.fullName ?? '',
      others: (sameDay.data?.items ?? []).filter(
        (v) => v.id !== visit?.id && v.status !== 'cancelled' && v.team.some((x) => x.userId === m.userId),
      ),
    }))
    .filter((b) => b.others.length > 0);
  const addMember = (userId: string | null) => {
    if (!userId || team.some((m) => m.userId === userId)) return;
    onChange([...team, { userId, leader: team.length === 0 }]);
  };
  const leaderId = team.find((m) => m.leader)?.userId ?? null;
  const teamErrors = [
    errors.team,
    ...Object.entries(errors)
      .filter(([k]) => /^team\.\d+/.test(k))
      .map(([k, m]) => `${names.get(team[Number(k.split('.')[1])]?.userId ?? '')?.fullName ?? ''}: ${m}`),
  ].filter(Boolean);

  return (
    <Section title={t('visitPlan.sections.team')} testId="plan-team">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('visitPlan.teamHint')}
        </Text>
        <Radio.Group
          value={leaderId}
          onChange={(id) => onChange(team.map((m) => ({ ...m, leader: m.userId === id })))}
          name="leader"
        >
          <Stack gap={6}>
            {team.map((m) => {
              const u = names.get(m.userId);
              const name = u?.fullName ?? visit?.team.find((x) => x.userId === m.userId)?.fullName ?? '…';
              const bidang = u?.bidang ?? visit?.team.find((x) => x.userId === m.userId)?.bidang ?? null;
              const booked = bookings.some((b) => b.userId === m.userId);
              return (
                <Group
                  key={m.userId}
                  justify="space-between"
                  wrap="wrap"
                  gap={6}
                  p="xs"
                  data-testid="team-member"
                  style={{
                    border: `1px solid var(--mantine-color-${m.leader ? 'yellow-4' : 'gray-3'})`,
                    background: m.leader ? 'var(--mantine-color-yellow-0)' : undefined,
                    borderRadius: 6,
                  }}
                >
                  <Stack gap={0} style={{ minWidth: 0, flex: '1 1 200px' }}>
                    <Group gap={6} wrap="nowrap">
                      {m.leader && (
                        <IconCrown size={14} color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0 }} />
                      )}
                      <Text size="sm" fw={600} className="break-anywhere">
                        {name}
                      </Text>
                      {booked && (
                        <IconAlertTriangle
                          size={14}
                          color="var(--mantine-color-red-7)"
                          aria-label={t('visitPlan.bookings')}
                          style={{ flexShrink: 0 }}
                        />
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {bidang ? t(`labels.bidang.${bidang}`) : u ? t(`roles.${u.role}`) : ''}
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0, marginLeft: 'auto' }}>
                    <Radio
                      value={m.userId}
                      label={t('visitPlan.leader')}
                      aria-label={`${t('visitPlan.leader')}: ${name}`}
                      styles={{ body: { alignItems: 'center', minHeight: 32 } }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size={36}
                      aria-label={t('visitPlan.removeMember', { name })}
                      onClick={() => {
                        const rest = team.filter((x) => x.userId !== m.userId);
                        if (m.leader && rest.length) rest[0] = { ...rest[0]!, leader: true };
                        onChange(rest);
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              );
            })}
          </Stack>
        </Radio.Group>
        <Select
          label={t('visitPlan.addMember')}
          placeholder={t('visitPlan.addMemberPlaceholder')}
          data={(['koperasi', 'usaha_mikro', 'perindustrian', null] as const)
            .map((b) => ({
              group: b ? t(`labels.bidang.${b}`) : t('visitPlan.noBidang'),
              items: (candidates.data?.items ?? [])
                .filter((u) => u.bidang === b && !team.some((m) => m.userId === u.id))
                .map((u) => ({ value: u.id, label: u.fullName })),
            }))
            .filter((g) => g.items.length > 0)}
          value={null}
          onChange={addMember}
          searchable
          nothingFoundMessage={t('common.noResults')}
          rightSection={candidates.isLoading ? <Loader size={14} /> : undefined}
          error={teamErrors.length ? teamErrors.join(' ') : undefined}
          data-testid="team-add"
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={280}
        />
        {bookings.length > 0 && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('visitPlan.bookings')}
            data-testid="plan-bookings"
          >
            <List size="sm" spacing={2}>
              {bookings.map((b) => (
                <List.Item key={b.userId}>
                  {t('visitPlan.bookingLine', {
                    name: b.name,
                    date: formatDate(date),
                    others: b.others.map((o) => o.cooperative.name).join(', '),
                  })}
                </List.Item>
              ))}
            </List>
            <Text size="xs" mt={4}>
              {t('visitPlan.bookingNote')}
            </Text>
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
