import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatNumber, formatRupiah, sumCounts, todayJakarta } from './format';

describe('formatNumber', () => {
  it('uses Indonesian thousands separators', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(12.5)).toBe('12,5');
  });
  it('shows a dash for missing values', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });
});

describe('formatRupiah', () => {
  it('formats integer rupiah', () => {
    expect(formatRupiah(1234567)).toBe('Rp 1.234.567');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(-5000)).toBe('-Rp 5.000');
  });
  it('rounds and dashes', () => {
    expect(formatRupiah(999.6)).toBe('Rp 1.000');
    expect(formatRupiah(null)).toBe('–');
  });
});

describe('formatCount', () => {
  it('prefixes the noun with a formatted number', () => {
    expect(formatCount(1234, 'koperasi')).toBe('1.234 koperasi');
  });
});

describe('formatDate', () => {
  it('formats a calendar date in Indonesian without shifting it', () => {
    expect(formatDate('2025-01-19')).toBe('19 Januari 2025');
    expect(formatDate('2024-12-31')).toBe('31 Desember 2024');
  });
  it('formats timestamps in Asia/Jakarta', () => {
    // 18 Jan 2025 20:00 UTC = 19 Jan 2025 03:00 WIB
    expect(formatDate('2025-01-18T20:00:00Z')).toBe('19 Januari 2025');
  });
  it('dashes missing values', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDate('')).toBe('–');
  });
});

describe('formatDateTime', () => {
  it('shows the Jakarta wall time', () => {
    expect(formatDateTime('2025-01-19T02:30:00Z')).toBe('19 Januari 2025, 09.30 WIB');
  });
});

describe('todayJakarta', () => {
  it('returns the Jakarta calendar date', () => {
    expect(todayJakarta(new Date('2025-01-18T18:00:00Z'))).toBe('2025-01-19');
  });
});

describe('sumCounts', () => {
  it('adds optional counts', () => {
    expect(sumCounts(3, 4)).toBe(7);
    expect(sumCounts(null, 4)).toBe(4);
    expect(sumCounts(null, undefined)).toBeNull();
  });
});
