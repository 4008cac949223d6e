import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distance, matchRegion } from '../../src/domain/region-match.js';

const REGIONS = [
  { code: '35.13.07', name: 'Tiris' },
  { code: '35.13.01', name: 'Sukapura' },
  { code: '35.13.02', name: 'Sumber' },
  { code: '35.13.08', name: 'Krucil' },
  { code: '35.13.21', name: 'Kraksaan' },
  { code: '99.01', name: 'Sumberasih' },
  { code: '99.02', name: 'Krajan' },
  { code: '99.03', name: 'Krajan' },
];

describe('matching a typed region against codes and names', () => {
  it.each([
    ['35.13.07', '35.13.07'],
    ['Tiris', '35.13.07'],
    ['  TIRIS ', '35.13.07'],
    ['Kec. Tiris', '35.13.07'],
    ['kecamatan kraksaan', '35.13.21'],
    ['Sumber', '35.13.02'],
  ])('accepts %j as %s', (typed, code) => {
    expect(matchRegion(typed, REGIONS)).toEqual({ ok: true, code });
  });

  it.each([
    ['Tirs', 'Tiris'],
    ['Krakasan', 'Kraksaan'],
    ['Sukapora', 'Sukapura'],
  ])('refuses %j but suggests %s', (typed, name) => {
    const m = matchRegion(typed, REGIONS);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.suggestion?.name).toBe(name);
  });

  it('refuses a name shared by two regions, naming both, and never guesses wildly', () => {
    const m = matchRegion('Krajan', REGIONS);
    expect(m).toMatchObject({ ok: false, ambiguous: [{ code: '99.02' }, { code: '99.03' }] });
    expect(matchRegion('Jakarta Selatan', REGIONS)).toEqual({ ok: false, ambiguous: [], suggestion: null });
    expect(matchRegion('', REGIONS)).toEqual({ ok: false, ambiguous: [], suggestion: null });
  });

  it('distance is a metric: zero only for equal strings, symmetric, within the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = distance(a, b);
        expect(d).toBe(distance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
