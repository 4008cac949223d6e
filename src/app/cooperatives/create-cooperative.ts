import { randomUUID } from 'node:crypto';
import { diff } from '../../domain/cooperative.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, type AppDeps, type Audit, type AuditInput, mutate } from '../context.js';
import { authorize, cooperativePolicy } from '../policy/index.js';
import { validateCooperative } from './validate-cooperative.js';
import { type Cooperative, type CooperativeFields, loadCooperative } from './view.js';
import { officerRows, rowOf } from './write-cooperative.js';
import { officeForNewCooperative } from '../offices/ownership.js';

export type CreateCooperativeInput = Pick<
  CooperativeFields,
  'name' | 'type' | 'group' | 'districtCode' | 'villageCode'
> &
  Partial<Omit<CooperativeFields, 'status'>> & { status?: 'AKTIF' | 'TIDAK_AKTIF'; id?: string };

export async function createCooperative(
  deps: AppDeps,
  actor: Actor,
  input: CreateCooperativeInput,
): Promise<Cooperative> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat menambah koperasi.');
  return mutate(deps, actor, async (trx, audit) => {
    const id = await insertCooperative(deps, actor, trx, audit, input);
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

/** Validates and inserts one cooperative inside the caller's transaction. */
export async function insertCooperative(
  deps: AppDeps,
  actor: Actor,
  trx: Transaction<Database>,
  audit: Audit,
  input: CreateCooperativeInput,
  action = 'cooperative.create',
): Promise<string> {
  const [id] = await insertCooperatives(deps, actor, trx, audit, [input], action);
  return id!;
}

/** About 30 columns a cooperative: 200 rows a statement stay below SQLite's bound-parameter limit. */
const COOPERATIVES_PER_INSERT = 200;

/**
 * Validates every cooperative (each against the database, as one would be) and inserts them,
 * their officers and their audit events in a few multi-row statements inside the caller's
 * transaction: an import of 20,000 rows is one transaction, not 100,000 round trips.
 */
export async function insertCooperatives(
  deps: AppDeps,
  actor: Actor,
  trx: Transaction<Database>,
  audit: Audit,
  inputs: CreateCooperativeInput[],
  action = 'cooperative.create',
): Promise<string[]> {
  const at = deps.now().toISOString();
  const rows = [];
  const officers = [];
  const events: AuditInput[] = [];
  const seenNiks = new Set<string>();
  // Every NIK of the batch asked in one query instead of one query a row.
  const niks = inputs.map((i) => i.nik).filter((n): n is string => !!n);
  const holders = new Map<string, string>();
  for (let i = 0; i < niks.length; i += 500) {
    const found = await trx
      .selectFrom('cooperatives')
      .select(['nik', 'name'])
      .where('nik', 'in', niks.slice(i, i + 500))
      .execute();
    for (const h of found) holders.set(h.nik!, h.name);
  }
  for (const input of inputs) {
    const fields = newCooperativeFields(input);
    const id = input.id ?? randomUUID();
    await validateCooperative(deps, trx, fields, null, { nikChecked: true, officeId: actor.officeId });
    const holder = fields.nik ? holders.get(fields.nik) : undefined;
    if (holder)
      throw new AppError('CONFLICT', 'NIK ini sudah terdaftar untuk koperasi lain.', {
        nik: `NIK sudah dipakai oleh ${holder}.`,
      });
    // Rows of this batch are not in the table yet: a NIK twice in the batch is the same conflict.
    if (fields.nik && seenNiks.has(fields.nik))
      throw new AppError('CONFLICT', 'NIK ini sudah terdaftar untuk koperasi lain.', { nik: 'NIK dipakai dua kali.' });
    if (fields.nik) seenNiks.add(fields.nik);
    rows.push({
      id,
      ...rowOf(fields),
      ...(await officeForNewCooperative(trx, actor, fields.districtCode).then((o) => ({
        office_id: o.officeId,
        authority_level: o.authorityLevel,
      }))),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    officers.push(...officerRows(id, fields.officers));
    events.push({
      action,
      entityType: 'cooperative',
      entityId: id,
      cooperativeId: id,
      changes: diff(null, { ...fields }),
    });
  }
  for (let i = 0; i < rows.length; i += COOPERATIVES_PER_INSERT) {
    await trx
      .insertInto('cooperatives')
      .values(rows.slice(i, i + COOPERATIVES_PER_INSERT))
      .execute();
  }
  for (let i = 0; i < officers.length; i += COOPERATIVES_PER_INSERT) {
    await trx
      .insertInto('cooperative_officers')
      .values(officers.slice(i, i + COOPERATIVES_PER_INSERT))
      .execute();
  }
  await audit.many(events);
  return rows.map((r) => r.id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'id')) as Partial<T>;
}
