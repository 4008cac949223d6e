import { jakartaYear } from '../../domain/dates.js';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { FinancialStatementTable } from '../../db/schema.js';
import { diff } from '../../domain/cooperative.js';
import { AppError, invalid } from '../../domain/errors.js';
import { KSP_2016 } from '../../domain/rubrics/ksp-2016.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { getCooperative } from '../cooperatives/get-cooperative.js';
import { loadCooperative } from '../cooperatives/view.js';
import { authorize, cooperativePolicy, guardManage } from '../policy/index.js';
import { deletedRecord } from '../audit/deleted-record.js';
import { isBalanced } from '../../domain/desk/quorum.js';
import type { VerificationState } from '../../domain/desk/verification.js';
import { fileForVerification, stateOr, verificationStates } from '../desk/verifications.js';

/** The statement holds the input lines of the financial rubric (ksp-2016), by code, in rupiah. */
export const STATEMENT_LINES = KSP_2016.inputSections.flatMap((s) => s.lines.map((l) => l.code));
const KNOWN = new Set(STATEMENT_LINES);

export interface FinancialStatement {
  id: string;
  cooperativeId: string;
  fiscalYear: number;
  lines: Record<string, number>;
  source: 'FORM' | 'XLSX';
  /** Total assets equal total liabilities and equity within Rp1 (null when either line is missing). */
  balanced: boolean | null;
  verification: VerificationState;
  missing: string[];
  version: number;
  updatedAt: string;
}

export function statementView(
  r: Selectable<FinancialStatementTable>,
  verification: VerificationState = { status: 'VERIFIED' },
): FinancialStatement {
  const lines = JSON.parse(r.lines) as Record<string, number>;
  return {
    id: r.id,
    cooperativeId: r.cooperative_id,
    fiscalYear: r.fiscal_year,
    lines,
    source: r.source as 'FORM' | 'XLSX',
    balanced:
      lines.totalAset === undefined || lines.totalPasiva === undefined
        ? null
        : isBalanced(lines.totalAset, lines.totalPasiva),
    verification,
    missing: STATEMENT_LINES.filter((l) => lines[l] === undefined),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function checkLines(lines: Record<string, unknown>): Record<string, number> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(lines)) {
    if (!KNOWN.has(k)) fields[`lines.${k}`] = 'Pos laporan keuangan tidak dikenal.';
    else if (typeof v !== 'number' || !Number.isInteger(v)) fields[`lines.${k}`] = 'Harus bilangan bulat rupiah.';
    else if (v < 0) fields[`lines.${k}`] = 'Tidak boleh negatif; isi 0 bila tidak ada.';
    else if (v > 1e15) fields[`lines.${k}`] = 'Nilai terlalu besar.';
  }
  if (Object.keys(fields).length) throw invalid(fields);
  return lines as Record<string, number>;
}

export async function listStatements(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
): Promise<FinancialStatement[]> {
  await getCooperative(deps, actor, cooperativeId);
  const rows = await deps.db.kysely
    .selectFrom('financial_statements')
    .selectAll()
    .where('cooperative_id', '=', cooperativeId)
    .orderBy('fiscal_year', 'desc')
    .execute();
  const states = await verificationStates(
    deps.db.kysely,
    'FINANCIAL_STATEMENT',
    rows.map((r) => r.id),
  );
  return rows.map((r) => statementView(r, stateOr(states, r.id)));
}

/** Creates or replaces the statement of one fiscal year (petugas, admin, or the cooperative itself). */
export async function putStatement(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  fiscalYear: number,
  input: { lines: Record<string, unknown>; source?: 'FORM' | 'XLSX'; version?: number },
): Promise<FinancialStatement> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  const lines = checkLines(input.lines);
  if (fiscalYear > jakartaYear(deps.now())) throw invalid({ fiscalYear: 'Tahun buku tidak boleh di masa depan.' });
  return mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    authorize(cooperativePolicy.editDetails, actor, coop);
    const existing = await trx
      .selectFrom('financial_statements')
      .selectAll()
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
    const at = deps.now().toISOString();
    if (existing && input.version !== undefined && input.version !== existing.version) {
      throw new AppError(
        'CONFLICT',
        'Laporan keuangan ini sudah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.',
      );
    }
    const before = existing ? (JSON.parse(existing.lines) as Record<string, number>) : null;
    const id = existing?.id ?? randomUUID();
    if (existing) {
      await trx
        .updateTable('financial_statements')
        .set({
          lines: JSON.stringify(lines),
          source: input.source ?? 'FORM',
          version: existing.version + 1,
          updated_at: at,
          updated_by: actor.userId,
        })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('financial_statements')
        .values({
          id,
          cooperative_id: cooperativeId,
          fiscal_year: fiscalYear,
          lines: JSON.stringify(lines),
          source: input.source ?? 'FORM',
          version: 1,
          created_at: at,
          updated_at: at,
          updated_by: actor.userId,
        })
        .execute();
    }
    const allKeys = Object.fromEntries(
      [...new Set([...Object.keys(before ?? {}), ...Object.keys(lines)])].map((k) => [k, lines[k] ?? null]),
    );
    await audit({
      action: existing ? 'statement.update' : 'statement.create',
      entityType: 'financial_statement',
      entityId: id,
      cooperativeId,
      changes: { fiscalYear: { before: existing ? fiscalYear : null, after: fiscalYear }, ...diff(before, allKeys) },
    });
    await fileForVerification(trx, deps, actor, audit, {
      cooperativeId,
      kind: 'FINANCIAL_STATEMENT',
      entityId: id,
      fiscalYear,
      summary: `Laporan keuangan tahun buku ${fiscalYear} (${Object.keys(lines).length} pos)`,
      previous: before,
    });
    const states = await verificationStates(trx, 'FINANCIAL_STATEMENT', [id]);
    return statementView(
      await trx.selectFrom('financial_statements').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      stateOr(states, id),
    );
  });
}

/** Removes a statement that no assessment used; one that was scored stays as the record of that score. */
export async function deleteStatement(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  fiscalYear: number,
): Promise<void> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  await mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    authorize(cooperativePolicy.editDetails, actor, coop);
    const row = await trx
      .selectFrom('financial_statements')
      .selectAll()
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `Laporan keuangan tahun buku ${fiscalYear} tidak ditemukan.`);
    const used = await trx.selectFrom('assessments').select('id').where('statement_id', '=', row.id).executeTakeFirst();
    if (used)
      throw new AppError(
        'CONFLICT',
        'Laporan keuangan ini sudah dipakai dalam penilaian; tidak dapat dihapus. Simpan perbaikan sebagai isi baru.',
      );
    await trx.deleteFrom('financial_statements').where('id', '=', row.id).execute();
    await audit({
      action: 'statement.delete',
      entityType: 'financial_statement',
      entityId: row.id,
      cooperativeId,
      changes: { fiscalYear: { before: fiscalYear, after: null }, ...deletedRecord('financial_statements', row) },
    });
  });
}
