import type { Generated } from 'kysely';

/**
 * Table types. Conventions, identical on SQLite and PostgreSQL:
 * - keys are text UUIDs (records may be created offline);
 * - timestamps are UTC ISO-8601 text, calendar dates are 'YYYY-MM-DD' text;
 * - booleans are integers 0/1; money is integer rupiah (bigint on PostgreSQL);
 * - JSON is stored as text.
 */
import type { NotificationTables } from './schema-notifications.js';
import type { DocumentTables } from './schema-documents.js';
import type { SyncTables } from './schema-sync.js';
import type { LoginTables } from './schema-login.js';
import type { VisitTables } from './schema-visits.js';
import type { ImportTables } from './schema-imports.js';

import type { DeskTables } from './schema-desk.js';

export interface Database
  extends VisitTables, SyncTables, ImportTables, NotificationTables, LoginTables, DocumentTables, DeskTables {
  provinces: ProvinceTable;
  regencies: RegencyTable;
  districts: DistrictTable;
  villages: VillageTable;
  users: UserTable;
  sessions: SessionTable;
  cooperatives: CooperativeTable;
  cooperative_officers: OfficerTable;
  yearly_figures: YearlyFigureTable;
  business_units: BusinessUnitTable;
  audit_events: AuditEventTable;
  settings: SettingTable;
  rubric_versions: RubricVersionTable;
  financial_statements: FinancialStatementTable;
  assessments: AssessmentTable;
  annual_meetings: AnnualMeetingTable;
}

export interface ProvinceTable {
  code: string;
  name: string;
}
export interface RegencyTable {
  code: string;
  province_code: string;
  name: string;
}
export interface DistrictTable {
  code: string;
  regency_code: string;
  name: string;
}
export interface VillageTable {
  code: string;
  district_code: string;
  name: string;
}

export interface UserTable {
  id: string;
  username: string;
  full_name: string;
  role: string;
  bidang: string | null;
  cooperative_id: string | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** Issue 14: where notices are e-mailed, and the secret of the user's calendar feed. */
  email?: string | null;
  calendar_token?: string | null;
  /** Officers' identity for signature blocks (issue 12): NIP, pangkat/golongan, jabatan. */
  nip: string | null;
  rank: string | null;
  position: string | null;
  /** Issue 11: the office (Dinas) the user works for; null only for `koperasi` users and before start adopts them. */
  office_id?: string | null;
}

export interface SessionTable {
  id: string; // sha-256 of the cookie token
  user_id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface CooperativeTable {
  id: string;
  name: string;
  name_search: string; // lower-cased name and NIK for search
  nik: string | null;
  legal_entity_number: string | null;
  legal_entity_date: string | null;
  legal_entity_amendment_date: string | null;
  type: string;
  group_code: string;
  scheme: string;
  status: string;
  dissolved_reason: string | null;
  dissolved_at: string | null;
  street: string | null;
  district_code: string;
  village_code: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  simkopdes_id: string | null;
  members_male: number;
  members_female: number;
  employees_male: number;
  employees_female: number;
  /** Issue 11: the supervising tier (KABUPATEN | PROVINSI | NASIONAL) and the office that holds the record. */
  authority_level?: string;
  office_id?: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OfficerTable {
  id: string;
  cooperative_id: string;
  position: number;
  role: string;
  name: string;
  phone: string | null;
  term_start: string | null;
  term_end: string | null;
}

export interface YearlyFigureTable {
  id: string;
  cooperative_id: string;
  fiscal_year: number;
  assets: number | null;
  own_capital: number | null;
  external_capital: number | null;
  business_volume: number | null;
  shu: number | null;
  members_male: number | null;
  members_female: number | null;
  updated_at: string;
}

export interface BusinessUnitTable {
  id: string;
  cooperative_id: string;
  name: string;
  sector: string;
  status: string;
  turnover: number | null;
  employees: number | null;
  permit_nib: string | null;
  permit_pirt: string | null;
  permit_halal: string | null;
  needs: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditEventTable {
  id: string;
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  cooperative_id: string | null;
  changes: string; // JSON {field: {before, after}}
  /** Issue 11 (migration 0013): the office of the actor who made the change. */
  office_id?: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RubricVersionTable {
  id: string;
  rubric: string;
  version: number;
  definition: string; // JSON rubric definition
  note: string | null;
  published_at: string;
  published_by: string | null;
}

export interface FinancialStatementTable {
  id: string;
  cooperative_id: string;
  fiscal_year: number;
  lines: string; // JSON {inputLine: rupiah}
  source: string; // FORM | XLSX
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AssessmentTable {
  id: string;
  cooperative_id: string;
  fiscal_year: number;
  rubric: string;
  rubric_version: number;
  statement_id: string | null;
  inputs: string; // JSON snapshot of everything scored
  result: string | null; // JSON score result
  total: number | null;
  category: string | null;
  status: string; // DRAFT | FINAL
  assessor_id: string | null;
  assessor_name: string | null;
  assessed_on: string | null;
  finalized_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AnnualMeetingTable {
  id: string;
  cooperative_id: string;
  fiscal_year: number;
  held_on: string;
  place: string | null;
  members_present: number;
  members_total: number;
  quorum_required: number | null;
  agenda: string; // JSON {item: boolean}
  documents: string | null; // JSON list
  reported_to_ods_on: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
