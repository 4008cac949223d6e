import { fromDecimal, fromInteger, add, mul, ZERO, type Rational } from './numbers.js';
import { fieldIssue, inputFields, valueAt } from './input.js';
import type { AssessmentInput, Mark, RatioComponent, Rule, Term, WeightedRubric } from './types.js';

/** A figure's exact value, or the Indonesian reasons it is missing (naming the input lines). */
export type Figure = { ok: true; value: Rational } | { ok: false; reasons: string[] };

/** Input lines and derived values of a weighted rubric, evaluated once per scoring. */
export interface Figures {
  get(ref: string): Figure;
  label(ref: string): string;
  /** Marks of the derived values a sum uses, directly or through other derived values. */
  marksOf(terms: readonly Term[]): { ref: string; label: string; mark: Mark }[];
}

export function evaluateFigures(rubric: WeightedRubric, input: AssessmentInput): Figures {
  const figures = new Map<string, Figure>();
  const labels = new Map<string, string>();
  for (const f of inputFields(rubric)) {
    if (f.kind !== 'rupiah') continue;
    const code = f.field.slice('financials.'.length);
    labels.set(code, f.label);
    const value = valueAt(input, f.field);
    const issue = fieldIssue(f, value);
    figures.set(
      code,
      issue || typeof value !== 'number'
        ? { ok: false, reasons: [issue ?? ''] }
        : { ok: true, value: fromInteger(value) },
    );
  }
  const unknown = (ref: string): Figure => ({ ok: false, reasons: [`Angka "${ref}" tidak dikenal rubrik ini.`] });
  const derivedByCode = new Map(rubric.derived.map((d) => [d.code, d]));
  const marksOf = (terms: readonly Term[], seen = new Set<string>()): { ref: string; label: string; mark: Mark }[] =>
    terms.flatMap((t) => {
      const d = derivedByCode.get(t.ref);
      if (!d || seen.has(d.code)) return [];
      seen.add(d.code);
      return [...(d.marks ?? []).map((mark) => ({ ref: d.code, label: d.label, mark })), ...marksOf(d.terms, seen)];
    });
  const result: Figures = {
    get: (ref) => figures.get(ref) ?? unknown(ref),
    label: (ref) => labels.get(ref) ?? ref,
    marksOf,
  };
  // In declaration order: a derived value may use the ones declared before it.
  for (const d of rubric.derived) {
    labels.set(d.code, d.label);
    figures.set(d.code, sumFigure(result, d.terms));
  }
  return result;
}

export function sumFigure(figures: Figures, terms: readonly Term[]): Figure {
  let total = ZERO;
  const reasons: string[] = [];
  for (const t of terms) {
    const f = figures.get(t.ref);
    if (!f.ok) reasons.push(...f.reasons.filter((r) => !reasons.includes(r)));
    else total = add(total, mul(fromDecimal(t.coef ?? 1), f.value));
  }
  return reasons.length ? { ok: false, reasons } : { ok: true, value: total };
}

/** "Total aset", or "Beban usaha + Beban perkoperasian" for a sum. */
export function describeSum(figures: Figures, terms: readonly Term[]): string {
  return terms
    .map((t, i) => {
      const coef = t.coef ?? 1;
      const label = figures.label(t.ref);
      const sign = coef < 0 ? (i === 0 ? '−' : ' − ') : i === 0 ? '' : ' + ';
      const factor = Math.abs(coef) === 1 ? '' : `${Math.abs(coef)} × `;
      return `${sign}${factor}${label}`;
    })
    .join('');
}

/** The rule a component uses under the rubric's settings, with its key and label. */
export function activeRule(
  rubric: Pick<WeightedRubric, 'settings'>,
  aspectCode: string,
  component: RatioComponent,
): { key: string; label: string; rule: Rule; marks: Mark[] } {
  const chosen = rubric.settings.ruleChoices[`${aspectCode}.${component.code}`];
  const alternative = component.alternatives?.find((a) => a.key === chosen);
  if (alternative)
    return { key: alternative.key, label: alternative.label, rule: alternative.rule, marks: alternative.marks ?? [] };
  return {
    key: component.ruleKey ?? 'default',
    label: component.ruleLabel ?? 'Bawaan',
    rule: component.rule,
    marks: [],
  };
}
