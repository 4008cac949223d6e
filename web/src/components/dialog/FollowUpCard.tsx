import type { ReactNode } from 'react';
import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarDue, IconPhoto, IconUser } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { daysUntil, type FollowUp } from '../../lib/dialog';
import { formatDate, todayJakarta } from '../../lib/format';
import { FollowUpStatusBadge, OverdueBadge } from './badges';
import { VerificationBadge } from '../desk/VerificationBadge';
import '../../lib/desk';

/**
 * One recommendation: what, who is responsible, deadline, monitoring plan and status. Overdue ones
 * get a red edge and a "Terlambat N hari" badge. Presentational: actions come in as `actions`.
 */
export function FollowUpCard({
  followUp: f,
  showCooperative = true,
  actions,
}: {
  followUp: FollowUp;
  showCooperative?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const left = daysUntil(f.deadline, todayJakarta());
  const closed = f.status === 'done' || f.status === 'cancelled';
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="follow-up-card"
      data-overdue={f.overdue ? 'true' : 'false'}
      data-id={f.id}
      style={{ borderLeft: f.overdue ? '4px solid var(--mantine-color-red-6)' : undefined }}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <FollowUpStatusBadge status={f.status} />
          <OverdueBadge followUp={f} />
        </Group>
        {showCooperative && (
          <Anchor
            component={Link}
            to={`/koperasi/${f.cooperative.id}?tab=aspirasi`}
            size="sm"
            fw={600}
            className="break-anywhere"
            lh={1.3}
          >
            {f.cooperative.name}
          </Anchor>
        )}
        <Text size="sm" fw={500} className="break-anywhere" data-testid="follow-up-recommendation">
          {f.recommendation}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconUser size={15} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">
              <Text span c="dimmed" size="xs">
                {t('dialog.responsible')}:{' '}
              </Text>
              {f.responsible.kind === 'COOPERATIVE' ? t('dialog.theCooperativeShort') : f.responsible.label}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconCalendarDue
              size={15}
              color={f.overdue ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-6)'}
              style={{ flexShrink: 0, marginTop: 2 }}
            />
            <Text size="sm" c={f.overdue ? 'red.8' : undefined} fw={f.overdue ? 600 : undefined}>
              <Text span c="dimmed" size="xs">
                {t('dialog.deadline')}:{' '}
              </Text>
              {formatDate(f.deadline)}
              {!closed && !f.overdue && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({left === 0 ? t('dialog.dueToday') : t('dialog.dueInDays', { n: left })})
                </Text>
              )}
            </Text>
          </Group>
        </SimpleGrid>
        {f.verification && f.verification.status !== 'VERIFIED' && (
          <Group gap={6} wrap="wrap">
            <VerificationBadge v={f.verification} />
          </Group>
        )}
        {f.monitoringPlan && (
          <Text size="xs" c="dimmed" className="break-anywhere">
            <Text span fw={600} size="xs">
              {t('dialog.monitoringPlan')}:{' '}
            </Text>
            {f.monitoringPlan}
          </Text>
        )}
        {f.progressNote && f.status !== 'cancelled' && (
          <Text size="xs" className="break-anywhere">
            <Text span fw={600} size="xs">
              {t('dialog.progressNote')}:{' '}
            </Text>
            {f.progressNote}
          </Text>
        )}
        {f.evidence && (
          <Stack
            gap={4}
            p={8}
            bg="green.0"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            data-testid="follow-up-evidence"
          >
            <Text size="xs" className="break-anywhere">
              <Text span fw={600} size="xs">
                {t('dialog.evidence')}:{' '}
              </Text>
              {f.evidence.note}
              {f.evidence.documentRef ? ` · ${f.evidence.documentRef}` : ''}
            </Text>
            {f.evidence.photoId && (
              <Anchor href={`/api/v1/photos/${f.evidence.photoId}`} target="_blank" rel="noreferrer" size="xs">
                <Group gap={6} wrap="nowrap">
                  <img
                    src={`/api/v1/photos/${f.evidence.photoId}/thumbnail`}
                    alt={t('dialog.evidencePhoto')}
                    style={{ width: 56, height: 56, objectFit: 'cover', borderRadius: 4 }}
                    data-testid="evidence-photo"
                  />
                  <IconPhoto size={14} />
                  {t('dialog.evidencePhoto')}
                </Group>
              </Anchor>
            )}
          </Stack>
        )}
        {f.cancelReason && (
          <Text size="xs" c="dimmed" className="break-anywhere">
            <Text span fw={600} size="xs">
              {t('dialog.cancelReason')}:{' '}
            </Text>
            {f.cancelReason}
          </Text>
        )}
        {f.closedAt && (
          <Text size="xs" c="dimmed">
            {t('dialog.closedOn', { date: formatDate(f.closedAt) })}
          </Text>
        )}
        {actions && (
          <Group gap="xs" wrap="wrap" mt={2}>
            {actions}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
