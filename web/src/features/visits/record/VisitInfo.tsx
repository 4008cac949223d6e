import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCrown } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../../i18n/visit-record';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type Visit } from '../../../lib/visit-record';
import { Field } from '../../../components/Field';

export function VisitInfo({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" data-testid="visit-info">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <Field label={t('visitRecord.info.place')}>
            {t('visitRecord.info.placeValue', {
              village: visit.cooperative.village.name,
              district: visit.cooperative.district.name,
            })}
          </Field>
          <Field label={t('visitRecord.info.purposes')}>
            <Group gap={4} mt={2}>
              {visit.purposes.map((p) => (
                <Badge key={p} variant="outline" color="sambang" size="sm" style={{ textTransform: 'none' }}>
                  {t(`visitRecord.purposes.${p}`)}
                </Badge>
              ))}
            </Group>
          </Field>
          <Field label={t('visitRecord.info.program')}>{visit.program?.name ?? t('visitRecord.info.noProgram')}</Field>
          <Field label={t('visitRecord.info.rat')} testId="visit-rat">
            {visit.annualMeeting ? (
              <Anchor component={Link} to={`/koperasi/${visit.cooperative.id}?tab=rat`} size="sm">
                {t('visitRecord.info.ratValue', {
                  year: visit.annualMeeting.fiscalYear,
                  date: formatDate(visit.annualMeeting.heldOn),
                })}
              </Anchor>
            ) : (
              t('visitRecord.info.noRat')
            )}
          </Field>
        </SimpleGrid>
        <Field label={t('visitRecord.info.team')} testId="visit-team">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" verticalSpacing={6} mt={4}>
            {visit.team.map((m) => (
              <Group key={m.userId} gap={6} wrap="nowrap" align="flex-start">
                {m.leader ? (
                  <IconCrown
                    size={16}
                    color="var(--mantine-color-yellow-7)"
                    style={{ flexShrink: 0, marginTop: 2 }}
                    aria-label={t('visitRecord.info.leader')}
                  />
                ) : (
                  <span style={{ width: 16, flexShrink: 0 }} />
                )}
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={m.leader ? 700 : 500} className="break-anywhere">
                    {m.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.leader ? `${t('visitRecord.info.leader')} · ` : ''}
                    {t(`visitRecord.bidang.${m.bidang ?? 'none'}`)}
                  </Text>
                </div>
              </Group>
            ))}
          </SimpleGrid>
        </Field>
        {visit.conflicts.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('visitRecord.info.conflictTitle')}
            p="xs"
            data-testid="visit-conflicts"
          >
            <Stack gap={2}>
              {visit.conflicts.map((c) => (
                <Text key={c.userId} size="sm">
                  {t('visitRecord.info.conflictLine', { name: c.fullName })}{' '}
                  {c.visits.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 ? ', ' : ''}
                      <Anchor component={Link} to={`/kunjungan/${o.id}`} size="sm" c="dark" underline="always">
                        {o.cooperative.name}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {visit.status === 'cancelled' && (
          <Alert
            color="red"
            variant="light"
            icon={<IconBan size={18} />}
            title={t('visitRecord.info.cancelled')}
            p="xs"
          >
            <Text size="sm">{t('visitRecord.info.cancelReason', { reason: visit.cancelReason ?? '–' })}</Text>
          </Alert>
        )}
        {(visit.approvedBy || visit.completedAt) && (
          <Group gap="md" wrap="wrap">
            {visit.approvedBy && visit.approvedAt && (
              <Text size="xs" c="dimmed">
                {t('visitRecord.info.approvedBy', {
                  name: visit.approvedBy.fullName,
                  at: formatDateTime(visit.approvedAt),
                })}
              </Text>
            )}
            {visit.completedAt && (
              <Text size="xs" c="dimmed">
                {t('visitRecord.info.completedAt', { at: formatDateTime(visit.completedAt) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
