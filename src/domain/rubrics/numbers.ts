/**
 * Exact arithmetic for rubric formulas. Money lines are integer rupiah and coefficients are short
 * decimals (0.5, 0.75, 0.2, 0.7 …), so every weighted sum and ratio is an exact rational; we keep it
 * exact in BigInt until the single division that yields the percentage x. A ratio that lands exactly
 * on a band edge (57 / 100 → 57, not 56.99999999999999) therefore compares exactly.
 */

export interface Rational {
  n: bigint;
  /** Always positive. */
  d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };

export function fromInteger(value: number): Rational {
  return { n: BigInt(value), d: 1n };
}

/** A decimal coefficient as an exact fraction (up to 12 decimals). */
export function fromDecimal(value: number): Rational {
  for (let k = 0; k <= 12; k++) {
    const scale = 10 ** k;
    const m = Math.round(value * scale);
    if (Math.abs(m / scale - value) <= Number.EPSILON * Math.abs(value)) return { n: BigInt(m), d: BigInt(scale) };
  }
  return { n: BigInt(Math.round(value * 1e12)), d: 10n ** 12n };
}

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function mul(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

export function sign(a: Rational): -1 | 0 | 1 {
  return a.n === 0n ? 0 : a.n > 0n ? 1 : -1;
}

/** The nearest double; exact whenever the value is an integer or a half. */
export function toNumber(a: Rational): number {
  const q = a.n / a.d;
  const r = a.n % a.d;
  return Number(q) + Number(r) / Number(a.d);
}

/** num / den × 100 as a number; den must not be 0. */
export function percent(num: Rational, den: Rational): number {
  const n = num.n * den.d * 100n;
  const d = num.d * den.n;
  return d < 0n ? toNumber({ n: -n, d: -d }) : toNumber({ n, d });
}

/**
 * Sum of scores without binary drift: 2.22 + 0.9 + 1.5 gives 4.62, not 4.620000000000001. A sum
 * within 1e-10 of a multiple of 1e-9 is snapped to it; other sums (e.g. kk-2021's aspect scores,
 * which are not short decimals) are left as they are.
 */
export function sumScores(values: readonly number[]): number {
  const sum = values.reduce((s, v) => s + v, 0);
  const snapped = Math.round(sum * 1e9) / 1e9;
  return Math.abs(snapped - sum) <= 1e-10 ? snapped : sum;
}

/** a × b for short decimals (3 × 0.3 = 0.9, not 0.8999999999999999). */
export function decimalProduct(a: number, b: number): number {
  return toNumber(mul(fromDecimal(a), fromDecimal(b)));
}

/** a ÷ b for short decimals (0.9 ÷ 3 = 0.3). */
export function decimalQuotient(a: number, b: number): number {
  const ra = fromDecimal(a);
  const rb = fromDecimal(b);
  const n = ra.n * rb.d;
  const d = ra.d * rb.n;
  return d < 0n ? toNumber({ n: -n, d: -d }) : toNumber({ n, d });
}

/** Half-up rounding for display (1.005 → 1.01); scores are stored unrounded. */
export function roundForDisplay(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  if (/e/i.test(String(value))) return Math.round(value * 10 ** decimals) / 10 ** decimals;
  const shifted = Math.round(Number(`${value}e${decimals}`));
  return Number(`${shifted}e-${decimals}`);
}

/** "78,25" — a score for an Indonesian screen or report. */
export function formatScore(value: number, decimals = 2): string {
  return roundForDisplay(value, decimals).toLocaleString('id-ID', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
