import { invalid } from '../../domain/errors.js';
import { validateInput } from '../../domain/rubrics/input.js';
import { scoreAssessment } from '../../domain/rubrics/score.js';
import type { AssessmentInput, AssessmentResult } from '../../domain/rubrics/types.js';
import type { AppDeps } from '../context.js';
import { loadRubric } from './rubric-versions.js';

/** Scores without storing anything: every input line is required; each missing or bad one is named. */
export async function scoreInputs(
  deps: AppDeps,
  rubric: string,
  version: number | undefined,
  inputs: AssessmentInput,
): Promise<AssessmentResult> {
  const def = await loadRubric(deps.db.kysely, rubric, version);
  const issues = validateInput(def, inputs);
  if (issues.length)
    throw invalid(
      Object.fromEntries(issues.map((i) => [i.field, i.message])),
      'Isian penilaian belum lengkap atau tidak valid. Periksa pos yang ditandai.',
    );
  return scoreAssessment(def, inputs);
}
