import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { must } from '../must.js';
import {
  categoryOf,
  categoryRank,
  inputFields,
  KK_2021,
  KSP_2016,
  scoreAssessment,
  validateInput,
  type AssessmentResult,
  type GradedInput,
  type RubricDefinition,
  type WeightedInput,
  type WeightedRubric,
} from '../../../src/domain/rubrics/index.js';
import { KSP_LINES, QUESTION_COUNTS } from './fixtures.js';

/** Rupiah amounts: often 0 or small (to hit edges and zero denominators), sometimes large. */
const rupiah = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 0, max: 1_000_000_000_000 }),
);

const kspInputs: fc.Arbitrary<WeightedInput> = fc.record({
  financials: fc.record(Object.fromEntries(KSP_LINES.map((l) => [l, rupiah]))) as fc.Arbitrary<Record<string, number>>,
  management: fc.record(
    Object.fromEntries(
      Object.entries(QUESTION_COUNTS).map(([k, n]) => [k, fc.array(fc.boolean(), { minLength: n, maxLength: n })]),
    ),
  ) as fc.Arbitrary<Record<string, boolean[]>>,
});

function kkArbitrary(): fc.Arbitrary<GradedInput> {
  const indicators: Record<string, fc.Arbitrary<number | null>> = {};
  const checklists: Record<string, fc.Arbitrary<boolean[] | null>> = {};
  for (const f of inputFields(KK_2021)) {
    const code = must(f.field.split('.')[1], 'indicator code');
    const na = fc.constant(null);
    if (f.kind === 'answers')
      checklists[code] = fc.oneof(
        { weight: 9, arbitrary: fc.array(fc.boolean(), { minLength: f.count, maxLength: f.count }) },
        { weight: 1, arbitrary: na },
      );
    else if (f.kind === 'rating')
      indicators[code] = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(1, 2, 3, 4) }, { weight: 1, arbitrary: na });
    else
      indicators[code] = fc.oneof(
        { weight: 9, arbitrary: fc.double({ min: -200, max: 300, noNaN: true }) },
        { weight: 1, arbitrary: na },
      );
  }
  return fc.record({ indicators: fc.record(indicators), checklists: fc.record(checklists) });
}

function checkInvariants(rubric: RubricDefinition, r: AssessmentResult): void {
  const aspectSum = r.aspects.reduce((s, a) => s + a.score, 0);
  expect(r.total).toBeCloseTo(aspectSum, 9);
  expect(r.total).toBeGreaterThanOrEqual(0);
  expect(r.total).toBeLessThanOrEqual(100 + 1e-9);
  for (const a of r.aspects) {
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(a.weight + 1e-9);
    expect(a.share).toBeLessThanOrEqual(100 + 1e-9);
    for (const c of a.components) {
      if (c.score === null) continue;
      expect(c.score).toBeGreaterThanOrEqual(0);
      if (c.weight !== null) expect(c.score).toBeLessThanOrEqual(c.weight);
      if (rubric.method === 'weighted') expect(c.nilai ?? 0).toBeLessThanOrEqual(100);
    }
  }
  expect(r.complete).toBe(r.notComputable.length === 0);
  if (r.complete) expect(r.category).toEqual(categoryOf(r.total, rubric));
  else expect(r.category).toBeNull();
}

describe('scoring properties', () => {
  it('ksp-2016: total = Σ aspects, 0 ≤ total ≤ 100, skor ≤ bobot, never throws on valid input', () => {
    fc.assert(
      fc.property(kspInputs, (input) => {
        expect(validateInput(KSP_2016, input)).toEqual([]);
        checkInvariants(KSP_2016, scoreAssessment(KSP_2016, input));
      }),
      { numRuns: 500 },
    );
  });

  it('ksp-2016 with the linear rpm rule keeps the same invariants', () => {
    const linear: WeightedRubric = { ...KSP_2016, settings: { ruleChoices: { 'assetQuality.b': 'linear' } } };
    fc.assert(
      fc.property(kspInputs, (input) => checkInvariants(linear, scoreAssessment(linear, input))),
      { numRuns: 200 },
    );
  });

  it('ksp-2016: a statement with every denominator positive is always complete', () => {
    const positive = fc.integer({ min: 1, max: 1_000_000_000 });
    const arb = kspInputs.chain((input) =>
      fc
        .record({
          totalAset: positive,
          volumePinjaman: positive,
          partisipasiBruto: positive,
          bebanUsaha: positive,
          pinjamanDiberikan: positive,
          simpananPokok: positive,
        })
        .map((p) => {
          const f: Record<string, number> = { ...input.financials, ...p };
          // "dana yang diterima" = totalPasiva − accruals − undistributed SHU must be positive too
          f.totalPasiva = must(f.totalPasiva) + must(f.bebanMasihHarusDibayar) + must(f.shuBelumDibagi) + 1;
          return { ...input, financials: f };
        }),
    );
    fc.assert(
      fc.property(arb, (input) => {
        expect(scoreAssessment(KSP_2016, input).notComputable).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('kk-2021: total = Σ aspects, 0 ≤ total ≤ 100, never throws on valid input', () => {
    fc.assert(
      fc.property(kkArbitrary(), (input) => {
        expect(validateInput(KK_2021, input)).toEqual([]);
        checkInvariants(KK_2021, scoreAssessment(KK_2021, input));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any input shape (live scoring while typing)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (financials, management) => {
        for (const rubric of [KSP_2016, KK_2021]) {
          const input = {
            financials,
            management,
            indicators: financials,
            checklists: management,
          } as unknown as WeightedInput & GradedInput;
          const r = scoreAssessment(rubric, input);
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(validateInput(rubric, input)).toBeInstanceOf(Array);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('category is monotone in the total', () => {
    for (const rubric of [KSP_2016, KK_2021]) {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 100, noNaN: true }),
          (a, b) => {
            const [low, high] = a <= b ? [a, b] : [b, a];
            expect(categoryRank(categoryOf(low, rubric).code, rubric)).toBeGreaterThanOrEqual(
              categoryRank(categoryOf(high, rubric).code, rubric),
            );
          },
        ),
      );
    }
  });

  it('more Ya answers never lower the score', () => {
    fc.assert(
      fc.property(kspInputs, fc.constantFrom(...Object.keys(QUESTION_COUNTS)), fc.nat(), (input, code, i) => {
        const list = must(input.management[code], code);
        const more = list.map((v, k) => (k === i % list.length ? true : v));
        const before = scoreAssessment(KSP_2016, input).total;
        const after = scoreAssessment(KSP_2016, { ...input, management: { ...input.management, [code]: more } }).total;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
