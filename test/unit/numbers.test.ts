import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/domain/numbers.js';

describe('the spreadsheet number reader shared by the importers', () => {
  it.each([
    ['1.250.000', true, 1_250_000],
    ['1250000', true, 1_250_000],
    ['Rp 1.250.000', true, 1_250_000],
    ['1 250 000', true, 1_250_000],
    ['-25.000.000', true, -25_000_000],
    ['1.250', true, 1250],
    ['1.250,00', true, 1250],
    ['0', true, 0],
    [622_800_524, true, 622_800_524],
    ['1.250,5', false, 1250.5],
    ['-7,95', false, -7.95],
    ['-7.95', false, -7.95],
    ['113.392', false, 113.392],
    ['1.250.000,25', false, 1_250_000.25],
    [113.39, false, 113.39],
  ] as const)('reads %s (whole number: %s) as %s', (raw, integer, value) => {
    expect(readNumber(raw, { integer })).toEqual({ ok: true, value });
  });

  it.each([
    ['1.250,5', true],
    ['1.5', true],
    ['12.50.000', true],
    ['1,2,3', false],
    ['abc', false],
    ['', true],
    ['1.2.3', false],
    [1.5, true],
    [Number.NaN, false],
    ['99999999999999999999', true],
  ] as const)('refuses %s (whole number: %s) with an Indonesian message', (raw, integer) => {
    const r = readNumber(raw, { integer });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/angka|bulat|ribuan/i);
  });

  it('reads back every whole number written the Indonesian way, plainly, or as a spreadsheet number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        for (const raw of [n.toLocaleString('id-ID'), String(n), n])
          expect(readNumber(raw, { integer: true })).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('reads back decimals written with a decimal comma and thousands dots, or plainly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9999 }), (i, f) => {
        const x = Number(`${i < 0 ? '-' : ''}${Math.abs(i)}.${String(f).padStart(4, '0')}`);
        const id = x.toLocaleString('id-ID', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
        const read = readNumber(id, { integer: false });
        expect(read.ok && Math.abs(read.value - x) < 1e-6).toBe(true);
        expect(readNumber(String(x), { integer: false })).toEqual({ ok: true, value: x === 0 ? 0 : x });
      }),
    );
  });
});
