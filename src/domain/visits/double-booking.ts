import type { VisitStatus } from './codes.js';

/** What double-booking detection needs of a visit. */
export interface BookedVisit {
  id: string;
  date: string; // YYYY-MM-DD
  status: VisitStatus;
  team: string[]; // user ids
}

export interface Booking {
  date: string;
  userId: string;
  /** Two or more visits, ordered by id. */
  visitIds: string[];
}

/**
 * Officers booked on two or more visits on the same calendar day. A cancelled visit books nobody.
 * Times are not compared: a field trip to a village takes the day, and a plan's times are rough.
 */
export function doubleBookings(visits: readonly BookedVisit[]): Booking[] {
  const byKey = new Map<string, Set<string>>();
  for (const v of visits) {
    if (v.status === 'cancelled') continue;
    for (const userId of new Set(v.team)) {
      const key = `${v.date}|${userId}`;
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(v.id);
    }
  }
  const out: Booking[] = [];
  for (const [key, ids] of byKey) {
    if (ids.size < 2) continue;
    const [date, userId] = key.split('|') as [string, string];
    out.push({ date, userId, visitIds: [...ids].sort() });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.userId.localeCompare(b.userId));
}

/** For one visit: each of its officers booked elsewhere that day, with the other visits. */
export function conflictsOf(
  visitId: string,
  bookings: readonly Booking[],
): { userId: string; otherVisitIds: string[] }[] {
  return bookings
    .filter((b) => b.visitIds.includes(visitId))
    .map((b) => ({ userId: b.userId, otherVisitIds: b.visitIds.filter((id) => id !== visitId) }));
}
