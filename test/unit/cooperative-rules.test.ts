import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPattern } from '../../src/app/cooperatives/list-cooperatives.js';
import {
  diff,
  insideBbox,
  normaliseSpaces,
  searchText,
  villageBelongsToDistrict,
  villageKind,
} from '../../src/domain/cooperative.js';

const PROBOLINGGO = { minLat: -8.2, maxLat: -7.6, minLng: 112.8, maxLng: 113.65 };

describe('region codes', () => {
  it.each([
    ['35.13.07.2008', '35.13.07', true], // Ranuagung in Tiris
    ['35.13.14.1001', '35.13.14', true], // a kelurahan in Kraksaan
    ['35.13.01.2001', '35.13.07', false],
    ['35.13.070.2008', '35.13.07', false],
    ['35.13.07.20', '35.13.07', false],
    ['35.13.07', '35.13.07', false],
    ['35.74.01.1001', '35.13.01', false], // Kota Probolinggo is another region
  ])('village %s in district %s: %s', (village, district, expected) => {
    expect(villageBelongsToDistrict(village, district)).toBe(expected);
  });

  it('tells kelurahan (1xxx) from desa (2xxx)', () => {
    expect(villageKind('35.13.14.1001')).toBe('KELURAHAN');
    expect(villageKind('35.13.07.2008')).toBe('DESA');
  });

  it('accepts every village code built from its district code, and no other district', () => {
    const seg = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    fc.assert(
      fc.property(
        seg(2),
        seg(2),
        seg(2),
        seg(2),
        fc.integer({ min: 1, max: 2 }),
        seg(3),
        (p, r, d, other, kind, rest) => {
          const district = `${p}.${r}.${d}`;
          const village = `${district}.${kind}${rest}`;
          expect(villageBelongsToDistrict(village, district)).toBe(true);
          if (other !== d) expect(villageBelongsToDistrict(village, `${p}.${r}.${other}`)).toBe(false);
        },
      ),
    );
  });
});

describe('coordinates inside the regency', () => {
  it.each([
    [-7.9583, 113.3921, true], // Ranuagung, Tiris
    [-7.7167, 113.55, true], // Paiton
    [-7.9, 112.95, true], // Sukapura/Lumbang side
    [7.9583, 113.3921, false], // sign of latitude dropped
    [113.3921, -7.9583, false], // latitude and longitude swapped
    [-7.25, 112.75, false], // Surabaya
    [0, 0, false],
  ])('(%f, %f) inside: %s', (lat, lng, expected) => {
    expect(insideBbox(lat, lng, PROBOLINGGO)).toBe(expected);
  });

  it('holds exactly for points within the bounds, edges included', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lng) => {
          const inside = lat >= -8.2 && lat <= -7.6 && lng >= 112.8 && lng <= 113.65;
          expect(insideBbox(lat, lng, PROBOLINGGO)).toBe(inside);
        },
      ),
    );
  });
});

describe('audit diff', () => {
  it('lists only the fields that changed, with before and after', () => {
    expect(diff({ a: 1, b: 'x', c: null }, { a: 2, b: 'x', c: undefined })).toEqual({ a: { before: 1, after: 2 } });
    expect(diff(null, { name: 'Kopwan', nik: null })).toEqual({ name: { before: null, after: 'Kopwan' } });
    expect(diff({ officers: [{ name: 'A' }] }, { officers: [{ name: 'B' }] })).toEqual({
      officers: { before: [{ name: 'A' }], after: [{ name: 'B' }] },
    });
  });

  it('is empty for a record compared with itself, and names exactly the differing keys otherwise', () => {
    const value = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), value),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), value),
        (before, after) => {
          expect(diff(before, before)).toEqual({});
          const changed = Object.keys(diff(before, after));
          for (const k of Object.keys(after)) {
            const same = (before[k] ?? null) === (after[k] ?? null);
            expect(changed.includes(k)).toBe(!same);
          }
          for (const k of changed) expect(k in after).toBe(true);
        },
      ),
    );
  });
});

describe('search text', () => {
  it('lower-cases, collapses spaces and appends the NIK', () => {
    expect(searchText('  Kopwan   Dewi  Rengganis ', '3513070200012345')).toBe(
      'kopwan dewi rengganis 3513070200012345',
    );
    expect(searchText('KUD Tani', null)).toBe('kud tani');
    expect(normaliseSpaces('a\t b\n c')).toBe('a b c');
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = containsPattern(s);
        const inner = p.slice(1, -1);
        // every % or _ inside is escaped
        expect(/(^|[^\\])(\\\\)*[%_]/.test(inner)).toBe(false);
      }),
    );
  });
});
