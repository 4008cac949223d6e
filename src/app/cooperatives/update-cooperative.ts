import { diff, SELF_EDITABLE_FIELDS } from '../../domain/cooperative.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { authorize, cooperativePolicy, guardManage, hideAbsence, verificationPolicy } from '../policy/index.js';
import { validateCooperative } from './validate-cooperative.js';
import { type Cooperative, type CooperativeFields, loadCooperative } from './view.js';
import { replaceOfficers, rowOf } from './write-cooperative.js';
import { fileForVerification } from '../desk/verifications.js';

export type UpdateCooperativeInput = Partial<Omit<CooperativeFields, 'status'>> & {
  status?: 'AKTIF' | 'TIDAK_AKTIF';
  /** The version the editor started from; a stale one is a CONFLICT, not a silent overwrite. */
  version?: number;
};

export async function updateCooperative(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateCooperativeInput,
): Promise<Cooperative> {
  const { version, ...patch } = input;
  return mutate(deps, actor, async (trx, audit) => {
    // A koperasi user must not learn whether another cooperative exists; another office's is not found.
    await guardManage(trx, actor, id, 'Koperasi', 'Anda hanya dapat mengubah data koperasi Anda sendiri.');
    const current = await loadCooperative(trx, id).catch(
      hideAbsence(actor, 'Anda hanya dapat mengubah data koperasi Anda sendiri.'),
    );
    authorize(cooperativePolicy.update, actor, current, 'Anda tidak berwenang mengubah koperasi ini.');
    const touched = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    if (!cooperativePolicy.updateAnyField(actor, current)) {
      const notAllowed = touched.filter((k) => !SELF_EDITABLE_FIELDS.has(k));
      if (notAllowed.length > 0) {
        throw new AppError(
          'FORBIDDEN',
          'Pengurus koperasi hanya dapat mengubah kontak, alamat jalan, jumlah anggota dan karyawan, serta susunan pengurus.',
          Object.fromEntries(notAllowed.map((k) => [k, 'Kolom ini hanya dapat diubah oleh petugas Dinas.'])),
        );
      }
    }
    if (current.status === 'DIBUBARKAN') {
      throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; datanya tidak dapat diubah lagi.');
    }
    if (version !== undefined && version !== current.version) {
      throw new AppError(
        'CONFLICT',
        'Data koperasi ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.',
        {
          version: `Versi Anda ${version}, versi di server ${current.version}.`,
        },
      );
    }
    const {
      id: _id,
      district: _d,
      village: _v,
      dissolvedReason: _r,
      dissolvedAt: _a,
      version: _ver,
      createdAt: _c,
      updatedAt: _u,
      ...currentFields
    } = current;
    const next: CooperativeFields = { ...currentFields, ...stripUndefined(patch) };
    const changes = diff(currentFields as unknown as Record<string, unknown>, pick(next, touched));
    if (Object.keys(changes).length === 0) return current;

    await validateCooperative(deps, trx, next, id, { officeId: current.officeId });
    const updated = await trx
      .updateTable('cooperatives')
      .set({ ...rowOf(next), version: current.version + 1, updated_at: deps.now().toISOString() })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(
        'CONFLICT',
        'Data koperasi ini baru saja diubah orang lain. Muat ulang lalu ulangi perubahan Anda.',
      );
    }
    if ('officers' in changes) await replaceOfficers(trx, id, next.officers);
    await audit({ action: 'cooperative.update', entityType: 'cooperative', entityId: id, cooperativeId: id, changes });
    if ('officers' in changes && !verificationPolicy.mustBeVerified(actor)) {
      // The Dinas' own list counts at once: a filed change that is returned later goes back to it.
      const official = (await loadCooperative(trx, id)).officers;
      await trx
        .updateTable('verifications')
        .set({ previous: JSON.stringify({ officers: official }) })
        .where('kind', '=', 'OFFICERS')
        .where('entity_id', '=', id)
        .where('status', '!=', 'VERIFIED')
        .execute();
    }
    if ('officers' in changes) {
      await fileForVerification(trx, deps, actor, audit, {
        cooperativeId: id,
        kind: 'OFFICERS',
        entityId: id,
        fiscalYear: null,
        summary:
          `Susunan pengurus baru: ${next.officers.map((o) => `${o.name} (${o.role.toLowerCase().replace(/_/g, ' ')})`).join(', ')}`.slice(
            0,
            500,
          ),
        previous: { officers: current.officers },
      });
    }
    return loadCooperative(trx, id);
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const rec = o as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, rec[k]]));
}
