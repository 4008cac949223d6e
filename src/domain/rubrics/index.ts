/** Health-assessment rubric engine: versioned rubric data and one pure scoring function. */
import { KK_2021 } from './kk-2021.js';
import { KSP_2016 } from './ksp-2016.js';
import type { RubricDefinition } from './types.js';

export type * from './types.js';
export { KSP_2016 } from './ksp-2016.js';
export { KK_2021 } from './kk-2021.js';
export { MANAGEMENT_QUESTIONS } from './management-questions.js';
export { scoreAssessment } from './score.js';
export { validateInput, inputFields, type InputField } from './input.js';
export { validateRubric } from './validate-rubric.js';
export { categoryOf, categoryRank } from './category.js';
export { ruleNilai, describeBand, gradedBands, type Edge, type EdgeOp } from './bands.js';
export { activeRule } from './formula.js';
export { roundForDisplay, formatScore } from './numbers.js';

/** The shipped rubric versions, by id. */
export const RUBRICS = { 'ksp-2016': KSP_2016, 'kk-2021': KK_2021 } as const satisfies Record<string, RubricDefinition>;
export type RubricId = keyof typeof RUBRICS;
export const RUBRIC_IDS = Object.keys(RUBRICS) as RubricId[];
