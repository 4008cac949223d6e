/**
 * Browser side of the rubric engine. The scoring itself is the server's own code (`@domain` is
 * src/domain), imported module by module so the shipped rubric constants stay out of the bundle.
 */
import type { Band, Mark, RubricDefinition, Rule, Term, WeightedRubric } from '@domain/rubrics/types';
import { activeRule } from '@domain/rubrics/formula';
import { formatScore, roundForDisplay } from '@domain/rubrics/numbers';
import { formatNumber } from './format';

export { scoreAssessment } from '@domain/rubrics/score';
export { ruleNilai } from '@domain/rubrics/bands';
export { activeRule, formatScore, roundForDisplay };

const num = (v: number) => formatNumber(v);

/** "20 < x ≤ 40", "x = 0", "x ≥ 80" with Indonesian decimals. */
export function bandText(band: Band, variable = 'x'): string {
  const { min, max } = band;
  if (min !== undefined && max !== undefined && min === max) return `${variable} = ${num(min)}`;
  if (min !== undefined && max === undefined) return `${variable} ${band.minInclusive ? '≥' : '>'} ${num(min)}`;
  if (min === undefined && max !== undefined) return `${variable} ${band.maxInclusive ? '≤' : '<'} ${num(max)}`;
  if (min === undefined && max === undefined) return `semua ${variable}`;
  return `${num(min ?? 0)} ${band.minInclusive ? '≤' : '<'} ${variable} ${band.maxInclusive ? '≤' : '<'} ${num(max ?? 0)}`;
}

/** Bands ordered from low x to high x, as printed. */
export function sortedBands(bands: readonly Band[]): Band[] {
  return [...bands].sort(
    (a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity) || (a.max ?? Infinity) - (b.max ?? Infinity),
  );
}

const ROUNDING: Record<string, string> = {
  floor: 'pembulatan ke bawah',
  ceil: 'pembulatan ke atas',
  round: 'pembulatan',
  none: '',
};

/** A linear rule in words: "nilai = 0 + 1 × ⌊x⌋, dibatasi 0–100". */
export function linearText(rule: Extract<Rule, { kind: 'linear' }>): string {
  const x =
    rule.rounding === 'floor' ? '⌊x⌋' : rule.rounding === 'ceil' ? '⌈x⌉' : rule.rounding === 'round' ? 'bulat(x)' : 'x';
  const slope = rule.slope === 1 ? x : rule.slope === -1 ? `−${x}` : `${num(rule.slope)} × ${x}`;
  const expr =
    rule.intercept === 0
      ? slope
      : `${num(rule.intercept)} ${rule.slope < 0 ? '−' : '+'} ${rule.slope < 0 ? slope.replace(/^−/, '').replace(/^-/, '') : slope}`;
  const note = ROUNDING[rule.rounding] ? ` (${ROUNDING[rule.rounding]})` : '';
  return `nilai = ${expr}${note}, dibatasi ${num(rule.min)}–${num(rule.max)}`;
}

/** Labels of input lines and derived values of a weighted rubric, by code. */
export function figureLabels(def: WeightedRubric): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of def.inputSections) for (const l of s.lines) m.set(l.code, l.label);
  for (const d of def.derived) m.set(d.code, d.label);
  return m;
}

/** "0,5 × Pinjaman kurang lancar + Pinjaman diragukan − Beban pokok" */
export function termsText(terms: readonly Term[], labels: Map<string, string>): string {
  return terms
    .map((t, i) => {
      const coef = t.coef ?? 1;
      const label = labels.get(t.ref) ?? t.ref;
      const sign = coef < 0 ? (i === 0 ? '−' : ' − ') : i === 0 ? '' : ' + ';
      const factor = Math.abs(coef) === 1 ? '' : `${num(Math.abs(coef))} × `;
      return `${sign}${factor}${label}`;
    })
    .join('');
}

function derivedMarksOf(def: WeightedRubric, refs: readonly string[], seen = new Set<string>()): Mark[] {
  const out: Mark[] = [];
  for (const ref of refs) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const d = def.derived.find((x) => x.code === ref);
    if (!d) continue;
    out.push(...(d.marks ?? []));
    out.push(
      ...derivedMarksOf(
        def,
        d.terms.map((t) => t.ref),
        seen,
      ),
    );
  }
  return out;
}

/** Every provisional/choice mark that touches a component, keyed `aspect.component`. */
export function componentMarks(def: RubricDefinition): Map<string, Mark[]> {
  const m = new Map<string, Mark[]>();
  if (def.method === 'weighted') {
    for (const a of def.aspects) {
      for (const c of a.components) {
        const marks: Mark[] = [...(c.marks ?? [])];
        if (c.kind === 'ratio') {
          marks.push(...activeRule(def, a.code, c).marks);
          marks.push(
            ...derivedMarksOf(
              def,
              [...c.formula.num, ...c.formula.den].map((t) => t.ref),
            ),
          );
        }
        m.set(`${a.code}.${c.code}`, dedupe(marks));
      }
    }
  } else {
    for (const a of def.aspects) {
      for (const i of a.indicators) {
        const marks: Mark[] = [...(i.marks ?? [])];
        if (i.kind === 'checklist') marks.push(...(def.checklistMarks ?? []));
        m.set(`${a.code}.${i.code}`, dedupe(marks));
      }
    }
  }
  return m;
}

function dedupe(marks: Mark[]): Mark[] {
  const seen = new Set<string>();
  return marks.filter((x) => {
    const k = `${x.kind}|${x.note}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "78,25" */
export function scoreText(v: number | null | undefined, decimals = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return formatScore(v, decimals);
}

/** A ratio in percent: "33,07%". */
export function percentText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${roundForDisplay(v, 2).toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`;
}
