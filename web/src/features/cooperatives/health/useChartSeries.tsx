import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../../lib/api';
import { type Assessment, type AssessmentListItem, categoryLabel } from '../../../lib/assessment';
import type { ScoreSeries } from '../../../components/ScoreChart';

const BAND_COLORS = {
  SEHAT: '#2f9e44',
  CUKUP_SEHAT: '#1098ad',
  DALAM_PENGAWASAN: '#f76707',
  DALAM_PENGAWASAN_KHUSUS: '#e03131',
} as const;

export function useChartSeries(
  items: AssessmentListItem[],
  rubric: string | null,
): { data: ScoreSeries | null; loading: boolean } {
  const { t } = useTranslation();
  // The latest final assessment per fiscal year of the chosen rubric.
  const picked = useMemo(() => {
    const byYear = new Map<number, AssessmentListItem>();
    for (const a of items) {
      if (a.status !== 'FINAL' || a.rubric !== rubric) continue;
      const cur = byYear.get(a.fiscalYear);
      if (!cur || (a.assessedOn ?? '') > (cur.assessedOn ?? '')) byYear.set(a.fiscalYear, a);
    }
    return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  }, [items, rubric]);
  const details = useQueries({
    queries: picked.map((a) => ({
      queryKey: ['assessment', a.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => get<Assessment>(`/assessments/${a.id}`, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const loading = details.some((d) => d.isPending);
  const data = useMemo<ScoreSeries | null>(() => {
    if (picked.length === 0 || loading) return null;
    const results = details.map((d) => d.data?.result ?? null);
    const first = results.find((r) => r !== null);
    const aspectDefs = first?.aspects.map((a) => ({ code: a.code, label: a.label, weight: a.weight })) ?? [];
    return {
      years: picked.map((a) => a.fiscalYear),
      total: picked.map((a) => a.total),
      totalCategory: picked.map((a) => (a.category ? categoryLabel(t, a.category) : null)),
      aspects: aspectDefs.map((ad) => ({
        label: ad.label,
        weight: ad.weight,
        score: results.map((r) => r?.aspects.find((x) => x.code === ad.code)?.score ?? null),
        share: results.map((r) => r?.aspects.find((x) => x.code === ad.code)?.share ?? null),
      })),
      bands: [
        { label: t('assessment.categories.SEHAT'), min: 80, max: 100, color: BAND_COLORS.SEHAT },
        { label: t('assessment.categories.CUKUP_SEHAT'), min: 66, max: 80, color: BAND_COLORS.CUKUP_SEHAT },
        { label: t('assessment.categories.DALAM_PENGAWASAN'), min: 51, max: 66, color: BAND_COLORS.DALAM_PENGAWASAN },
        {
          label: t('assessment.categories.DALAM_PENGAWASAN_KHUSUS'),
          min: 0,
          max: 51,
          color: BAND_COLORS.DALAM_PENGAWASAN_KHUSUS,
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked, loading, t, ...details.map((d) => d.data)]);
  return { data, loading };
}
