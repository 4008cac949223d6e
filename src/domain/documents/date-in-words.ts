import terbilang from '@develoka/angka-terbilang-js';
import { dayName, MONTH_NAMES } from '../visits/indonesian.js';

/** A number in Indonesian words: 1 → 'satu', 2026 → 'dua ribu dua puluh enam'. */
export function inWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
  return terbilang(String(n)).replace(/\s+/g, ' ').trim();
}

/**
 * The opening of Indonesian minutes: '2026-12-03' →
 * 'hari Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam'.
 */
export function dateInWords(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `hari ${dayName(date)} tanggal ${inWords(d)} bulan ${MONTH_NAMES[m - 1]} tahun ${inWords(y)}`;
}
