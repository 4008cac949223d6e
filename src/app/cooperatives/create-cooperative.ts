import { randomUUID } from 'node:crypto';
import { diff } from '../../domain/cooperative.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Actor, type AppDeps, type AuditInput, mutate } from '../context.js';
import { authorize, cooperativePolicy } from '../policy/index.js';
import { validateCooperative } from './validate-cooperative.js';
import { type Cooperative, type CooperativeFields, loadCooperative } from './view.js';
import { replaceOfficers, rowOf } from './write-cooperative.js';
import { officeForDistrict } from '../offices/ownership.js';

export type CreateCooperativeInput = Pick<CooperativeFields, 'name' | 'type' | 'group' | 'districtCode' | 'villageCode'> &
  Partial<Omit<CooperativeFields, 'status'>> & { status?: 'AKTIF' | 'TIDAK_AKTIF'; id?: string };

export async function createCooperative(deps: AppDeps, actor: Actor, input: CreateCooperativeInput): Promise<Cooperative> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat menambah koperasi.');
  return mutate(deps, actor, async (trx, audit) => {
    const id = await insertCooperative(deps, trx, audit, input);
    return loadCooperative(trx, id);
  });
}

/** The defaults of everything a new cooperative does not state. */
export function newCooperativeFields(input: CreateCooperativeInput): CooperativeFields {
  return {
    nik: null,
    legalEntityNumber: null,
    legalEntityDate: null,
    legalEntityAmendmentDate: null,
    scheme: 'KONVENSIONAL',
    status: 'AKTIF',
    street: null,
    latitude: null,
    longitude: null,
    phone: null,
    email: null,
    simkopdesId: null,
    membersMale: 0,
    membersFemale: 0,
    employeesMale: 0,
    employeesFemale: 0,
    officers: [],
    ...stripUndefined(input),
    name: input.name,
    type: input.type,
    group: input.group,
    districtCode: input.districtCode,
    villageCode: input.villageCode,
  };
}

/** Validates and inserts one cooperative inside the caller's transaction (imports insert many in one). */
export async function insertCooperative(
  deps: AppDeps,
  trx: Transaction<Database>,
  audit: (e: AuditInput) => Promise<void>,
  input: CreateCooperativeInput,
  action = 'cooperative.create',
): Promise<string> {
  const fields = newCooperativeFields(input);
  const id = input.id ?? randomUUID();
  await validateCooperative(deps, trx, fields, null);
  const at = deps.now().toISOString();
  await trx
    .insertInto('cooperatives')
    .values({ id, ...rowOf(fields), office_id: await officeForDistrict(trx, fields.districtCode), authority_level: 'KABUPATEN', version: 1, created_at: at, updated_at: at })
    .execute();
  await replaceOfficers(trx, id, fields.officers);
  await audit({ action, entityType: 'cooperative', entityId: id, cooperativeId: id, changes: diff(null, { ...fields }) });
  return id;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'id')) as Partial<T>;
}
