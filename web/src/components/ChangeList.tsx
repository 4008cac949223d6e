import { Box, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../lib/format';
import { useLabel } from '../lib/meta';
import type { Change } from '../lib/types';
import '../i18n/health';
import '../i18n/history';
import '../i18n/visits';
import '../i18n/dialog';

const MONEY_FIELDS = new Set(['assets', 'ownCapital', 'externalCapital', 'businessVolume', 'shu', 'turnover']);
const DATE_FIELDS = new Set([
  'legalEntityDate',
  'legalEntityAmendmentDate',
  'dissolvedAt',
  'termStart',
  'termEnd',
  'date',
]);
const TIMESTAMP_FIELDS = new Set(['createdAt', 'updatedAt', 'lastLoginAt']);
const PLAIN_NUMBER_FIELDS = new Set(['fiscalYear', 'version']);
// deletedRecord: the full before-image of a deleted row (for rebuilding it), not a readable change.
const HIDDEN_FIELDS = new Set(['passwordHash', 'password_hash', 'deletedRecord']);

export function fieldLabel(t: TFunction, field: string): string {
  for (const key of [
    `coop.fields.${field}`,
    `changeFields.${field}`,
    `figures.${field}`,
    `units.${field}`,
    `statementLines.${field}`,
  ]) {
    const v = t(key, { defaultValue: '' });
    if (v && typeof v === 'string') return v;
  }
  return field;
}

export function useValueFormatter() {
  const { t } = useTranslation();
  const labels = {
    type: useLabel('types'),
    group: useLabel('groups'),
    scheme: useLabel('schemes'),
    status: useLabel('statuses'),
    role: useLabel('officerRoles'),
    userRole: useLabel('roles'),
    bidang: useLabel('bidang'),
    unitStatus: useLabel('unitStatuses'),
    sector: useLabel('sectors'),
  };

  const format = (field: string, value: unknown, entityType?: string): string => {
    if (value === null || value === undefined || value === '') return t('timeline.empty');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'number') {
      if (MONEY_FIELDS.has(field) || entityType === 'financial_statement')
        return field === 'fiscalYear' ? String(value) : formatRupiah(value);
      if (field === 'total')
        return value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      if (PLAIN_NUMBER_FIELDS.has(field)) return String(value);
      if (field === 'latitude' || field === 'longitude')
        return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 }).format(value);
      return formatNumber(value);
    }
    if (typeof value === 'string') {
      if (DATE_FIELDS.has(field) || DATE_ONLY.test(value)) return formatDate(value);
      if (TIMESTAMP_FIELDS.has(field) || TIMESTAMP.test(value)) return formatDateTime(value);
      if (TIME_ONLY.test(value)) return value.slice(0, 5).replace(':', '.');
      // Codes of the visit and dialog records, in their screens' words (issue #15).
      const coded = codeLabel(t, field, value, entityType);
      if (coded) return coded;
      switch (field) {
        case 'type':
          return labels.type(value);
        case 'group':
          return labels.group(value);
        case 'scheme':
          return labels.scheme(value);
        case 'status':
          if (entityType === 'assessment') return t(`assessment.status.${value}`, { defaultValue: value });
          return entityType === 'business_unit' ? labels.unitStatus(value) : labels.status(value);
        case 'role':
          return entityType === 'user' ? labels.userRole(value) : labels.role(value);
        case 'bidang':
          return labels.bidang(value);
        case 'sector':
          return labels.sector(value);
        default:
          return value;
      }
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return t('timeline.empty');
      return value
        .map((v) => {
          if (v && typeof v === 'object' && 'userId' in v) {
            const m = v as { userId: string; fullName?: string; leader?: boolean };
            return `${m.fullName ?? t('historyValues.officer', { defaultValue: 'Petugas' })}${m.leader ? ` (${t('visits.leader')})` : ''}`;
          }
          if (v && typeof v === 'object' && 'name' in v) {
            const o = v as { role?: string; name?: string };
            return o.role ? `${labels.role(o.role)}: ${o.name ?? ''}` : String(o.name ?? '');
          }
          return format(field, v, entityType);
        })
        .join('; ');
    }
    if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(
        ([, v]) => v !== null && v !== undefined && v !== '' && !isId(v),
      );
      if (entries.length === 0) return t('timeline.empty');
      return entries.map(([k, v]) => `${fieldLabel(t, k)}: ${format(k, v, entityType)}`).join('; ');
    }
    return String(value);
  };
  return format;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (v: unknown) => typeof v === 'string' && UUID.test(v);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const TIME_ONLY = /^\d{2}:\d{2}(:\d{2})?$/;

/** The label of a code stored in a visit, concern or follow-up change; null when it is not one. */
function codeLabel(t: TFunction, field: string, value: string, entityType?: string): string | null {
  const keys: Record<string, string[]> = {
    visit: ['status:visits.status', 'purposes:visits.purposes'],
    follow_up: ['status:dialog.followUpStatuses', 'aspect:dialog.aspects', 'kind:historyValues.responsibleKind'],
    concern: [
      'status:dialog.concernStatuses',
      'kind:dialog.kinds',
      'topic:dialog.topics',
      'severity:dialog.severities',
      'raisedVia:dialog.raisedVia',
    ],
    unit_need: ['status:historyValues.unitNeedStatus'],
    unit_proposal: ['status:historyValues.proposalStatus'],
  };
  for (const k of keys[entityType ?? ''] ?? []) {
    const [f, ns] = k.split(':') as [string, string];
    if (f !== field) continue;
    const v = t(`${ns}.${value}`, { defaultValue: '' });
    if (v) return v;
  }
  return null;
}

export function ChangeList({
  changes,
  entityType,
}: {
  changes: Record<string, Change> | null | undefined;
  entityType?: string;
}) {
  const { t } = useTranslation();
  const format = useValueFormatter();
  // Internal ids (a visit's, a concern's) mean nothing to a reader: the record itself is linked elsewhere.
  const entries = Object.entries(changes ?? {}).filter(
    ([k, ch]) =>
      !HIDDEN_FIELDS.has(k) && !((isId(ch.before) || ch.before == null) && (isId(ch.after) || ch.after == null)),
  );
  if (entries.length === 0) return null;
  return (
    <Stack gap={6} data-testid="change-list">
      {entries.map(([field, ch]) => {
        const created = ch.before === null || ch.before === undefined;
        const removed = ch.after === null || ch.after === undefined;
        return (
          <Box key={field} data-testid="change" data-field={field}>
            <Text size="xs" c="dimmed" fw={600}>
              {fieldLabel(t, field)}
            </Text>
            <Group gap={6} wrap="wrap" align="center">
              {!created && (
                <Text
                  size="sm"
                  td={removed ? undefined : 'line-through'}
                  c="red.8"
                  className="break-anywhere"
                  data-testid="change-before"
                >
                  {format(field, ch.before, entityType)}
                </Text>
              )}
              {!created && <IconArrowRight size={14} color="var(--mantine-color-gray-6)" aria-label="menjadi" />}
              <Text
                size="sm"
                fw={500}
                c={removed ? 'dimmed' : 'green.9'}
                className="break-anywhere"
                data-testid="change-after"
              >
                {format(field, ch.after, entityType)}
              </Text>
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}

export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => {
    const v = t(`actions.${action}`, { defaultValue: '' });
    if (v) return v;
    const last = action.split('.').pop() ?? action;
    return t(`actions.${last}`, { defaultValue: action });
  };
}

export function useEntityLabel() {
  const { t } = useTranslation();
  return (entityType: string) => t(`entityTypes.${entityType}`, { defaultValue: entityType });
}
