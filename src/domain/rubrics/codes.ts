/** Codes of the health assessment shared by the server, the contract and the web app. */

/** Health categories, best first (the shipped rubrics' cut-offs use these codes). */
export const CATEGORY_CODES = ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** The rubrics Sambang ships (src/domain/rubrics/ksp-2016.ts, kk-2021.ts); an admin publishes versions of each. */
export const RUBRIC_CODES = ['ksp-2016', 'kk-2021'] as const;
export type RubricCode = (typeof RUBRIC_CODES)[number];

/** Status of an assessment; SUPERSEDED: a final assessment replaced by a later one of the same year and rubric. */
export const ASSESSMENT_STATUSES = ['DRAFT', 'FINAL', 'SUPERSEDED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
