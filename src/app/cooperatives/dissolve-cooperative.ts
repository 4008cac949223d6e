import { AppError, invalid } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, todayJakarta } from '../context.js';
import { authorize, cooperativePolicy } from '../policy/index.js';
import { type Cooperative, loadCooperative } from './view.js';

/** Cooperatives are never deleted: dissolving keeps the record, its history and the reason. */
export async function dissolveCooperative(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { reason: string; date?: string },
): Promise<Cooperative> {
  return mutate(deps, actor, async (trx, audit) => {
    const current = await loadCooperative(trx, id);
    authorize(cooperativePolicy.dissolve, actor, current, 'Hanya admin dan petugas yang dapat membubarkan koperasi.');
    if (current.status === 'DIBUBARKAN') throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan.');
    const reason = input.reason.trim();
    if (reason.length < 5) throw invalid({ reason: 'Alasan pembubaran wajib diisi (minimal 5 karakter).' });
    const date = input.date ?? todayJakarta(deps);
    if (date > todayJakarta(deps)) throw invalid({ date: 'Tanggal pembubaran tidak boleh di masa depan.' });
    await trx
      .updateTable('cooperatives')
      .set({
        status: 'DIBUBARKAN',
        dissolved_reason: reason,
        dissolved_at: date,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'cooperative.dissolve',
      entityType: 'cooperative',
      entityId: id,
      cooperativeId: id,
      changes: {
        status: { before: current.status, after: 'DIBUBARKAN' },
        dissolvedReason: { before: null, after: reason },
        dissolvedAt: { before: null, after: date },
      },
    });
    return loadCooperative(trx, id);
  });
}
