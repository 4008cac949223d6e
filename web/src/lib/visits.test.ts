import { describe, expect, it } from 'vitest';
import { addMonths, monthGrid, planPathFor, purposesForReasons, startOfWeek, weekdayOf } from './visits';

describe('calendar dates', () => {
  it('starts weeks on Monday', () => {
    expect(weekdayOf('2025-01-19')).toBe(6); // a Sunday
    expect(startOfWeek('2025-01-19')).toBe('2025-01-13');
    expect(startOfWeek('2025-01-13')).toBe('2025-01-13');
  });

  it('covers a month with whole weeks, across year ends and leap days', () => {
    const feb = monthGrid('2024-02-10');
    expect(feb[0]![0]).toBe('2024-01-29');
    expect(feb.flat()).toContain('2024-02-29');
    expect(feb.at(-1)![6]).toBe('2024-03-03');
    for (const w of feb) expect(w).toHaveLength(7);
    const dec = monthGrid('2026-12-31');
    expect(dec[0]![0]).toBe('2026-11-30');
    expect(dec.at(-1)![6]).toBe('2027-01-03');
    expect(addMonths('2026-12-21', 1)).toBe('2027-01-01');
    expect(addMonths('2025-01-31', -1)).toBe('2024-12-01');
  });
});

describe('purposes for a priority entry', () => {
  it('maps reasons to sensible purposes, in the fixed order', () => {
    expect(purposesForReasons(['HEALTH_DPK', 'NO_RAT_2_YEARS'])).toEqual(['PEMBINAAN', 'PENGAWASAN', 'PENYEHATAN']);
    expect(purposesForReasons(['OVERDUE_FOLLOW_UPS'])).toEqual(['MONITORING']);
    expect(purposesForReasons(['NEVER_VISITED'])).toEqual(['PEMBINAAN']);
    expect(purposesForReasons([])).toEqual(['PEMBINAAN']);
  });

  it('builds the plan link', () => {
    expect(planPathFor('abc', ['PENYEHATAN', 'MONITORING'])).toBe(
      '/kunjungan/baru?cooperativeId=abc&purposes=PENYEHATAN%2CMONITORING',
    );
    expect(planPathFor('abc')).toBe('/kunjungan/baru?cooperativeId=abc');
  });
});
