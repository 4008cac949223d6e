import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  codeFromBytes,
  CODE_PATTERN,
  DOCUMENT_STATUS_LABELS,
  type DocumentStatus,
  KIND_LABELS,
} from '../../domain/documents/codes.js';
import { formatLetterNumber } from '../../domain/documents/letter-number.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import type { IssueStamp } from '../../reports/pdf.js';
import { assessmentReport } from '../assessments/assessment-report.js';
import { getAssessment } from '../assessments/assessments.js';
import { type Actor, type AppDeps, mutate, type Tx, withinTransaction } from '../context.js';
import { containsPattern, type Page } from '../cooperatives/list-cooperatives.js';
import { currentOffice } from '../offices/offices.js';
import {
  authorize,
  documentPolicy,
  guardCooperative,
  guardManage,
  hideAbsence,
  inScope,
  isScoped,
  readsOffice,
} from '../policy/index.js';
import { visitRef } from '../visits/view.js';
import { visitMinutes } from '../visits/visit-outputs.js';
import { visitSpt } from './spt.js';
import { jakartaDate } from '../../domain/dates.js';

/**
 * Official documents (issue 12): issuing takes the next number of the office's register for the
 * kind and year, renders the PDF with that number and a verification QR code, and stores the exact
 * bytes and their SHA-256, all in one transaction. The counter row is bumped first: on PostgreSQL
 * its row lock queues every other issue of the same kind and year until this one commits (or rolls
 * back, giving the number back), on SQLite the single writer does the same, so numbers are unique
 * and without gaps. A re-issue supersedes the earlier document; a cancelled one keeps its number.
 */
export interface IssuedDocument {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  number: string;
  year: number;
  code: string;
  sha256: string;
  size: number;
  status: DocumentStatus;
  issuedAt: string;
  issuer: { id: string | null; name: string };
  cooperative: { id: string; name: string } | null;
  visitId: string | null;
  assessmentId: string | null;
  supersedesId: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

const COLUMNS = [
  'd.id',
  'd.kind',
  'd.title',
  'd.number',
  'd.year',
  'd.code',
  'd.sha256',
  'd.size',
  'd.status',
  'd.issued_at',
  'd.issued_by',
  'd.issuer_name',
  'd.cooperative_id',
  'd.visit_id',
  'd.assessment_id',
  'd.supersedes_id',
  'd.cancelled_at',
  'd.cancel_reason',
  'r.name as register_name',
] as const;

const base = (db: Tx) =>
  db
    .selectFrom('documents as d')
    .innerJoin('letter_registers as r', 'r.id', 'd.register_id')
    .leftJoin('cooperatives as c', 'c.id', 'd.cooperative_id')
    .select([...COLUMNS, 'c.name as cooperative_name']);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function view(r: Row): IssuedDocument {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind as keyof typeof KIND_LABELS] ?? r.register_name,
    title: r.title,
    number: r.number,
    year: Number(r.year),
    code: r.code,
    sha256: r.sha256,
    size: Number(r.size),
    status: r.status as DocumentStatus,
    issuedAt: r.issued_at,
    issuer: { id: r.issued_by, name: r.issuer_name },
    cooperative: r.cooperative_id ? { id: r.cooperative_id, name: r.cooperative_name ?? '' } : null,
    visitId: r.visit_id,
    assessmentId: r.assessment_id,
    supersedesId: r.supersedes_id,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

async function loadDocument(db: Tx, id: string): Promise<IssuedDocument> {
  const r = await base(db).where('d.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Dokumen');
  return view(r);
}

/** Jakarta calendar date of an instant: the register's year and month follow the Dinas's calendar. */

interface Target {
  kind: string;
  title: string;
  cooperativeId: string | null;
  visitId: string | null;
  assessmentId: string | null;
  /** Renders the PDF with the stamp, reading through the issuing transaction. */
  render: (deps: AppDeps, stamp: IssueStamp) => Promise<Buffer>;
}

/** Takes the next number of a register for a year, inside the caller's transaction. */
export async function nextNumber(trx: Transaction<Database>, registerId: string, year: number): Promise<number> {
  await trx
    .insertInto('letter_counters')
    .values({ register_id: registerId, year, last_seq: 0 })
    .onConflict((oc) => oc.columns(['register_id', 'year']).doNothing())
    .execute();
  const row = await trx
    .updateTable('letter_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('register_id', '=', registerId)
    .where('year', '=', year)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

async function issue(deps: AppDeps, actor: Actor, baseUrl: string, t: Target): Promise<IssuedDocument> {
  authorize(documentPolicy.issue, actor, null, 'Hanya petugas Dinas yang dapat menerbitkan dokumen resmi.');
  return mutate(deps, actor, async (trx, audit) => {
    const office = await currentOffice(trx, actor.officeId);
    const register = await trx
      .selectFrom('letter_registers')
      .selectAll()
      .where('office_id', '=', office.id)
      .where('kind', '=', t.kind)
      .executeTakeFirst();
    if (!register)
      throw new AppError(
        'CONFLICT',
        `Buku register untuk ${KIND_LABELS[t.kind as keyof typeof KIND_LABELS] ?? t.kind} belum diatur admin.`,
      );
    const now = deps.now();
    const issuedOn = jakartaDate(now);
    const year = Number(issuedOn.slice(0, 4));
    const seq = await nextNumber(trx, register.id, year);
    const number = formatLetterNumber(register.pattern, { seq, year, month: Number(issuedOn.slice(5, 7)) });
    const code = codeFromBytes(randomBytes(16));
    const stamp: IssueStamp = { number, code, verifyUrl: `${baseUrl.replace(/\/$/, '')}/v/${code}`, issuedOn };
    const pdf = await t.render(withinTransaction(deps, trx), stamp);
    const sha256 = createHash('sha256').update(pdf).digest('hex');

    // Issued after the counter row is locked, so two re-issues of one target cannot both stay current.
    let previous = trx
      .selectFrom('documents')
      .select(['id', 'number'])
      .where('kind', '=', t.kind)
      .where('status', '=', 'CURRENT');
    previous = t.visitId
      ? previous.where('visit_id', '=', t.visitId)
      : previous.where('assessment_id', '=', t.assessmentId);
    const superseded = await previous.execute();
    for (const p of superseded) {
      await trx.updateTable('documents').set({ status: 'SUPERSEDED' }).where('id', '=', p.id).execute();
      await audit({
        action: 'document.supersede',
        entityType: 'document',
        entityId: p.id,
        cooperativeId: t.cooperativeId,
        changes: { status: { before: 'CURRENT', after: 'SUPERSEDED' } },
      });
    }
    const id = randomUUID();
    await trx
      .insertInto('documents')
      .values({
        id,
        office_id: office.id,
        register_id: register.id,
        kind: t.kind,
        year,
        seq,
        number,
        code,
        visit_id: t.visitId,
        assessment_id: t.assessmentId,
        cooperative_id: t.cooperativeId,
        title: t.title,
        status: 'CURRENT',
        supersedes_id: superseded[0]?.id ?? null,
        pdf,
        sha256,
        size: pdf.length,
        issued_at: now.toISOString(),
        issued_by: actor.userId,
        issuer_name: actor.fullName,
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
      })
      .execute();
    await audit({
      action: 'document.issue',
      entityType: 'document',
      entityId: id,
      cooperativeId: t.cooperativeId,
      changes: {
        kind: { before: null, after: t.kind },
        number: { before: null, after: number },
        sha256: { before: null, after: sha256 },
      },
    });
    return loadDocument(trx, id);
  });
}

export type VisitDocumentKind = 'SPT' | 'BERITA_ACARA';

/** SPT for an approved visit, berita acara for a done one; anything else is a 409. */
export async function issueVisitDocument(
  deps: AppDeps,
  actor: Actor,
  visitId: string,
  kind: VisitDocumentKind,
  baseUrl: string,
): Promise<IssuedDocument> {
  authorize(documentPolicy.issue, actor, null, 'Hanya petugas Dinas yang dapat menerbitkan dokumen resmi.');
  const ref = await visitRef(deps.db.kysely, visitId);
  if (!ref) throw notFound('Kunjungan');
  await guardManage(deps.db.kysely, actor, ref.cooperativeId, 'Kunjungan');
  if (kind === 'SPT' && ref.status !== 'approved') {
    throw new AppError(
      'CONFLICT',
      'Surat Perintah Tugas hanya diterbitkan untuk kunjungan yang sudah disetujui dan belum dilaksanakan.',
    );
  }
  if (kind === 'BERITA_ACARA' && ref.status !== 'done') {
    throw new AppError('CONFLICT', 'Berita acara hanya diterbitkan untuk kunjungan yang sudah selesai.');
  }
  const coop = await deps.db.kysely
    .selectFrom('cooperatives')
    .select('name')
    .where('id', '=', ref.cooperativeId)
    .executeTakeFirstOrThrow();
  return issue(deps, actor, baseUrl, {
    kind,
    title: `${KIND_LABELS[kind]} — ${coop.name}, ${ref.date}`,
    cooperativeId: ref.cooperativeId,
    visitId,
    assessmentId: null,
    render: async (d, stamp) =>
      kind === 'SPT' ? visitSpt(d, actor, visitId, stamp) : (await visitMinutes(d, actor, visitId, stamp)).pdf,
  });
}

/** The assessment report, once the assessment is final. */
export async function issueAssessmentDocument(
  deps: AppDeps,
  actor: Actor,
  assessmentId: string,
  baseUrl: string,
): Promise<IssuedDocument> {
  authorize(documentPolicy.issue, actor, null, 'Hanya petugas Dinas yang dapat menerbitkan dokumen resmi.');
  const a = await getAssessment(deps, actor, assessmentId);
  if (a.status !== 'FINAL')
    throw new AppError('CONFLICT', 'Laporan penilaian hanya diterbitkan untuk penilaian yang sudah final.');
  return issue(deps, actor, baseUrl, {
    kind: 'LAPORAN_PENILAIAN',
    title: `${KIND_LABELS.LAPORAN_PENILAIAN} — ${a.cooperative.name}, tahun buku ${a.fiscalYear}`,
    cooperativeId: a.cooperative.id,
    visitId: null,
    assessmentId,
    render: async (d, stamp) => (await assessmentReport(d, actor, assessmentId, stamp)).pdf,
  });
}

export interface DocumentQuery {
  kind?: string;
  year?: number;
  cooperativeId?: string;
  visitId?: string;
  status?: DocumentStatus;
  search?: string;
  page: number;
  pageSize: number;
}

function filtered(db: Tx, actor: Actor, q: Omit<DocumentQuery, 'page' | 'pageSize'>) {
  let b = base(db);
  // A cooperative's user sees its own cooperative's documents only.
  const scope = documentPolicy.scope(actor, 'd.cooperative_id', 'd.office_id');
  if (scope) b = b.where(scope);
  if (q.kind) b = b.where('d.kind', '=', q.kind);
  if (q.year) b = b.where('d.year', '=', q.year);
  if (q.cooperativeId) b = b.where('d.cooperative_id', '=', q.cooperativeId);
  if (q.visitId) b = b.where('d.visit_id', '=', q.visitId);
  if (q.status) b = b.where('d.status', '=', q.status);
  const term = q.search?.trim();
  if (term) {
    const p = containsPattern(term);
    b = b.where((eb) =>
      eb.or([eb(eb.fn('lower', ['d.number']), 'like', p), eb(eb.fn('lower', ['c.name']), 'like', p)]),
    );
  }
  return b;
}

/** The register: every issued document, newest first. */
export async function listDocuments(deps: AppDeps, actor: Actor, q: DocumentQuery): Promise<Page<IssuedDocument>> {
  if (q.cooperativeId && !inScope(actor, q.cooperativeId))
    throw forbidden('Anda hanya dapat melihat dokumen koperasi Anda sendiri.');
  if (q.visitId) {
    const v = await visitRef(deps.db.kysely, q.visitId);
    if (v) await guardCooperative(deps.db.kysely, actor, v.cooperativeId, 'Kunjungan');
  }
  const b = filtered(deps.db.kysely, actor, q);
  const { n } = await b
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await b
    .orderBy('d.issued_at', 'desc')
    .orderBy('d.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(view), total: Number(n), page: q.page, pageSize: q.pageSize };
}

/** All matching documents (at most 50,000) for the XLSX export of the register. */
export async function allDocuments(
  deps: AppDeps,
  actor: Actor,
  q: Omit<DocumentQuery, 'page' | 'pageSize'>,
): Promise<IssuedDocument[]> {
  return (
    await filtered(deps.db.kysely, actor, q).orderBy('d.issued_at', 'desc').orderBy('d.id').limit(50_000).execute()
  ).map(view);
}

export async function getDocument(deps: AppDeps, actor: Actor, id: string): Promise<IssuedDocument> {
  const d = await loadDocument(deps.db.kysely, id).catch(
    hideAbsence(actor, 'Anda hanya dapat melihat dokumen koperasi Anda sendiri.'),
  );
  authorize(
    documentPolicy.read,
    actor,
    { cooperativeId: d.cooperative?.id ?? null },
    'Anda hanya dapat melihat dokumen koperasi Anda sendiri.',
  );
  const issuer = await deps.db.kysely
    .selectFrom('documents')
    .select('office_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!isScoped(actor) && !readsOffice(actor, issuer?.office_id)) throw notFound('Dokumen');
  return d;
}

/** The frozen bytes, exactly as issued. */
export async function documentFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const d = await getDocument(deps, actor, id);
  const row = await deps.db.kysely.selectFrom('documents').select('pdf').where('id', '=', id).executeTakeFirstOrThrow();
  const safe = d.number.replace(/[^A-Za-z0-9.-]+/g, '_');
  return { filename: `${d.kind.toLowerCase()}-${safe}.pdf`, pdf: Buffer.from(row.pdf) };
}

export async function cancelDocument(deps: AppDeps, actor: Actor, id: string, reason: string): Promise<IssuedDocument> {
  const d = await getDocument(deps, actor, id);
  authorize(
    documentPolicy.cancel,
    actor,
    { issuedBy: d.issuer.id },
    'Hanya admin, pimpinan atau penerbitnya yang dapat membatalkan dokumen.',
  );
  return mutate(deps, actor, async (trx, audit) => {
    const current = await loadDocument(trx, id);
    if (current.status === 'CANCELLED') throw new AppError('CONFLICT', 'Dokumen ini sudah dibatalkan.');
    await trx
      .updateTable('documents')
      .set({
        status: 'CANCELLED',
        cancelled_at: deps.now().toISOString(),
        cancelled_by: actor.userId,
        cancel_reason: reason.trim(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'document.cancel',
      entityType: 'document',
      entityId: id,
      cooperativeId: current.cooperative?.id ?? null,
      changes: {
        status: { before: current.status, after: 'CANCELLED' },
        reason: { before: null, after: reason.trim() },
      },
    });
    return loadDocument(trx, id);
  });
}

/** What the public verification page shows: only what the document itself prints. */
export interface PublicVerification {
  kind: string;
  kindLabel: string;
  number: string;
  issuedAt: string;
  office: string;
  cooperative: string | null;
  status: DocumentStatus;
  statusLabel: string;
}

async function byCode(deps: AppDeps, code: string) {
  const c = code.trim().toUpperCase();
  // A malformed code is answered exactly like an unknown one: nothing to learn from the difference.
  if (!CODE_PATTERN.test(c)) throw notFound('Dokumen dengan kode ini');
  const r = await deps.db.kysely
    .selectFrom('documents as d')
    .innerJoin('offices as o', 'o.id', 'd.office_id')
    .innerJoin('letter_registers as r', 'r.id', 'd.register_id')
    .leftJoin('cooperatives as c', 'c.id', 'd.cooperative_id')
    .select([
      'd.kind',
      'd.number',
      'd.issued_at',
      'd.status',
      'd.sha256',
      'o.name as office_name',
      'o.government',
      'c.name as cooperative_name',
      'r.name as register_name',
    ])
    .where('d.code', '=', c)
    .executeTakeFirst();
  if (!r) throw notFound('Dokumen dengan kode ini');
  return r;
}

export async function verifyCode(deps: AppDeps, code: string): Promise<PublicVerification> {
  const r = await byCode(deps, code);
  const status = r.status as DocumentStatus;
  return {
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind as keyof typeof KIND_LABELS] ?? r.register_name,
    number: r.number,
    issuedAt: r.issued_at,
    office: `${r.office_name} ${r.government.replace(/^Pemerintah\s+/i, '')}`,
    cooperative: r.cooperative_name,
    status,
    statusLabel: DOCUMENT_STATUS_LABELS[status],
  };
}

/** Whether the bytes a visitor holds are byte for byte the issued file. */
export async function verifyFile(deps: AppDeps, code: string, bytes: Buffer): Promise<{ genuine: boolean }> {
  const r = await byCode(deps, code);
  return { genuine: createHash('sha256').update(bytes).digest('hex') === r.sha256 };
}
