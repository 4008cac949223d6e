import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  jakartaDate,
  jakartaDateTime,
  jakartaDayStart,
  jakartaHour,
  jakartaInstant,
  jakartaYear,
} from '../../src/domain/dates.js';

describe('Jakarta dates (UTC+7 all year)', () => {
  it('gives the Jakarta calendar date of an instant: 17:00 UTC is already the next day there', () => {
    expect(jakartaDate('2026-03-01T16:59:59Z')).toBe('2026-03-01');
    expect(jakartaDate('2026-03-01T17:00:00Z')).toBe('2026-03-02');
    expect(jakartaDate(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('gives the Jakarta year: the new year starts at 17:00 UTC on 31 December, and always agrees with the date', () => {
    expect(jakartaYear('2025-12-31T16:59:59Z')).toBe(2025);
    expect(jakartaYear('2025-12-31T17:00:00Z')).toBe(2026);
    expect(jakartaYear(new Date('2026-12-31T23:59:59Z'))).toBe(2027);
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(jakartaYear(d)).toBe(Number(jakartaDate(d).slice(0, 4)));
      }),
    );
  });

  it('writes date and time the Indonesian way and reads the Jakarta hour', () => {
    expect(jakartaDateTime('2026-03-01T02:05:00Z')).toBe('2026-03-01 09.05');
    expect(jakartaHour(new Date('2026-03-01T23:00:00Z'))).toBe(6);
  });

  it('places a Jakarta wall-clock time and the start of a Jakarta day in UTC', () => {
    expect(jakartaInstant('2026-03-02', '08:30').toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(jakartaDayStart('2026-03-02')).toBe('2026-03-01T17:00:00.000Z');
    expect(jakartaDate(jakartaDayStart('2026-03-02'))).toBe('2026-03-02');
  });

  it('moves calendar dates across months and years, and counts the days between', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: -4000, max: 4000 }),
        (d, n) => {
          const day = d.toISOString().slice(0, 10);
          return daysBetween(day, addDays(day, n)) === n;
        },
      ),
    );
  });
});
