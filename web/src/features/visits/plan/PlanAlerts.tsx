import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../lib/visits';
import type { PlanState } from './usePlanForm';

/** Why the plan cannot be edited, where its purposes came from, and what the last save said. */
export function PlanAlerts({ visit, plan, onReload }: { visit: Visit | null; plan: PlanState; onReload: () => void }) {
  const { t } = useTranslation();
  const { cannotPlan, closed, notOnTeam, prefillPurposes, conflict, otherErrors } = plan;
  return (
    <>
      {cannotPlan && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('visitPlan.cannotPlan')}
        </Alert>
      )}
      {closed && visit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('visitPlan.closed', { status: t(`visits.status.${visit.status}`).toLowerCase() })}
        </Alert>
      )}
      {notOnTeam && !closed && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('visitPlan.notOnTeam')}
        </Alert>
      )}
      {visit?.status === 'approved' && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('visitPlan.reapprove')}
        </Alert>
      )}
      {!visit && prefillPurposes.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
          <Text size="sm">{t('visitPlan.fromPriority')}</Text>
        </Alert>
      )}
      {conflict && (
        <Alert
          color="orange"
          variant="light"
          title={t('visitPlan.conflictTitle')}
          icon={<IconAlertTriangle size={18} />}
          data-testid="plan-conflict"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{conflict}</Text>
            <Button size="xs" variant="white" leftSection={<IconRefresh size={14} />} onClick={onReload}>
              {t('visitPlan.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {otherErrors.length > 0 && !conflict && (
        <Alert color="red" variant="light" title={t('visitPlan.otherErrors')}>
          <Stack gap={2}>
            {otherErrors.map(([k, m]) => (
              <Text size="sm" key={k}>
                {m}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </>
  );
}
