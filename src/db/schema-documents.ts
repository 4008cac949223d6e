/**
 * Table types of offices and official documents (issues 11 point 2 and 12). Conventions as in schema.ts.
 */
export interface DocumentTables {
  offices: OfficeTable;
  letter_registers: LetterRegisterTable;
  letter_counters: LetterCounterTable;
  documents: DocumentTable;
  activity_reports: ActivityReportTable;
}

export interface ActivityReportTable {
  visit_id: string;
  headline: string;
  text: string;
  edited_by: string | null;
  editor_name: string;
  edited_at: string;
}

export interface OfficeTable {
  id: string;
  level: string; // KABUPATEN | PROVINSI | NASIONAL
  region_code: string | null;
  name: string;
  short_name: string;
  government: string;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  logo: Buffer | null;
  logo_type: string | null;
  city: string;
  head_name: string | null;
  head_nip: string | null;
  head_rank: string | null;
  head_position: string | null;
  /** JSON array of the legal-basis lines printed on every Surat Perintah Tugas. */
  legal_basis: string;
  /** Issue 11: JSON `{minLat,maxLat,minLng,maxLng}`, the extent coordinates must fall in; null: unchecked. */
  bbox?: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LetterRegisterTable {
  id: string;
  office_id: string;
  kind: string;
  name: string;
  pattern: string;
  created_at: string;
  updated_at: string;
}

export interface LetterCounterTable {
  register_id: string;
  year: number;
  last_seq: number;
}

export interface DocumentTable {
  id: string;
  office_id: string;
  register_id: string;
  kind: string;
  year: number;
  seq: number;
  number: string;
  code: string;
  visit_id: string | null;
  assessment_id: string | null;
  cooperative_id: string | null;
  title: string;
  status: string; // CURRENT | SUPERSEDED | CANCELLED
  supersedes_id: string | null;
  pdf: Buffer;
  sha256: string;
  size: number;
  issued_at: string;
  issued_by: string | null;
  issuer_name: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}
