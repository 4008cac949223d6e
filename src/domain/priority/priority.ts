/**
 * Early warning: which cooperatives to visit next. A transparent, additive score: every point has a
 * reason the Dinas can read. Weights are settings an admin can change. Pure.
 */

export interface PriorityWeights {
  /** Points by the latest health category. */
  categoryDalamPengawasanKhusus: number;
  categoryDalamPengawasan: number;
  categoryCukupSehat: number;
  /** The latest total fell against the previous assessment. */
  healthDeclining: number;
  /** RAT warnings. */
  dissolutionCandidate: number;
  noRatTwoYears: number;
  odsReportLate: number;
  /** Per overdue follow-up, up to `overdueFollowUpsMax`. */
  overdueFollowUp: number;
  overdueFollowUpsMax: number;
  /** Per unresolved concern of high severity, up to `seriousConcernsMax`. */
  seriousConcern: number;
  seriousConcernsMax: number;
  /** Never visited, or not for longer than `staleVisitDays`. */
  neverVisited: number;
  staleVisit: number;
  staleVisitDays: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  categoryDalamPengawasanKhusus: 30,
  categoryDalamPengawasan: 20,
  categoryCukupSehat: 5,
  healthDeclining: 10,
  dissolutionCandidate: 30,
  noRatTwoYears: 20,
  odsReportLate: 5,
  overdueFollowUp: 5,
  overdueFollowUpsMax: 20,
  seriousConcern: 8,
  seriousConcernsMax: 24,
  neverVisited: 10,
  staleVisit: 10,
  staleVisitDays: 365,
};

export interface PrioritySignals {
  category: string | null;
  previousTotal: number | null;
  latestTotal: number | null;
  ratWarnings: string[];
  overdueFollowUps: number;
  seriousOpenConcerns: number;
  /** Days since the last done visit; null when never visited. */
  daysSinceLastVisit: number | null;
}

export type PriorityReasonCode =
  | 'HEALTH_DPK'
  | 'HEALTH_DP'
  | 'HEALTH_CS'
  | 'HEALTH_DECLINING'
  | 'DISSOLUTION_CANDIDATE'
  | 'NO_RAT_2_YEARS'
  | 'ODS_REPORT_LATE'
  | 'OVERDUE_FOLLOW_UPS'
  | 'SERIOUS_CONCERNS'
  | 'NEVER_VISITED'
  | 'STALE_VISIT';

export interface PriorityReason {
  code: PriorityReasonCode;
  label: string;
  points: number;
}

const fmt = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });

export function priorityScore(
  s: PrioritySignals,
  w: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS,
): { score: number; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  const add = (code: PriorityReasonCode, points: number, label: string) => {
    if (points > 0) reasons.push({ code, label, points });
  };
  if (s.category === 'DALAM_PENGAWASAN_KHUSUS')
    add('HEALTH_DPK', w.categoryDalamPengawasanKhusus, 'Penilaian kesehatan terakhir: Dalam Pengawasan Khusus');
  else if (s.category === 'DALAM_PENGAWASAN')
    add('HEALTH_DP', w.categoryDalamPengawasan, 'Penilaian kesehatan terakhir: Dalam Pengawasan');
  else if (s.category === 'CUKUP_SEHAT')
    add('HEALTH_CS', w.categoryCukupSehat, 'Penilaian kesehatan terakhir: Cukup Sehat');
  if (s.previousTotal !== null && s.latestTotal !== null && s.latestTotal < s.previousTotal) {
    add(
      'HEALTH_DECLINING',
      w.healthDeclining,
      `Skor kesehatan turun dari ${fmt(s.previousTotal)} ke ${fmt(s.latestTotal)}`,
    );
  }
  if (s.ratWarnings.includes('DISSOLUTION_CANDIDATE'))
    add('DISSOLUTION_CANDIDATE', w.dissolutionCandidate, 'Tiga tahun buku berturut-turut tanpa RAT (calon pembubaran)');
  else if (s.ratWarnings.includes('NO_RAT_2_YEARS'))
    add('NO_RAT_2_YEARS', w.noRatTwoYears, 'Dua tahun buku berturut-turut tanpa RAT');
  if (s.ratWarnings.includes('ODS_REPORT_LATE'))
    add('ODS_REPORT_LATE', w.odsReportLate, 'RAT tidak dilaporkan ke ODS dalam satu bulan');
  if (s.overdueFollowUps > 0) {
    add(
      'OVERDUE_FOLLOW_UPS',
      Math.min(w.overdueFollowUpsMax, s.overdueFollowUps * w.overdueFollowUp),
      `${s.overdueFollowUps} tindak lanjut melewati tenggat`,
    );
  }
  if (s.seriousOpenConcerns > 0) {
    add(
      'SERIOUS_CONCERNS',
      Math.min(w.seriousConcernsMax, s.seriousOpenConcerns * w.seriousConcern),
      `${s.seriousOpenConcerns} masalah berat belum selesai`,
    );
  }
  if (s.daysSinceLastVisit === null) add('NEVER_VISITED', w.neverVisited, 'Belum pernah dikunjungi');
  else if (s.daysSinceLastVisit > w.staleVisitDays)
    add('STALE_VISIT', w.staleVisit, `Kunjungan terakhir ${s.daysSinceLastVisit} hari lalu`);
  reasons.sort((a, b) => b.points - a.points);
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}
