import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIORITY_WEIGHTS as W,
  type PrioritySignals,
  priorityScore,
} from '../../src/domain/priority/priority.js';

const calm: PrioritySignals = {
  category: 'SEHAT',
  previousTotal: 80,
  latestTotal: 85,
  ratWarnings: [],
  overdueFollowUps: 0,
  seriousOpenConcerns: 0,
  daysSinceLastVisit: 30,
};

describe('early-warning priority', () => {
  it('scores a healthy, recently visited cooperative 0 with no reasons', () => {
    expect(priorityScore(calm)).toEqual({ score: 0, reasons: [] });
  });

  it.each([
    [{ category: 'DALAM_PENGAWASAN_KHUSUS' }, 'HEALTH_DPK', W.categoryDalamPengawasanKhusus],
    [{ category: 'DALAM_PENGAWASAN' }, 'HEALTH_DP', W.categoryDalamPengawasan],
    [{ category: 'CUKUP_SEHAT' }, 'HEALTH_CS', W.categoryCukupSehat],
    [{ previousTotal: 70, latestTotal: 60 }, 'HEALTH_DECLINING', W.healthDeclining],
    [{ ratWarnings: ['DISSOLUTION_CANDIDATE'] }, 'DISSOLUTION_CANDIDATE', W.dissolutionCandidate],
    [{ ratWarnings: ['NO_RAT_2_YEARS'] }, 'NO_RAT_2_YEARS', W.noRatTwoYears],
    [{ ratWarnings: ['ODS_REPORT_LATE'] }, 'ODS_REPORT_LATE', W.odsReportLate],
    [{ overdueFollowUps: 2 }, 'OVERDUE_FOLLOW_UPS', 2 * W.overdueFollowUp],
    [{ overdueFollowUps: 50 }, 'OVERDUE_FOLLOW_UPS', W.overdueFollowUpsMax],
    [{ seriousOpenConcerns: 1 }, 'SERIOUS_CONCERNS', W.seriousConcern],
    [{ daysSinceLastVisit: null }, 'NEVER_VISITED', W.neverVisited],
    [{ daysSinceLastVisit: 400 }, 'STALE_VISIT', W.staleVisit],
  ] as const)('%o gives %s worth its weight', (change, code, points) => {
    const r = priorityScore({ ...calm, ...change } as PrioritySignals);
    expect(r.reasons).toEqual([expect.objectContaining({ code, points })]);
    expect(r.score).toBe(points);
    expect(r.reasons[0]!.label.length).toBeGreaterThan(10);
  });

  it('uses the weights it is given', () => {
    const r = priorityScore({ ...calm, category: 'DALAM_PENGAWASAN' }, { ...W, categoryDalamPengawasan: 3 });
    expect(r.score).toBe(3);
  });

  it('is the sum of its reasons, never negative, and grows with each worse signal', () => {
    const signals = fc.record({
      category: fc.constantFrom(null, 'SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS'),
      previousTotal: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      latestTotal: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      ratWarnings: fc.subarray(['NO_RAT_2_YEARS', 'DISSOLUTION_CANDIDATE', 'ODS_REPORT_LATE']),
      overdueFollowUps: fc.nat(30),
      seriousOpenConcerns: fc.nat(10),
      daysSinceLastVisit: fc.option(fc.nat(2000)),
    });
    fc.assert(
      fc.property(signals, (s) => {
        const r = priorityScore(s);
        expect(r.score).toBe(r.reasons.reduce((t, x) => t + x.points, 0));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(priorityScore({ ...s, overdueFollowUps: s.overdueFollowUps + 1 }).score).toBeGreaterThanOrEqual(r.score);
        expect(priorityScore({ ...s, seriousOpenConcerns: s.seriousOpenConcerns + 1 }).score).toBeGreaterThanOrEqual(
          r.score,
        );
        for (let i = 1; i < r.reasons.length; i++)
          expect(r.reasons[i - 1]!.points).toBeGreaterThanOrEqual(r.reasons[i]!.points);
      }),
    );
  });
});
