import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../../lib/dates';
import { todayJakarta } from '../../../lib/format';
import { scoreText } from '../../../lib/rubric';
import { CategoryBadge } from '../../../components/assessment';
import { ConfirmModal } from '../../../components/ConfirmModal';
import '../../../lib/desk';

import type { EditorState } from './useAssessmentEditor';

/** Finalizing (with the date and the supersede question) and deleting a draft. */
export function EditorDialogs({ ed }: { ed: EditorState }) {
  const { t } = useTranslation();
  const {
    finalizeOpen,
    setFinalizeOpen,
    live,
    assessedOn,
    setAssessedOn,
    finalize,
    supersedeAsk,
    setSupersedeAsk,
    deleteOpen,
    setDeleteOpen,
    remove,
  } = ed;
  return (
    <>
      <Modal
        opened={finalizeOpen}
        onClose={() => setFinalizeOpen(false)}
        title={<Text fw={600}>{t('assessment.finalizeTitle')}</Text>}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('assessment.finalizeText')}</Text>
          <Group gap="xs">
            <Text size="sm">{t('assessment.total')}:</Text>
            <Text size="sm" fw={700} className="tabular-nums">
              {scoreText(live.total)}
            </Text>
            <CategoryBadge code={live.category?.code} label={live.category?.label} />
          </Group>
          {!live.complete && (
            <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
              <Text size="sm">{t('assessment.finalizeIncomplete')}</Text>
            </Alert>
          )}
          <DateInput
            label={t('assessment.finalizeDate')}
            value={assessedOn}
            onChange={setAssessedOn}
            valueFormat="D MMMM YYYY"
            locale="id"
            maxDate={todayJakarta()}
            required
            popoverProps={{ withinPortal: true }}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setFinalizeOpen(false)} disabled={finalize.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => finalize.mutate({})}
              loading={finalize.isPending}
              disabled={!assessedOn}
              leftSection={<IconRosetteDiscountCheck size={16} />}
            >
              {t('assessment.finalize')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={supersedeAsk !== null}
        onClose={() => setSupersedeAsk(null)}
        onConfirm={() => finalize.mutate({ supersede: true })}
        loading={finalize.isPending}
        title={t('assessment.finalizeTitle')}
        confirmLabel={t('desk.supersede.confirm')}
        color="orange"
      >
        {supersedeAsk} {t('desk.supersede.note')}
      </ConfirmModal>
      <ConfirmModal
        opened={deleteOpen}
        onClose={() => setDeleteOpen(false)}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={t('assessment.deleteTitle')}
      >
        {t('common.confirmDeleteText')}
      </ConfirmModal>
    </>
  );
}
