import { randomUUID } from 'node:crypto';
import { type Bidang, type UnitSector } from '../../domain/codes.js';
import { diff } from '../../domain/cooperative.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { MENTORING_BIDANG, type NeedKind, type NeedStatus, type ProposalStatus } from '../../domain/visits/codes.js';
import { proposalMove } from '../../domain/visits/unit-proposal.js';
import { type Actor, type AppDeps, mutate, todayJakarta, type Tx } from '../context.js';
import { loadCooperative } from '../cooperatives/view.js';
import { authorize, guardCooperative, guardManage, missing, unitDevelopmentPolicy } from '../policy/index.js';
import { assertWritten, checkVersion, defined } from '../shared/records.js';
import { loadUsers } from '../users/staff.js';
import { visitRef } from '../visits/view.js';
import type { DevelopmentOut, MentoringOut, NeedOut, ProposalOut } from '../../contract/visits.js';

/** Business-unit development as the API answers it (src/contract/visits.ts). */
export type UnitNeed = NeedOut;
export type MentoringSession = MentoringOut;
export type UnitProposal = ProposalOut;
export type UnitDevelopment = DevelopmentOut;

const needView = (r: {
  id: string;
  business_unit_id: string;
  visit_id: string | null;
  kind: string;
  description: string;
  amount: number | null;
  status: string;
  version: number;
  created_at: string;
}): UnitNeed => ({
  id: r.id,
  businessUnitId: r.business_unit_id,
  visitId: r.visit_id,
  kind: r.kind as NeedKind,
  description: r.description,
  amount: r.amount === null ? null : Number(r.amount),
  status: r.status as NeedStatus,
  version: r.version,
  createdAt: r.created_at,
});
const proposalView = (r: {
  id: string;
  visit_id: string | null;
  name: string;
  sector: string;
  description: string | null;
  status: string;
  business_unit_id: string | null;
  drop_reason: string | null;
  version: number;
  created_at: string;
}): UnitProposal => ({
  id: r.id,
  visitId: r.visit_id,
  name: r.name,
  sector: r.sector as UnitSector,
  description: r.description,
  status: r.status as ProposalStatus,
  businessUnitId: r.business_unit_id,
  dropReason: r.drop_reason,
  version: r.version,
  createdAt: r.created_at,
});

/** Each business unit with its needs and mentoring sessions, and the proposals for new units. */
export async function unitDevelopment(deps: AppDeps, actor: Actor, cooperativeId: string): Promise<UnitDevelopment> {
  await guardCooperative(deps.db.kysely, actor, cooperativeId);
  const db = deps.db.kysely;
  await loadCooperative(db, cooperativeId);
  authorize(unitDevelopmentPolicy.read, actor, { cooperativeId });
  return readDevelopment(db, cooperativeId);
}

export async function readDevelopment(db: Tx, cooperativeId: string): Promise<UnitDevelopment> {
  const [units, needs, sessions, proposals] = await Promise.all([
    db
      .selectFrom('business_units')
      .select(['id', 'name', 'sector', 'status'])
      .where('cooperative_id', '=', cooperativeId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('unit_needs')
      .selectAll()
      .where('cooperative_id', '=', cooperativeId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('mentoring_sessions as m')
      .innerJoin('users as u', 'u.id', 'm.mentor_id')
      .selectAll('m')
      .select('u.full_name')
      .where('m.cooperative_id', '=', cooperativeId)
      .orderBy('m.held_on')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('unit_proposals')
      .selectAll()
      .where('cooperative_id', '=', cooperativeId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return {
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      sector: u.sector as UnitSector,
      status: u.status,
      needs: needs.filter((n) => n.business_unit_id === u.id).map(needView),
      mentoring: sessions
        .filter((s) => s.business_unit_id === u.id)
        .map((s) => ({
          id: s.id,
          businessUnitId: s.business_unit_id,
          visitId: s.visit_id,
          heldOn: s.held_on,
          mentor: { id: s.mentor_id, fullName: s.full_name },
          bidang: s.bidang as Bidang,
          topic: s.topic,
          notes: s.notes,
          version: s.version,
        })),
    })),
    proposals: proposals.map(proposalView),
  };
}

async function writableCooperative(trx: Tx, actor: Actor, cooperativeId: string) {
  const coop = await loadCooperative(trx, cooperativeId);
  authorize(unitDevelopmentPolicy.write, actor, { cooperativeId });
  if (coop.status === 'DIBUBARKAN')
    throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; datanya tidak dapat diubah lagi.');
}

async function unitOf(trx: Tx, cooperativeId: string, unitId: string) {
  const unit = await trx
    .selectFrom('business_units')
    .select(['id', 'name'])
    .where('id', '=', unitId)
    .where('cooperative_id', '=', cooperativeId)
    .executeTakeFirst();
  if (!unit) throw notFound('Unit usaha');
  return unit;
}

async function checkVisit(trx: Tx, cooperativeId: string, visitId: string | null) {
  if (!visitId) return;
  const v = await visitRef(trx, visitId);
  if (!v || v.cooperativeId !== cooperativeId)
    throw invalid({ visitId: 'Kunjungan ini bukan kunjungan ke koperasi tersebut.' });
}

export interface NeedInput {
  id?: string;
  kind: NeedKind;
  description: string;
  amount: number | null;
  visitId: string | null;
}

export async function addUnitNeed(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  unitId: string,
  input: NeedInput,
): Promise<{ need: UnitNeed; created: boolean }> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    await writableCooperative(trx, actor, cooperativeId);
    await unitOf(trx, cooperativeId, unitId);
    if (input.id) {
      const existing = await trx.selectFrom('unit_needs').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (existing) {
        if (existing.business_unit_id !== unitId)
          throw new AppError('CONFLICT', 'ID kebutuhan ini sudah dipakai.', { id: 'Sudah dipakai.' });
        return { need: needView(existing), created: false };
      }
    }
    await checkVisit(trx, cooperativeId, input.visitId);
    if (input.amount !== null && input.kind !== 'MODAL')
      throw invalid({ amount: 'Nilai rupiah hanya untuk kebutuhan permodalan.' });
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    const row = {
      id,
      business_unit_id: unitId,
      cooperative_id: cooperativeId,
      visit_id: input.visitId,
      kind: input.kind,
      description: input.description.trim(),
      amount: input.amount,
      status: 'open',
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('unit_needs').values(row).execute();
    const { id: _id, ...fields } = input;
    await audit({
      action: 'unit_need.create',
      entityType: 'unit_need',
      entityId: id,
      cooperativeId,
      changes: diff(null, { businessUnitId: unitId, ...fields, status: 'open' }),
    });
    return { need: needView(row), created: true };
  });
}

async function needRef(trx: Tx, actor: Actor, id: string) {
  const row = await trx.selectFrom('unit_needs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing(actor, 'Kebutuhan unit usaha');
  await guardManage(trx, actor, row.cooperative_id);
  return row;
}

export async function updateUnitNeed(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: { kind?: NeedKind; description?: string; amount?: number | null; status?: NeedStatus; version?: number },
): Promise<UnitNeed> {
  return mutate(deps, actor, async (trx, audit) => {
    const row = await needRef(trx, actor, id);
    await writableCooperative(trx, actor, row.cooperative_id);
    const current = needView(row);
    checkVersion(patch.version, current.version, 'Kebutuhan ini');
    const { version: _v, ...rest } = patch;
    const clean = defined(rest);
    const changes = diff(current as unknown as Record<string, unknown>, clean);
    if (Object.keys(changes).length === 0) return current;
    const next = { ...current, ...clean };
    if (next.amount !== null && next.kind !== 'MODAL')
      throw invalid({ amount: 'Nilai rupiah hanya untuk kebutuhan permodalan.' });
    const written = await trx
      .updateTable('unit_needs')
      .set({
        kind: next.kind,
        description: next.description.trim(),
        amount: next.amount,
        status: next.status,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertWritten(written, 'Kebutuhan ini');
    await audit({
      action: 'unit_need.update',
      entityType: 'unit_need',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes,
    });
    return needView(await trx.selectFrom('unit_needs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

export interface MentoringInput {
  id?: string;
  heldOn: string;
  mentorId: string | null;
  topic: string;
  notes: string | null;
  visitId: string | null;
}

/** A mentoring session by Bidang Usaha Mikro or Bidang Perindustrian staff. */
export async function recordMentoring(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  unitId: string,
  input: MentoringInput,
): Promise<{ session: MentoringSession; created: boolean }> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  authorize(unitDevelopmentPolicy.mentor, actor, null, 'Sesi pendampingan dicatat oleh petugas atau admin.');
  return mutate(deps, actor, async (trx, audit) => {
    await writableCooperative(trx, actor, cooperativeId);
    await unitOf(trx, cooperativeId, unitId);
    const mentorId =
      input.mentorId ??
      (actor.bidang && (MENTORING_BIDANG as readonly string[]).includes(actor.bidang) ? actor.userId : null);
    if (!mentorId) throw invalid({ mentorId: 'Pilih pendamping dari Bidang Usaha Mikro atau Bidang Perindustrian.' });
    const mentor = (await loadUsers(trx, [mentorId])).get(mentorId);
    if (
      !mentor ||
      mentor.disabled ||
      !mentor.bidang ||
      !(MENTORING_BIDANG as readonly string[]).includes(mentor.bidang)
    ) {
      throw invalid({ mentorId: 'Pendamping harus petugas aktif Bidang Usaha Mikro atau Bidang Perindustrian.' });
    }
    if (input.id) {
      const existing = await trx
        .selectFrom('mentoring_sessions')
        .select('id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (existing) {
        const dev = await readDevelopment(trx, cooperativeId);
        const s = dev.units.flatMap((u) => u.mentoring).find((m) => m.id === input.id);
        if (!s) throw new AppError('CONFLICT', 'ID sesi ini sudah dipakai.', { id: 'Sudah dipakai.' });
        return { session: s, created: false };
      }
    }
    await checkVisit(trx, cooperativeId, input.visitId);
    if (input.heldOn > todayJakarta(deps)) throw invalid({ heldOn: 'Tanggal pendampingan tidak boleh di masa depan.' });
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    await trx
      .insertInto('mentoring_sessions')
      .values({
        id,
        business_unit_id: unitId,
        cooperative_id: cooperativeId,
        visit_id: input.visitId,
        held_on: input.heldOn,
        mentor_id: mentorId,
        bidang: mentor.bidang,
        topic: input.topic.trim(),
        notes: input.notes?.trim() || null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({
      action: 'mentoring.create',
      entityType: 'mentoring_session',
      entityId: id,
      cooperativeId,
      changes: diff(null, {
        businessUnitId: unitId,
        heldOn: input.heldOn,
        mentor: mentor.fullName,
        topic: input.topic,
        notes: input.notes,
        visitId: input.visitId,
      }),
    });
    return {
      session: {
        id,
        businessUnitId: unitId,
        visitId: input.visitId,
        heldOn: input.heldOn,
        mentor: { id: mentorId, fullName: mentor.fullName },
        bidang: mentor.bidang,
        topic: input.topic.trim(),
        notes: input.notes?.trim() || null,
        version: 1,
      },
      created: true,
    };
  });
}

export interface ProposalInput {
  id?: string;
  name: string;
  sector: UnitSector;
  description: string | null;
  visitId: string | null;
}

export async function proposeUnit(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  input: ProposalInput,
): Promise<{ proposal: UnitProposal; created: boolean }> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  return mutate(deps, actor, async (trx, audit) => {
    await writableCooperative(trx, actor, cooperativeId);
    if (input.id) {
      const existing = await trx.selectFrom('unit_proposals').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (existing) {
        if (existing.cooperative_id !== cooperativeId)
          throw new AppError('CONFLICT', 'ID usulan ini sudah dipakai.', { id: 'Sudah dipakai.' });
        return { proposal: proposalView(existing), created: false };
      }
    }
    await checkVisit(trx, cooperativeId, input.visitId);
    const id = input.id ?? randomUUID();
    const at = deps.now().toISOString();
    const row = {
      id,
      cooperative_id: cooperativeId,
      visit_id: input.visitId,
      name: input.name.replace(/\s+/g, ' ').trim(),
      sector: input.sector,
      description: input.description?.trim() || null,
      status: 'idea',
      business_unit_id: null,
      drop_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('unit_proposals').values(row).execute();
    const { id: _id, ...fields } = input;
    await audit({
      action: 'unit_proposal.create',
      entityType: 'unit_proposal',
      entityId: id,
      cooperativeId,
      changes: diff(null, { ...fields, status: 'idea' }),
    });
    return { proposal: proposalView(row), created: true };
  });
}

export async function updateProposal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: {
    name?: string;
    sector?: UnitSector;
    description?: string | null;
    status?: ProposalStatus;
    businessUnitId?: string | null;
    dropReason?: string | null;
    version?: number;
  },
): Promise<UnitProposal> {
  return mutate(deps, actor, async (trx, audit) => {
    const row = await trx.selectFrom('unit_proposals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw missing(actor, 'Usulan unit usaha');
    await guardManage(trx, actor, row.cooperative_id);
    await writableCooperative(trx, actor, row.cooperative_id);
    const current = proposalView(row);
    checkVersion(patch.version, current.version, 'Usulan ini');
    const { version: _v, ...rest } = patch;
    const clean = defined(rest);
    const changes = diff(current as unknown as Record<string, unknown>, clean);
    if (Object.keys(changes).length === 0) return current;
    const next = { ...current, ...clean };
    if (next.status !== current.status) {
      const refusal = proposalMove(current.status, next.status);
      if (refusal) throw new AppError('CONFLICT', refusal, { status: refusal });
    }
    if (next.status === 'dropped' && (next.dropReason?.trim().length ?? 0) < 5)
      throw invalid({ dropReason: 'Alasan tidak dilanjutkan wajib diisi (minimal 5 karakter).' });
    if (next.businessUnitId && next.businessUnitId !== current.businessUnitId) {
      const unit = await trx
        .selectFrom('business_units')
        .select('id')
        .where('id', '=', next.businessUnitId)
        .where('cooperative_id', '=', row.cooperative_id)
        .executeTakeFirst();
      if (!unit) throw invalid({ businessUnitId: 'Unit usaha ini bukan milik koperasi tersebut.' });
    }
    const written = await trx
      .updateTable('unit_proposals')
      .set({
        name: next.name.replace(/\s+/g, ' ').trim(),
        sector: next.sector,
        description: next.description?.trim() || null,
        status: next.status,
        business_unit_id: next.businessUnitId,
        drop_reason: next.status === 'dropped' ? (next.dropReason?.trim() ?? null) : null,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertWritten(written, 'Usulan ini');
    await audit({
      action: 'unit_proposal.update',
      entityType: 'unit_proposal',
      entityId: id,
      cooperativeId: row.cooperative_id,
      changes,
    });
    return proposalView(
      await trx.selectFrom('unit_proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
