import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/visit-record';
import { ATTENDEE_ROLES, type Attendee, type AttendeeRole, type Gender } from '../../lib/visit-record';

/** Who from the cooperative attended. Controlled: no network; errors keyed `attendance.<i>.<field>`. */
export function AttendanceEditor({
  value,
  onChange,
  errors = {},
  readOnly = false,
}: {
  value: Attendee[];
  onChange: (next: Attendee[]) => void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const named = value.filter((a) => a.name.trim() !== '');
  const male = named.filter((a) => a.gender === 'L').length;
  const summary = t('visitRecord.attendance.summary', { total: named.length, male, female: named.length - male });

  if (readOnly) {
    if (named.length === 0)
      return (
        <Text size="sm" c="dimmed">
          {t('visitRecord.attendance.none')}
        </Text>
      );
    return (
      <Stack gap={6} data-testid="attendance-list">
        <Text size="sm" fw={600}>
          {summary}
        </Text>
        <Stack gap={0}>
          {named.map((a, i) => (
            <Group
              key={i}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="attendee"
            >
              <Text size="sm" className="break-anywhere" style={{ minWidth: 0 }}>
                {a.name}
              </Text>
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {t(`visitRecord.attendance.roles.${a.role}`)} · {a.gender}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    );
  }

  const set = (i: number, patch: Partial<Attendee>) =>
    onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const add = () => onChange([...value, { name: '', role: 'anggota', gender: 'P' }]);
  const roleOptions = ATTENDEE_ROLES.map((r) => ({ value: r, label: t(`visitRecord.attendance.roles.${r}`) }));

  return (
    <Stack gap="xs" data-testid="attendance-editor">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('visitRecord.attendance.none')}
        </Text>
      )}
      {value.map((a, i) => (
        <Paper key={i} withBorder p="xs" radius="md" data-testid="attendee-row">
          <div className="attendee-row">
            <TextInput
              className="attendee-name"
              aria-label={`${t('visitRecord.attendance.name')} ${i + 1}`}
              placeholder={t('visitRecord.attendance.namePlaceholder')}
              value={a.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (i === value.length - 1 && a.name.trim()) add();
                }
              }}
              maxLength={120}
              error={errors[`attendance.${i}.name`]}
              autoFocus={i === value.length - 1 && a.name === ''}
            />
            <NativeSelect
              className="attendee-role"
              aria-label={`${t('visitRecord.attendance.role')} ${i + 1}`}
              data={roleOptions}
              value={a.role}
              onChange={(e) => set(i, { role: e.currentTarget.value as AttendeeRole })}
            />
            <Group gap={6} wrap="nowrap" className="attendee-gender">
              <SegmentedControl
                aria-label={`${t('visitRecord.attendance.gender')} ${i + 1}`}
                data={[
                  {
                    value: 'L',
                    label: <span title={t('visitRecord.attendance.maleLong')}>{t('visitRecord.attendance.male')}</span>,
                  },
                  {
                    value: 'P',
                    label: (
                      <span title={t('visitRecord.attendance.femaleLong')}>{t('visitRecord.attendance.female')}</span>
                    ),
                  },
                ]}
                value={a.gender}
                onChange={(v) => set(i, { gender: v as Gender })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size={36}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={
                  a.name.trim()
                    ? t('visitRecord.attendance.remove', { name: a.name.trim() })
                    : t('visitRecord.attendance.removeBlank')
                }
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          </div>
        </Paper>
      ))}
      <Group justify="space-between" gap="xs">
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
          {t('visitRecord.attendance.add')}
        </Button>
        {named.length > 0 && (
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
