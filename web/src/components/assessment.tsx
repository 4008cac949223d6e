import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Text, Tooltip, type BadgeProps, type ButtonProps } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Mark } from '@domain/rubrics/types';
import { CATEGORY_COLORS, RAT_STATUS_COLORS, type AssessmentStatus, type RatStatus } from '../lib/assessment';
import { downloadFile } from '../lib/download';
import { handleAuthError, notifyError } from '../lib/queryClient';

/** Predikat kesehatan with its colour: Sehat green, Cukup Sehat cyan, Dalam Pengawasan orange, Khusus red. */
export function CategoryBadge({
  code,
  label,
  size = 'sm',
  variant = 'filled',
}: {
  code: string | null | undefined;
  label?: string | null;
  size?: BadgeProps['size'];
  variant?: BadgeProps['variant'];
}) {
  const { t } = useTranslation();
  if (!code) {
    return (
      <Badge color="gray" variant="light" size={size} style={{ flexShrink: 0 }}>
        {t('assessment.noCategory')}
      </Badge>
    );
  }
  return (
    <Badge
      color={CATEGORY_COLORS[code] ?? 'gray'}
      variant={variant}
      size={size}
      style={{ flexShrink: 0 }}
      data-testid="category-badge"
      data-category={code}
    >
      {label || t(`assessment.categories.${code}`, { defaultValue: code })}
    </Badge>
  );
}

export function AssessmentStatusBadge({
  status,
  size = 'sm',
}: {
  status: AssessmentStatus | string;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'FINAL' ? 'sambang' : status === 'SUPERSEDED' ? 'gray' : 'yellow'}
      variant={status === 'DRAFT' ? 'outline' : 'light'}
      size={size}
      style={{ flexShrink: 0 }}
    >
      {t(`assessment.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function RatStatusBadge({ status, size = 'sm' }: { status: RatStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RAT_STATUS_COLORS[status] ?? 'gray'}
      variant={status === 'NOT_YET_DUE' ? 'outline' : 'light'}
      size={size}
      style={{ flexShrink: 0 }}
      data-testid="rat-status"
    >
      {t(`rat.status.${status}`)}
    </Badge>
  );
}

/** A provisional/choice mark: a small badge with the note in a tooltip. */
export function MarkBadge({
  marks,
  size = 'xs',
}: {
  marks: readonly Pick<Mark, 'kind' | 'note'>[];
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  if (marks.length === 0) return null;
  const kinds = [...new Set(marks.map((m) => m.kind))];
  const kind = kinds.includes('provisional') ? 'provisional' : 'choice';
  const label = (
    <div style={{ maxWidth: 320 }}>
      {marks.map((m, i) => (
        <Text key={i} size="xs" mb={i < marks.length - 1 ? 6 : 0}>
          <b>{t(`rubric.markKind.${m.kind}`)}:</b> {m.note}
        </Text>
      ))}
    </div>
  );
  return (
    <Tooltip label={label} multiline withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        component="span"
        tabIndex={0}
        size={size}
        variant="light"
        color={kind === 'provisional' ? 'yellow' : 'grape'}
        leftSection={kind === 'provisional' ? <IconAlertTriangle size={10} /> : <IconScale size={10} />}
        style={{ cursor: 'help', flexShrink: 0, textTransform: 'none' }}
        data-testid="mark-badge"
      >
        {t(`rubric.markKind.${kind}`)}
      </Badge>
    </Tooltip>
  );
}

/** A button that downloads a file from the API (PDF, XLSX) and reports errors. */
export function DownloadButton({
  path,
  fallbackName,
  children,
  ...props
}: { path: string; fallbackName: string; children: ReactNode } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      leftSection={<IconDownload size={16} />}
      variant="default"
      {...props}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fallbackName)
          .catch((e: unknown) => {
            if (!handleAuthError(e)) notifyError(e);
          })
          .finally(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}

/** "12,00 / 15" */
export function ScoreOf({ score, weight }: { score: ReactNode; weight: ReactNode }) {
  return (
    <Group gap={2} wrap="nowrap" className="tabular-nums">
      <Text span fw={600} size="sm">
        {score}
      </Text>
      <Text span c="dimmed" size="xs">
        / {weight}
      </Text>
    </Group>
  );
}
