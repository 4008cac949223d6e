import { jakartaYear } from '../../domain/dates.js';
import { randomUUID } from 'node:crypto';
import { diff } from '../../domain/cooperative.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import type { Selectable, Transaction } from 'kysely';
import { STAFF_ENTERED, type VerificationState } from '../../domain/desk/verification.js';
import { fileForVerification, stateOr, verificationStates } from '../desk/verifications.js';
import type { Database, YearlyFigureTable } from '../../db/schema.js';
import { type Actor, type AppDeps, type AuditInput, mutate } from '../context.js';
import { authorize, cooperativePolicy, guardManage } from '../policy/index.js';
import { getCooperative } from './get-cooperative.js';
import { loadCooperative } from './view.js';
import { deletedRecord } from '../audit/deleted-record.js';

export interface YearlyFigures {
  assets: number | null;
  ownCapital: number | null;
  externalCapital: number | null;
  businessVolume: number | null;
  shu: number | null;
  membersMale: number | null;
  membersFemale: number | null;
}
export interface YearlyFigure extends YearlyFigures {
  fiscalYear: number;
  verification: VerificationState;
}

export async function listYearlyFigures(deps: AppDeps, actor: Actor, cooperativeId: string): Promise<YearlyFigure[]> {
  await getCooperative(deps, actor, cooperativeId);
  const rows = await deps.db.kysely
    .selectFrom('yearly_figures')
    .selectAll()
    .where('cooperative_id', '=', cooperativeId)
    .orderBy('fiscal_year', 'desc')
    .execute();
  const states = await verificationStates(
    deps.db.kysely,
    'YEARLY_FIGURES',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, ...figuresOf(r), verification: stateOr(states, r.id) }));
}

const figuresOf = (r: Selectable<YearlyFigureTable>): YearlyFigures => ({
  assets: r.assets === null ? null : Number(r.assets),
  ownCapital: r.own_capital === null ? null : Number(r.own_capital),
  externalCapital: r.external_capital === null ? null : Number(r.external_capital),
  businessVolume: r.business_volume === null ? null : Number(r.business_volume),
  shu: r.shu === null ? null : Number(r.shu),
  membersMale: r.members_male,
  membersFemale: r.members_female,
});

export async function putYearlyFigures(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  fiscalYear: number,
  input: YearlyFigures,
): Promise<YearlyFigure> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  const thisYear = jakartaYear(deps.now());
  if (fiscalYear > thisYear) throw invalid({ fiscalYear: `Tahun buku tidak boleh melewati ${thisYear}.` });
  return mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    authorize(cooperativePolicy.editDetails, actor, coop);
    if (coop.status === 'DIBUBARKAN')
      throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; datanya tidak dapat diubah lagi.');
    const before = await trx
      .selectFrom('yearly_figures')
      .selectAll()
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
    await upsertYearlyFigures(deps, trx, audit, cooperativeId, fiscalYear, input);
    const row = await trx
      .selectFrom('yearly_figures')
      .select('id')
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirstOrThrow();
    await fileForVerification(trx, deps, actor, audit, {
      cooperativeId,
      kind: 'YEARLY_FIGURES',
      entityId: row.id,
      fiscalYear,
      summary: `Data tahun buku ${fiscalYear}: aset ${input.assets === null ? '–' : `Rp${input.assets.toLocaleString('id-ID')}`}, SHU ${input.shu === null ? '–' : `Rp${input.shu.toLocaleString('id-ID')}`}`,
      previous: before ? { ...figuresOf(before) } : null,
    });
    const state = (await verificationStates(trx, 'YEARLY_FIGURES', [row.id])).get(row.id);
    return { fiscalYear, ...input, verification: state ?? STAFF_ENTERED };
  });
}

/** Writes one year's figures inside the caller's transaction, with its audit event (imports write many). */
export async function upsertYearlyFigures(
  deps: AppDeps,
  trx: Transaction<Database>,
  audit: (e: AuditInput) => Promise<void>,
  cooperativeId: string,
  fiscalYear: number,
  input: YearlyFigures,
  action?: string,
): Promise<void> {
  const existing = await trx
    .selectFrom('yearly_figures')
    .selectAll()
    .where('cooperative_id', '=', cooperativeId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  const values = {
    assets: input.assets,
    own_capital: input.ownCapital,
    external_capital: input.externalCapital,
    business_volume: input.businessVolume,
    shu: input.shu,
    members_male: input.membersMale,
    members_female: input.membersFemale,
    updated_at: deps.now().toISOString(),
  };
  const before = existing
    ? {
        assets: existing.assets,
        ownCapital: existing.own_capital,
        externalCapital: existing.external_capital,
        businessVolume: existing.business_volume,
        shu: existing.shu,
        membersMale: existing.members_male,
        membersFemale: existing.members_female,
      }
    : null;
  const changes = diff(before, { ...input });
  if (existing) {
    await trx.updateTable('yearly_figures').set(values).where('id', '=', existing.id).execute();
  } else {
    await trx
      .insertInto('yearly_figures')
      .values({ id: randomUUID(), cooperative_id: cooperativeId, fiscal_year: fiscalYear, ...values })
      .execute();
  }
  if (Object.keys(changes).length > 0) {
    await audit({
      action: action ?? (existing ? 'figures.update' : 'figures.create'),
      entityType: 'yearly_figures',
      entityId: `${cooperativeId}:${fiscalYear}`,
      cooperativeId,
      changes: { fiscalYear: { before: existing ? fiscalYear : null, after: fiscalYear }, ...changes },
    });
  }
}

export async function deleteYearlyFigures(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  fiscalYear: number,
): Promise<void> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  await mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    authorize(cooperativePolicy.editDetails, actor, coop);
    const existing = await trx
      .selectFrom('yearly_figures')
      .selectAll()
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
    if (!existing) throw notFound(`Data tahun buku ${fiscalYear}`);
    await trx.deleteFrom('yearly_figures').where('id', '=', existing.id).execute();
    await audit({
      action: 'figures.delete',
      entityType: 'yearly_figures',
      entityId: `${cooperativeId}:${fiscalYear}`,
      cooperativeId,
      changes: {
        fiscalYear: { before: fiscalYear, after: null },
        assets: { before: existing.assets, after: null },
        shu: { before: existing.shu, after: null },
        ...deletedRecord('yearly_figures', existing),
      },
    });
  });
}
