import { SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import {
  CONCERN_KINDS,
  CONCERN_TOPICS,
  SEVERITIES,
  type ConcernKind,
  type ConcernTopic,
  type Severity,
} from '../../lib/dialog';

export interface ConcernFormValue {
  kind: ConcernKind;
  topic: ConcernTopic | null;
  description: string;
  raisedBy: string;
  severity: Severity;
}

export const emptyConcern = (): ConcernFormValue => ({
  kind: 'PERMASALAHAN',
  topic: null,
  description: '',
  raisedBy: '',
  severity: 'sedang',
});

/** Client checks mirroring the server's; keys are the API field names. */
export function validateConcern(v: ConcernFormValue, opts: { raisedByRequired: boolean }): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.topic) e.topic = 'Pilih topik.';
  if (v.description.trim().length < 5) e.description = 'Uraian minimal 5 karakter.';
  if (opts.raisedByRequired && v.raisedBy.trim().length < 2)
    e.raisedBy = 'Sebutkan siapa yang menyampaikan (nama dan jabatan).';
  return e;
}

/**
 * The fields of a concern (kind, topic, description, who raised it, severity). Controlled: the
 * caller keeps the value and the errors, so the same form serves the portal, the visit page and,
 * later, field mode offline.
 */
export function ConcernForm({
  value,
  onChange,
  errors = {},
  raisedByRequired = true,
  raisedByPlaceholder,
}: {
  value: ConcernFormValue;
  onChange: (v: ConcernFormValue) => void;
  errors?: Record<string, string>;
  raisedByRequired?: boolean;
  raisedByPlaceholder?: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ConcernFormValue>(k: K, v: ConcernFormValue[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack gap="sm">
      <Input.Wrapper label={t('dialog.kind')} required error={errors.kind}>
        <SegmentedControl
          fullWidth
          mt={4}
          value={value.kind}
          onChange={(v) => set('kind', v as ConcernKind)}
          data={CONCERN_KINDS.map((k) => ({ value: k, label: t(`dialog.kinds.${k}`) }))}
          data-testid="concern-kind"
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('dialog.topic')}
          required
          data={CONCERN_TOPICS.map((k) => ({ value: k, label: t(`dialog.topics.${k}`) }))}
          value={value.topic}
          onChange={(v) => set('topic', v as ConcernTopic | null)}
          error={errors.topic}
          comboboxProps={{ withinPortal: true }}
          data-testid="concern-topic"
        />
        <Input.Wrapper label={t('dialog.severity')} error={errors.severity}>
          <SegmentedControl
            fullWidth
            mt={4}
            value={value.severity}
            onChange={(v) => set('severity', v as Severity)}
            data={SEVERITIES.map((k) => ({ value: k, label: t(`dialog.severities.${k}`) }))}
            color={value.severity === 'tinggi' ? 'red' : undefined}
          />
        </Input.Wrapper>
      </SimpleGrid>
      <Textarea
        label={t('dialog.description')}
        description={t('dialog.descriptionHint')}
        required
        autosize
        minRows={3}
        maxLength={4000}
        value={value.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
        data-testid="concern-description"
      />
      <TextInput
        label={t('dialog.raisedBy')}
        required={raisedByRequired}
        placeholder={raisedByPlaceholder ?? t('dialog.raisedByHint')}
        description={raisedByRequired ? undefined : t('dialog.raisedByOwnHint')}
        maxLength={200}
        value={value.raisedBy}
        onChange={(e) => set('raisedBy', e.currentTarget.value)}
        error={errors.raisedBy}
        data-testid="concern-raised-by"
      />
      {Object.keys(errors).some((k) => !['kind', 'topic', 'severity', 'description', 'raisedBy'].includes(k)) && (
        <Text size="sm" c="red.8">
          {Object.entries(errors)
            .filter(([k]) => !['kind', 'topic', 'severity', 'description', 'raisedBy'].includes(k))
            .map(([, m]) => m)
            .join(' ')}
        </Text>
      )}
    </Stack>
  );
}
