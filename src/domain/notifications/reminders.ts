/**
 * When reminders are due (issue 14). Pure: dates in, stages out, no clock inside. Dates are
 * 'YYYY-MM-DD' calendar days (Asia/Jakarta). Each stage is sent once; its dedupe key names the
 * record, the stage and the date it counts to, so a moved deadline is reminded again.
 */

import { daysBetween } from '../dates.js';

export type FollowUpStage = 'due_soon' | 'due_today' | 'overdue';

/**
 * Open or in-progress follow-ups: 1–7 days before the deadline, on the day, and once overdue —
 * within `overdueWindowDays` after the deadline, so that a server started long after old deadlines
 * does not flood inboxes with them (the overdue lists and the dashboard show those).
 */
export function followUpStage(
  f: { status: string; deadline: string },
  today: string,
  overdueWindowDays = 30,
): FollowUpStage | null {
  if (f.status !== 'open' && f.status !== 'in_progress') return null;
  const left = daysBetween(today, f.deadline);
  if (left < 0) return -left <= overdueWindowDays ? 'overdue' : null;
  if (left === 0) return 'due_today';
  if (left <= 7) return 'due_soon';
  return null;
}

export type RatStage = 60 | 30 | 7 | 'missed';

/**
 * A RAT not yet held: the last reached of 60, 30 and 7 days before its deadline; once the deadline
 * has passed, `missed` — but only within `missedWindowDays` after it, so a server started long
 * after a deadline does not flood inboxes with old news (the compliance screens show those).
 */
export function ratStage(deadline: string, today: string, held: boolean, missedWindowDays = 30): RatStage | null {
  if (held) return null;
  const left = daysBetween(today, deadline);
  if (left < 0) return -left <= missedWindowDays ? 'missed' : null;
  if (left <= 7) return 7;
  if (left <= 30) return 30;
  if (left <= 60) return 60;
  return null;
}

export const followUpKey = (id: string, stage: FollowUpStage, deadline: string) =>
  `follow_up.${stage}:${id}:${deadline}`;
export const ratKey = (cooperativeId: string, fiscalYear: number, stage: RatStage) =>
  `rat.${stage}:${cooperativeId}:${fiscalYear}`;

/**
 * The fiscal year whose RAT deadline is nearest to `today` from the reminders' point of view:
 * the year before today's (its deadline falls in today's year), unless that deadline passed more
 * than `missedWindowDays` ago, in which case today's year.
 */
export function ratYearInView(today: string, deadlineOf: (fy: number) => string, missedWindowDays = 30): number {
  const year = Number(today.slice(0, 4));
  const prev = year - 1;
  return daysBetween(deadlineOf(prev), today) > missedWindowDays ? year : prev;
}

/** The daily digest goes out once the Jakarta hour has reached the office's hour. */
export function digestDue(jakartaHour: number, digestHour: number): boolean {
  return jakartaHour >= digestHour;
}

/** Retry backoff of a failed e-mail: 1, 5, 30 minutes, 2 and 12 hours; then it stays failed. */
export const MAIL_BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export function nextMailAttempt(attempts: number): number | null {
  return MAIL_BACKOFF_MINUTES[attempts - 1] ?? null;
}
