import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { BusinessUnitTable } from '../../db/schema.js';
import type { UnitSector, UnitStatus } from '../../domain/codes.js';
import { diff, normaliseSpaces } from '../../domain/cooperative.js';
import { AppError, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import { authorize, cooperativePolicy, guardManage } from '../policy/index.js';
import { getCooperative } from './get-cooperative.js';
import { loadCooperative } from './view.js';
import { deletedRecord } from '../audit/deleted-record.js';

export interface BusinessUnitFields {
  name: string;
  sector: UnitSector;
  status: UnitStatus;
  turnover: number | null;
  employees: number | null;
  permits: { nib: string | null; pirt: string | null; halal: string | null };
  needs: string | null;
}
export interface BusinessUnit extends BusinessUnitFields {
  id: string;
}

function view(r: Selectable<BusinessUnitTable>): BusinessUnit {
  return {
    id: r.id,
    name: r.name,
    sector: r.sector as UnitSector,
    status: r.status as UnitStatus,
    turnover: r.turnover,
    employees: r.employees,
    permits: { nib: r.permit_nib, pirt: r.permit_pirt, halal: r.permit_halal },
    needs: r.needs,
  };
}

function columns(f: BusinessUnitFields) {
  return {
    name: normaliseSpaces(f.name),
    sector: f.sector,
    status: f.status,
    turnover: f.turnover,
    employees: f.employees,
    permit_nib: f.permits.nib,
    permit_pirt: f.permits.pirt,
    permit_halal: f.permits.halal,
    needs: f.needs,
  };
}

export async function listBusinessUnits(deps: AppDeps, actor: Actor, cooperativeId: string): Promise<BusinessUnit[]> {
  await getCooperative(deps, actor, cooperativeId);
  const rows = await deps.db.kysely
    .selectFrom('business_units')
    .selectAll()
    .where('cooperative_id', '=', cooperativeId)
    .orderBy('created_at')
    .execute();
  return rows.map(view);
}

async function editable(deps: AppDeps, actor: Actor, trx: Tx, cooperativeId: string) {
  const coop = await loadCooperative(trx, cooperativeId);
  authorize(cooperativePolicy.editDetails, actor, coop);
  if (coop.status === 'DIBUBARKAN')
    throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; datanya tidak dapat diubah lagi.');
}

async function loadUnit(trx: Tx, cooperativeId: string, unitId: string) {
  const row = await trx
    .selectFrom('business_units')
    .selectAll()
    .where('id', '=', unitId)
    .where('cooperative_id', '=', cooperativeId)
    .executeTakeFirst();
  if (!row) throw notFound('Unit usaha');
  return row;
}

export async function createBusinessUnit(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  input: BusinessUnitFields,
): Promise<BusinessUnit> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    await editable(deps, actor, trx, cooperativeId);
    const id = randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('business_units')
      .values({ id, cooperative_id: cooperativeId, ...columns(input), created_at: at, updated_at: at })
      .execute();
    await audit({
      action: 'business_unit.create',
      entityType: 'business_unit',
      entityId: id,
      cooperativeId,
      changes: diff(null, { ...input }),
    });
    return view(await loadUnit(trx, cooperativeId, id));
  });
}

export async function updateBusinessUnit(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  unitId: string,
  patch: Partial<BusinessUnitFields>,
): Promise<BusinessUnit> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    await editable(deps, actor, trx, cooperativeId);
    const current = view(await loadUnit(trx, cooperativeId, unitId));
    const { id: _id, ...currentFields } = current;
    const clean = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<BusinessUnitFields>;
    const next: BusinessUnitFields = {
      ...currentFields,
      ...clean,
      permits: { ...currentFields.permits, ...clean.permits },
    };
    const changes = diff(currentFields as unknown as Record<string, unknown>, {
      ...clean,
      ...(clean.permits ? { permits: next.permits } : {}),
    });
    if (Object.keys(changes).length === 0) return current;
    await trx
      .updateTable('business_units')
      .set({ ...columns(next), updated_at: deps.now().toISOString() })
      .where('id', '=', unitId)
      .execute();
    await audit({
      action: 'business_unit.update',
      entityType: 'business_unit',
      entityId: unitId,
      cooperativeId,
      changes: { name: { before: current.name, after: next.name }, ...changes },
    });
    return view(await loadUnit(trx, cooperativeId, unitId));
  });
}

export async function deleteBusinessUnit(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  unitId: string,
): Promise<void> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  await mutate(deps, actor, async (trx, audit) => {
    await editable(deps, actor, trx, cooperativeId);
    const current = view(await loadUnit(trx, cooperativeId, unitId));
    const row = await trx.selectFrom('business_units').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow();
    await trx.deleteFrom('business_units').where('id', '=', unitId).execute();
    await audit({
      action: 'business_unit.delete',
      entityType: 'business_unit',
      entityId: unitId,
      cooperativeId,
      changes: { name: { before: current.name, after: null }, ...deletedRecord('business_units', row) },
    });
  });
}
