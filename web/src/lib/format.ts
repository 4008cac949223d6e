/** Indonesian display formatters. Display timezone is Asia/Jakarta (WIB). */

export const LOCALE = 'id-ID';
export const TIME_ZONE = 'Asia/Jakarta';

const numberFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const intFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

const DASH = '–';

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** 1234567 → "1.234.567"; null → "–". */
export function formatNumber(value: number | null | undefined): string {
  if (!isNum(value)) return DASH;
  return numberFmt.format(value);
}

/** 1234567 → "Rp 1.234.567"; -5000 → "-Rp 5.000"; null → "–". Rupiah are integers. */
export function formatRupiah(value: number | null | undefined): string {
  if (!isNum(value)) return DASH;
  const abs = intFmt.format(Math.abs(Math.round(value)));
  return value < 0 ? `-Rp ${abs}` : `Rp ${abs}`;
}

/** "1.234 koperasi" */
export function formatCount(value: number, noun: string): string {
  return `${intFmt.format(value)} ${noun}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFmtUtc = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateFmtJkt = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const timeFmtJkt = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: TIME_ZONE,
});

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * "2025-01-19" → "19 Januari 2025" (a calendar date, never shifted);
 * an ISO timestamp is shown as its calendar date in Asia/Jakarta.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return Number.isNaN(d.getTime()) ? value : dateFmtUtc.format(d);
    }
  }
  const d = toDate(value);
  return d ? dateFmtJkt.format(d) : String(value);
}

/** ISO timestamp → "19 Januari 2025, 14.30 WIB". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return formatDate(value);
  const d = toDate(value);
  if (!d) return String(value);
  return `${dateFmtJkt.format(d)}, ${timeFmtJkt.format(d).replace(':', '.')} WIB`;
}

/** A clock time as stored ("09:00" or "09:00:00") → "09.00", the one time format on screen (issue #15). */
export function formatClock(value: string | null | undefined): string {
  if (!value) return DASH;
  return value.slice(0, 5).replace(':', '.');
}

/** Today's date in Asia/Jakarta as YYYY-MM-DD. */
export function todayJakarta(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Coordinates "-7,93421, 113,39612" style for display (Indonesian decimal comma). */
export function formatCoordinate(value: number | null | undefined): string {
  if (!isNum(value)) return DASH;
  return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 5, maximumFractionDigits: 6 }).format(value);
}

/** Sum of two optional counts; null when both are missing. */
export function sumCounts(a: number | null | undefined, b: number | null | undefined): number | null {
  if (!isNum(a) && !isNum(b)) return null;
  return (isNum(a) ? a : 0) + (isNum(b) ? b : 0);
}
