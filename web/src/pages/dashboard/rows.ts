import type { TFunction } from 'i18next';
import type { CategoryCode } from '../../lib/assessment';
import { percent, type Dashboard } from '../../lib/dashboard';
import { formatNumber } from '../../lib/format';
import type { TileDatum } from './DistrictTileMap';

/** The dashboard's rows (kecamatan, regencies or provinces, plus an authority row) and what the map shows of them. */
export const INDICATORS = ['coverage', 'rat', 'supervision', 'overdue'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${formatNumber(v)}%`);

export interface Row {
  code: string;
  name: string;
  /** AREA: a region one level below (drills down); AUTHORITY: the cooperatives under the tier's own authority. */
  kind: 'AREA' | 'AUTHORITY';
  visited: number;
  target: number;
  coverage: number | null;
  ratRate: number | null;
  held: number;
  onTime: number;
  due: number;
  cats: Record<CategoryCode, number>;
  assessed: number;
  supervision: number | null;
  warnings: number;
  cooperatives: number;
  overdue: number;
  open: number;
}

export function buildRows(d: Dashboard): Row[] {
  const health = new Map(d.health.byDistrict.map((h) => [h.code, h]));
  const rat = new Map(d.rat.byDistrict.map((r) => [r.code, r]));
  const fu = new Map(d.followUps.byDistrict.map((f) => [f.code, f]));
  return d.coverage.byDistrict.map((c) => {
    const h = health.get(c.code);
    const r = rat.get(c.code);
    const cats = {
      SEHAT: h?.SEHAT ?? 0,
      CUKUP_SEHAT: h?.CUKUP_SEHAT ?? 0,
      DALAM_PENGAWASAN: h?.DALAM_PENGAWASAN ?? 0,
      DALAM_PENGAWASAN_KHUSUS: h?.DALAM_PENGAWASAN_KHUSUS ?? 0,
    };
    const assessed = cats.SEHAT + cats.CUKUP_SEHAT + cats.DALAM_PENGAWASAN + cats.DALAM_PENGAWASAN_KHUSUS;
    const f = fu.get(c.code);
    return {
      code: c.code,
      name: c.name,
      kind: c.kind,
      visited: c.visited,
      target: c.target,
      coverage: percent(c.visited, c.target),
      ratRate: r?.rate ?? null,
      held: r?.held ?? 0,
      onTime: r?.onTime ?? 0,
      due: r?.due ?? 0,
      cats,
      assessed,
      supervision: percent(cats.DALAM_PENGAWASAN + cats.DALAM_PENGAWASAN_KHUSUS, assessed),
      warnings: r?.warnings ?? 0,
      cooperatives: r?.cooperatives ?? 0,
      overdue: f?.overdue ?? 0,
      open: f?.open ?? 0,
    };
  });
}

export function tilesFor(
  rows: Row[],
  indicator: Indicator,
  t: TFunction,
): { tiles: TileDatum[]; higherIsBetter: boolean; min: string; max: string } {
  if (indicator === 'coverage')
    return {
      higherIsBetter: true,
      min: '0%',
      max: '100%',
      tiles: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.coverage === null ? null : Math.min(100, r.coverage) / 100,
        valueText: pct(r.coverage),
        detail: t('dashboard.tooltip.coverage', { visited: formatNumber(r.visited), target: formatNumber(r.target) }),
      })),
    };
  if (indicator === 'rat')
    return {
      higherIsBetter: true,
      min: '0%',
      max: '100%',
      tiles: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.ratRate === null ? null : r.ratRate / 100,
        valueText: pct(r.ratRate),
        detail: t('dashboard.tooltip.rat', {
          held: formatNumber(r.held),
          onTime: formatNumber(r.onTime),
          due: formatNumber(r.due),
        }),
      })),
    };
  if (indicator === 'supervision')
    return {
      higherIsBetter: false,
      min: '0%',
      max: '100%',
      tiles: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.supervision === null ? null : r.supervision / 100,
        valueText: pct(r.supervision),
        detail: t('dashboard.tooltip.supervision', {
          n: formatNumber(r.cats.DALAM_PENGAWASAN + r.cats.DALAM_PENGAWASAN_KHUSUS),
          assessed: formatNumber(r.assessed),
        }),
      })),
    };
  const max = Math.max(1, ...rows.map((r) => r.overdue));
  return {
    higherIsBetter: false,
    min: '0',
    max: formatNumber(max),
    tiles: rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.overdue / max,
      valueText: formatNumber(r.overdue),
      detail: t('dashboard.tooltip.overdue', { overdue: formatNumber(r.overdue), open: formatNumber(r.open) }),
    })),
  };
}

/**
 * Where a row drills to: a regency or province opens its own dashboard (the URL keeps `region` and
 * the year); a kecamatan opens the cooperative list of that kecamatan; an authority row opens the list
 * of the cooperatives under that tier in the region.
 */
export function rowHref(d: Dashboard, row: Pick<Row, 'code' | 'kind'>, year: number | null): string | null {
  // The region's own tier: its cooperatives in the list (the nation's row: every national one).
  if (row.kind === 'AUTHORITY')
    return `/koperasi?authority=${encodeURIComponent(row.code)}${d.region.code ? `&region=${encodeURIComponent(d.region.code)}` : ''}`;
  if (d.rowLevel === 'KECAMATAN') return `/koperasi?district=${encodeURIComponent(row.code)}`;
  return `/dasbor?region=${encodeURIComponent(row.code)}${year ? `&year=${year}` : ''}`;
}
