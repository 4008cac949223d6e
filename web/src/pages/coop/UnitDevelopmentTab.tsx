import { useState } from 'react';
import { Divider, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import '../../i18n/dialog';
import type { Coop } from '../../lib/types';
import { EmptyText, ErrorState } from '../../components/common';
import { NeedModal, MentoringModal } from '../../features/cooperatives/development/forms';
import { ProposalsSection } from '../../features/cooperatives/development/proposals';
import { UnitCard } from '../../features/cooperatives/development/UnitCard';
import { useDevelopment } from '../../features/cooperatives/development/api';

/** Business-unit development: needs and mentoring per unit, and proposals for new units. */
export default function UnitDevelopmentTab({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const coopId = String(coop.id);
  const query = useDevelopment(coopId);
  const [needFor, setNeedFor] = useState<{ id: string; name: string } | null>(null);
  const [mentorFor, setMentorFor] = useState<{ id: string; name: string } | null>(null);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  if (!d) return <Skeleton h={300} />;
  // A dissolved cooperative's record is closed: nothing new is recorded on it.
  const alive = coop.status !== 'DIBUBARKAN';
  const can = { write: alive && d.can.write, mentor: alive && d.can.mentor };

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
          <UnitCard
            key={u.id}
            unit={u}
            coopId={coopId}
            can={can}
            onAddNeed={() => setNeedFor(u)}
            onAddMentoring={() => setMentorFor(u)}
          />
        ))
      )}

      <Divider />
      <ProposalsSection coopId={coopId} proposals={d.proposals} canWrite={can.write} />

      {needFor && <NeedModal coopId={coopId} unit={needFor} onClose={() => setNeedFor(null)} />}
      {mentorFor && <MentoringModal coopId={coopId} unit={mentorFor} onClose={() => setMentorFor(null)} />}
    </Stack>
  );
}
