/**
 * Letter numbers (nomor surat) from an office's pattern. Placeholders: `{seq}` (the running number,
 * or `{seq:3}` zero-padded to 3 digits), `{year}`, `{month}` (1–12, or `{month:2}` → 01–12) and
 * `{romanMonth}` (I–XII). Pure: the register hands in the sequence; uniqueness is the database's job.
 */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;
const TOKEN = /\{(seq|year|month|romanMonth)(?::(\d))?\}/g;

export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`month ${month}`);
  return r;
}

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'Pola nomor wajib diisi.';
  if (pattern.length > 120) return 'Pola nomor paling panjang 120 karakter.';
  const braces = pattern.replace(TOKEN, '');
  if (/[{}]/.test(braces))
    return 'Pola hanya boleh memakai {seq}, {seq:3}, {year}, {month}, {month:2} atau {romanMonth}.';
  if (!/\{seq(:\d)?\}/.test(pattern)) return 'Pola nomor wajib memuat {seq} (nomor urut).';
  if (!/\{year\}/.test(pattern)) return 'Pola nomor wajib memuat {year}: nomor urut dimulai lagi setiap tahun.';
  return null;
}

/** `800.1.11.1/{seq}/426.113/{year}` with seq 7 on 2026-03-… → `800.1.11.1/7/426.113/2026`. */
export function formatLetterNumber(pattern: string, v: { seq: number; year: number; month: number }): string {
  return pattern.replace(TOKEN, (_, name: string, width?: string) => {
    const pad = (n: number) => (width ? String(n).padStart(Number(width), '0') : String(n));
    if (name === 'seq') return pad(v.seq);
    if (name === 'year') return String(v.year);
    if (name === 'month') return pad(v.month);
    return romanMonth(v.month);
  });
}
