import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import type { AppDeps } from '../context.js';

export const REGION_SOURCE =
  'Data wilayah: paket npm idn-area-data (Fityan Nugroho), berdasarkan Keputusan Menteri Dalam Negeri tentang kode dan data wilayah administrasi pemerintahan (2025); data berlisensi Open Database License (ODbL).';

/**
 * Loads the configured regency's kecamatan and villages from the idn-area-data package, once:
 * it does nothing when the districts of that regency are already there.
 */
export async function loadRegions(deps: AppDeps): Promise<{ districts: number; villages: number }> {
  const db = deps.db.kysely;
  const region = deps.config.region;
  const have = await db
    .selectFrom('districts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('regency_code', '=', region)
    .executeTakeFirstOrThrow();
  if (Number(have.n) > 0) return { districts: Number(have.n), villages: -1 };

  const regencies = await getRegencies();
  const regency = regencies.find((r) => r.code === region);
  if (!regency) throw new Error(`SAMBANG_REGION ${region} tidak ada dalam data wilayah / not a known regency code`);
  const districts = (await getDistricts()).filter((d) => d.regency_code === region);
  const districtCodes = new Set(districts.map((d) => d.code));
  const villages = (await getVillages()).filter((v) => districtCodes.has(v.district_code));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: 'regency', value: JSON.stringify({ code: regency.code, name: regency.name }) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ code: regency.code, name: regency.name }) }))
      .execute();
    await trx.insertInto('districts').values(districts.map((d) => ({ code: d.code, regency_code: region, name: d.name }))).execute();
    for (let i = 0; i < villages.length; i += 200) {
      await trx
        .insertInto('villages')
        .values(villages.slice(i, i + 200).map((v) => ({ code: v.code, district_code: v.district_code, name: v.name })))
        .execute();
    }
  });
  return { districts: districts.length, villages: villages.length };
}
