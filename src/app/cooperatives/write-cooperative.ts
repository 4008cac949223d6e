import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { CooperativeTable } from '../../db/schema.js';
import { normaliseSpaces, searchText } from '../../domain/cooperative.js';
import type { Tx } from '../context.js';
import type { CooperativeFields, Officer } from './view.js';

/** Column values of the cooperatives row for these fields (without id, version, timestamps). */
export function rowOf(f: CooperativeFields) {
  const name = normaliseSpaces(f.name);
  return {
    name,
    name_search: searchText(name, f.nik),
    nik: f.nik,
    legal_entity_number: f.legalEntityNumber,
    legal_entity_date: f.legalEntityDate,
    legal_entity_amendment_date: f.legalEntityAmendmentDate,
    type: f.type,
    group_code: f.group,
    scheme: f.scheme,
    status: f.status,
    street: f.street,
    district_code: f.districtCode,
    village_code: f.villageCode,
    latitude: f.latitude,
    longitude: f.longitude,
    phone: f.phone,
    email: f.email,
    simkopdes_id: f.simkopdesId,
    members_male: f.membersMale,
    members_female: f.membersFemale,
    employees_male: f.employeesMale,
    employees_female: f.employeesFemale,
  } satisfies Omit<Insertable<CooperativeTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;
}

export async function replaceOfficers(db: Tx, cooperativeId: string, officers: Officer[]): Promise<void> {
  await db.deleteFrom('cooperative_officers').where('cooperative_id', '=', cooperativeId).execute();
  if (officers.length === 0) return;
  await db.insertInto('cooperative_officers').values(officerRows(cooperativeId, officers)).execute();
}

/** A cooperative's officers as table rows, in their order. */
export function officerRows(cooperativeId: string, officers: Officer[]) {
  return officers.map((o, i) => ({
    id: randomUUID(),
    cooperative_id: cooperativeId,
    position: i,
    role: o.role,
    name: normaliseSpaces(o.name),
    phone: o.phone,
    term_start: o.termStart,
    term_end: o.termEnd,
  }));
}
