import type { CategoryRef, RubricDefinition } from './types.js';

/** The category a total (or an aspect's share, 0–100) falls in: the first whose lower edge it reaches. */
export function categoryOf(total: number, rubric: Pick<RubricDefinition, 'categories'>): CategoryRef {
  const found = rubric.categories.find((c) => c.min === undefined || total >= c.min) ?? rubric.categories.at(-1);
  if (!found) throw new Error('A rubric needs at least one category.');
  return { code: found.code, label: found.label };
}

/** Rank of a category, 0 = best; for comparing categories. */
export function categoryRank(code: string, rubric: Pick<RubricDefinition, 'categories'>): number {
  return rubric.categories.findIndex((c) => c.code === code);
}
