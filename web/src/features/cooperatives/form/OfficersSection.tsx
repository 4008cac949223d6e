import '../../../lib/dates';
import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toOptions } from '../../../lib/meta';

import type { CoopFormState } from './useCoopForm';
import { nextRowKey, FormSection } from './model';

export function OfficersSection({ form }: { form: CoopFormState }) {
  const { t } = useTranslation();
  const { values, setValues, errors, setOfficer, officerRoles, dateProps } = form;
  return (
    <FormSection title={t('coop.sections.officers')}>
      <Stack gap="sm">
        {values.officers.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('coop.officer.none')}
          </Text>
        )}
        {values.officers.map((o, i) => (
          <Card key={o.key} withBorder padding="sm" bg="gray.0" data-testid="officer-row">
            <Group justify="space-between" mb={6}>
              <Text size="sm" fw={600}>
                #{i + 1}
              </Text>
              <Tooltip label={t('coop.officer.remove')}>
                <ActionIcon
                  color="red"
                  variant="subtle"
                  aria-label={t('coop.officer.remove')}
                  onClick={() => setValues((s) => ({ ...s, officers: s.officers.filter((_, j) => j !== i) }))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
              <Select
                label={t('coop.officer.role')}
                placeholder={t('coop.form.chooseRole')}
                required
                data={toOptions(officerRoles)}
                value={o.role}
                onChange={(v) => setOfficer(i, { role: v })}
                error={errors[`officers.${i}.role`]}
              />
              <TextInput
                label={t('coop.officer.name')}
                required
                value={o.name}
                onChange={(e) => setOfficer(i, { name: e.currentTarget.value })}
                error={errors[`officers.${i}.name`]}
              />
              <TextInput
                label={t('coop.officer.phone')}
                type="tel"
                value={o.phone}
                onChange={(e) => setOfficer(i, { phone: e.currentTarget.value })}
                error={errors[`officers.${i}.phone`]}
              />
              <DateInput
                {...dateProps}
                maxDate={undefined}
                label={t('coop.officer.termStart')}
                value={o.termStart}
                onChange={(v) => setOfficer(i, { termStart: v })}
                error={errors[`officers.${i}.termStart`]}
              />
              <DateInput
                {...dateProps}
                maxDate={undefined}
                label={t('coop.officer.termEnd')}
                value={o.termEnd}
                onChange={(v) => setOfficer(i, { termEnd: v })}
                error={errors[`officers.${i}.termEnd`]}
              />
            </SimpleGrid>
          </Card>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setValues((s) => ({
                ...s,
                officers: [
                  ...s.officers,
                  { key: nextRowKey(), role: null, name: '', phone: '', termStart: null, termEnd: null },
                ],
              }))
            }
          >
            {t('coop.officer.add')}
          </Button>
        </Group>
      </Stack>
    </FormSection>
  );
}
