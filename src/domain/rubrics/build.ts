import type { Band, Mark, Term } from './types.js';

/** Shorthand used only to write the shipped rubric data; the output is plain JSON-compatible data. */

export const sum = (...refs: (string | readonly [number, string])[]): Term[] =>
  refs.map((r) => (typeof r === 'string' ? { ref: r } : { ref: r[1], coef: r[0] }));

type Op = '<' | '≤';

/** x < max (op '<') or x ≤ max (op '≤'). */
export const below = (op: Op, max: number, nilai: number): Band => ({ max, maxInclusive: op === '≤', nilai });

/** x > min (op '<': min < x) or x ≥ min (op '≤': min ≤ x). */
export const above = (op: Op, min: number, nilai: number): Band => ({ min, minInclusive: op === '≤', nilai });

/** min (op) x (op) max, written as on the page: `between(20, '<', '≤', 40, 50)` is 20 < x ≤ 40. */
export const between = (min: number, lowOp: Op, highOp: Op, max: number, nilai: number): Band => ({
  min,
  minInclusive: lowOp === '≤',
  max,
  maxInclusive: highOp === '≤',
  nilai,
});

export const provisional = (note: string): Mark => ({ kind: 'provisional', note });
export const choice = (note: string): Mark => ({ kind: 'choice', note });
