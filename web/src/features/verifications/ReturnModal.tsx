import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../lib/api';
import { type VerificationItem } from '../../lib/desk';

export function ReturnModal({ item, onClose }: { item: VerificationItem; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => post(`/verifications/${item.id}/return`, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['verifications'] });
      notifications.show({ color: 'green', message: t('desk.queue.returned') });
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fields.reason ?? e.message) : String(e)),
  });
  return (
    <Modal opened onClose={onClose} centered title={<Text fw={600}>{t('desk.queue.returnTitle')}</Text>}>
      <Stack gap="sm">
        <Text size="sm">
          {item.cooperative.name} — {item.summary}
        </Text>
        <Textarea
          label={t('desk.queue.reasonLabel')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          data-autofocus
          data-testid="return-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => send.mutate()} loading={send.isPending} data-testid="return-confirm">
            {t('desk.queue.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
