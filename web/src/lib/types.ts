export type Role = 'admin' | 'pimpinan' | 'petugas' | 'koperasi';
export type Bidang = 'koperasi' | 'usaha_mikro' | 'perindustrian';

export interface Me {
  id: string | number;
  username: string;
  fullName: string;
  role: Role;
  bidang: Bidang | null;
  cooperativeId: string | number | null;
  cooperativeName: string | null;
  mustChangePassword: boolean;
}

export interface CodeLabel {
  code: string;
  label: string;
}

export interface Meta {
  types: CodeLabel[];
  groups: CodeLabel[];
  schemes: CodeLabel[];
  statuses: CodeLabel[];
  officerRoles: CodeLabel[];
  roles: CodeLabel[];
  bidang: CodeLabel[];
  unitStatuses: CodeLabel[];
  sectors?: CodeLabel[];
  unitSectors?: CodeLabel[];
  actions?: CodeLabel[];
  entityTypes?: CodeLabel[];
  regency: { code: string; name: string };
  bbox: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  regionSource?: string | null;
  office?: { id: string; name: string; shortName: string; area: string; hasLogo: boolean };
}

export interface Region {
  code: string;
  name: string;
}

export interface Village extends Region {
  kind: 'DESA' | 'KELURAHAN';
}

export type Id = string | number;

export interface CoopListItem {
  id: Id;
  name: string;
  nik: string | null;
  type: string;
  group: string;
  scheme: string | null;
  status: string;
  district: Region;
  village: Region;
  membersMale: number | null;
  membersFemale: number | null;
  updatedAt: string;
}

export interface Officer {
  role: string;
  name: string;
  phone?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
}

export interface CoopInput {
  name: string;
  type: string;
  group: string;
  districtCode: string;
  villageCode: string;
  nik?: string | null;
  legalEntityNumber?: string | null;
  legalEntityDate?: string | null;
  legalEntityAmendmentDate?: string | null;
  scheme?: string | null;
  status?: 'AKTIF' | 'TIDAK_AKTIF';
  street?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string | null;
  email?: string | null;
  simkopdesId?: string | null;
  membersMale?: number | null;
  membersFemale?: number | null;
  employeesMale?: number | null;
  employeesFemale?: number | null;
  officers?: Officer[];
}

export interface Coop extends Omit<CoopInput, 'status'> {
  id: Id;
  district: Region;
  village: Region;
  status: string;
  dissolvedReason: string | null;
  dissolvedAt: string | null;
  /** The last change of officers the cooperative filed; while it waits, `official` are the ones that count (issue 13). */
  officersVerification?: import('./desk').Verification & { official?: Officer[] };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Figure {
  fiscalYear: number;
  assets: number | null;
  ownCapital: number | null;
  externalCapital: number | null;
  businessVolume: number | null;
  shu: number | null;
  membersMale?: number | null;
  membersFemale?: number | null;
  /** Filed by the cooperative and not yet verified: shown, not counted (issue 13). */
  verification?: import('./desk').Verification;
}

export interface UnitPermits {
  nib?: string | null;
  pirt?: string | null;
  halal?: string | null;
}

export interface Unit {
  id: Id;
  name: string;
  sector: string;
  status: 'EXISTING' | 'PLANNED';
  turnover: number | null;
  employees: number | null;
  permits: UnitPermits | null;
  needs: string | null;
}

export type UnitInput = Omit<Unit, 'id'>;

export interface User {
  id: Id;
  /** Where notices are e-mailed (issue #14). */
  email?: string | null;
  username: string;
  fullName: string;
  role: Role;
  bidang: Bidang | null;
  cooperative: { id: Id; name: string } | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  nip?: string | null;
  rank?: string | null;
  position?: string | null;
}

export interface Change {
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  id: Id;
  at: string;
  actor: { id: Id; username: string; fullName: string } | null;
  action: string;
  entityType: string;
  entityId: Id | null;
  cooperativeId: Id | null;
  cooperativeName: string | null;
  changes: Record<string, Change> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
