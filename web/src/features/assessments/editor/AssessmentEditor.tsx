import { Alert, Box, Button, Drawer, Grid, Group, List, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChartBar,
  IconDeviceFloppy,
  IconLock,
  IconRosetteDiscountCheck,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RubricDefinition } from '@domain/rubrics/types';
import '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import { scoreText } from '../../../lib/rubric';
import { CategoryBadge, DownloadButton } from '../../../components/assessment';
import { ScorePanel } from '../../../pages/assessment/ScorePanel';
import { KspInputs } from '../../../pages/assessment/KspInputs';
import { KkInputs } from '../../../pages/assessment/KkInputs';
import type { AssessmentDetailOut } from '@contract/assessments';
import { IssueAssessmentButton } from '../../../components/papers/IssueAssessmentButton';
import '../../../lib/desk';

import { useAssessmentEditor } from './useAssessmentEditor';
import { EditorDialogs } from './EditorDialogs';

export function AssessmentEditor({
  assessment,
  def,
}: {
  /** The assessment with `can`: what the policy lets this user do with it. */
  assessment: AssessmentDetailOut;
  def: RubricDefinition;
}) {
  const { t } = useTranslation();
  const ed = useAssessmentEditor(assessment, def);
  const {
    final,
    readOnly,
    inputs,
    dirty,
    saveState,
    serverErrors,
    setServerErrors,
    setFinalizeOpen,
    setDeleteOpen,
    drawerOpen,
    setDrawerOpen,
    setInputs,
    marks,
    labels,
    result,
    saveNow,
    errors,
    tab,
    onTab,
    saveText,
    panel,
  } = ed;
  return (
    <>
      {final && (
        <Alert
          color="sambang"
          variant="light"
          icon={<IconLock size={18} />}
          mb="md"
          title={t('assessment.finalBanner')}
          data-testid="final-banner"
        >
          <Group justify="space-between" gap="sm" wrap="wrap" align="flex-end">
            <Text size="sm">
              {t('assessment.finalDetail', {
                title: def.title,
                version: assessment.rubricVersion,
                assessor: assessment.assessor?.name ?? '–',
                date: formatDate(assessment.assessedOn),
              })}
            </Text>
            <DownloadButton
              path={`/assessments/${assessment.id}/report.pdf`}
              fallbackName={`penilaian-${assessment.fiscalYear}.pdf`}
              variant="filled"
              size="sm"
            >
              {t('assessment.downloadPdf')}
            </DownloadButton>
            {assessment.can.issueDocument && <IssueAssessmentButton assessmentId={String(assessment.id)} />}
          </Group>
        </Alert>
      )}

      {saveState.kind === 'conflict' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="md">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('assessment.conflict')}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
              {t('assessment.reload')}
            </Button>
          </Group>
        </Alert>
      )}

      {serverErrors && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          mb="md"
          title={t('assessment.serverErrors')}
          withCloseButton
          onClose={() => setServerErrors(null)}
          data-testid="finalize-errors"
        >
          <Text size="sm" mb={6}>
            {serverErrors.message}
          </Text>
          <List size="sm" spacing={2}>
            {Object.entries(serverErrors.fields)
              .slice(0, 40)
              .map(([k, v]) => (
                <List.Item key={k}>
                  <b>{labels.get(k) ?? k}</b>: {v}
                </List.Item>
              ))}
          </List>
        </Alert>
      )}

      {!readOnly && (
        <Group justify="space-between" gap="xs" mb="md" wrap="wrap">
          <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'} data-testid="save-state" aria-live="polite">
            {saveText}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void saveNow()}
              loading={saveState.kind === 'saving'}
              disabled={!dirty}
            >
              {t('assessment.saveDraft')}
            </Button>
            <Button
              size="sm"
              leftSection={<IconRosetteDiscountCheck size={16} />}
              onClick={() => setFinalizeOpen(true)}
              disabled={saveState.kind === 'conflict'}
            >
              {t('assessment.finalize')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="sm"
              px="xs"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleteOpen(true)}
            >
              {t('assessment.deleteDraft')}
            </Button>
          </Group>
        </Group>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {def.method === 'weighted' ? (
            <KspInputs
              def={def}
              inputs={inputs}
              setInputs={setInputs}
              readOnly={readOnly}
              errors={errors}
              marks={marks}
              coopId={assessment.cooperative.id}
              fiscalYear={assessment.fiscalYear}
              hasStatement={assessment.statementId !== null}
              tab={tab}
              onTab={onTab}
            />
          ) : (
            <KkInputs
              def={def}
              inputs={inputs}
              setInputs={setInputs}
              readOnly={readOnly}
              errors={errors}
              marks={marks}
              tab={tab}
              onTab={onTab}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} visibleFrom="lg">
          <div className="score-panel-sticky">{panel}</div>
        </Grid.Col>
      </Grid>

      <Box hiddenFrom="lg" h={72} />
      <Box hiddenFrom="lg" className="mobile-score-bar" data-testid="mobile-score-bar">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text
              fw={750}
              fz={26}
              lh={1}
              className="tabular-nums"
              data-testid="mobile-total"
              aria-label={final ? t('assessment.storedScore') : t('assessment.liveScoreDraft')}
            >
              {scoreText(result.total)}
            </Text>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" lh={1.1}>
                {final ? t('assessment.storedScore') : t('assessment.liveScoreDraft')}
              </Text>
              {result.category ? (
                <CategoryBadge code={result.category.code} label={result.category.label} size="sm" />
              ) : (
                <Text size="xs" c="orange.8" fw={600} lh={1.1}>
                  {t('assessment.incomplete')}
                </Text>
              )}
            </Stack>
          </Group>
          <Button
            size="sm"
            variant="light"
            px="sm"
            leftSection={<IconChartBar size={16} />}
            onClick={() => setDrawerOpen(true)}
            style={{ flexShrink: 0 }}
          >
            {t('assessment.details')}
          </Button>
        </Group>
      </Box>
      <Drawer
        opened={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        position="bottom"
        size="88%"
        title={<Text fw={600}>{t('assessment.showDetails')}</Text>}
        hiddenFrom="lg"
      >
        <ScorePanel result={result} def={def} marks={marks} live={!final} compact />
      </Drawer>

      <EditorDialogs ed={ed} />
    </>
  );
}
