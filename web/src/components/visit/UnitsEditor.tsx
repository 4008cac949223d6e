import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../i18n/visit-record';
import type { BusinessUnit } from '../../lib/visit-record';

/** The cooperative's business units this visit worked on. Controlled: units in, chosen ids out. */
export function UnitsEditor({
  units,
  value,
  onChange,
  error,
  readOnly = false,
}: {
  units: BusinessUnit[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (units.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('visitRecord.units.none')}
      </Text>
    );
  const chosen = new Set(value);
  if (readOnly) {
    const list = units.filter((u) => chosen.has(u.id));
    if (list.length === 0)
      return (
        <Text size="sm" c="dimmed">
          {t('visitRecord.units.noneSelected')}
        </Text>
      );
    return (
      <Group gap={6} data-testid="units-view">
        {list.map((u) => (
          <Badge key={u.id} variant="light" size="lg" style={{ textTransform: 'none' }}>
            {u.name}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Stack gap={4} data-testid="units-editor">
      {units.map((u) => (
        <Checkbox
          key={u.id}
          py={8}
          label={
            <span>
              {u.name}
              {u.status === 'PLANNED' && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('visitRecord.units.planned')})
                </Text>
              )}
            </span>
          }
          checked={chosen.has(u.id)}
          onChange={(e) => onChange(e.currentTarget.checked ? [...value, u.id] : value.filter((id) => id !== u.id))}
        />
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
