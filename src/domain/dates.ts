/**
 * Dates where the users are: Asia/Jakarta (WIB), UTC+7 all year, no daylight saving. Stored instants are
 * UTC ISO strings; calendar dates are `YYYY-MM-DD` strings. Pure: the clock is always passed in.
 */

/** WIB is UTC+7 all year. */
export const JAKARTA_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

const jakartaWall = (at: string | Date): Date =>
  new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + JAKARTA_OFFSET_MS);

/** The Jakarta calendar date (`YYYY-MM-DD`) of an instant. */
export function jakartaDate(at: string | Date): string {
  return jakartaWall(at).toISOString().slice(0, 10);
}

/** The Jakarta date and time of an instant as `YYYY-MM-DD HH.mm` (the Indonesian way of writing the hour). */
export function jakartaDateTime(at: string | Date): string {
  return jakartaWall(at).toISOString().slice(0, 16).replace('T', ' ').replace(':', '.');
}

/** The Jakarta calendar year of an instant (1 January 00:00 WIB is still 31 December in UTC). */
export function jakartaYear(at: string | Date): number {
  return jakartaWall(at).getUTCFullYear();
}

/** The Jakarta hour (0–23) of an instant. */
export function jakartaHour(at: string | Date): number {
  return jakartaWall(at).getUTCHours();
}

/** The instant a Jakarta wall-clock time happens; `time` is `HH:mm`, midnight when left out. */
export function jakartaInstant(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** The UTC ISO instant at which a Jakarta calendar day starts (00:00 WIB, 17:00 UTC the day before). */
export function jakartaDayStart(date: string): string {
  return jakartaInstant(date).toISOString();
}

/** A calendar date moved by a number of days (negative: back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
