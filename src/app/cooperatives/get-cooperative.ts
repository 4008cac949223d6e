import type { Actor, AppDeps } from '../context.js';
import { authorize, cooperativePolicy, guardCooperative } from '../policy/index.js';
import { type Cooperative, loadCooperative } from './view.js';

export async function getCooperative(deps: AppDeps, actor: Actor, id: string): Promise<Cooperative> {
  await guardCooperative(deps.db.kysely, actor, id);
  const coop = await loadCooperative(deps.db.kysely, id);
  authorize(cooperativePolicy.read, actor, coop);
  return coop;
}
