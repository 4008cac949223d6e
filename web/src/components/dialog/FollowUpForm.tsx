import { Input, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import '../../i18n/dialog';
import { BIDANG_CODES, type FollowUpInput, type ResponsibleKind, type StaffOption } from '../../lib/dialog';
import type { Bidang } from '../../lib/types';

export interface FollowUpFormValue {
  recommendation: string;
  responsibleKind: ResponsibleKind;
  bidang: Bidang | null;
  userId: string | null;
  deadline: string | null;
  monitoringPlan: string;
}

export const emptyFollowUp = (defaults: Partial<FollowUpFormValue> = {}): FollowUpFormValue => ({
  recommendation: '',
  responsibleKind: 'BIDANG',
  bidang: 'koperasi',
  userId: null,
  deadline: null,
  monitoringPlan: '',
  ...defaults,
});

export function validateFollowUp(v: FollowUpFormValue, minDate?: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.recommendation.trim().length < 5) e.recommendation = 'Rekomendasi minimal 5 karakter.';
  if (v.responsibleKind === 'BIDANG' && !v.bidang) e['responsible.bidang'] = 'Pilih bidang penanggung jawab.';
  if (v.responsibleKind === 'USER' && !v.userId) e['responsible.userId'] = 'Pilih petugas penanggung jawab.';
  if (!v.deadline) e.deadline = 'Tentukan tenggat.';
  else if (minDate && v.deadline < minDate) e.deadline = `Tenggat tidak boleh sebelum ${minDate}.`;
  return e;
}

/** The request body of POST /follow-ups for a form value. */
export function followUpBody(
  v: FollowUpFormValue,
  link: Pick<FollowUpInput, 'cooperativeId' | 'visitId' | 'concernId' | 'aspect' | 'id'>,
): FollowUpInput {
  return {
    ...link,
    recommendation: v.recommendation.trim(),
    responsible: {
      kind: v.responsibleKind,
      bidang: v.responsibleKind === 'BIDANG' ? v.bidang : null,
      userId: v.responsibleKind === 'USER' ? v.userId : null,
    },
    deadline: v.deadline ?? '',
    monitoringPlan: v.monitoringPlan.trim() || null,
  };
}

/**
 * A recommendation: what to do, the responsible party (a bidang, a named officer, or the
 * cooperative itself), the deadline and how it will be monitored. Controlled.
 */
export function FollowUpForm({
  value,
  onChange,
  errors = {},
  staff,
  meId,
  cooperativeName,
  minDate,
}: {
  value: FollowUpFormValue;
  onChange: (v: FollowUpFormValue) => void;
  errors?: Record<string, string>;
  /** Officers to choose from; the current user is always offered. */
  staff: StaffOption[];
  meId?: string;
  cooperativeName?: string;
  minDate?: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof FollowUpFormValue>(k: K, v: FollowUpFormValue[K]) => onChange({ ...value, [k]: v });
  const officers = staff.map((s) => ({
    value: s.id,
    label:
      s.id === meId
        ? t('dialog.me', { name: s.fullName })
        : s.bidang
          ? `${s.fullName} · ${t(`dialog.bidang.${s.bidang}`)}`
          : s.fullName,
  }));
  officers.sort((a, b) => (a.value === meId ? -1 : b.value === meId ? 1 : 0));
  return (
    <Stack gap="sm">
      <Textarea
        label={t('dialog.recommendation')}
        description={t('dialog.recommendationHint')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={value.recommendation}
        onChange={(e) => set('recommendation', e.currentTarget.value)}
        error={errors.recommendation}
        data-testid="follow-up-recommendation-input"
      />
      <Input.Wrapper label={t('dialog.responsible')} required error={errors['responsible.kind']}>
        <SegmentedControl
          fullWidth
          mt={4}
          value={value.responsibleKind}
          onChange={(v) => set('responsibleKind', v as ResponsibleKind)}
          data={(['BIDANG', 'USER', 'COOPERATIVE'] as const).map((k) => ({
            value: k,
            label: t(`dialog.responsibleKinds.${k}`),
          }))}
          data-testid="responsible-kind"
        />
      </Input.Wrapper>
      {value.responsibleKind === 'BIDANG' && (
        <Select
          label={t('dialog.responsibleBidang')}
          required
          data={BIDANG_CODES.map((b) => ({ value: b, label: t(`dialog.bidang.${b}`) }))}
          value={value.bidang}
          onChange={(v) => set('bidang', v as Bidang | null)}
          error={errors['responsible.bidang']}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {value.responsibleKind === 'USER' && (
        <Select
          label={t('dialog.responsibleUser')}
          required
          searchable
          data={officers}
          value={value.userId}
          onChange={(v) => set('userId', v)}
          error={errors['responsible.userId']}
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
          data-testid="responsible-user"
        />
      )}
      {value.responsibleKind === 'COOPERATIVE' && (
        <Text size="sm" c="dimmed">
          {cooperativeName
            ? t('dialog.theCooperative', { name: cooperativeName.replace(/^Koperasi\s+/i, '') })
            : t('dialog.theCooperativeShort')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateInput
          label={t('dialog.deadline')}
          required
          valueFormat="D MMMM YYYY"
          locale="id"
          placeholder={t('coop.form.pickDate')}
          minDate={minDate}
          value={value.deadline}
          onChange={(v) => set('deadline', v)}
          error={errors.deadline}
          popoverProps={{ withinPortal: true }}
          data-testid="follow-up-deadline"
        />
      </SimpleGrid>
      <Textarea
        label={t('dialog.monitoringPlan')}
        description={t('dialog.monitoringPlanHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={value.monitoringPlan}
        onChange={(e) => set('monitoringPlan', e.currentTarget.value)}
        error={errors.monitoringPlan}
      />
    </Stack>
  );
}
