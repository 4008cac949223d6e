import type { Selectable } from 'kysely';
import type { CooperativeTable, OfficerTable } from '../../db/schema.js';
import type { AuthorityLevel, CoopGroup, CoopStatus, CoopType, OfficerRole, Scheme } from '../../domain/codes.js';
import { notFound } from '../../domain/errors.js';
import type { Tx } from '../context.js';

export interface Officer {
  role: OfficerRole;
  name: string;
  phone: string | null;
  termStart: string | null;
  termEnd: string | null;
}

/** The editable fields of a cooperative, as the API names them. */
export interface CooperativeFields {
  name: string;
  nik: string | null;
  legalEntityNumber: string | null;
  legalEntityDate: string | null;
  legalEntityAmendmentDate: string | null;
  type: CoopType;
  group: CoopGroup;
  scheme: Scheme;
  status: CoopStatus;
  street: string | null;
  districtCode: string;
  villageCode: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  simkopdesId: string | null;
  membersMale: number;
  membersFemale: number;
  employeesMale: number;
  employeesFemale: number;
  officers: Officer[];
}

/**
 * The state of the last change of officers a cooperative filed. While it waits, `official` lists the
 * officers that stood before it: those are the ones that count (papers, reports) until it is verified.
 */
export interface OfficersVerification {
  status: 'PENDING' | 'VERIFIED' | 'RETURNED';
  reason?: string;
  official?: Officer[];
}

export interface Cooperative extends CooperativeFields {
  id: string;
  officersVerification: OfficersVerification;
  district: { code: string; name: string };
  village: { code: string; name: string };
  dissolvedReason: string | null;
  dissolvedAt: string | null;
  /** Issue 11: the supervising tier and the office that holds the cooperative. */
  authorityLevel: AuthorityLevel;
  officeId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function fieldsOf(row: Selectable<CooperativeTable>, officers: Selectable<OfficerTable>[]): CooperativeFields {
  return {
    name: row.name,
    nik: row.nik,
    legalEntityNumber: row.legal_entity_number,
    legalEntityDate: row.legal_entity_date,
    legalEntityAmendmentDate: row.legal_entity_amendment_date,
    type: row.type as CoopType,
    group: row.group_code as CoopGroup,
    scheme: row.scheme as Scheme,
    status: row.status as CoopStatus,
    street: row.street,
    districtCode: row.district_code,
    villageCode: row.village_code,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    phone: row.phone,
    email: row.email,
    simkopdesId: row.simkopdes_id,
    membersMale: row.members_male,
    membersFemale: row.members_female,
    employeesMale: row.employees_male,
    employeesFemale: row.employees_female,
    officers: officers
      .sort((a, b) => a.position - b.position)
      .map((o) => ({
        role: o.role as OfficerRole,
        name: o.name,
        phone: o.phone,
        termStart: o.term_start,
        termEnd: o.term_end,
      })),
  };
}

/** Loads one cooperative with its officers and region names; NOT_FOUND when missing. */
export async function loadCooperative(db: Tx, id: string): Promise<Cooperative> {
  const row = await db
    .selectFrom('cooperatives as c')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .innerJoin('villages as v', 'v.code', 'c.village_code')
    .selectAll('c')
    .select(['d.name as district_name', 'v.name as village_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Koperasi');
  const officers = await db.selectFrom('cooperative_officers').selectAll().where('cooperative_id', '=', id).execute();
  const filing = await db
    .selectFrom('verifications')
    .select(['status', 'reason', 'previous'])
    .where('kind', '=', 'OFFICERS')
    .where('entity_id', '=', id)
    .executeTakeFirst();
  return {
    id: row.id,
    ...fieldsOf(row, officers),
    officersVerification: officersVerificationOf(filing),
    district: { code: row.district_code, name: row.district_name },
    village: { code: row.village_code, name: row.village_name },
    dissolvedReason: row.dissolved_reason,
    dissolvedAt: row.dissolved_at,
    authorityLevel: (row.authority_level ?? 'KABUPATEN') as AuthorityLevel,
    officeId: row.office_id ?? null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function officersVerificationOf(
  filing: { status: string; reason: string | null; previous: string | null } | undefined,
): OfficersVerification {
  if (!filing || filing.status === 'VERIFIED') return { status: 'VERIFIED' };
  if (filing.status === 'RETURNED') return { status: 'RETURNED', ...(filing.reason ? { reason: filing.reason } : {}) };
  const previous = filing.previous ? (JSON.parse(filing.previous) as { officers?: Officer[] }) : null;
  return { status: 'PENDING', official: previous?.officers ?? [] };
}

/** The officers that count: the verified (or Dinas-entered) ones, not a change still waiting for verification. */
export const officialOfficers = (c: Pick<Cooperative, 'officers' | 'officersVerification'>): Officer[] =>
  c.officersVerification.official ?? c.officers;
