/**
 * RAT (annual members' meeting) compliance, derived and never typed (DOMAIN.md §6).
 * Pure: dates in, verdicts out, no clock inside. Dates are 'YYYY-MM-DD' strings.
 */

export const RAT_YEAR_STATUSES = ['ON_TIME', 'LATE', 'NOT_HELD', 'NOT_YET_DUE'] as const;
export type RatYearStatus = (typeof RAT_YEAR_STATUSES)[number];
export const RAT_WARNING_CODES = ['NO_RAT_2_YEARS', 'DISSOLUTION_CANDIDATE', 'ODS_REPORT_LATE'] as const;
export type RatWarningCode = (typeof RAT_WARNING_CODES)[number];

export interface RatMeeting {
  fiscalYear: number;
  heldOn: string;
  /** When the RAT was reported through ODS, if it was. */
  reportedOn?: string | null;
}

export interface RatYear {
  fiscalYear: number;
  deadline: string;
  heldOn: string | null;
  status: RatYearStatus;
}

export interface RatWarning {
  code: RatWarningCode;
  message: string;
  fiscalYears: number[];
}

export interface RatCompliance {
  active: boolean;
  /** The latest fiscal year whose deadline has passed, or null when none has. */
  latestDueYear: number | null;
  years: RatYear[];
  warnings: RatWarning[];
}

export const DEFAULT_GRACE_MONTHS = 6;
export const ODS_REPORT_MONTHS = 1;

/** Last day of the month that lies `months` after the end of the calendar fiscal year. */
export function ratDeadline(fiscalYear: number, graceMonths = DEFAULT_GRACE_MONTHS): string {
  // Day 0 of the following month is the last day of the wanted one.
  const d = new Date(Date.UTC(fiscalYear, 12 + graceMonths, 0));
  return d.toISOString().slice(0, 10);
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The end of a fiscal year: a RAT for it cannot be held on or before this day. */
export function fiscalYearEnd(fiscalYear: number): string {
  return `${fiscalYear}-12-31`;
}

/**
 * Before its founding a cooperative has no RAT status at all (no years, not active); from the day
 * it is dissolved (`dissolvedOn`) it is never active, whatever RATs it held.
 */
export function ratCompliance(
  meetings: RatMeeting[],
  founded: string,
  asOf: string,
  graceMonths = DEFAULT_GRACE_MONTHS,
  dissolvedOn: string | null = null,
): RatCompliance {
  if (asOf < founded) return { active: false, latestDueYear: null, years: [], warnings: [] };
  const firstYear = Number(founded.slice(0, 4));
  const asOfYear = Number(asOf.slice(0, 4));
  // The earliest RAT held for each year counts.
  const held = new Map<number, RatMeeting>();
  for (const m of meetings) {
    const prev = held.get(m.fiscalYear);
    if (m.heldOn <= asOf && (!prev || m.heldOn < prev.heldOn)) held.set(m.fiscalYear, m);
  }

  const years: RatYear[] = [];
  for (let fy = firstYear; fy <= asOfYear; fy++) {
    const deadline = ratDeadline(fy, graceMonths);
    const meeting = held.get(fy);
    const status: RatYearStatus = meeting
      ? meeting.heldOn <= deadline
        ? 'ON_TIME'
        : 'LATE'
      : asOf > deadline
        ? 'NOT_HELD'
        : 'NOT_YET_DUE';
    years.push({ fiscalYear: fy, deadline, heldOn: meeting?.heldOn ?? null, status });
  }

  const due = years.filter((y) => asOf > y.deadline);
  const latestDueYear = due.length ? due[due.length - 1]!.fiscalYear : null;
  const statusOf = (fy: number) => years.find((y) => y.fiscalYear === fy)?.status;
  const heldFor = (fy: number) => held.has(fy);

  const dissolved = dissolvedOn !== null && dissolvedOn <= asOf;
  const active = !dissolved && (latestDueYear === null || [0, 1, 2].some((k) => heldFor(latestDueYear - k)));

  const warnings: RatWarning[] = [];
  if (latestDueYear !== null) {
    const L = latestDueYear;
    const missed = (fy: number) => statusOf(fy) === 'NOT_HELD';
    if (missed(L) && missed(L - 1) && missed(L - 2)) {
      warnings.push({
        code: 'DISSOLUTION_CANDIDATE',
        message: `Tidak menyelenggarakan RAT tiga tahun buku berturut-turut (${L - 2}–${L}): calon pembubaran.`,
        fiscalYears: [L - 2, L - 1, L],
      });
    } else if (missed(L) && missed(L - 1)) {
      warnings.push({
        code: 'NO_RAT_2_YEARS',
        message: `Tidak menyelenggarakan RAT dua tahun buku berturut-turut (${L - 1} dan ${L}): peringatan sanksi.`,
        fiscalYears: [L - 1, L],
      });
    }
  }
  const lateReports = [...held.values()]
    .filter((m) => {
      const limit = addMonths(m.heldOn, ODS_REPORT_MONTHS);
      return m.reportedOn ? m.reportedOn > limit : asOf > limit;
    })
    .map((m) => m.fiscalYear)
    .sort((a, b) => a - b);
  if (lateReports.length) {
    warnings.push({
      code: 'ODS_REPORT_LATE',
      message: `RAT tahun buku ${lateReports.join(', ')} tidak dilaporkan ke ODS dalam satu bulan.`,
      fiscalYears: lateReports,
    });
  }
  return { active, latestDueYear, years, warnings };
}
