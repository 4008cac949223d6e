import { randomUUID } from 'node:crypto';
import { isBalanced } from '../../domain/desk/quorum.js';
import { verificationStates } from '../desk/verifications.js';
import type { Selectable } from 'kysely';
import type { AssessmentTable } from '../../db/schema.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { validateInput } from '../../domain/rubrics/input.js';
import { scoreAssessment } from '../../domain/rubrics/score.js';
import type { AssessmentInput, AssessmentResult } from '../../domain/rubrics/types.js';
import { type Actor, type AppDeps, mutate, type Tx, todayJakarta } from '../context.js';
import type { Page } from '../cooperatives/list-cooperatives.js';
import { loadCooperative } from '../cooperatives/view.js';
import { assessmentPolicy, authorize, guardCooperative, guardManage, hideAbsence } from '../policy/index.js';
import { loadRubric } from './rubric-versions.js';
import { deletedRecord } from '../audit/deleted-record.js';

import { CATEGORY_CODES } from '../../domain/rubrics/codes.js';

export { CATEGORY_CODES };

export interface Assessment {
  id: string;
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  fiscalYear: number;
  rubric: string;
  rubricVersion: number;
  statementId: string | null;
  /** SUPERSEDED: a final assessment replaced by a later one of the same year and rubric, by an explicit, audited supersede. */
  status: 'DRAFT' | 'FINAL' | 'SUPERSEDED';
  inputs: AssessmentInput;
  result: AssessmentResult | null;
  total: number | null;
  category: string | null;
  assessor: { id: string | null; name: string } | null;
  assessedOn: string | null;
  finalizedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Row = Selectable<AssessmentTable> & { cooperative_name: string; district_code: string; district_name: string };

function view(r: Row): Assessment {
  return {
    id: r.id,
    cooperative: {
      id: r.cooperative_id,
      name: r.cooperative_name,
      district: { code: r.district_code, name: r.district_name },
    },
    fiscalYear: r.fiscal_year,
    rubric: r.rubric,
    rubricVersion: r.rubric_version,
    statementId: r.statement_id,
    status: r.status as 'DRAFT' | 'FINAL' | 'SUPERSEDED',
    inputs: JSON.parse(r.inputs) as AssessmentInput,
    result: r.result ? (JSON.parse(r.result) as AssessmentResult) : null,
    total: r.total === null ? null : Number(r.total),
    category: r.category,
    assessor: r.assessor_name ? { id: r.assessor_id, name: r.assessor_name } : null,
    assessedOn: r.assessed_on,
    finalizedAt: r.finalized_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function base(db: Tx) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('cooperatives as c', 'c.id', 'a.cooperative_id')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .selectAll('a')
    .select(['c.name as cooperative_name', 'c.district_code', 'd.name as district_name']);
}

async function load(db: Tx, id: string): Promise<Assessment> {
  const row = await base(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Penilaian');
  return view(row);
}

export async function getAssessment(deps: AppDeps, actor: Actor, id: string): Promise<Assessment> {
  const a = await load(deps.db.kysely, id).catch(
    hideAbsence(actor, 'Anda hanya dapat melihat penilaian koperasi Anda sendiri.'),
  );
  authorize(assessmentPolicy.read, actor, a, 'Anda hanya dapat melihat penilaian akhir koperasi Anda sendiri.');
  await guardCooperative(deps.db.kysely, actor, a.cooperative.id, 'Penilaian');
  return a;
}

/** A draft for one cooperative and fiscal year on the latest version of a rubric; financial lines come from the statement. */
export async function createAssessment(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  input: { fiscalYear: number; rubric: string; inputs?: AssessmentInput },
): Promise<Assessment> {
  authorize(assessmentPolicy.assess, actor, null, 'Hanya petugas dan admin yang dapat menilai kesehatan koperasi.');
  return mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    if (coop.status === 'DIBUBARKAN')
      throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; tidak dapat dinilai.');
    const rubric = await loadRubric(trx, input.rubric);
    const statement = await trx
      .selectFrom('financial_statements')
      .select(['id', 'lines'])
      .where('cooperative_id', '=', cooperativeId)
      .where('fiscal_year', '=', input.fiscalYear)
      .executeTakeFirst();
    const inputs: AssessmentInput =
      input.inputs ??
      (rubric.method === 'weighted'
        ? { financials: statement ? (JSON.parse(statement.lines) as Record<string, number>) : {}, management: {} }
        : { indicators: {}, checklists: {} });
    const result = scoreAssessment(rubric, inputs);
    const id = randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('assessments')
      .values({
        id,
        cooperative_id: cooperativeId,
        fiscal_year: input.fiscalYear,
        rubric: rubric.id,
        rubric_version: rubric.version,
        statement_id: rubric.method === 'weighted' ? (statement?.id ?? null) : null,
        inputs: JSON.stringify(inputs),
        result: JSON.stringify(result),
        total: result.total,
        category: result.category?.code ?? null,
        status: 'DRAFT',
        assessor_id: actor.userId,
        assessor_name: actor.fullName,
        assessed_on: null,
        finalized_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: id,
      cooperativeId,
      changes: {
        rubric: { before: null, after: `${rubric.id} v${rubric.version}` },
        fiscalYear: { before: null, after: input.fiscalYear },
      },
    });
    return load(trx, id);
  });
}

/** Saves a draft's inputs and its live score; a finalized assessment never changes. */
export async function updateAssessment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { inputs: AssessmentInput; version?: number },
): Promise<Assessment> {
  authorize(assessmentPolicy.assess, actor, null, 'Hanya petugas dan admin yang dapat menilai kesehatan koperasi.');
  return mutate(deps, actor, async (trx, audit) => {
    const current = await load(trx, id);
    await guardManage(trx, actor, current.cooperative.id, 'Penilaian');
    if (current.status !== 'DRAFT')
      throw new AppError(
        'CONFLICT',
        'Penilaian yang sudah final tidak dapat diubah; buat penilaian baru sebagai koreksi.',
      );
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError('CONFLICT', 'Penilaian ini sudah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.');
    }
    const rubric = await loadRubric(trx, current.rubric, current.rubricVersion);
    const result = scoreAssessment(rubric, input.inputs);
    await trx
      .updateTable('assessments')
      .set({
        inputs: JSON.stringify(input.inputs),
        result: JSON.stringify(result),
        total: result.total,
        category: result.category?.code ?? null,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: id,
      cooperativeId: current.cooperative.id,
      changes: { total: { before: current.total, after: result.total } },
    });
    return load(trx, id);
  });
}

/** Finalizes a draft: every input present and valid, every component computable. Immutable afterwards. */
export async function finalizeAssessment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { assessedOn?: string; supersede?: boolean },
): Promise<Assessment> {
  authorize(assessmentPolicy.assess, actor, null, 'Hanya petugas dan admin yang dapat menilai kesehatan koperasi.');
  return mutate(deps, actor, async (trx, audit) => {
    const current = await load(trx, id);
    await guardManage(trx, actor, current.cooperative.id, 'Penilaian');
    if (current.status !== 'DRAFT') throw new AppError('CONFLICT', 'Penilaian ini sudah final.');
    await checkFinalizable(trx, current);
    const rubric = await loadRubric(trx, current.rubric, current.rubricVersion);
    const issues = validateInput(rubric, current.inputs);
    if (issues.length) {
      throw invalid(
        Object.fromEntries(issues.map((i) => [i.field, i.message])),
        'Penilaian belum lengkap: periksa isian yang ditandai.',
      );
    }
    const result = scoreAssessment(rubric, current.inputs);
    if (!result.complete || !result.category) {
      throw invalid(
        Object.fromEntries(result.notComputable.map((n) => [n.component, n.reason])),
        'Ada komponen yang tidak dapat dihitung; penilaian belum dapat difinalkan.',
      );
    }
    const earlier = await trx
      .selectFrom('assessments')
      .select(['id', 'total', 'category'])
      .where('cooperative_id', '=', current.cooperative.id)
      .where('fiscal_year', '=', current.fiscalYear)
      .where('rubric', '=', current.rubric)
      .where('status', '=', 'FINAL')
      .execute();
    if (earlier.length && input.supersede !== true) {
      throw new AppError(
        'CONFLICT',
        `Sudah ada penilaian final tahun buku ${current.fiscalYear} dengan rubrik yang sama. Finalkan dengan "gantikan penilaian lama" bila penilaian ini memang menggantikannya.`,
        { supersede: earlier.map((e) => e.id).join(',') },
      );
    }
    for (const e of earlier) {
      await trx
        .updateTable('assessments')
        .set({ status: 'SUPERSEDED', updated_at: deps.now().toISOString() })
        .where('id', '=', e.id)
        .execute();
      await audit({
        action: 'assessment.supersede',
        entityType: 'assessment',
        entityId: e.id,
        cooperativeId: current.cooperative.id,
        changes: {
          status: { before: 'FINAL', after: 'SUPERSEDED' },
          supersededBy: { before: null, after: id },
          category: { before: e.category, after: e.category },
        },
      });
    }
    const today = todayJakarta(deps);
    const assessedOn = input.assessedOn ?? today;
    if (assessedOn > today) throw invalid({ assessedOn: 'Tanggal penilaian tidak boleh di masa depan.' });
    const at = deps.now().toISOString();
    await trx
      .updateTable('assessments')
      .set({
        status: 'FINAL',
        result: JSON.stringify(result),
        total: result.total,
        category: result.category.code,
        assessor_id: actor.userId,
        assessor_name: actor.fullName,
        assessed_on: assessedOn,
        finalized_at: at,
        version: current.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('status', '=', 'DRAFT')
      .execute();
    await audit({
      action: 'assessment.finalize',
      entityType: 'assessment',
      entityId: id,
      cooperativeId: current.cooperative.id,
      changes: {
        status: { before: 'DRAFT', after: 'FINAL' },
        total: { before: null, after: result.total },
        category: { before: null, after: result.category.label },
        rubric: { before: null, after: `${rubric.id} v${rubric.version}` },
      },
    });
    return load(trx, id);
  });
}

/**
 * The statement an assessment scores must be one the Dinas can stand behind: verified (or entered
 * by the Dinas) and balanced (assets = liabilities + equity within Rp1).
 */
async function checkFinalizable(trx: Tx, a: Assessment): Promise<void> {
  if (a.statementId) {
    const state = (await verificationStates(trx, 'FINANCIAL_STATEMENT', [a.statementId])).get(a.statementId);
    if (state && state.status !== 'VERIFIED') {
      throw new AppError(
        'CONFLICT',
        `Laporan keuangan tahun buku ${a.fiscalYear} dari koperasi ${state.status === 'PENDING' ? 'masih menunggu verifikasi' : 'dikembalikan untuk diperbaiki'}; penilaian belum dapat difinalkan.`,
      );
    }
  }
  const f = (a.inputs as { financials?: Record<string, unknown> }).financials;
  const assets = f?.totalAset;
  const liabilitiesAndEquity = f?.totalPasiva;
  if (
    typeof assets === 'number' &&
    typeof liabilitiesAndEquity === 'number' &&
    !isBalanced(assets, liabilitiesAndEquity)
  ) {
    throw invalid(
      {
        'financials.totalPasiva': `Neraca tidak seimbang: jumlah aset Rp${assets.toLocaleString('id-ID')} ≠ kewajiban dan ekuitas Rp${liabilitiesAndEquity.toLocaleString('id-ID')}.`,
      },
      'Neraca tidak seimbang; penilaian belum dapat difinalkan.',
    );
  }
}

export async function deleteDraft(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  authorize(assessmentPolicy.assess, actor, null, 'Hanya petugas dan admin yang dapat menilai kesehatan koperasi.');
  await mutate(deps, actor, async (trx, audit) => {
    const current = await load(trx, id);
    await guardManage(trx, actor, current.cooperative.id, 'Penilaian');
    if (current.status !== 'DRAFT') throw new AppError('CONFLICT', 'Penilaian yang sudah final tidak dapat dihapus.');
    const row = await trx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('assessments').where('id', '=', id).execute();
    await audit({
      action: 'assessment.delete',
      entityType: 'assessment',
      entityId: id,
      cooperativeId: current.cooperative.id,
      changes: { status: { before: 'DRAFT', after: null }, ...deletedRecord('assessments', row) },
    });
  });
}

export interface AssessmentQuery {
  cooperativeId?: string;
  category?: string;
  district?: string;
  fiscalYear?: number;
  rubric?: string;
  status?: 'DRAFT' | 'FINAL';
  /** Assessed (assessed_on) in this calendar year: the dashboard's health figures. */
  assessedYear?: number;
  page: number;
  pageSize: number;
}

export interface AssessmentListItem {
  id: string;
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  fiscalYear: number;
  rubric: string;
  rubricVersion: number;
  /** SUPERSEDED: a final assessment replaced by a later one of the same year and rubric, by an explicit, audited supersede. */
  status: 'DRAFT' | 'FINAL' | 'SUPERSEDED';
  total: number | null;
  category: string | null;
  assessor: string | null;
  assessedOn: string | null;
}

/** The list with its filters, plus the count of finalized assessments per category under the same filters. */
export async function listAssessments(
  deps: AppDeps,
  actor: Actor,
  q: AssessmentQuery,
): Promise<Page<AssessmentListItem> & { countsByCategory: Record<string, number> }> {
  q = assessmentPolicy.restrictList(actor, q);
  let b = base(deps.db.kysely);
  const scope = assessmentPolicy.scope(actor, 'a.cooperative_id', 'c.office_id');
  if (scope) b = b.where(scope);
  if (q.cooperativeId) b = b.where('a.cooperative_id', '=', q.cooperativeId);
  if (q.district) b = b.where('c.district_code', '=', q.district);
  if (q.fiscalYear) b = b.where('a.fiscal_year', '=', q.fiscalYear);
  if (q.rubric) b = b.where('a.rubric', '=', q.rubric);
  if (q.assessedYear)
    b = b
      .where('a.assessed_on', '>=', `${q.assessedYear}-01-01`)
      .where('a.assessed_on', '<=', `${q.assessedYear}-12-31`);
  const withoutCategoryAndStatus = b;
  if (q.status) b = b.where('a.status', '=', q.status);
  if (q.category) b = b.where('a.category', '=', q.category).where('a.status', '=', 'FINAL');
  const { n } = await b
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await b
    .orderBy('a.fiscal_year', 'desc')
    .orderBy('c.name')
    .orderBy('a.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const counts = await withoutCategoryAndStatus
    .clearSelect()
    .where('a.status', '=', 'FINAL')
    .select(['a.category', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('a.category')
    .execute();
  const countsByCategory = Object.fromEntries(CATEGORY_CODES.map((c) => [c, 0])) as Record<string, number>;
  for (const c of counts) if (c.category) countsByCategory[c.category] = Number(c.n);
  return {
    items: rows.map((r) => ({
      id: r.id,
      cooperative: {
        id: r.cooperative_id,
        name: r.cooperative_name,
        district: { code: r.district_code, name: r.district_name },
      },
      fiscalYear: r.fiscal_year,
      rubric: r.rubric,
      rubricVersion: r.rubric_version,
      status: r.status as 'DRAFT' | 'FINAL' | 'SUPERSEDED',
      total: r.total === null ? null : Number(r.total),
      category: r.category,
      assessor: r.assessor_name,
      assessedOn: r.assessed_on,
    })),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
    countsByCategory,
  };
}
