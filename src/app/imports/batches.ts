import { randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, type AuditInput, mutate } from '../context.js';
import type { YearlyFigures } from '../cooperatives/yearly-figures.js';
import {
  authorize,
  cooperativePolicy,
  importPolicy,
  managesOffice,
  officeFilter,
  readsOffice,
} from '../policy/index.js';

/**
 * Every XLSX import is one batch: a row in `import_batches` plus an `import.batch` audit event,
 * written in the import's own transaction. An admin may undo a whole batch within UNDO_DAYS, as long
 * as nothing has been done since to what it wrote (then undoing would destroy later work, and the
 * undo is refused naming how many records were touched).
 */
export const UNDO_DAYS = 7;
export type ImportKind = 'cooperatives' | 'figures';

export type UndoItem =
  | { t: 'coop'; id: string }
  | { t: 'figures'; cooperativeId: string; fiscalYear: number; before: YearlyFigures | null; after: YearlyFigures };

export interface ImportBatchView {
  id: string;
  kind: ImportKind;
  actorName: string;
  createdAt: string;
  fileName: string | null;
  rows: number;
  summary: Record<string, number>;
  undoneAt: string | null;
  undoneBy: string | null;
  /** Until when an admin may undo it (null once undone). */
  undoableUntil: string | null;
}

export async function recordBatch(
  deps: AppDeps,
  actor: Actor,
  trx: Transaction<Database>,
  audit: (e: AuditInput) => Promise<void>,
  batch: { kind: ImportKind; fileName: string | null; rows: number; summary: Record<string, number>; undo: UndoItem[] },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('import_batches')
    .values({
      id,
      kind: batch.kind,
      actor_id: actor.userId,
      actor_name: actor.userId ? actor.username : actor.fullName,
      created_at: deps.now().toISOString(),
      file_name: batch.fileName,
      rows: batch.rows,
      summary: JSON.stringify(batch.summary),
      undo: JSON.stringify(batch.undo),
      undone_at: null,
      undone_by: null,
      office_id: actor.officeId,
    })
    .execute();
  await audit({
    action: 'import.batch',
    entityType: 'import_batch',
    entityId: id,
    cooperativeId: null,
    changes: {
      kind: { before: null, after: batch.kind },
      rows: { before: null, after: batch.rows },
      ...summaryChanges(batch.summary),
    },
  });
  return id;
}

function summaryChanges(summary: Record<string, number>) {
  return Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, { before: null, after: v }]));
}

type BatchRow = Selectable<Database['import_batches']>;

function view(deps: AppDeps, b: BatchRow): ImportBatchView {
  const until = new Date(Date.parse(b.created_at) + UNDO_DAYS * 86_400_000).toISOString();
  return {
    id: b.id,
    kind: b.kind as ImportKind,
    actorName: b.actor_name,
    createdAt: b.created_at,
    fileName: b.file_name,
    rows: Number(b.rows),
    summary: JSON.parse(b.summary) as Record<string, number>,
    undoneAt: b.undone_at,
    undoneBy: b.undone_by,
    undoableUntil: b.undone_at || until < deps.now().toISOString() ? null : until,
  };
}

/** The latest batches, newest first (staff who may import see them; only admin may undo). */
export async function listImportBatches(deps: AppDeps, actor: Actor): Promise<ImportBatchView[]> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat melihat riwayat impor.');
  const rows = await deps.db.kysely
    .selectFrom('import_batches')
    .selectAll()
    .where((eb) => officeFilter(actor, 'office_id') ?? eb.lit(true))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map((r) => view(deps, r));
}

/** Undoes a whole batch in one transaction: created cooperatives removed, figures put back. */
export async function undoImportBatch(deps: AppDeps, actor: Actor, id: string): Promise<ImportBatchView> {
  authorize(importPolicy.undo, actor, null, 'Hanya admin yang dapat membatalkan impor.');
  return mutate(deps, actor, async (trx, audit) => {
    const batch = await trx.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!batch || !readsOffice(actor, batch.office_id)) throw notFound('Impor');
    if (!managesOffice(actor, batch.office_id)) throw forbidden('Impor ini milik kantor lain.');
    const v = view(deps, batch);
    if (batch.undone_at)
      throw new AppError('CONFLICT', `Impor ini sudah dibatalkan pada ${batch.undone_at.slice(0, 10)}.`);
    if (!v.undoableUntil) throw new AppError('CONFLICT', `Impor hanya dapat dibatalkan dalam ${UNDO_DAYS} hari.`);
    const items = JSON.parse(batch.undo) as UndoItem[];
    const coops = items.flatMap((i) => (i.t === 'coop' ? [i.id] : []));
    let touched = 0;
    // Created cooperatives: any audit event on them other than their import means later work.
    for (let i = 0; i < coops.length; i += 500) {
      const chunk = coops.slice(i, i + 500);
      const later = await trx
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cooperative_id', 'in', chunk)
        .where('action', '!=', 'cooperative.import')
        .executeTakeFirstOrThrow();
      touched += Number(later.n);
    }
    const figures = items.flatMap((i) => (i.t === 'figures' ? [i] : []));
    for (const f of figures) {
      const now = await trx
        .selectFrom('yearly_figures')
        .selectAll()
        .where('cooperative_id', '=', f.cooperativeId)
        .where('fiscal_year', '=', f.fiscalYear)
        .executeTakeFirst();
      if (!now || !sameFigures(figuresOf(now), f.after)) touched++;
    }
    if (touched > 0) {
      throw new AppError(
        'CONFLICT',
        `Impor ini tidak dapat dibatalkan: ${touched} data yang diimpornya sudah diubah atau dipakai sesudahnya. Perbaiki lewat formulir.`,
      );
    }
    const at = deps.now().toISOString();
    for (let i = 0; i < coops.length; i += 500) {
      const chunk = coops.slice(i, i + 500);
      const gone = await trx
        .selectFrom('cooperatives')
        .select(['id', 'name', 'nik'])
        .where('id', 'in', chunk)
        .execute();
      try {
        await trx.deleteFrom('cooperative_officers').where('cooperative_id', 'in', chunk).execute();
        await trx.deleteFrom('cooperatives').where('id', 'in', chunk).execute();
      } catch {
        // A record that refers to one of them without an audit event of its own (a foreign key).
        throw new AppError(
          'CONFLICT',
          'Impor ini tidak dapat dibatalkan: koperasi yang diimpornya sudah dipakai oleh data lain.',
        );
      }
      for (const c of gone) {
        await audit({
          action: 'cooperative.import.undo',
          entityType: 'cooperative',
          entityId: c.id,
          cooperativeId: c.id,
          changes: {
            name: { before: c.name, after: null },
            nik: { before: c.nik, after: null },
            importBatch: { before: id, after: null },
          },
        });
      }
    }
    for (const f of figures) {
      const where = trx
        .updateTable('yearly_figures')
        .where('cooperative_id', '=', f.cooperativeId)
        .where('fiscal_year', '=', f.fiscalYear);
      if (f.before) await where.set({ ...columnsOf(f.before), updated_at: at }).execute();
      else
        await trx
          .deleteFrom('yearly_figures')
          .where('cooperative_id', '=', f.cooperativeId)
          .where('fiscal_year', '=', f.fiscalYear)
          .execute();
      const changes = Object.fromEntries(
        (Object.keys(f.after) as (keyof YearlyFigures)[])
          .filter((k) => (f.before?.[k] ?? null) !== f.after[k])
          .map((k) => [k, { before: f.after[k], after: f.before?.[k] ?? null }]),
      );
      await audit({
        action: 'figures.import.undo',
        entityType: 'yearly_figures',
        entityId: `${f.cooperativeId}:${f.fiscalYear}`,
        cooperativeId: f.cooperativeId,
        changes: { fiscalYear: { before: f.fiscalYear, after: f.before ? f.fiscalYear : null }, ...changes },
      });
    }
    await trx
      .updateTable('import_batches')
      .set({ undone_at: at, undone_by: actor.username })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'import.undo',
      entityType: 'import_batch',
      entityId: id,
      cooperativeId: null,
      changes: {
        undoneAt: { before: null, after: at },
        cooperatives: { before: coops.length, after: 0 },
        figures: { before: figures.length, after: 0 },
      },
    });
    return view(deps, { ...batch, undone_at: at, undone_by: actor.username });
  });
}

type FiguresRow = Selectable<Database['yearly_figures']>;

export function figuresOf(
  r: Pick<
    FiguresRow,
    'assets' | 'own_capital' | 'external_capital' | 'business_volume' | 'shu' | 'members_male' | 'members_female'
  >,
): YearlyFigures {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    assets: n(r.assets),
    ownCapital: n(r.own_capital),
    externalCapital: n(r.external_capital),
    businessVolume: n(r.business_volume),
    shu: n(r.shu),
    membersMale: n(r.members_male),
    membersFemale: n(r.members_female),
  };
}

function columnsOf(f: YearlyFigures) {
  return {
    assets: f.assets,
    own_capital: f.ownCapital,
    external_capital: f.externalCapital,
    business_volume: f.businessVolume,
    shu: f.shu,
    members_male: f.membersMale,
    members_female: f.membersFemale,
  };
}

function sameFigures(a: YearlyFigures, b: YearlyFigures): boolean {
  return (Object.keys(b) as (keyof YearlyFigures)[]).every((k) => (a[k] ?? null) === (b[k] ?? null));
}
