import { ruleNilai } from './bands.js';
import { categoryOf } from './category.js';
import { activeRule, describeSum, evaluateFigures, sumFigure } from './formula.js';
import { fieldIssue, inputFields, valueAt } from './input.js';
import { decimalProduct, decimalQuotient, fromInteger, percent, sign, sumScores, toNumber } from './numbers.js';
import type {
  AspectResult,
  AssessmentInput,
  AssessmentResult,
  ComponentResult,
  GradedRubric,
  Mark,
  NotComputable,
  ProvisionalPart,
  QuestionnaireComponent,
  RatioComponent,
  RubricDefinition,
  WeightedRubric,
} from './types.js';

/**
 * Scores an assessment against a rubric. Pure, never throws on any input: a missing or invalid
 * line makes the components that use it not computable (with the reason), so the same function
 * serves the live score while typing and the stored score. A result with `complete: false` must
 * not be finalized. Numbers are unrounded; round only for display (`roundForDisplay`).
 */
export function scoreAssessment(rubric: RubricDefinition, input: AssessmentInput): AssessmentResult {
  return rubric.method === 'weighted' ? scoreWeighted(rubric, input) : scoreGraded(rubric, input);
}

type Collector = { provisional: ProvisionalPart[]; notComputable: NotComputable[] };

function addMarks(c: Collector, part: string, label: string, marks: readonly Mark[]): void {
  for (const m of marks) {
    if (!c.provisional.some((p) => p.part === part && p.note === m.note))
      c.provisional.push({ part, label, kind: m.kind, note: m.note });
  }
}

function scoreWeighted(rubric: WeightedRubric, input: AssessmentInput): AssessmentResult {
  const figures = evaluateFigures(rubric, input);
  const c: Collector = { provisional: [], notComputable: [] };
  const answerFields = new Map(
    inputFields(rubric)
      .filter((f) => f.kind === 'answers')
      .map((f) => [f.field, f]),
  );

  const aspects: AspectResult[] = rubric.aspects.map((aspect) => {
    const components = aspect.components.map((component): ComponentResult => {
      const path = `${aspect.code}.${component.code}`;
      const result =
        component.kind === 'ratio'
          ? scoreRatio(rubric, aspect.code, component, figures, c)
          : scoreQuestionnaire(
              component,
              valueAt(input, `management.${component.code}`),
              answerFields.get(`management.${component.code}`),
              c,
              path,
            );
      if (result.status === 'notComputable' && result.reason)
        c.notComputable.push({ component: path, label: component.label, reason: result.reason });
      return result.component;
    });
    return aspectResult(rubric, aspect, components);
  });

  addMarks(c, 'categories', 'Predikat', rubric.categoryMarks ?? []);
  const derived: Record<string, number> = {};
  for (const d of rubric.derived) {
    const f = figures.get(d.code);
    if (f.ok) derived[d.code] = toNumber(f.value);
  }
  return finish(rubric, aspects, derived, c, []);
}

type Scored = { status: ComponentResult['status']; component: ComponentResult; reason?: string };

function scoreRatio(
  rubric: WeightedRubric,
  aspectCode: string,
  component: RatioComponent,
  figures: ReturnType<typeof evaluateFigures>,
  c: Collector,
): Scored {
  const path = `${aspectCode}.${component.code}`;
  const chosen = activeRule(rubric, aspectCode, component);
  const derivedMarks = figures.marksOf([...component.formula.num, ...component.formula.den]);
  const marks = [...(component.marks ?? []), ...chosen.marks];
  addMarks(c, path, component.label, marks);
  for (const d of derivedMarks) addMarks(c, `derived.${d.ref}`, d.label, [d.mark]);

  const base: ComponentResult = {
    code: component.code,
    label: component.label,
    status: 'notComputable',
    ratio: null,
    nilai: null,
    weight: component.weight,
    score: null,
    provisional: marks.length + derivedMarks.length > 0,
    ...(component.alternatives?.length ? { ruleUsed: { key: chosen.key, label: chosen.label } } : {}),
  };
  const scored = (nilai: number, extra: Partial<ComponentResult>): Scored => ({
    status: 'scored',
    component: { ...base, ...extra, status: 'scored', nilai, score: (nilai * component.weight) / 100 },
  });
  const refuse = (reason: string): Scored => ({ status: 'notComputable', component: base, reason });

  const num = sumFigure(figures, component.formula.num);
  const den = sumFigure(figures, component.formula.den);
  if (!den.ok)
    return refuse([...den.reasons, ...(num.ok ? [] : num.reasons.filter((r) => !den.reasons.includes(r)))].join(' '));
  const denSign = sign(den.value);
  const zero = component.zeroDenominator;
  if (zero && (denSign === 0 || (zero.when === 'nonPositive' && denSign < 0)))
    return scored(zero.nilai, { zeroDenominator: true });
  if (!num.ok) return refuse(num.reasons.join(' '));
  const denLabel = describeSum(figures, component.formula.den);
  if (denSign === 0) {
    return refuse(
      `${denLabel} bernilai 0, dan rubrik tidak menetapkan nilai untuk keadaan ini; rasio tidak dapat dihitung. Periksa angka ${denLabel}.`,
    );
  }
  if (denSign < 0)
    return refuse(
      `${denLabel} bernilai negatif (${toNumber(den.value)}); rasio tidak dapat dihitung. Periksa angka-angkanya.`,
    );
  const x = percent(num.value, den.value);
  const nilai = ruleNilai(chosen.rule, x);
  if (nilai === null) return refuse(`Rasio ${x}% tidak tercakup tabel rubrik; tabel perlu dikoreksi admin.`);
  return scored(nilai, { ratio: x });
}

function scoreQuestionnaire(
  component: QuestionnaireComponent,
  answers: unknown,
  field: ReturnType<typeof inputFields>[number] | undefined,
  c: Collector,
  path: string,
): Scored {
  addMarks(c, path, component.label, component.marks ?? []);
  const base: ComponentResult = {
    code: component.code,
    label: component.label,
    status: 'notComputable',
    ratio: null,
    nilai: null,
    weight: component.weight,
    score: null,
    provisional: (component.marks ?? []).length > 0,
  };
  const issue = field ? fieldIssue(field, answers) : `Jawaban ${component.label} tidak dikenal rubrik ini.`;
  if (issue || !Array.isArray(answers)) return { status: 'notComputable', component: base, reason: issue ?? '' };
  const yes = answers.filter((a) => a === true).length;
  const score = decimalProduct(yes, component.skorPerYes);
  const nilai = decimalQuotient(decimalProduct(yes * 100, component.skorPerYes), component.weight);
  return {
    status: 'scored',
    component: { ...base, status: 'scored', nilai, score, answered: { yes, of: component.questions.length } },
  };
}

function aspectResult(
  rubric: RubricDefinition,
  aspect: { code: string; label: string; weight: number },
  components: ComponentResult[],
): AspectResult {
  const score = sumScores(components.map((x) => x.score ?? 0));
  const share = (score * 100) / aspect.weight;
  const complete = components.every((x) => x.status !== 'notComputable');
  return {
    code: aspect.code,
    label: aspect.label,
    weight: aspect.weight,
    score,
    share,
    category: complete ? categoryOf(share, rubric) : null,
    complete,
    components,
  };
}

function finish(
  rubric: RubricDefinition,
  aspects: AspectResult[],
  derived: Record<string, number>,
  c: Collector,
  notApplicable: NotComputable[],
): AssessmentResult {
  const total = sumScores(aspects.map((a) => a.score));
  const complete = c.notComputable.length === 0;
  return {
    rubric: rubric.id,
    rubricVersion: rubric.version,
    total,
    category: complete ? categoryOf(total, rubric) : null,
    complete,
    aspects,
    derived,
    provisionalUsed: c.provisional,
    notComputable: c.notComputable,
    notApplicable,
  };
}

function scoreGraded(rubric: GradedRubric, input: AssessmentInput): AssessmentResult {
  const c: Collector = { provisional: [], notComputable: [] };
  const notApplicable: NotComputable[] = [];
  const fields = new Map(inputFields(rubric).map((f) => [f.field.slice(f.field.indexOf('.') + 1), f]));
  const skorOf = new Map(rubric.scale.map((s) => [s.nilai, s.skor]));
  const maxSkor = Math.max(...rubric.scale.map((s) => s.skor));
  let checklistUsed = false;

  const aspects: AspectResult[] = rubric.aspects.map((aspect) => {
    const components = aspect.indicators.map((indicator): ComponentResult => {
      const path = `${aspect.code}.${indicator.code}`;
      const marks = indicator.marks ?? [];
      const base: ComponentResult = {
        code: indicator.code,
        label: indicator.label,
        status: 'notComputable',
        ratio: null,
        nilai: null,
        weight: null,
        score: null,
        provisional: marks.length > 0 || indicator.kind === 'checklist',
      };
      const field = fields.get(indicator.code);
      const value = field ? valueAt(input, field.field) : undefined;
      const issue = field ? fieldIssue(field, value) : `Indikator ${indicator.label} tidak dikenal rubrik ini.`;
      if (issue) {
        c.notComputable.push({ component: path, label: indicator.label, reason: issue });
        return base;
      }
      if (value === null) {
        const reason = input.notApplicableReasons?.[indicator.code] ?? 'Indikator tidak berlaku untuk koperasi ini.';
        notApplicable.push({ component: path, label: indicator.label, reason });
        return { ...base, status: 'notApplicable', provisional: false };
      }
      let ratio: number | null = null;
      let nilai: number | null = null;
      let answered: ComponentResult['answered'];
      if (indicator.kind === 'quantitative' && typeof value === 'number') {
        ratio = value;
        nilai = ruleNilai({ kind: 'bands', bands: indicator.bands }, value);
      } else if (indicator.kind === 'rating' && typeof value === 'number') {
        nilai = value;
      } else if (indicator.kind === 'checklist' && Array.isArray(value)) {
        const yes = value.filter((v) => v === true).length;
        ratio = percent(fromInteger(yes), fromInteger(indicator.items.length));
        nilai = ruleNilai({ kind: 'bands', bands: rubric.checklistBands }, ratio);
        answered = { yes, of: indicator.items.length };
        checklistUsed = true;
      }
      const skor = nilai === null ? undefined : skorOf.get(nilai);
      if (nilai === null || skor === undefined) {
        c.notComputable.push({
          component: path,
          label: indicator.label,
          reason: `Nilai ${String(ratio ?? value)} tidak tercakup tabel rubrik; tabel perlu dikoreksi admin.`,
        });
        return base;
      }
      addMarks(c, path, indicator.label, marks);
      return { ...base, status: 'scored', ratio, nilai, score: skor, ...(answered ? { answered } : {}) };
    });

    const scored = components.filter((x) => x.status === 'scored');
    const complete = components.every((x) => x.status !== 'notComputable');
    if (scored.length === 0 && complete) {
      c.notComputable.push({
        component: aspect.code,
        label: aspect.label,
        reason: `Tidak ada indikator ${aspect.label} yang berlaku; aspek ini tidak dapat dinilai.`,
      });
    }
    const skorSum = scored.reduce((s, x) => s + (x.score ?? 0), 0);
    const denominator = scored.length * maxSkor;
    const share = denominator === 0 ? 0 : (skorSum * 100) / denominator;
    const score = denominator === 0 ? 0 : (skorSum * aspect.weight) / denominator;
    const aspectComplete = complete && scored.length > 0;
    return {
      code: aspect.code,
      label: aspect.label,
      weight: aspect.weight,
      score,
      share,
      category: aspectComplete ? categoryOf(share, rubric) : null,
      complete: aspectComplete,
      components,
    };
  });

  if (checklistUsed) addMarks(c, 'checklist', 'Tabel nilai daftar periksa', rubric.checklistMarks ?? []);
  addMarks(c, 'categories', 'Predikat', rubric.categoryMarks ?? []);
  return finish(rubric, aspects, {}, c, notApplicable);
}
