import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, buildQuery, get, post } from '../../lib/api';
import type { RatAnnouncement } from '../../lib/desk';
import '../../lib/desk';
import { formatDate, todayJakarta } from '../../lib/format';
import { DeskPanel } from './DeskPanel';

function AnnounceModal({ coopId, onClose }: { coopId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const thisYear = Number(todayJakarta().slice(0, 4));
  const [fiscalYear, setFiscalYear] = useState<number | string>(thisYear - 1);
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post<RatAnnouncement>(`/cooperatives/${coopId}/rat-announcements`, {
        fiscalYear: Number(fiscalYear),
        plannedOn,
        place,
        agenda,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rat-announcements'] });
      notifications.show({ color: 'green', message: t('desk.announce.saved') });
      onClose();
    },
    onError: (e) =>
      e instanceof ApiError && setErrors(Object.keys(e.fields).length ? e.fields : { plannedOn: e.message }),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.announce.add')}</Text>}>
      <Stack gap="sm">
        <NumberInput
          label={t('desk.announce.fiscalYear')}
          value={fiscalYear}
          onChange={setFiscalYear}
          min={1945}
          max={thisYear}
          allowDecimal={false}
          error={errors.fiscalYear}
        />
        <DateInput
          label={t('desk.announce.plannedOn')}
          value={plannedOn}
          onChange={setPlannedOn}
          minDate={todayJakarta()}
          valueFormat="D MMMM YYYY"
          locale="id"
          error={errors.plannedOn}
          popoverProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('desk.announce.place')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          maxLength={200}
          error={errors.place}
        />
        <Textarea
          label={t('desk.announce.agenda')}
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={errors.agenda}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!plannedOn}>
            {t('desk.announce.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** For the Dinas: plan a visit to the announced RAT, or link one already planned for that day. */
function VisitLink({ a }: { a: RatAnnouncement }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const visits = useQuery({
    queryKey: ['visits', 'rat-day', a.cooperative.id, a.plannedOn],
    queryFn: ({ signal }) =>
      get<{ items: { id: string; date: string; status: string }[] }>(
        `/visits${buildQuery({ cooperativeId: a.cooperative.id, from: a.plannedOn, to: a.plannedOn })}`,
        signal,
      ),
  });
  const link = useMutation({
    mutationFn: (visitId: string) => post<RatAnnouncement>(`/rat-announcements/${a.id}/visit`, { visitId }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rat-announcements'] });
      notifications.show({ color: 'green', message: t('desk.announce.linked') });
    },
    onError: (e) => notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) }),
  });
  const candidates = (visits.data?.items ?? []).filter((v) => v.status !== 'cancelled');
  return (
    <Group gap="xs" mt={6} wrap="wrap">
      {candidates.map((v) => (
        <Button key={v.id} size="compact-sm" variant="light" onClick={() => link.mutate(v.id)} loading={link.isPending}>
          {t('desk.announce.link', { date: formatDate(v.date) })}
        </Button>
      ))}
      {candidates.length === 0 && (
        <Button
          component={Link}
          to={`/kunjungan/baru${buildQuery({ cooperativeId: a.cooperative.id, purposes: 'RAT' })}`}
          size="compact-sm"
          variant="light"
        >
          {t('desk.announce.plan')}
        </Button>
      )}
    </Group>
  );
}

export function AnnouncementCard({
  a,
  showCooperative,
  canLink = false,
}: {
  a: RatAnnouncement;
  showCooperative: boolean;
  canLink?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="rat-announcement">
      <Group gap={6} wrap="wrap">
        <Text fw={700}>{formatDate(a.plannedOn)}</Text>
        <Badge variant="outline" size="sm">
          {t('desk.announce.fiscalYear')} {a.fiscalYear}
        </Badge>
        {a.visitId && (
          <Anchor component={Link} to={`/kunjungan/${a.visitId}`} size="xs">
            {t('desk.announce.visitLinked')}
          </Anchor>
        )}
      </Group>
      {showCooperative && (
        <Anchor component={Link} to={`/koperasi/${a.cooperative.id}?tab=rat`} size="sm" fw={700}>
          {a.cooperative.name} · {a.cooperative.district.name}
        </Anchor>
      )}
      <Text size="sm" className="break-anywhere">
        {a.place}
      </Text>
      <Text size="xs" c="dimmed" className="break-anywhere">
        {a.agenda}
      </Text>
      {canLink && !a.visitId && <VisitLink a={a} />}
    </Card>
  );
}

/** On the RAT tab: the cooperative's announced, upcoming RATs, and a form to announce one. */
export function RatAnnouncementsPanel({ coopId, canEdit }: { coopId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['rat-announcements', coopId],
    queryFn: ({ signal }) =>
      get<{ items: RatAnnouncement[] }>(`/rat-announcements${buildQuery({ cooperativeId: coopId })}`, signal),
  });
  return (
    <>
      <DeskPanel
        title={t('desk.announce.title')}
        hint={t('desk.announce.hint')}
        action={
          canEdit && (
            <Button
              size="sm"
              variant="light"
              leftSection={<IconSpeakerphone size={16} />}
              onClick={() => setOpen(true)}
            >
              {t('desk.announce.add')}
            </Button>
          )
        }
        items={list.data?.items ?? []}
        empty={t('desk.announce.none')}
        data-testid="rat-announcements"
      >
        {(a) => <AnnouncementCard key={a.id} a={a} showCooperative={false} />}
      </DeskPanel>
      {open && <AnnounceModal coopId={coopId} onClose={() => setOpen(false)} />}
    </>
  );
}
