import type {
  AuditEventOut,
  CooperativeListItemOut,
  CooperativeOut,
  FigureOut,
  MeOut,
  Page,
  UnitOut,
  UserOut,
} from '@contract/common';

export type { Bidang, Role } from '@domain/codes';

/** GET /api/v1/auth/me (src/contract/common.ts: meOut). */
export type Me = MeOut;

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

export type CoopListItem = CooperativeListItemOut;

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

/** A cooperative as served (src/contract/common.ts: cooperativeOut). */
export type Coop = CooperativeOut;

/** Yearly figures as served; the form edits one without its `verification` (the server sets it). */
export type Figure = Omit<FigureOut, 'verification'> & Partial<Pick<FigureOut, 'verification'>>;

export type UnitPermits = UnitOut['permits'];

export type Unit = UnitOut;

/** The unit form's state: a unit without its id, the sector as picked (a code of UNIT_SECTORS). */
export type UnitInput = Omit<Unit, 'id' | 'sector'> & { sector: string };

export type User = UserOut;

export type Change = AuditEventOut['changes'][string];

export type AuditEvent = AuditEventOut;

export type { Page };
