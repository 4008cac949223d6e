import { Progress } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import { formatNumber } from '../../lib/format';
import { type DistrictProgress } from '../../lib/visits';

export interface ProgramForm {
  name: string;
  periodStart: string | null;
  periodEnd: string | null;
  description: string;
  targets: Record<string, number | string>;
}

export function pct(n: number, of: number): number {
  return of > 0 ? Math.min(100, (n / of) * 100) : 0;
}

/** Visited (solid) and scheduled (light) against the target. */
export function Reach({
  row,
  size = 'md',
}: {
  row: Pick<DistrictProgress, 'target' | 'visited' | 'scheduled'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const of = Math.max(row.target, row.visited + row.scheduled);
  return (
    // Each section is a progressbar: each carries its own name (issue #15: progress bars named).
    <Progress.Root
      size={size}
      title={`${t('programs.visited')} ${row.visited}, ${t('programs.scheduled')} ${row.scheduled}, ${t('programs.target')} ${row.target}`}
    >
      <Progress.Section
        value={pct(row.visited, of)}
        color={row.target > 0 && row.visited >= row.target ? 'green.7' : 'green.6'}
        aria-label={`${t('programs.visited')} ${row.visited} / ${row.target}`}
      />
      <Progress.Section
        value={pct(row.scheduled, of)}
        color="blue.3"
        aria-label={`${t('programs.scheduled')} ${row.scheduled}`}
      />
    </Progress.Root>
  );
}

export function ratio(row: Pick<DistrictProgress, 'target' | 'visited'>): string {
  if (row.target === 0) return '–';
  return `${formatNumber(Math.round((row.visited / row.target) * 100))}%`;
}
