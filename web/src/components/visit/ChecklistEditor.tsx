import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/visit-record';
import { CHECK_RESULTS, type CheckResult, type ChecklistAnswers, type ChecklistTemplate } from '../../lib/visit-record';

const COLORS: Record<CheckResult, string> = { SESUAI: 'green', CUKUP: 'yellow', TIDAK_SESUAI: 'red' };

/**
 * The supervision checklist: areas → indicators answered Sesuai / Cukup / Tidak Sesuai with a
 * note. Controlled: the template and the answers come in, the answers go out; no network.
 */
export function ChecklistEditor({
  template,
  value,
  onChange,
  errors = {},
  readOnly = false,
}: {
  template: ChecklistTemplate;
  value: ChecklistAnswers;
  onChange: (next: ChecklistAnswers) => void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const count = (r: CheckResult) => Object.values(value).filter((a) => a.result === r).length;
  const setResult = (code: string, result: CheckResult) => {
    const current = value[code];
    onChange({ ...value, [code]: { result, note: current?.note ?? null } });
  };
  const clear = (code: string) => {
    const { [code]: _drop, ...rest } = value;
    onChange(rest);
  };

  return (
    <Stack gap="sm" data-testid={readOnly ? 'checklist-view' : 'checklist-editor'}>
      <Group gap="xs" wrap="wrap">
        {template.provisional && (
          <Badge color="gray" variant="outline" size="sm" style={{ textTransform: 'none' }}>
            {t('visitRecord.checklist.provisional')}
          </Badge>
        )}
        <Text size="xs" c="dimmed" style={{ flex: '1 1 200px' }}>
          {template.note}
        </Text>
      </Group>
      {Object.keys(value).length > 0 && (
        <Text size="sm" fw={600}>
          {t('visitRecord.checklist.summary', {
            sesuai: count('SESUAI'),
            cukup: count('CUKUP'),
            tidak: count('TIDAK_SESUAI'),
          })}
        </Text>
      )}
      {template.areas.map((area) => {
        const answered = area.indicators.filter((i) => value[i.code]).length;
        if (readOnly && answered === 0) return null;
        return (
          <Card key={area.code} withBorder padding="sm" radius="md" data-testid="checklist-area">
            <Group justify="space-between" gap={4} mb={4} wrap="wrap">
              <Text fw={700} size="sm">
                {area.label}
              </Text>
              <Text size="xs" c="dimmed">
                {t('visitRecord.checklist.answered', { n: answered, total: area.indicators.length })}
              </Text>
            </Group>
            <Stack gap={0}>
              {area.indicators.map((ind) => {
                const a = value[ind.code];
                if (readOnly && !a) return null;
                return (
                  <div
                    key={ind.code}
                    style={{
                      borderTop: '1px solid var(--mantine-color-gray-2)',
                      padding: readOnly ? '6px 0' : '8px 0',
                    }}
                    data-testid="checklist-indicator"
                    data-code={ind.code}
                  >
                    {readOnly ? (
                      <>
                        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                          <Text size="sm" style={{ minWidth: 0 }}>
                            {ind.label}
                          </Text>
                          <Badge
                            color={COLORS[a!.result]}
                            variant="light"
                            style={{ textTransform: 'none', flexShrink: 0 }}
                          >
                            {t(`visitRecord.checklist.results.${a!.result}`)}
                          </Badge>
                        </Group>
                        {a!.note && (
                          <Text size="sm" c="dimmed" className="break-anywhere" mt={2}>
                            {a!.note}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Stack gap={6}>
                        <Text size="sm" id={`ind-${ind.code}`}>
                          {ind.label}
                        </Text>
                        <Group gap={6} wrap="nowrap" role="group" aria-labelledby={`ind-${ind.code}`}>
                          {CHECK_RESULTS.map((r) => {
                            const on = a?.result === r;
                            return (
                              <Button
                                key={r}
                                size="sm"
                                h={40}
                                px={6}
                                style={{ flex: '1 1 auto' }}
                                color={COLORS[r]}
                                variant={on ? 'filled' : 'default'}
                                aria-pressed={on}
                                onClick={() => setResult(ind.code, r)}
                              >
                                {t(`visitRecord.checklist.results.${r}`)}
                              </Button>
                            );
                          })}
                        </Group>
                        {a && (
                          <Group gap={6} wrap="nowrap" align="flex-start">
                            <TextInput
                              style={{ flex: 1, minWidth: 0 }}
                              size="sm"
                              aria-label={`${t('visitRecord.checklist.note')}: ${ind.label}`}
                              placeholder={t('visitRecord.checklist.notePlaceholder')}
                              value={a.note ?? ''}
                              onChange={(e) =>
                                onChange({ ...value, [ind.code]: { result: a.result, note: e.currentTarget.value } })
                              }
                              maxLength={1000}
                              error={errors[`checklist.${ind.code}`]}
                            />
                            <Button
                              variant="subtle"
                              color="gray"
                              size="sm"
                              h={36}
                              px={8}
                              onClick={() => clear(ind.code)}
                              aria-label={`${t('visitRecord.checklist.clear')}: ${ind.label}`}
                            >
                              <IconX size={16} />
                            </Button>
                          </Group>
                        )}
                      </Stack>
                    )}
                  </div>
                );
              })}
            </Stack>
          </Card>
        );
      })}
      {readOnly && Object.keys(value).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('visitRecord.checklist.noneAnswered')}
        </Text>
      )}
    </Stack>
  );
}
