import type { Band, Rule } from './types.js';

export function bandContains(band: Band, x: number): boolean {
  if (band.min !== undefined && (band.minInclusive ? x < band.min : x <= band.min)) return false;
  if (band.max !== undefined && (band.maxInclusive ? x > band.max : x >= band.max)) return false;
  return true;
}

/** The nilai a rule gives the unrounded ratio x; null when no band holds x (a malformed table). */
export function ruleNilai(rule: Rule, x: number): number | null {
  if (rule.kind === 'bands') return rule.bands.find((b) => bandContains(b, x))?.nilai ?? null;
  const t =
    rule.rounding === 'floor'
      ? Math.floor(x)
      : rule.rounding === 'ceil'
        ? Math.ceil(x)
        : rule.rounding === 'round'
          ? Math.round(x)
          : x;
  return Math.min(rule.max, Math.max(rule.min, rule.intercept + rule.slope * t));
}

/** "20 < x ≤ 40", "x = 0", "x ≥ 80" — a band as printed on the rubric page. */
export function describeBand(band: Band): string {
  const { min, max } = band;
  if (min !== undefined && max !== undefined && min === max) return `x = ${min}`;
  const lower = min === undefined ? '' : `${min} ${band.minInclusive ? '≤' : '<'} `;
  const upper = max === undefined ? '' : ` ${band.maxInclusive ? '≤' : '<'} ${max}`;
  if (min !== undefined && max === undefined) return `x ${band.minInclusive ? '≥' : '>'} ${min}`;
  return `${lower}x${upper}`;
}

/**
 * What is wrong with a band table, in Indonesian: empty rows, gaps and overlaps. `domainMin`: the
 * ratio can never be below it (all figures non-negative), so the table need not cover below it.
 */
export function bandTableProblems(bands: readonly Band[], domainMin?: number): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ['Tabel tidak memiliki baris.'];
  for (const b of bands) {
    const bad =
      !Number.isFinite(b.nilai) ||
      (b.min !== undefined && (!Number.isFinite(b.min) || typeof b.minInclusive !== 'boolean')) ||
      (b.max !== undefined && (!Number.isFinite(b.max) || typeof b.maxInclusive !== 'boolean'));
    if (bad) {
      problems.push(
        'Setiap baris perlu nilai berupa angka, dan setiap batas perlu angka serta keterangan inklusif (true/false).',
      );
      return problems;
    }
    if (
      b.min !== undefined &&
      b.max !== undefined &&
      (b.min > b.max || (b.min === b.max && !(b.minInclusive && b.maxInclusive)))
    ) {
      problems.push(`Baris ${describeBand(b)} kosong: batas bawah melewati batas atas.`);
    }
  }
  if (problems.length) return problems;

  const lowerKey = (b: Band) => [b.min ?? -Infinity, b.min !== undefined && !b.minInclusive ? 1 : 0] as const;
  const sorted = [...bands].sort((a, b) => {
    const [av, ai] = lowerKey(a);
    const [bv, bi] = lowerKey(b);
    return av - bv || ai - bi;
  });

  const first = sorted[0];
  if (first?.min !== undefined) {
    const covers =
      domainMin !== undefined && (first.min < domainMin || (first.min === domainMin && first.minInclusive));
    if (!covers) problems.push(`Tabel tidak mencakup x ${first.minInclusive ? '<' : '≤'} ${first.min}.`);
  }
  let previous: Band | undefined;
  for (const b of sorted) {
    const a = previous;
    previous = b;
    if (!a) continue;
    if (a.max === undefined || b.min === undefined) {
      problems.push(`Baris ${describeBand(a)} dan ${describeBand(b)} tumpang tindih.`);
      continue;
    }
    if (a.max < b.min) problems.push(`Ada celah antara ${a.max} dan ${b.min}: nilai x di sana tidak tercakup tabel.`);
    else if (a.max > b.min) problems.push(`Baris ${describeBand(a)} dan ${describeBand(b)} tumpang tindih.`);
    else if (a.maxInclusive && b.minInclusive)
      problems.push(`x = ${a.max} masuk dua baris (${describeBand(a)} dan ${describeBand(b)}).`);
    else if (!a.maxInclusive && !b.minInclusive) problems.push(`x = ${a.max} tidak masuk baris mana pun.`);
  }
  const last = sorted.at(-1);
  if (last?.max !== undefined) problems.push(`Tabel tidak mencakup x ${last.maxInclusive ? '>' : '≥'} ${last.max}.`);
  return problems;
}

export type EdgeOp = '≥' | '>' | '≤' | '<';
export type Edge = readonly [EdgeOp, number];

/**
 * Bands from a graded row as the 2021 guide prints it: the edge for nilai 1, 2, 3 … and the rest
 * for the last nilai. `≥`/`>` mean higher is better, `≤`/`<` lower is better. This is the one place
 * where the printed columns are closed into a gap-free table: each band runs from its own edge to
 * the previous one, and the previous edge's inclusiveness decides the shared point.
 */
export function gradedBands(edges: readonly Edge[]): Band[] {
  const [head] = edges;
  if (!head) throw new Error('A graded row needs at least one edge.');
  const higherIsBetter = head[0] === '≥' || head[0] === '>';
  const bands: Band[] = [];
  edges.forEach(([op, at], i) => {
    const inclusive = op === '≥' || op === '≤';
    const prev = i > 0 ? edges[i - 1] : undefined;
    const prevInclusive = prev !== undefined && (prev[0] === '≥' || prev[0] === '≤');
    if (higherIsBetter) {
      bands.push({
        min: at,
        minInclusive: inclusive,
        ...(prev ? { max: prev[1], maxInclusive: !prevInclusive } : {}),
        nilai: i + 1,
      });
    } else {
      bands.push({
        ...(prev ? { min: prev[1], minInclusive: !prevInclusive } : {}),
        max: at,
        maxInclusive: inclusive,
        nilai: i + 1,
      });
    }
  });
  const [lastOp, lastAt] = edges.at(-1) ?? head;
  const lastInclusive = lastOp === '≥' || lastOp === '≤';
  bands.push(
    higherIsBetter
      ? { max: lastAt, maxInclusive: !lastInclusive, nilai: edges.length + 1 }
      : { min: lastAt, minInclusive: !lastInclusive, nilai: edges.length + 1 },
  );
  return bands;
}
