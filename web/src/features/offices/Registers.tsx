import '../../i18n/papers';
import { useState } from 'react';
import { Button, Group, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, put } from '../../lib/api';
import { type LetterRegister } from '../../lib/papers';

export function RegisterRow({ r }: { r: LetterRegister }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [pattern, setPattern] = useState(r.pattern);
  const save = useMutation({
    mutationFn: () => put<LetterRegister>(`/letter-registers/${r.kind}`, { name: r.name, pattern }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['letter-registers'] });
      notifications.show({ color: 'green', message: t('papers.office.registerSaved') });
    },
  });
  const error = save.error instanceof ApiError ? (save.error.fields.pattern ?? save.error.message) : undefined;
  return (
    <Table.Tr data-testid={`register-${r.kind}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {r.name}
        </Text>
        <Text size="xs" c="dimmed">
          {r.kind}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            size="sm"
            ff="monospace"
            value={pattern}
            onChange={(e) => setPattern(e.currentTarget.value)}
            error={error}
            style={{ flex: 1 }}
            aria-label={t('papers.office.patternCol')}
          />
          <Button
            size="sm"
            variant="light"
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={pattern === r.pattern}
          >
            {t('papers.office.saveRegister')}
          </Button>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {r.example}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{r.lastNumberThisYear}</Table.Td>
    </Table.Tr>
  );
}
export function NewKind() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState('');
  const [name, setName] = useState('');
  const [pattern, setPattern] = useState('{seq}/{year}');
  const add = useMutation({
    mutationFn: () =>
      put<LetterRegister>(`/letter-registers/${encodeURIComponent(kind.trim().toUpperCase())}`, { name, pattern }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['letter-registers'] });
      setKind('');
      setName('');
      notifications.show({ color: 'green', message: t('papers.office.registerSaved') });
    },
  });
  const f = add.error instanceof ApiError ? add.error.fields : {};
  return (
    <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
      <TextInput
        label={t('papers.office.newKind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value.toUpperCase())}
        error={f.kind}
      />
      <TextInput
        label={t('papers.office.newKindName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={f.name}
      />
      <TextInput
        label={t('papers.office.patternCol')}
        ff="monospace"
        value={pattern}
        onChange={(e) => setPattern(e.currentTarget.value)}
        error={f.pattern}
      />
      <Button
        mt={{ sm: 24 }}
        leftSection={<IconPlus size={16} />}
        variant="light"
        onClick={() => add.mutate()}
        loading={add.isPending}
        disabled={!kind || !name}
      >
        {t('papers.office.addKind')}
      </Button>
    </SimpleGrid>
  );
}
