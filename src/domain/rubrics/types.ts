/**
 * The data model of a health-assessment rubric. A rubric is plain, JSON-compatible data: an admin
 * publishes a corrected version by editing a copy of it (see README.md). Nothing here is code.
 */

/** Why a part of a rubric is less than certain; shown to the assessor next to the part. */
export interface Mark {
  /** `provisional`: rests on weak or missing sources. `choice`: sources disagree, one was picked. */
  kind: 'provisional' | 'choice';
  /** Indonesian explanation for the assessor. */
  note: string;
}

/** One term of a weighted sum: `coef × value of ref` (coef defaults to 1). */
export interface Term {
  /** An input line or a derived value declared earlier. */
  ref: string;
  coef?: number;
}

/** A ratio as a percentage: x = Σ num / Σ den × 100. */
export interface RatioFormula {
  num: Term[];
  den: Term[];
}

/**
 * One row of a band table. A missing bound is unbounded on that side; `minInclusive` /
 * `maxInclusive` are required when the bound is given.
 */
export interface Band {
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  nilai: number;
}

export type Rounding = 'none' | 'floor' | 'ceil' | 'round';

/** A rule that turns the ratio x into a nilai. */
export type Rule =
  | { kind: 'bands'; bands: Band[] }
  /** nilai = clamp(min, max, intercept + slope × rounding(x)). */
  | { kind: 'linear'; intercept: number; slope: number; rounding: Rounding; min: number; max: number };

/** Another rule an admin may choose for a component through `settings.ruleChoices`. */
export interface RuleAlternative {
  key: string;
  label: string;
  rule: Rule;
  marks?: Mark[];
}

/** A figure computed from input lines (or earlier derived values) as a weighted sum. */
export interface DerivedValue {
  code: string;
  label: string;
  terms: Term[];
  marks?: Mark[];
}

export interface InputLine {
  code: string;
  label: string;
  /** What belongs in the line, for the form's help text. */
  hint?: string;
  /** Sub-heading within the section (Kewajiban, Ekuitas). */
  group?: string;
  /** −1 for a contra line (shown as a deduction in its section's subtotal). */
  sign?: 1 | -1;
}

/** A block of the financial-statement form (aktiva, pasiva, perhitungan hasil usaha, …). */
export interface InputSection {
  code: string;
  label: string;
  /** `neraca` (balance sheet), `phu` (perhitungan hasil usaha), `catatan` (notes and activity). */
  statement: 'neraca' | 'phu' | 'catatan';
  lines: InputLine[];
  /** The input line that states this section's total (e.g. totalAset), if any. */
  totalLine?: string;
}

/** Used when a ratio's denominator is 0 (or ≤ 0 with `nonPositive`): the stated nilai. */
export interface ZeroDenominatorRule {
  when: 'zero' | 'nonPositive';
  nilai: number;
}

export interface RatioComponent {
  kind: 'ratio';
  code: string;
  label: string;
  weight: number;
  formula: RatioFormula;
  rule: Rule;
  /** Name of the default rule, shown in the report when alternatives exist. */
  ruleKey?: string;
  ruleLabel?: string;
  alternatives?: RuleAlternative[];
  zeroDenominator?: ZeroDenominatorRule;
  marks?: Mark[];
}

export interface Question {
  number: number;
  text: string;
  /** The evidence an assessor should see before answering Ya. */
  evidence: string;
}

export interface QuestionnaireComponent {
  kind: 'questionnaire';
  code: string;
  label: string;
  weight: number;
  /** skor earned by each Ya. */
  skorPerYes: number;
  questions: Question[];
  marks?: Mark[];
}

export type WeightedComponent = RatioComponent | QuestionnaireComponent;

export interface WeightedAspect {
  code: string;
  label: string;
  weight: number;
  components: WeightedComponent[];
}

/** A category by the lower edge of its range (inclusive); the last one has no `min`. */
export interface Category {
  code: string;
  label: string;
  min?: number;
}

interface RubricBase {
  id: string;
  version: number;
  title: string;
  basis: string;
  /** Category thresholds, highest first. */
  categories: Category[];
  categoryMarks?: Mark[];
}

/**
 * A rubric scored by weighted components (ksp-2016): each component's nilai 0–100 gives
 * skor = nilai × weight / 100; aspect = Σ skor; total = Σ aspects.
 */
export interface WeightedRubric extends RubricBase {
  method: 'weighted';
  inputSections: InputSection[];
  derived: DerivedValue[];
  aspects: WeightedAspect[];
  settings: {
    /** `aspectCode.componentCode` → key of the rule to use (default: the component's own rule). */
    ruleChoices: Record<string, string>;
  };
}

export interface ScaleStep {
  nilai: number;
  label: string;
  skor: number;
}

export interface QuantitativeIndicator {
  kind: 'quantitative';
  code: string;
  label: string;
  group: string;
  /** The formula in words, Indonesian; the assessor enters the resulting percentage. */
  formulaText: string;
  bands: Band[];
  marks?: Mark[];
}

export interface ChecklistItem {
  text: string;
  evidence: string;
}

export interface ChecklistIndicator {
  kind: 'checklist';
  code: string;
  label: string;
  group: string;
  items: ChecklistItem[];
  marks?: Mark[];
}

/** An indicator the assessor rates directly on the scale, following the guidance. */
export interface RatingIndicator {
  kind: 'rating';
  code: string;
  label: string;
  group: string;
  guidance: string;
  marks?: Mark[];
}

export type GradedIndicator = QuantitativeIndicator | ChecklistIndicator | RatingIndicator;

export interface GradedAspect {
  code: string;
  label: string;
  /** Percent of the total. */
  weight: number;
  indicators: GradedIndicator[];
}

/**
 * A rubric scored by graded indicators (kk-2021): each indicator's nilai 1–4 gives a skor from
 * the scale; aspect percentage = Σ skor ÷ (n × max skor) × 100 over the indicators that apply.
 */
export interface GradedRubric extends RubricBase {
  method: 'graded';
  scale: ScaleStep[];
  /** Maps the share of checklist items met (0–100) to a nilai. */
  checklistBands: Band[];
  checklistMarks?: Mark[];
  aspects: GradedAspect[];
}

export type RubricDefinition = WeightedRubric | GradedRubric;

/** Input for a weighted rubric: the financial lines in rupiah and the questionnaire answers. */
export interface WeightedInput {
  financials: Record<string, number>;
  management: Record<string, boolean[]>;
}

/**
 * Input for a graded rubric: a number per quantitative indicator (the percentage) or rating
 * indicator (nilai 1–4), and the answers per checklist. `null` means the indicator does not apply.
 */
export interface GradedInput {
  indicators: Record<string, number | null>;
  checklists: Record<string, boolean[] | null>;
  /** Optional reason per indicator that does not apply, shown in the report. */
  notApplicableReasons?: Record<string, string>;
}

export type AssessmentInput = Partial<WeightedInput> & Partial<GradedInput>;

export interface CategoryRef {
  code: string;
  label: string;
}

export interface ComponentResult {
  code: string;
  label: string;
  /** `scored`, `notComputable` (see notComputable), or `notApplicable` (left out, graded rubrics). */
  status: 'scored' | 'notComputable' | 'notApplicable';
  /** The ratio x in percent (checklists: share of items met); null for questionnaires and ratings. */
  ratio: number | null;
  nilai: number | null;
  /** Weighted rubrics: the component's bobot. Graded rubrics: null (indicators count equally). */
  weight: number | null;
  /** skor. */
  score: number | null;
  /** True when the component or a value it uses carries a provisional or choice mark. */
  provisional: boolean;
  /** The rule applied, when the component offers alternatives. */
  ruleUsed?: { key: string; label: string };
  /** True when the stated zero-denominator value was applied. */
  zeroDenominator?: boolean;
  /** Questionnaires and checklists: Ya/Terpenuhi answers out of the questions. */
  answered?: { yes: number; of: number };
}

export interface AspectResult {
  code: string;
  label: string;
  weight: number;
  score: number;
  /** score as a percentage of the weight (graded rubrics: the aspect percentage). */
  share: number;
  /** The category `share` implies on the rubric's cut-offs; null when the aspect is incomplete. */
  category: CategoryRef | null;
  complete: boolean;
  components: ComponentResult[];
}

export interface NotComputable {
  /** `aspect.component`. */
  component: string;
  label: string;
  /** Indonesian, naming the missing figure. */
  reason: string;
}

export interface ProvisionalPart {
  /** What carries the mark: `aspect.component`, `derived.name`, `categories`, `checklist`, … */
  part: string;
  label: string;
  kind: Mark['kind'];
  note: string;
}

export interface AssessmentResult {
  rubric: string;
  rubricVersion: number;
  /** Σ aspect scores (only the computable parts when incomplete). */
  total: number;
  /** Null while the assessment is incomplete: it cannot be finalized. */
  category: CategoryRef | null;
  /** False when any component could not be computed; such an assessment must not be finalized. */
  complete: boolean;
  aspects: AspectResult[];
  /** Derived values of a weighted rubric, in rupiah (absent when an input line is missing). */
  derived: Record<string, number>;
  provisionalUsed: ProvisionalPart[];
  notComputable: NotComputable[];
  /** Graded rubrics: indicators left out of numerator and denominator, and why. */
  notApplicable: NotComputable[];
}

export interface InputIssue {
  /** Dotted path into the request body, e.g. `financials.kas`, `management.general`. */
  field: string;
  /** Indonesian. */
  message: string;
}

export interface RubricIssue {
  /** Where in the definition, e.g. `aspects[1].components[0].rule.bands`. */
  path: string;
  /** Indonesian. */
  message: string;
}
