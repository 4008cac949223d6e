import { Button, Grid, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../../i18n/visit-record';
import {
  fetchChecklist,
  fetchUnits,
  type PendingPhoto,
  type PhotoMeta,
  type Visit,
  type VisitDraft,
} from '../../../lib/visit-record';
import { ErrorState } from '../../../components/common';
import { AttendanceEditor } from '../../../components/visit/AttendanceEditor';
import { ChecklistEditor } from '../../../components/visit/ChecklistEditor';
import { FindingsEditor } from '../../../components/visit/FindingsEditor';
import { GpsField } from '../../../components/visit/GpsField';
import { PhotoPicker } from '../../../components/visit/PhotoPicker';
import { UnitsEditor } from '../../../components/visit/UnitsEditor';

import { Section } from './parts';

/** The record itself: attendance, findings, checklist, photos, GPS and the units visited. */
export function VisitRecordSections({
  visit,
  draft,
  setDraft,
  clearError,
  errors,
  readOnly,
  pending,
  setPending,
  onDeletePhoto,
}: {
  visit: Visit;
  draft: VisitDraft;
  setDraft: (fn: (d: VisitDraft) => VisitDraft) => void;
  clearError: (prefix: string) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  pending: PendingPhoto[];
  setPending: (p: PendingPhoto[]) => void;
  onDeletePhoto?: (p: PhotoMeta) => void;
}) {
  const { t } = useTranslation();
  const checklist = useQuery({
    queryKey: ['visit-checklist'],
    queryFn: ({ signal }) => fetchChecklist(signal),
    staleTime: Infinity,
  });
  const units = useQuery({
    queryKey: ['business-units', visit.cooperative.id],
    queryFn: ({ signal }) => fetchUnits(visit.cooperative.id, signal),
    select: (d) => d.items,
  });
  const template = checklist.data;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <Section
            title={t('visitRecord.sections.attendance')}
            hint={readOnly ? undefined : t('visitRecord.sections.attendanceHint')}
            testId="section-attendance"
          >
            <AttendanceEditor
              value={draft.attendance}
              onChange={(attendance) => {
                setDraft((d) => ({ ...d, attendance }));
                clearError('attendance');
              }}
              errors={errors}
              readOnly={readOnly}
            />
          </Section>
          <Section title={t('visitRecord.sections.findings')} testId="section-findings">
            <FindingsEditor
              value={draft.findings}
              onChange={(findings) => setDraft((d) => ({ ...d, findings }))}
              errors={errors}
              readOnly={readOnly}
            />
          </Section>
          <Section title={t('visitRecord.sections.checklist')} testId="section-checklist">
            {template ? (
              <ChecklistEditor
                template={template}
                value={draft.checklist}
                onChange={(c) => {
                  setDraft((d) => ({ ...d, checklist: c }));
                  clearError('checklist');
                }}
                errors={errors}
                readOnly={readOnly}
              />
            ) : checklist.error ? (
              <ErrorState error={checklist.error} onRetry={() => void checklist.refetch()} />
            ) : (
              <Skeleton h={200} />
            )}
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <Section title={t('visitRecord.sections.photos')} testId="section-photos">
            <PhotoPicker
              value={pending}
              onChange={setPending}
              saved={visit.photos}
              onDeleteSaved={onDeletePhoto}
              readOnly={readOnly}
              cols={{ base: 2, sm: 3, lg: 2 }}
            />
          </Section>
          <Section title={t('visitRecord.sections.gps')} testId="section-gps">
            <GpsField
              value={draft.gps}
              onChange={(gps) => {
                setDraft((d) => ({ ...d, gps }));
                clearError('gps');
              }}
              error={errors.gps ?? errors['gps.at']}
              readOnly={readOnly}
            />
          </Section>
          <Section
            title={t('visitRecord.sections.units')}
            hint={readOnly ? undefined : t('visitRecord.sections.unitsHint')}
            testId="section-units"
          >
            {units.data ? (
              <UnitsEditor
                units={units.data}
                value={draft.businessUnitIds}
                onChange={(ids) => {
                  setDraft((d) => ({ ...d, businessUnitIds: ids }));
                  clearError('businessUnitIds');
                }}
                error={Object.entries(errors).find(([k]) => k.startsWith('businessUnitIds'))?.[1]}
                readOnly={readOnly}
              />
            ) : units.error ? (
              <ErrorState error={units.error} onRetry={() => void units.refetch()} />
            ) : (
              <Skeleton h={60} />
            )}
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The bar stuck to the bottom while editing: unsaved state, discard/close and save. */
export function VisitSaveBar({
  dirty,
  saving,
  onDiscard,
  onClose,
  onSave,
}: {
  dirty: boolean;
  saving: boolean;
  onDiscard: () => void;
  onClose: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="md"
      px="sm"
      py={8}
      radius="md"
      style={{ position: 'sticky', bottom: 8, zIndex: 20 }}
      data-testid="visit-savebar"
    >
      <Group justify="space-between" gap={6} wrap="wrap">
        <Text
          size="sm"
          fw={dirty ? 600 : 400}
          c={dirty ? 'orange.9' : 'dimmed'}
          style={{ flex: '1 1 160px' }}
          lh={1.2}
          data-testid="save-state"
        >
          {dirty ? t('visitRecord.record.unsaved') : t('visitRecord.record.allSaved')}
        </Text>
        <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 auto', justifyContent: 'flex-end' }}>
          {dirty ? (
            <Button variant="default" onClick={onDiscard} disabled={saving}>
              {t('visitRecord.record.discard')}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              {t('visitRecord.record.close')}
            </Button>
          )}
          <Button leftSection={<IconDeviceFloppy size={18} />} onClick={onSave} loading={saving} disabled={!dirty}>
            {t('visitRecord.record.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
