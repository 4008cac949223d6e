import '../../../lib/dates';
import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Coop } from '../../../lib/types';
import { PageHeader } from '../../../components/common';

import { AddressSection, ContactSection, IdentitySection, PeopleSection } from './sections';
import { OfficersSection } from './OfficersSection';
import { useCoopForm } from './useCoopForm';

export function CoopForm({ coop, restricted }: { coop: Coop | undefined; restricted: boolean }) {
  const { t } = useTranslation();
  const form = useCoopForm(coop, restricted);
  const { mutation, onSubmit, otherErrors, conflict, title, qc } = form;
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        {!restricted && (
          <Anchor component={Link} to="/koperasi" size="sm">
            {t('nav.cooperatives')}
          </Anchor>
        )}
        {coop && (
          <Anchor component={Link} to={`/koperasi/${coop.id}`} size="sm" truncate="end" maw={{ base: 200, sm: 420 }}>
            {coop.name}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {coop ? t('coop.edit') : t('coop.add')}
        </Text>
      </Breadcrumbs>
      <PageHeader title={title} docTitle={[title, coop?.name]} subtitle={coop?.name} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={960}>
          {restricted && (
            <Alert color="blue" variant="light">
              {t('coop.koperasiEditNote')}
            </Alert>
          )}
          {conflict && (
            <Alert color="orange" variant="light" title={t('common.errorTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{conflict}</Text>
                <Button
                  size="xs"
                  variant="white"
                  onClick={() => void qc.invalidateQueries({ queryKey: ['cooperative', String(coop?.id)] })}
                >
                  {t('common.retry')}
                </Button>
              </Stack>
            </Alert>
          )}
          {otherErrors.length > 0 && (
            <Alert color="red" variant="light">
              <Stack gap={2}>
                {otherErrors.map(([k, m]) => (
                  <Text size="sm" key={k}>
                    {m}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}

          {!restricted && <IdentitySection form={form} />}

          <AddressSection form={form} />

          <ContactSection form={form} />

          <PeopleSection form={form} />

          <OfficersSection form={form} />

          <Group
            justify="flex-end"
            gap="xs"
            pos="sticky"
            bottom={0}
            py="sm"
            bg="var(--mantine-color-gray-0)"
            style={{ zIndex: 5 }}
          >
            <Button variant="default" component={Link} to={coop ? `/koperasi/${coop.id}` : '/koperasi'}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} leftSection={<IconDeviceFloppy size={18} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
