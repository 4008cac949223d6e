import { sql } from 'kysely';
import { AppError } from '../../domain/errors.js';
import { type FieldEdit, judge } from '../../domain/sync/merge.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { authorize, followUpPolicy } from '../policy/index.js';
import { raiseConcern } from '../concerns/concerns.js';
import {
  changeFollowUpStatus,
  createFollowUp,
  followUpRef,
  getFollowUp,
  updateFollowUp,
} from '../follow-ups/follow-ups.js';
import { loadVisit } from '../visits/view.js';
import { completeVisit, editableVisit, updateVisit } from '../visits/visits.js';
import type { SyncChange, SyncResult } from './changes.js';
import { followUpEdits, followUpPatch, visitEdits, visitPatch } from './fields.js';
import { recordConflicts } from './record-conflicts.js';

type Outcome = Omit<SyncResult, 'changeId'>;

function split(edits: FieldEdit[], moved: boolean) {
  const apply: string[] = [];
  const conflicts: FieldEdit[] = [];
  for (const e of edits) {
    const v = judge(e, moved);
    if (v === 'apply') apply.push(e.field);
    else if (v === 'conflict') conflicts.push(e);
  }
  return { apply, conflicts };
}

/**
 * A change whose base version is stale is checked exactly like a current one before any part of it
 * is merged: the whole change goes once through the same use case (same permissions and
 * validation) as if it were current, inside a savepoint that is then rolled back. An invalid change
 * throws here, so the caller's transaction applies none of it and records no conflict; a valid one
 * continues to the field-by-field merge. (SQLite and PostgreSQL both have SAVEPOINT.)
 */
async function validateAsCurrent(deps: AppDeps, run: () => Promise<unknown>): Promise<void> {
  const db = deps.db.kysely;
  if (!db.isTransaction) throw new Error('validateAsCurrent needs the change transaction');
  await sql`savepoint sync_validate`.execute(db);
  try {
    await run();
  } finally {
    await sql`rollback to savepoint sync_validate`.execute(db);
    await sql`release savepoint sync_validate`.execute(db);
  }
}

/** applied when the record had not moved; merged or conflict when it had. */
const statusOf = (moved: boolean, conflicts: number): Outcome['status'] =>
  conflicts ? 'conflict' : moved ? 'merged' : 'applied';

/**
 * The end of a merged edit, once the fields nobody else touched are applied (at `version`): in one
 * transaction, audit the merge when the record had moved on, and keep each overlapping field as an
 * open conflict; the answer says which.
 */
async function settle(
  deps: AppDeps,
  actor: Actor,
  c: { entityId: string; changeId: string; baseVersion: number },
  target: { audit: 'visit' | 'follow_up'; entity: 'visit' | 'followUp'; cooperativeId: string },
  moved: boolean,
  version: number,
  apply: readonly string[],
  conflicts: readonly FieldEdit[],
): Promise<Outcome> {
  const kept = await mutate(deps, actor, async (trx, audit) => {
    if (moved && apply.length) {
      await audit({
        action: 'sync.merge',
        entityType: target.audit,
        entityId: c.entityId,
        cooperativeId: target.cooperativeId,
        changes: { fields: { before: null, after: apply }, baseVersion: { before: c.baseVersion, after: version } },
      });
    }
    return recordConflicts(
      deps,
      trx,
      audit,
      actor,
      { entityType: target.audit, entityId: c.entityId, cooperativeId: target.cooperativeId, changeId: c.changeId },
      conflicts,
    );
  });
  return {
    status: statusOf(moved, kept.length),
    entity: { type: target.entity, id: c.entityId, version },
    ...(kept.length ? { conflicts: kept } : {}),
  };
}

async function visitUpdate(
  deps: AppDeps,
  actor: Actor,
  c: Extract<SyncChange, { kind: 'visit.update' }>,
): Promise<Outcome> {
  const db = deps.db.kysely;
  const ref = await editableVisit(db, actor, c.entityId);
  if (ref.status === 'cancelled')
    throw new AppError('CONFLICT', 'Kunjungan ini sudah dibatalkan; datanya tidak dapat diubah lagi.');
  const current = await loadVisit(db, c.entityId, actor);
  const moved = current.version !== c.baseVersion;
  const edits = visitEdits(current, c.base, c.fields);
  if (moved)
    await validateAsCurrent(deps, () =>
      updateVisit(deps, actor, c.entityId, {
        ...visitPatch(
          c.fields,
          edits.map((e) => e.field),
        ),
        version: current.version,
      }),
    );
  const { apply, conflicts } = split(edits, moved);
  let version = current.version;
  if (apply.length)
    version = (await updateVisit(deps, actor, c.entityId, { ...visitPatch(c.fields, apply), version: current.version }))
      .version;
  return settle(
    deps,
    actor,
    c,
    { audit: 'visit', entity: 'visit', cooperativeId: ref.cooperativeId },
    moved,
    version,
    apply,
    conflicts,
  );
}

async function visitComplete(
  deps: AppDeps,
  actor: Actor,
  c: Extract<SyncChange, { kind: 'visit.complete' }>,
): Promise<Outcome> {
  const ref = await editableVisit(deps.db.kysely, actor, c.entityId);
  // Someone on the team already closed it: the phone's wish is fulfilled.
  if (ref.status === 'done')
    return { status: 'applied', entity: { type: 'visit', id: c.entityId, version: ref.version } };
  const v = await completeVisit(deps, actor, c.entityId);
  return { status: 'applied', entity: { type: 'visit', id: c.entityId, version: v.version } };
}

async function followUpUpdate(
  deps: AppDeps,
  actor: Actor,
  c: Extract<SyncChange, { kind: 'followUp.update' }>,
): Promise<Outcome> {
  const ref = await followUpRef(deps.db.kysely, actor, c.entityId);
  authorize(
    followUpPolicy.edit,
    actor,
    ref,
    'Hanya yang mencatat rekomendasi ini, tim kunjungannya, atau admin yang dapat mengubahnya.',
  );
  const current = await getFollowUp(deps, actor, c.entityId);
  const moved = current.version !== c.baseVersion;
  const edits = followUpEdits(current, c.base, c.fields);
  if (moved)
    await validateAsCurrent(deps, () =>
      updateFollowUp(deps, actor, c.entityId, {
        ...followUpPatch(
          c.fields,
          edits.map((e) => e.field),
        ),
        version: current.version,
      }),
    );
  const { apply, conflicts } = split(edits, moved);
  let version = current.version;
  if (apply.length)
    version = (
      await updateFollowUp(deps, actor, c.entityId, { ...followUpPatch(c.fields, apply), version: current.version })
    ).version;
  return settle(
    deps,
    actor,
    c,
    { audit: 'follow_up', entity: 'followUp', cooperativeId: ref.cooperativeId },
    moved,
    version,
    apply,
    conflicts,
  );
}

async function followUpStatus(
  deps: AppDeps,
  actor: Actor,
  c: Extract<SyncChange, { kind: 'followUp.status' }>,
): Promise<Outcome> {
  const ref = await followUpRef(deps.db.kysely, actor, c.entityId);
  const moved = ref.version !== c.baseVersion;
  if (moved && ref.status === c.fields.status)
    return { status: 'applied', entity: { type: 'followUp', id: c.entityId, version: ref.version } };
  // A status move is judged by the follow-up's rules from where it stands now: an impossible move is rejected with its reason.
  const f = await changeFollowUpStatus(deps, actor, c.entityId, {
    to: c.fields.status,
    note: c.fields.note,
    evidence: c.fields.evidence,
    reason: c.fields.reason,
    version: ref.version,
  });
  return { status: moved ? 'merged' : 'applied', entity: { type: 'followUp', id: c.entityId, version: f.version } };
}

/** Applies one change with the normal use cases (same permissions, validation and audit). */
export async function applyChange(deps: AppDeps, actor: Actor, c: SyncChange): Promise<Outcome> {
  switch (c.kind) {
    case 'visit.update':
      return visitUpdate(deps, actor, c);
    case 'visit.complete':
      return visitComplete(deps, actor, c);
    case 'concern.create': {
      const { concern } = await raiseConcern(deps, actor, { id: c.entityId, ...c.fields });
      return { status: 'applied', entity: { type: 'concern', id: concern.id, version: concern.version } };
    }
    case 'followUp.create': {
      const { followUp } = await createFollowUp(deps, actor, { id: c.entityId, ...c.fields });
      return { status: 'applied', entity: { type: 'followUp', id: followUp.id, version: followUp.version } };
    }
    case 'followUp.update':
      return followUpUpdate(deps, actor, c);
    case 'followUp.status':
      return followUpStatus(deps, actor, c);
  }
}
