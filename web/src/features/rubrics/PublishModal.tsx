import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RubricDefinition } from '@domain/rubrics/types';
import { ApiError, post } from '../../lib/api';
import { type RubricVersionInfo } from '../../lib/assessment';

export function PublishModal({
  info,
  def,
  onClose,
}: {
  info: RubricVersionInfo;
  def: RubricDefinition;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [text, setText] = useState(() => JSON.stringify(def, null, 2));
  const [note, setNote] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<{ message: string; fields: [string, string][] } | null>(null);

  const publish = useMutation({
    mutationFn: (definition: Record<string, unknown>) =>
      post<RubricVersionInfo>(`/rubrics/${info.rubric}/versions`, { definition, note: note.trim() }),
    meta: { silent: true },
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['rubrics'] });
      notifications.show({ color: 'green', message: t('rubric.published', { version: v.version }) });
      onClose();
      navigate(`/rubrik/${v.rubric}/${v.version}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) setServerError({ message: e.message, fields: Object.entries(e.fields) });
      else setServerError({ message: e instanceof Error ? e.message : t('errors.generic'), fields: [] });
    },
  });

  const submit = () => {
    setServerError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setJsonError(t('rubric.invalidJson', { message: e instanceof Error ? e.message : '' }));
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setJsonError(t('rubric.invalidJson', { message: 'harus berupa objek' }));
      return;
    }
    setJsonError(null);
    publish.mutate(parsed as Record<string, unknown>);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={isMobile}
      title={<Text fw={600}>{t('rubric.publishTitle', { title: info.title })}</Text>}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rubric.publishIntro', { next: info.version + 1 })}
        </Text>
        {serverError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('rubric.validationTitle')}
            data-testid="publish-errors"
          >
            {serverError.message.replace(/[.;\s]+$/, '') !== t('rubric.validationTitle') && (
              <Text size="sm" mb={serverError.fields.length ? 6 : 0}>
                {serverError.message}
              </Text>
            )}
            {serverError.fields.length > 0 && (
              <List size="sm" spacing={2}>
                {serverError.fields.map(([k, v]) => (
                  <List.Item key={k}>
                    <Text span ff="monospace" size="xs">
                      {k}
                    </Text>
                    : {v}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <TextInput
          label={t('rubric.note')}
          placeholder={t('rubric.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          maxLength={1000}
          error={serverError?.fields.find(([k]) => k === 'note')?.[1]}
        />
        <Textarea
          label={t('rubric.definition')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setJsonError(null);
          }}
          autosize
          minRows={16}
          maxRows={isMobile ? 18 : 26}
          spellCheck={false}
          error={jsonError}
          styles={{
            input: {
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 12,
              lineHeight: 1.45,
            },
          }}
          data-testid="rubric-json"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={publish.isPending} disabled={note.trim().length < 5}>
            {t('rubric.publish')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
