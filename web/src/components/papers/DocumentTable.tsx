import '../../i18n/papers';
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconDownload, IconExternalLink, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { type IssuedDocument, STATUS_COLORS } from '../../lib/papers';

function CancelModal({ doc, onClose }: { doc: IssuedDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => post<IssuedDocument>(`/documents/${doc.id}/cancel`, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({ color: 'green', message: t('papers.register.cancelled') });
      onClose();
    },
  });
  const error = cancel.error instanceof ApiError ? (cancel.error.fields.reason ?? cancel.error.message) : undefined;
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('papers.register.cancelTitle', { number: doc.number })}</Text>}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('papers.register.cancelHint')}
        </Text>
        <Textarea
          label={t('papers.register.cancelReason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('papers.register.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Issued documents as a table (register, a visit's or a cooperative's documents): number, status, download. */
export function DocumentTable({ docs, showCooperative = true }: { docs: IssuedDocument[]; showCooperative?: boolean }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<IssuedDocument | null>(null);
  const download = (d: IssuedDocument) =>
    downloadFile(`/documents/${d.id}/file.pdf`, `${d.kind.toLowerCase()}.pdf`).catch((e: Error) =>
      notifications.show({ color: 'red', message: e.message }),
    );
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped data-testid="document-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('papers.register.kind')}</Table.Th>
              <Table.Th>{t('papers.register.number')}</Table.Th>
              <Table.Th>{t('papers.register.date')}</Table.Th>
              {showCooperative && <Table.Th>{t('papers.register.cooperative')}</Table.Th>}
              <Table.Th>{t('papers.register.issuer')}</Table.Th>
              <Table.Th miw={110}>{t('papers.register.status')}</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.map((d) => (
              <Table.Tr key={d.id} data-testid="document-row">
                <Table.Td>
                  <Text size="sm">{d.kindLabel}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" className="break-anywhere">
                    {d.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(d.issuedAt)}</Text>
                </Table.Td>
                {showCooperative && (
                  <Table.Td>
                    {d.cooperative ? (
                      <Anchor component={Link} to={`/koperasi/${d.cooperative.id}`} size="sm">
                        {d.cooperative.name}
                      </Anchor>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{d.issuer.name}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    size="sm"
                    variant="light"
                    color={STATUS_COLORS[d.status]}
                    title={d.cancelReason ?? undefined}
                    style={{ overflow: 'visible' }}
                  >
                    {t(`papers.status.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={t('common.actions', { defaultValue: 'Tindakan' })}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void download(d)}>
                        {t('papers.register.download')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconExternalLink size={16} />}
                        component="a"
                        href={`/v/${d.code}`}
                        target="_blank"
                        rel="noopener"
                      >
                        {t('papers.register.verifyLink')}
                      </Menu.Item>
                      {d.can.cancel && d.status !== 'CANCELLED' && (
                        <Menu.Item color="red" leftSection={<IconX size={16} />} onClick={() => setCancelling(d)}>
                          {t('papers.register.cancel')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {cancelling && <CancelModal doc={cancelling} onClose={() => setCancelling(null)} />}
    </>
  );
}
