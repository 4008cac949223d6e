import { randomUUID } from 'node:crypto';
import { AUTHORITY_LEVEL_LABELS, AUTHORITY_RANK, type AuthorityLevel } from '../../domain/codes.js';
import { AppError, invalid } from '../../domain/errors.js';
import { type Actor, type AppDeps, type AuditInput, mutate, type Tx } from '../context.js';
import { defaultProfile, ensureRegisters } from '../offices/offices.js';
import { officeCreatedAt } from '../offices/ownership.js';
import { authorize, cooperativePolicy, guardManage } from '../policy/index.js';
import { type Cooperative, loadCooperative } from './view.js';

export interface TransferInput {
  authorityLevel: Exclude<AuthorityLevel, 'KABUPATEN'>;
  reason: string;
}

/**
 * The office that supervises cooperatives of `level` for a cooperative in `districtCode`: the
 * province office of its province (made from the region data when there is none yet, with its own
 * letter registers and an audit event), or the national office (which must exist).
 */
async function receivingOffice(
  deps: AppDeps,
  trx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  level: TransferInput['authorityLevel'],
  districtCode: string,
): Promise<{ id: string; name: string; created: boolean }> {
  if (level === 'NASIONAL') {
    const o = await trx.selectFrom('offices').select(['id', 'name']).where('level', '=', 'NASIONAL').executeTakeFirst();
    if (!o)
      throw new AppError('CONFLICT', 'Kantor nasional belum terdaftar. Tambahkan kantor tingkat nasional lebih dulu.', {
        authorityLevel: 'Kantor nasional belum ada.',
      });
    return { ...o, created: false };
  }
  const provinceCode = districtCode.slice(0, 2);
  const existing = await trx
    .selectFrom('offices')
    .select(['id', 'name'])
    .where('level', '=', 'PROVINSI')
    .where('region_code', '=', provinceCode)
    .executeTakeFirst();
  if (existing) return { ...existing, created: false };
  const profile = await defaultProfile(trx, 'PROVINSI', provinceCode);
  const id = randomUUID();
  const at = await officeCreatedAt(trx, deps.now());
  await trx
    .insertInto('offices')
    .values({
      id,
      level: 'PROVINSI',
      region_code: provinceCode,
      name: profile.name,
      short_name: profile.shortName,
      government: profile.government,
      address: profile.address,
      city: profile.city,
      legal_basis: '[]',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ensureRegisters(trx, id, at);
  await audit({
    action: 'office.create',
    entityType: 'office',
    entityId: id,
    cooperativeId: null,
    changes: {
      level: { before: null, after: 'PROVINSI' },
      regionCode: { before: null, after: provinceCode },
      government: { before: null, after: profile.government },
    },
  });
  return { id, name: profile.name, created: true };
}

/**
 * Hands a cooperative whose membership area grew beyond its regency (or province) to the province
 * (or national) office: its authority level and office change in one audited transaction with the
 * reason. Only upwards; a dissolved cooperative stays where it is.
 */
export async function transferCooperative(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: TransferInput,
): Promise<Cooperative> {
  return mutate(deps, actor, async (trx, audit) => {
    // Also remembers the office before the transfer for this transaction's write check (mutate).
    await guardManage(trx, actor, id);
    const current = await loadCooperative(trx, id);
    authorize(
      cooperativePolicy.transfer,
      actor,
      current,
      'Hanya admin yang dapat menyerahkan koperasi ke kantor lain.',
    );
    const reason = input.reason.trim();
    if (reason.length < 5) throw invalid({ reason: 'Alasan penyerahan wajib diisi (minimal 5 karakter).' });
    if (current.status === 'DIBUBARKAN')
      throw new AppError('CONFLICT', 'Koperasi yang sudah dibubarkan tidak dapat diserahkan.');
    if (AUTHORITY_RANK[input.authorityLevel] <= AUTHORITY_RANK[current.authorityLevel]) {
      throw new AppError(
        'CONFLICT',
        `Koperasi ini sudah berada di bawah ${AUTHORITY_LEVEL_LABELS[current.authorityLevel].toLowerCase()}; penyerahan hanya ke tingkat yang lebih tinggi.`,
        {
          authorityLevel: 'Pilih tingkat yang lebih tinggi.',
        },
      );
    }
    const office = await receivingOffice(deps, trx, audit, input.authorityLevel, current.districtCode);
    const updated = await trx
      .updateTable('cooperatives')
      .set({
        authority_level: input.authorityLevel,
        office_id: office.id,
        version: current.version + 1,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'Data koperasi sudah diubah orang lain. Muat ulang lalu ulangi.');
    await audit({
      action: 'cooperative.transfer',
      entityType: 'cooperative',
      entityId: id,
      cooperativeId: id,
      changes: {
        authorityLevel: { before: current.authorityLevel, after: input.authorityLevel },
        officeId: { before: current.officeId, after: office.id },
        reason: { before: null, after: reason },
      },
    });
    return loadCooperative(trx, id);
  });
}
