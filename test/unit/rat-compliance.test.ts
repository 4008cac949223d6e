import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, ratCompliance, ratDeadline } from '../../src/domain/rat/compliance.js';

describe('RAT deadline', () => {
  it.each([
    [2024, 6, '2025-06-30'],
    [2023, 6, '2024-06-30'],
    [2024, 3, '2025-03-31'],
    [2023, 2, '2024-02-29'], // leap year
    [2024, 12, '2025-12-31'],
  ])('fiscal year %i with %i months grace → %s', (fy, grace, expected) => {
    expect(ratDeadline(fy, grace)).toBe(expected);
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2025-01-19', 1)).toBe('2025-02-19');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
  });
});

describe('RAT compliance', () => {
  it('reads Dewi Rengganis: RAT 2024 held on 19 January 2025, on time', () => {
    const c = ratCompliance(
      [{ fiscalYear: 2024, heldOn: '2025-01-19', reportedOn: '2025-02-03' }],
      '2023-03-14',
      '2025-07-01',
    );
    expect(c.years).toEqual([
      { fiscalYear: 2023, deadline: '2024-06-30', heldOn: null, status: 'NOT_HELD' },
      { fiscalYear: 2024, deadline: '2025-06-30', heldOn: '2025-01-19', status: 'ON_TIME' },
      { fiscalYear: 2025, deadline: '2026-06-30', heldOn: null, status: 'NOT_YET_DUE' },
    ]);
    expect(c.active).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  it.each([
    ['2025-06-30', 'ON_TIME'],
    ['2025-07-01', 'LATE'],
  ])('a RAT held on %s for 2024 is %s', (heldOn, status) => {
    const c = ratCompliance([{ fiscalYear: 2024, heldOn, reportedOn: heldOn }], '2024-01-01', '2025-12-31');
    expect(c.years.find((y) => y.fiscalYear === 2024)?.status).toBe(status);
  });

  it('counts a year as due only after its deadline day', () => {
    expect(ratCompliance([], '2024-01-01', '2025-06-30').years[0]!.status).toBe('NOT_YET_DUE');
    expect(ratCompliance([], '2024-01-01', '2025-07-01').years[0]!.status).toBe('NOT_HELD');
  });

  it('warns after two missed years and flags dissolution after three', () => {
    const asOf = '2026-07-01'; // L = 2025
    const two = ratCompliance(
      [{ fiscalYear: 2023, heldOn: '2024-03-01', reportedOn: '2024-03-05' }],
      '2020-01-01',
      asOf,
    );
    expect(two.warnings.map((w) => w.code)).toEqual(['NO_RAT_2_YEARS']);
    expect(two.active).toBe(true); // 2023 = L−2 was held
    const three = ratCompliance(
      [{ fiscalYear: 2022, heldOn: '2023-03-01', reportedOn: '2023-03-05' }],
      '2020-01-01',
      asOf,
    );
    expect(three.warnings.map((w) => w.code)).toEqual(['DISSOLUTION_CANDIDATE']);
    expect(three.active).toBe(false);
  });

  it('does not call a cooperative formed in 2025 late before its first deadline', () => {
    const c = ratCompliance([], '2025-06-12', '2026-01-15');
    expect(c.active).toBe(true);
    expect(c.latestDueYear).toBeNull();
    expect(c.years).toEqual([
      { fiscalYear: 2025, deadline: '2026-06-30', heldOn: null, status: 'NOT_YET_DUE' },
      { fiscalYear: 2026, deadline: '2027-06-30', heldOn: null, status: 'NOT_YET_DUE' },
    ]);
    expect(c.warnings).toEqual([]);
  });

  it('warns when a RAT was reported to ODS after a month, or not at all a month on', () => {
    const late = ratCompliance(
      [{ fiscalYear: 2024, heldOn: '2025-01-19', reportedOn: '2025-02-20' }],
      '2010-01-01',
      '2025-03-01',
    );
    expect(late.warnings.map((w) => w.code)).toContain('ODS_REPORT_LATE');
    const onTime = ratCompliance(
      [{ fiscalYear: 2024, heldOn: '2025-01-19', reportedOn: '2025-02-19' }],
      '2010-01-01',
      '2025-03-01',
    );
    expect(onTime.warnings.map((w) => w.code)).not.toContain('ODS_REPORT_LATE');
    const pending = ratCompliance([{ fiscalYear: 2024, heldOn: '2025-01-19' }], '2010-01-01', '2025-02-10');
    expect(pending.warnings.map((w) => w.code)).not.toContain('ODS_REPORT_LATE');
    const missing = ratCompliance([{ fiscalYear: 2024, heldOn: '2025-01-19' }], '2010-01-01', '2025-02-20');
    expect(missing.warnings.map((w) => w.code)).toContain('ODS_REPORT_LATE');
  });

  it('ignores meetings after the as-of date', () => {
    const c = ratCompliance([{ fiscalYear: 2024, heldOn: '2025-03-01' }], '2020-01-01', '2025-02-01');
    expect(c.years.find((y) => y.fiscalYear === 2024)?.heldOn).toBeNull();
  });

  it('holds its invariants for any history', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 12 })
      .map((n) => new Date(Date.UTC(2014, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        fc.array(
          fc.record({ fiscalYear: fc.integer({ min: 2012, max: 2026 }), offset: fc.integer({ min: 1, max: 700 }) }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 12 }),
        (founded, asOf, raw, grace) => {
          if (asOf < founded) return;
          // every meeting after its fiscal year ended, as the recording rule demands
          const meetings = raw.map((m) => ({
            fiscalYear: m.fiscalYear,
            heldOn: new Date(Date.UTC(m.fiscalYear + 1, 0, m.offset)).toISOString().slice(0, 10),
          }));
          const c = ratCompliance(meetings, founded, asOf, grace);
          // one entry per year from founding to as-of
          expect(c.years.map((y) => y.fiscalYear)).toEqual(
            Array.from(
              { length: Number(asOf.slice(0, 4)) - Number(founded.slice(0, 4)) + 1 },
              (_, i) => Number(founded.slice(0, 4)) + i,
            ),
          );
          for (const y of c.years) {
            if (y.heldOn) expect(['ON_TIME', 'LATE']).toContain(y.status);
            else expect(y.status).toBe(asOf > y.deadline ? 'NOT_HELD' : 'NOT_YET_DUE');
          }
          const codes = c.warnings.map((w) => w.code);
          if (codes.includes('DISSOLUTION_CANDIDATE')) expect(c.active).toBe(false);
          expect(codes.includes('DISSOLUTION_CANDIDATE') && codes.includes('NO_RAT_2_YEARS')).toBe(false);
          if (!c.active) expect(c.latestDueYear).not.toBeNull();
        },
      ),
    );
  });
});
