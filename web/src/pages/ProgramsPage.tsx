import { useState } from 'react';
import { Alert, Button, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../lib/dates';
import { useMe } from '../lib/auth';
import { useUrlParams } from '../lib/useUrlParams';
import { usePrograms, useProgram } from '../lib/visits';
import { EmptyText, ErrorState, PageHeader } from '../components/common';

import { ProgramModal } from '../features/programs/ProgramModal';
import { ProgramDetail } from '../features/programs/ProgramDetail';

export default function ProgramsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  /** New programs: the app ability; an existing one: its own `can` (both from src/app/policy/programs.ts). */
  const canCreate = !!me?.abilities.managePrograms;
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
          canCreate ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setModal('new')} data-testid="program-new">
              {t('programs.new')}
            </Button>
          ) : undefined
        }
      />
      {!canCreate && me && (
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
              data={programs.map((p) => ({
                value: p.id,
                label: `${p.name} (${p.periodStart.slice(0, 4)}${p.periodEnd.slice(0, 4) !== p.periodStart.slice(0, 4) ? `–${p.periodEnd.slice(0, 4)}` : ''})`,
              }))}
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
            <ProgramDetail program={program.data} canEdit={program.data.can.manage} onEdit={() => setModal('edit')} />
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
