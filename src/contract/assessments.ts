import { z } from 'zod';
import { ASSESSMENT_STATUSES, CATEGORY_CODES, RUBRIC_CODES } from '../domain/rubrics/codes.js';
import type { AssessmentInput, AssessmentResult, RubricDefinition } from '../domain/rubrics/types.js';
import { assessmentCanOut, rubricListCanOut } from './abilities.js';
import { isoDate, page, pageSize, uuidParam } from './common.js';
import { verificationOut } from './verification.js';

/**
 * Health assessments: the score result, the assessment and its list item, rubric versions and the
 * full rubric definition. Each schema states exactly the domain type it serializes
 * (test/unit/contract-types.test.ts checks that they are the same types).
 */

const region = z.object({ code: z.string(), name: z.string() });
const mark = z.object({ kind: z.enum(['provisional', 'choice']), note: z.string() });
const marks = z.array(mark).optional();
const term = z.object({ ref: z.string(), coef: z.number().optional() });
const band = z.object({
  min: z.number().optional(),
  minInclusive: z.boolean().optional(),
  max: z.number().optional(),
  maxInclusive: z.boolean().optional(),
  nilai: z.number(),
});
const rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bands'), bands: z.array(band) }),
  z.object({
    kind: z.literal('linear'),
    intercept: z.number(),
    slope: z.number(),
    rounding: z.enum(['none', 'floor', 'ceil', 'round']),
    min: z.number(),
    max: z.number(),
  }),
]);
const category = z.object({ code: z.string(), label: z.string(), min: z.number().optional() });
const rubricBase = {
  id: z.string(),
  version: z.number(),
  title: z.string(),
  basis: z.string(),
  categories: z.array(category),
  categoryMarks: marks,
};
const inputLine = z.object({
  code: z.string(),
  label: z.string(),
  hint: z.string().optional(),
  group: z.string().optional(),
  sign: z.union([z.literal(1), z.literal(-1)]).optional(),
});
const ratioComponent = z.object({
  kind: z.literal('ratio'),
  code: z.string(),
  label: z.string(),
  weight: z.number(),
  formula: z.object({ num: z.array(term), den: z.array(term) }),
  rule,
  ruleKey: z.string().optional(),
  ruleLabel: z.string().optional(),
  alternatives: z.array(z.object({ key: z.string(), label: z.string(), rule, marks })).optional(),
  zeroDenominator: z.object({ when: z.enum(['zero', 'nonPositive']), nilai: z.number() }).optional(),
  marks,
});
const questionnaireComponent = z.object({
  kind: z.literal('questionnaire'),
  code: z.string(),
  label: z.string(),
  weight: z.number(),
  skorPerYes: z.number(),
  questions: z.array(z.object({ number: z.number(), text: z.string(), evidence: z.string() })),
  marks,
});
const weightedRubric = z.object({
  ...rubricBase,
  method: z.literal('weighted'),
  inputSections: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      statement: z.enum(['neraca', 'phu', 'catatan']),
      lines: z.array(inputLine),
      totalLine: z.string().optional(),
    }),
  ),
  derived: z.array(z.object({ code: z.string(), label: z.string(), terms: z.array(term), marks })),
  aspects: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      weight: z.number(),
      components: z.array(z.discriminatedUnion('kind', [ratioComponent, questionnaireComponent])),
    }),
  ),
  settings: z.object({ ruleChoices: z.record(z.string(), z.string()) }),
});
const indicatorBase = { code: z.string(), label: z.string(), group: z.string(), marks };
const gradedIndicator = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantitative'), ...indicatorBase, formulaText: z.string(), bands: z.array(band) }),
  z.object({
    kind: z.literal('checklist'),
    ...indicatorBase,
    items: z.array(z.object({ text: z.string(), evidence: z.string() })),
  }),
  z.object({ kind: z.literal('rating'), ...indicatorBase, guidance: z.string() }),
]);
const gradedRubric = z.object({
  ...rubricBase,
  method: z.literal('graded'),
  scale: z.array(z.object({ nilai: z.number(), label: z.string(), skor: z.number() })),
  checklistBands: z.array(band),
  checklistMarks: marks,
  aspects: z.array(
    z.object({ code: z.string(), label: z.string(), weight: z.number(), indicators: z.array(gradedIndicator) }),
  ),
});

/** A rubric version's full table (src/domain/rubrics/types.ts: RubricDefinition). */
export const rubricDefinitionOut = z.discriminatedUnion('method', [weightedRubric, gradedRubric]);

const categoryRef = z.object({ code: z.string(), label: z.string() });
const notComputable = z.object({ component: z.string(), label: z.string(), reason: z.string() });

/** A score result (src/domain/rubrics/types.ts: AssessmentResult). */
export const assessmentResultOut = z.object({
  rubric: z.string(),
  rubricVersion: z.number(),
  total: z.number(),
  category: categoryRef.nullable(),
  complete: z.boolean(),
  aspects: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      weight: z.number(),
      score: z.number(),
      share: z.number(),
      category: categoryRef.nullable(),
      complete: z.boolean(),
      components: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          status: z.enum(['scored', 'notComputable', 'notApplicable']),
          ratio: z.number().nullable(),
          nilai: z.number().nullable(),
          weight: z.number().nullable(),
          score: z.number().nullable(),
          provisional: z.boolean(),
          ruleUsed: z.object({ key: z.string(), label: z.string() }).optional(),
          zeroDenominator: z.boolean().optional(),
          answered: z.object({ yes: z.number(), of: z.number() }).optional(),
        }),
      ),
    }),
  ),
  derived: z.record(z.string(), z.number()),
  provisionalUsed: z.array(
    z.object({ part: z.string(), label: z.string(), kind: z.enum(['provisional', 'choice']), note: z.string() }),
  ),
  notComputable: z.array(notComputable),
  notApplicable: z.array(notComputable),
});

/** The inputs as stored (src/domain/rubrics/types.ts: AssessmentInput); `null`: the indicator does not apply. */
export const assessmentInputOut = z.object({
  financials: z.record(z.string(), z.number()).optional(),
  management: z.record(z.string(), z.array(z.boolean())).optional(),
  indicators: z.record(z.string(), z.number().nullable()).optional(),
  checklists: z.record(z.string(), z.array(z.boolean()).nullable()).optional(),
  notApplicableReasons: z.record(z.string(), z.string()).optional(),
});

const cooperativeRef = z.object({ id: z.string(), name: z.string(), district: region });

export const assessmentOut = z.object({
  id: z.string(),
  cooperative: cooperativeRef,
  fiscalYear: z.number(),
  rubric: z.string(),
  rubricVersion: z.number(),
  statementId: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  inputs: assessmentInputOut,
  result: assessmentResultOut.nullable(),
  total: z.number().nullable(),
  category: z.string().nullable(),
  assessor: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  assessedOn: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /assessments/{id}: the assessment and what the user may do with it. */
export const assessmentDetailOut = assessmentOut.extend({ can: assessmentCanOut });

export const assessmentListItemOut = z.object({
  id: z.string(),
  cooperative: cooperativeRef,
  fiscalYear: z.number(),
  rubric: z.string(),
  rubricVersion: z.number(),
  status: z.enum(ASSESSMENT_STATUSES),
  total: z.number().nullable(),
  category: z.string().nullable(),
  assessor: z.string().nullable(),
  assessedOn: z.string().nullable(),
});

export const assessmentPageOut = z.object({
  items: z.array(assessmentListItemOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  countsByCategory: z.record(z.string(), z.number()),
});

export const rubricVersionOut = z.object({
  rubric: z.string(),
  version: z.number(),
  title: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  latest: z.boolean(),
});

export const statementOut = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  fiscalYear: z.number(),
  lines: z.record(z.string(), z.number()),
  source: z.enum(['FORM', 'XLSX']),
  balanced: z.boolean().nullable(),
  verification: verificationOut,
  missing: z.array(z.string()),
  version: z.number(),
  updatedAt: z.string(),
});

export type AssessmentOut = z.infer<typeof assessmentOut>;
export type AssessmentDetailOut = z.infer<typeof assessmentDetailOut>;
export type AssessmentListItemOut = z.infer<typeof assessmentListItemOut>;
export type AssessmentPageOut = z.infer<typeof assessmentPageOut>;
export type RubricVersionOut = z.infer<typeof rubricVersionOut>;
export type StatementOut = z.infer<typeof statementOut>;

/** Compile-time proof that the schemas state the domain types exactly (no field dropped on the wire). */
type Flat<T> = { [K in keyof T]: T[K] };
type Same<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;
const same = <A, B>(ok: Same<A, B>) => ok;
same<z.infer<typeof assessmentResultOut>, AssessmentResult>(true);
same<z.infer<typeof assessmentInputOut>, AssessmentInput>(true);
same<z.infer<typeof rubricDefinitionOut>, RubricDefinition>(true);

// ── requests ──

export const fiscalYearParam = z.coerce
  .number()
  .int()
  .min(1945, 'Tahun buku tidak masuk akal.')
  .max(2100, 'Tahun buku tidak masuk akal.');

/** Assessment inputs are checked against the rubric by the domain (validateInput), not by a fixed schema. */
export const assessmentInputsBody = z.strictObject({
  financials: z.record(z.string(), z.unknown()).optional(),
  management: z.record(z.string(), z.unknown()).optional(),
  indicators: z.record(z.string(), z.unknown()).optional(),
  checklists: z.record(z.string(), z.unknown()).optional(),
  notApplicableReasons: z.record(z.string(), z.string().max(500)).optional(),
});
export const scoreBody = assessmentInputsBody.extend({
  rubric: z.enum(RUBRIC_CODES),
  rubricVersion: z.number().int().min(1).optional(),
});

/** Filters of the assessment list; exports take the same without paging. */
export const assessmentListQuery = z.strictObject({
  cooperativeId: uuidParam.optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  district: z.string().max(20).optional(),
  fiscalYear: fiscalYearParam.optional(),
  rubric: z.enum(RUBRIC_CODES).optional(),
  status: z.enum(['DRAFT', 'FINAL']).optional(),
  assessedYear: fiscalYearParam.optional().describe('Dinilai (tanggal penilaian) pada tahun ini'),
  page,
  pageSize,
});
export const assessmentExportQuery = assessmentListQuery.omit({ page: true, pageSize: true });

export const rubricVersionListOut = z.object({ items: z.array(rubricVersionOut), can: rubricListCanOut });
export const rubricVersionParams = z.strictObject({
  rubric: z.enum(RUBRIC_CODES),
  version: z.coerce.number().int().min(1).max(10_000),
});
export const rubricParams = z.strictObject({ rubric: z.enum(RUBRIC_CODES) });
export const publishRubricBody = z.strictObject({
  definition: z.record(z.string(), z.unknown()),
  note: z.string().trim().min(5, 'Catatan minimal 5 karakter.').max(1000),
});

export const statementListOut = z.object({ items: z.array(statementOut) });
export const statementParams = z.strictObject({ id: uuidParam, fiscalYear: fiscalYearParam });
export const putStatementBody = z.strictObject({
  lines: z.record(z.string(), z.unknown()),
  version: z.number().int().min(1).optional(),
});

export const createAssessmentBody = z.strictObject({
  fiscalYear: z.number().int().min(1945).max(2100),
  rubric: z.enum(RUBRIC_CODES),
});
export const updateAssessmentBody = z.strictObject({
  inputs: assessmentInputsBody,
  version: z.number().int().min(1).optional(),
});
export const finalizeAssessmentBody = z.strictObject({
  assessedOn: isoDate.optional(),
  supersede: z
    .boolean()
    .optional()
    .describe('Gantikan penilaian final lama tahun buku dan rubrik yang sama (tercatat di jejak audit)'),
});
