import { insideBbox, villageBelongsToDistrict } from '../../domain/cooperative.js';
import { oncePerTransaction } from '../tx-memo.js';
import { AppError, invalid } from '../../domain/errors.js';
import { type AppDeps, todayJakarta, type Tx } from '../context.js';
import type { CooperativeFields } from './view.js';
import type { Bbox } from '../../config.js';
import { officeBbox } from '../offices/ownership.js';
import { areaPattern, officeArea } from '../regions/list-regions.js';

/**
 * The rules that need the database or the configuration: region codes that exist and match,
 * coordinates inside the regency, a NIK nobody else holds. Throws VALIDATION or CONFLICT naming
 * every bad field at once.
 */
export async function validateCooperative(
  deps: AppDeps,
  db: Tx,
  f: CooperativeFields,
  selfId: string | null,
  /** The caller has already looked up the NIK's holder (a batch asks for all its NIKs at once). */
  opts: { nikChecked?: boolean; officeId?: string | null } = {},
): Promise<void> {
  const fields: Record<string, string> = {};
  let bbox: Bbox | null = null;

  const area = areaPattern(await officeArea(db, opts.officeId ?? null));
  // Regions do not change inside a transaction: an import asks once per kecamatan and desa, not per row.
  const district = await oncePerTransaction(db, `district:${area}:${f.districtCode}`, () =>
    db
      .selectFrom('districts')
      .select('code')
      .where('code', '=', f.districtCode)
      .where('code', 'like', area)
      .executeTakeFirst(),
  );
  if (!district) {
    fields.districtCode = `Kecamatan dengan kode ${f.districtCode} tidak ada di wilayah ini.`;
  } else {
    const village = await oncePerTransaction(db, `village:${f.villageCode}`, () =>
      db.selectFrom('villages').select(['code', 'district_code']).where('code', '=', f.villageCode).executeTakeFirst(),
    );
    if (!village) fields.villageCode = `Desa/kelurahan dengan kode ${f.villageCode} tidak dikenal.`;
    else if (village.district_code !== f.districtCode || !villageBelongsToDistrict(f.villageCode, f.districtCode))
      fields.villageCode = 'Desa/kelurahan ini tidak berada di kecamatan yang dipilih.';
  }

  if ((f.latitude === null) !== (f.longitude === null)) {
    fields[f.latitude === null ? 'latitude' : 'longitude'] =
      'Lintang dan bujur harus diisi keduanya atau dikosongkan keduanya.';
  } else if (
    f.latitude !== null &&
    f.longitude !== null &&
    (bbox = await officeBbox(db, deps.config.bbox)) &&
    !insideBbox(f.latitude, f.longitude, bbox)
  ) {
    const msg = 'Koordinat berada di luar wilayah kerja Dinas. Periksa lintang (negatif untuk selatan) dan bujur.';
    fields.latitude = msg;
    fields.longitude = msg;
  }

  if (f.legalEntityDate && f.legalEntityAmendmentDate && f.legalEntityAmendmentDate < f.legalEntityDate) {
    fields.legalEntityAmendmentDate = 'Tanggal perubahan badan hukum tidak boleh sebelum tanggal pengesahan.';
  }
  const today = todayJakarta(deps);
  if (f.legalEntityDate && f.legalEntityDate > today)
    fields.legalEntityDate = 'Tanggal badan hukum tidak boleh di masa depan.';

  if (Object.keys(fields).length > 0) throw invalid(fields);

  if (f.nik && !opts.nikChecked) {
    const holder = await db
      .selectFrom('cooperatives')
      .select(['id', 'name'])
      .where('nik', '=', f.nik)
      .executeTakeFirst();
    if (holder && holder.id !== selfId) {
      throw new AppError('CONFLICT', 'NIK ini sudah terdaftar untuk koperasi lain.', {
        nik: `NIK sudah dipakai oleh ${holder.name}.`,
      });
    }
  }
}
