import { forbidden } from '../../domain/errors.js';
import type { Actor, AppDeps } from '../context.js';
import { authorize, cooperativePolicy } from '../policy/index.js';
import { type Cooperative, loadCooperative } from './view.js';

/**
 * A koperasi user asking for another cooperative is refused before the lookup, so the answer does
 * not reveal whether that cooperative exists.
 */
export function guardOwnCooperative(actor: Actor, cooperativeId: string): void {
  if (actor.role === 'koperasi' && actor.cooperativeId !== cooperativeId) {
    throw forbidden('Anda hanya dapat melihat data koperasi Anda sendiri.');
  }
}

export async function getCooperative(deps: AppDeps, actor: Actor, id: string): Promise<Cooperative> {
  guardOwnCooperative(actor, id);
  const coop = await loadCooperative(deps.db.kysely, id);
  authorize(cooperativePolicy.read, actor, coop);
  return coop;
}
