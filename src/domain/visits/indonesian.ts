/** Indonesian wording helpers: day names, dates, lists. Pure. */

export const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** '2025-01-19' → 'Minggu' (the calendar date itself; no time zone involved). */
export function dayName(date: string): string {
  const [y, m, d] = parts(date);
  return DAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** '2025-01-19' → '19/1/2025', as news items write it. */
export function shortDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d}/${m}/${y}`;
}

/** '2025-01-19' → '19 Januari 2025'. */
export function longDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** ['a'] → 'a'; ['a','b'] → 'a dan b'; ['a','b','c'] → 'a, b, dan c'. */
export function joinDan(items: readonly string[], word = 'dan'): string {
  const xs = items.filter((s) => s.trim() !== '');
  if (xs.length <= 1) return xs[0] ?? '';
  if (xs.length === 2) return `${xs[0]} ${word} ${xs[1]}`;
  return `${xs.slice(0, -1).join(', ')}, ${word} ${xs[xs.length - 1]}`;
}

/** Lower-cases the first letter unless the first word is an acronym (SDM, NIB, PIRT…). */
export function lowerFirst(s: string): string {
  const t = s.trim();
  const firstWord = t.split(/\s/)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return t;
  return t.charAt(0).toLowerCase() + t.slice(1);
}

/** Ends a sentence with a period unless it has its own closing mark. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Spelled-out numbers for small counts, as news style prefers ('tiga rekomendasi'). */
export function countWord(n: number): string {
  const words = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'];
  return n >= 0 && n <= 10 ? words[n]! : String(n);
}
