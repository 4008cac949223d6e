import { Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../i18n/visit-record';
import { ASPECTS, type Findings } from '../../lib/visit-record';

/** Notes per aspect (kelembagaan, usaha, keuangan, pengawasan internal). Controlled: no network. */
export function FindingsEditor({
  value,
  onChange,
  errors = {},
  readOnly = false,
}: {
  value: Findings;
  onChange: (next: Findings) => void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (readOnly) {
    return (
      <Stack gap="sm" data-testid="findings-view">
        {ASPECTS.map((a) => (
          <div key={a} data-testid={`finding-${a}`}>
            <Text size="sm" fw={700}>
              {t(`visitRecord.findings.aspects.${a}`)}
            </Text>
            <Text
              size="sm"
              c={value[a] ? undefined : 'dimmed'}
              className="break-anywhere"
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {value[a] || t('visitRecord.findings.none')}
            </Text>
          </div>
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="findings-editor">
      {ASPECTS.map((a) => (
        <Textarea
          key={a}
          label={t(`visitRecord.findings.aspects.${a}`)}
          description={t(`visitRecord.findings.hints.${a}`)}
          value={value[a] ?? ''}
          onChange={(e) => onChange({ ...value, [a]: e.currentTarget.value })}
          autosize
          minRows={2}
          maxRows={12}
          maxLength={5000}
          error={errors[`findings.${a}`]}
        />
      ))}
    </Stack>
  );
}
