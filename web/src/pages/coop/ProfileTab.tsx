import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertOctagon, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { StatusBadge } from '../../components/common';
import { VerificationBadge } from '../../components/desk/VerificationBadge';
import { formatCoordinate, formatDate } from '../../lib/format';
import { useLabel } from '../../lib/meta';
import type { Coop } from '../../lib/types';
import { Section, OfficersFiling, CountBlock } from '../../features/cooperatives/profile/parts';

export function ProfileTab({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const typeLabel = useLabel('types');
  const groupLabel = useLabel('groups');
  const schemeLabel = useLabel('schemes');
  const roleLabel = useLabel('officerRoles');
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const officers = coop.officers ?? [];
  const hasCoords = typeof coop.latitude === 'number' && typeof coop.longitude === 'number';
  const kel = coop.village.code.split('.')[3]?.startsWith('1');

  return (
    <Stack gap="md">
      {coop.status === 'DIBUBARKAN' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertOctagon size={20} />}
          title={t('coop.sections.dissolved')}
          data-testid="dissolved-alert"
        >
          <Stack gap={4}>
            <Text size="sm">
              <Text span fw={600}>
                {t('coop.fields.dissolvedAt')}:
              </Text>{' '}
              {formatDate(coop.dissolvedAt)}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t('coop.fields.dissolvedReason')}:
              </Text>{' '}
              {coop.dissolvedReason ?? '–'}
            </Text>
          </Stack>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('coop.sections.identity')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Field label={t('coop.fields.nik')}>
              {coop.nik ? <span className="tabular-nums">{coop.nik}</span> : null}
            </Field>
            <Field label={t('coop.fields.status')}>
              <StatusBadge status={coop.status} />
            </Field>
            <Field label={t('coop.fields.type')}>{typeLabel(coop.type)}</Field>
            <Field label={t('coop.fields.group')}>{groupLabel(coop.group)}</Field>
            <Field label={t('coop.fields.scheme')}>{coop.scheme ? schemeLabel(coop.scheme) : null}</Field>
            <div style={{ gridColumn: '1 / -1' }}>
              <Field label={t('coop.fields.legalEntityNumber')}>{coop.legalEntityNumber}</Field>
            </div>
            <Field label={t('coop.fields.legalEntityDate')}>
              {coop.legalEntityDate ? formatDate(coop.legalEntityDate) : null}
            </Field>
            <Field label={t('coop.fields.legalEntityAmendmentDate')}>
              {coop.legalEntityAmendmentDate ? formatDate(coop.legalEntityAmendmentDate) : null}
            </Field>
            {(coop.group === 'KDKMP' || coop.simkopdesId) && (
              <Field label={t('coop.fields.simkopdesId')}>{coop.simkopdesId}</Field>
            )}
          </SimpleGrid>
        </Section>

        <Stack gap="md">
          <Section title={t('coop.sections.address')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Field label={t('coop.fields.street')}>{coop.street}</Field>
              <Field label={t('coop.fields.village')}>
                {kel ? 'Kel.' : 'Desa'} {coop.village.name}
              </Field>
              <Field label={t('coop.fields.district')}>{coop.district.name}</Field>
              <Field label={t('coop.fields.coordinates')}>
                {hasCoords ? (
                  <Stack gap={0}>
                    <span className="tabular-nums">
                      {formatCoordinate(coop.latitude)}, {formatCoordinate(coop.longitude)}
                    </span>
                    <Anchor
                      href={`https://www.openstreetmap.org/?mlat=${coop.latitude}&mlon=${coop.longitude}#map=16/${coop.latitude}/${coop.longitude}`}
                      target="_blank"
                      rel="noopener noreferrer"
                      size="xs"
                    >
                      <Group gap={2} component="span" wrap="nowrap">
                        <IconMapPin size={12} /> {t('coop.mapLink')}
                      </Group>
                    </Anchor>
                  </Stack>
                ) : null}
              </Field>
            </SimpleGrid>
          </Section>
          <Section title={t('coop.sections.contact')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Field label={t('coop.fields.phone')}>
                {coop.phone ? (
                  <Anchor href={`tel:${coop.phone}`} size="sm">
                    {coop.phone}
                  </Anchor>
                ) : null}
              </Field>
              <Field label={t('coop.fields.email')}>
                {coop.email ? (
                  <Anchor href={`mailto:${coop.email}`} size="sm">
                    {coop.email}
                  </Anchor>
                ) : null}
              </Field>
            </SimpleGrid>
          </Section>
        </Stack>
      </SimpleGrid>

      <Section title={t('coop.sections.people')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg">
          <CountBlock
            label={t('coop.fields.members')}
            male={coop.membersMale}
            female={coop.membersFemale}
            testId="members"
          />
          <CountBlock
            label={t('coop.fields.employees')}
            male={coop.employeesMale}
            female={coop.employeesFemale}
            testId="employees"
          />
        </SimpleGrid>
      </Section>

      <Section
        title={t('coop.sections.officers')}
        badge={<VerificationBadge v={coop.officersVerification} withReason={false} />}
        testId="officers-section"
      >
        <OfficersFiling coop={coop} />
        {officers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('coop.officer.none')}
          </Text>
        ) : isMobile ? (
          <Stack gap="xs">
            {officers.map((o, i) => (
              <Card key={i} withBorder padding="xs" bg="gray.0">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} className="break-anywhere">
                      {o.name}
                    </Text>
                    {o.phone && (
                      <Anchor href={`tel:${o.phone}`} size="xs">
                        {o.phone}
                      </Anchor>
                    )}
                    {(o.termStart || o.termEnd) && (
                      <Text size="xs" c="dimmed">
                        {formatDate(o.termStart)} – {formatDate(o.termEnd)}
                      </Text>
                    )}
                  </Stack>
                  <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                    {roleLabel(o.role)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coop.officer.role')}</Table.Th>
                  <Table.Th>{t('coop.officer.name')}</Table.Th>
                  <Table.Th>{t('coop.officer.phone')}</Table.Th>
                  <Table.Th>{t('coop.officer.term')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {officers.map((o, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{roleLabel(o.role)}</Table.Td>
                    <Table.Td fw={500}>{o.name}</Table.Td>
                    <Table.Td>{o.phone || '–'}</Table.Td>
                    <Table.Td>
                      {o.termStart || o.termEnd ? `${formatDate(o.termStart)} – ${formatDate(o.termEnd)}` : '–'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Text size="xs" c="dimmed">
        {t('coop.fields.createdAt')}: {formatDate(coop.createdAt)} · {t('coop.fields.updatedAt')}:{' '}
        {formatDate(coop.updatedAt)}
      </Text>
    </Stack>
  );
}
