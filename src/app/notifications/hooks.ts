import { CONCERN_TOPIC_LABELS, type ConcernTopic } from '../../domain/visits/codes.js';
import {
  concernNotice,
  type FilingFacts,
  verificationNotice,
  type VisitFacts,
  visitNotice,
} from '../../domain/notifications/messages.js';
import { filingCooperative, VERIFIERS } from '../policy/notifications.js';
import type { Actor, AppDeps, Tx } from '../context.js';
import type { Concern } from '../concerns/concerns.js';
import type { Visit } from '../visits/view.js';
import { emit } from './notify.js';

/**
 * The one-line hooks the visit and concern use cases call inside their transaction: which change
 * produces which notice for whom. Recipients are resolved by src/domain/notifications/recipients.ts.
 */

/** The cooperative's phone for WhatsApp: its chairman's, else the cooperative's own. */
export async function contactOf(
  trx: Tx,
  cooperativeId: string,
): Promise<{ phone: string | null; chairName: string | null }> {
  const coop = await trx.selectFrom('cooperatives').select('phone').where('id', '=', cooperativeId).executeTakeFirst();
  const chair = await trx
    .selectFrom('cooperative_officers')
    .select(['name', 'phone'])
    .where('cooperative_id', '=', cooperativeId)
    .where('role', '=', 'KETUA')
    .orderBy('position')
    .executeTakeFirst();
  return { phone: chair?.phone || coop?.phone || null, chairName: chair?.name ?? null };
}

async function facts(trx: Tx, v: Visit): Promise<VisitFacts> {
  const c = await contactOf(trx, v.cooperative.id);
  return {
    id: v.id,
    cooperativeName: v.cooperative.name,
    date: v.date,
    startTime: v.startTime,
    leaderName: v.team.find((m) => m.leader)?.fullName ?? null,
    cooperativePhone: c.phone,
    chairName: c.chairName,
  };
}

const teamIds = (v: Visit) => v.team.map((m) => m.userId);

export async function onVisitCreated(deps: AppDeps, trx: Tx, actor: Actor, v: Visit): Promise<void> {
  const f = await facts(trx, v);
  await emit(deps, trx, {
    notice: visitNotice('visit.assigned', f, { by: actor.fullName }),
    audiences: [{ kind: 'users', ids: teamIds(v) }],
    exclude: actor.userId,
    cooperativeId: v.cooperative.id,
  });
  if (v.status === 'planned') {
    await emit(deps, trx, {
      notice: visitNotice('visit.awaiting_approval', f, { by: actor.fullName }),
      audiences: [{ kind: 'role', role: 'pimpinan' }],
      exclude: actor.userId,
      cooperativeId: v.cooperative.id,
    });
  }
}

/** New team members are assigned; those who stay hear of a new date, time or team. */
export async function onVisitUpdated(deps: AppDeps, trx: Tx, actor: Actor, before: Visit, after: Visit): Promise<void> {
  const moved = before.date !== after.date || before.startTime !== after.startTime || before.endTime !== after.endTime;
  const added = teamIds(after).filter((id) => !teamIds(before).includes(id));
  const teamChanged = added.length > 0 || teamIds(before).length !== teamIds(after).length;
  if (!moved && !teamChanged) return;
  const f = await facts(trx, after);
  if (added.length)
    await emit(deps, trx, {
      notice: visitNotice('visit.assigned', f, { by: actor.fullName }),
      audiences: [{ kind: 'users', ids: added }],
      exclude: actor.userId,
      cooperativeId: after.cooperative.id,
    });
  const stayed = teamIds(after).filter((id) => !added.includes(id));
  if (stayed.length)
    await emit(deps, trx, {
      notice: visitNotice('visit.changed', f, { by: actor.fullName }),
      audiences: [{ kind: 'users', ids: stayed }],
      exclude: actor.userId,
      cooperativeId: after.cooperative.id,
    });
  if (before.status === 'approved' && after.status === 'planned') {
    await emit(deps, trx, {
      notice: visitNotice('visit.awaiting_approval', f, { by: actor.fullName }),
      audiences: [{ kind: 'role', role: 'pimpinan' }],
      exclude: actor.userId,
      cooperativeId: after.cooperative.id,
    });
  }
}

export async function onVisitMoved(deps: AppDeps, trx: Tx, actor: Actor, v: Visit): Promise<void> {
  if (v.status !== 'approved' && v.status !== 'cancelled') return;
  const f = await facts(trx, v);
  const kind = v.status === 'approved' ? 'visit.approved' : 'visit.cancelled';
  await emit(deps, trx, {
    notice: visitNotice(kind, f, { by: actor.fullName, reason: v.cancelReason ?? '' }),
    audiences: [{ kind: 'users', ids: teamIds(v) }],
    exclude: actor.userId,
    cooperativeId: v.cooperative.id,
  });
}

/** A concern sent from the cooperative's portal reaches Bidang Koperasi and the pimpinan. */
export async function onConcernRaised(deps: AppDeps, trx: Tx, actor: Actor, c: Concern): Promise<void> {
  if (c.raisedVia !== 'PORTAL') return;
  const notice = concernNotice('concern.new', {
    id: c.id,
    cooperativeId: c.cooperative.id,
    cooperativeName: c.cooperative.name,
    topicLabel: CONCERN_TOPIC_LABELS[c.topic as ConcernTopic] ?? c.topic,
    description: c.description,
    raisedBy: c.raisedBy,
  });
  await emit(deps, trx, {
    notice,
    audiences: [
      { kind: 'bidang', bidang: 'koperasi' },
      { kind: 'role', role: 'pimpinan' },
    ],
    exclude: actor.userId,
    cooperativeId: c.cooperative.id,
  });
}

/** A new or changed response reaches the cooperative's own accounts. */
export async function onConcernUpdated(
  deps: AppDeps,
  trx: Tx,
  actor: Actor,
  before: Concern,
  after: Concern,
): Promise<void> {
  if (!after.response || after.response === before.response) return;
  const notice = concernNotice(
    'concern.reply',
    {
      id: after.id,
      cooperativeId: after.cooperative.id,
      cooperativeName: after.cooperative.name,
      topicLabel: CONCERN_TOPIC_LABELS[after.topic as ConcernTopic] ?? after.topic,
      description: after.description,
      raisedBy: after.raisedBy,
    },
    after.response,
  );
  await emit(deps, trx, {
    notice,
    audiences: [{ kind: 'cooperative', cooperativeId: after.cooperative.id }],
    exclude: actor.userId,
    cooperativeId: after.cooperative.id,
  });
}

/** A filing newly waiting for the Dinas reaches the officers who verify; its verdict reaches the cooperative. */
export async function onFilingPending(deps: AppDeps, trx: Tx, actor: Actor, f: FilingFacts): Promise<void> {
  await emit(deps, trx, {
    notice: verificationNotice('verification.pending', f),
    audiences: VERIFIERS,
    exclude: actor.userId,
    cooperativeId: f.cooperativeId,
  });
}

export async function onFilingDecided(
  deps: AppDeps,
  trx: Tx,
  actor: Actor,
  f: FilingFacts,
  reason: string | null,
): Promise<void> {
  const kind = reason === null ? 'verification.verified' : 'verification.returned';
  await emit(deps, trx, {
    notice: verificationNotice(kind, f, reason),
    audiences: filingCooperative(f.cooperativeId),
    exclude: actor.userId,
    cooperativeId: f.cooperativeId,
  });
}
