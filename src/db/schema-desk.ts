/** Tables of the cooperative's desk (migration 0010_cooperative_desk); conventions as in schema.ts. */
export interface DeskTables {
  cooperative_documents: CooperativeDocumentTable;
  verifications: VerificationTable;
  cooperative_requests: CooperativeRequestTable;
  rat_announcements: RatAnnouncementTable;
}

export interface CooperativeDocumentTable {
  id: string;
  cooperative_id: string;
  kind: string;
  fiscal_year: number | null;
  title: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  series_id: string;
  version: number;
  replaces_id: string | null;
  status: string; // ACTIVE | REPLACED | REMOVED
  removed_reason: string | null;
  removed_at: string | null;
  uploaded_by: string | null;
  uploaded_by_name: string;
  uploaded_by_role: string;
  created_at: string;
}

export interface VerificationTable {
  id: string;
  cooperative_id: string;
  kind: string;
  entity_id: string;
  fiscal_year: number | null;
  summary: string;
  status: string; // PENDING | VERIFIED | RETURNED
  reason: string | null;
  previous: string | null; // JSON of the values that still count while this filing waits
  submitted_by: string | null;
  submitted_by_name: string;
  submitted_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
}

export interface CooperativeRequestTable {
  id: string;
  cooperative_id: string;
  kind: string;
  bidang: string;
  message: string;
  status: string;
  visit_id: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  /** When CLOSED: DONE | DECLINED, the officer's note, who and when. */
  outcome: string | null;
  closing_note: string | null;
  closed_by: string | null;
  closed_by_name: string | null;
  closed_at: string | null;
}

export interface RatAnnouncementTable {
  id: string;
  cooperative_id: string;
  fiscal_year: number;
  planned_on: string;
  place: string;
  agenda: string;
  visit_id: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}
