/**
 * Table types of the visits capability (issue 4): programs, visits and teams, attendance,
 * notes, checklist, photos, concerns, follow-ups, business-unit needs and mentoring.
 * Conventions as in schema.ts. Every record someone may edit (offline, later: issue 6) has a
 * client-acceptable text UUID key and a `version` that each change increments.
 */
export interface VisitTables {
  programs: ProgramTable;
  program_targets: ProgramTargetTable;
  visits: VisitTable;
  visit_team: VisitTeamTable;
  visit_attendees: VisitAttendeeTable;
  visit_business_units: VisitBusinessUnitTable;
  photos: PhotoTable;
  concerns: ConcernTable;
  follow_ups: FollowUpTable;
  unit_needs: UnitNeedTable;
  mentoring_sessions: MentoringSessionTable;
  unit_proposals: UnitProposalTable;
}

export interface ProgramTable {
  id: string;
  /** Issue 11: the office whose program it is. */
  office_id?: string | null;
  name: string;
  period_start: string;
  period_end: string;
  description: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** How many cooperatives a program means to visit in one kecamatan. */
export interface ProgramTargetTable {
  id: string;
  program_id: string;
  district_code: string;
  target: number;
}

export interface VisitTable {
  id: string;
  cooperative_id: string;
  /** Issue 11: the office whose team makes the visit. */
  office_id?: string | null;
  program_id: string | null;
  annual_meeting_id: string | null;
  visit_date: string; // YYYY-MM-DD, Asia/Jakarta
  start_time: string | null; // HH:MM
  end_time: string | null;
  purposes: string; // JSON VisitPurpose[]
  status: string; // planned | approved | done | cancelled
  cancel_reason: string | null;
  findings: string; // JSON {kelembagaan, usaha, keuangan, pengawasanInternal}: text or null
  checklist: string | null; // JSON {version, answers: {indicatorCode: {result, note}}}
  gps_lat: number | null;
  gps_lng: number | null;
  gps_accuracy: number | null; // metres
  gps_at: string | null; // UTC ISO, when the position was taken
  approved_by: string | null;
  approved_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface VisitTeamTable {
  visit_id: string;
  user_id: string;
  position: number;
  leader: number; // 0/1; exactly one per visit
}

export interface VisitAttendeeTable {
  id: string;
  visit_id: string;
  position: number;
  name: string;
  role: string; // pengurus | pengawas | manajer | anggota | karyawan
  gender: string; // L | P
}

export interface VisitBusinessUnitTable {
  visit_id: string;
  business_unit_id: string;
}

/** Photo metadata; the bytes live on disk (never in the database, never in data exports). */
export interface PhotoTable {
  id: string;
  cooperative_id: string;
  visit_id: string | null;
  follow_up_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  caption: string | null;
  taken_at: string | null;
  uploaded_by: string | null;
  created_at: string;
}

export interface ConcernTable {
  id: string;
  cooperative_id: string;
  visit_id: string | null;
  kind: string; // PERMASALAHAN | KELUHAN | TANTANGAN
  topic: string;
  description: string;
  raised_by: string; // the person's name and role, as said
  severity: string; // rendah | sedang | tinggi
  status: string; // open | addressed | closed
  response: string | null;
  /** When Dinas staff first opened it: the inbox's "unseen". */
  seen_at: string | null;
  seen_by: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FollowUpTable {
  id: string;
  cooperative_id: string;
  visit_id: string | null;
  concern_id: string | null;
  aspect: string | null; // the finding's aspect when it comes from one
  recommendation: string;
  responsible_kind: string; // BIDANG | USER | COOPERATIVE
  responsible_bidang: string | null;
  responsible_user_id: string | null;
  deadline: string; // YYYY-MM-DD, the last day allowed
  monitoring_plan: string | null;
  status: string; // open | in_progress | done | cancelled
  progress_note: string | null;
  evidence_note: string | null;
  evidence_photo_id: string | null;
  evidence_document: string | null;
  cancel_reason: string | null;
  closed_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UnitNeedTable {
  id: string;
  business_unit_id: string;
  cooperative_id: string;
  visit_id: string | null;
  kind: string; // MODAL | PEMASARAN | IZIN_NIB | IZIN_PIRT | IZIN_HALAL | PRODUKSI | KETERAMPILAN | LAINNYA
  description: string;
  amount: number | null; // rupiah, for capital needs
  status: string; // open | met
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MentoringSessionTable {
  id: string;
  business_unit_id: string;
  cooperative_id: string;
  visit_id: string | null;
  held_on: string;
  mentor_id: string;
  bidang: string; // usaha_mikro | perindustrian
  topic: string;
  notes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UnitProposalTable {
  id: string;
  cooperative_id: string;
  visit_id: string | null;
  name: string;
  sector: string;
  description: string | null;
  status: string; // idea | studied | started | dropped
  business_unit_id: string | null; // the unit it became, once started
  drop_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
