import { readFileSync } from 'node:fs';
import type { AppDeps } from '../context.js';

/**
 * The demo office's profile and officers' identity (issue 12). Probolinggo's own names and letter
 * numbers live here, in demo data, never in code paths; another region gets only generic demo values.
 * All NIPs are made up but well-formed.
 */
const PROBOLINGGO = {
  name: 'Dinas Koperasi, Usaha Mikro, Perdagangan dan Perindustrian',
  short_name: 'DKUPP',
  // No street, phone or e-mail made up for a real Dinas: the admin fills those in.
  address: 'Kabupaten Probolinggo, Jawa Timur',
  city: 'Probolinggo',
};
const PATTERNS: Record<string, string> = {
  SPT: '800.1.11.1/{seq:3}/426.113/{year}',
  BERITA_ACARA: '{seq:3}/BA-SAMBANG/426.113/{romanMonth}/{year}',
  LAPORAN_PENILAIAN: '500.3/{seq:3}/426.113/PK/{year}',
};
const LEGAL_BASIS = [
  'Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023;',
  'Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah;',
  'Peraturan Menteri Koperasi dan Usaha Kecil dan Menengah Nomor 9 Tahun 2020 tentang Pengawasan Koperasi;',
  'Program kerja Gerakan Sambang Koperasi tahun berjalan.',
];
const OFFICERS: Record<string, { nip: string; rank: string; position: string }> = {
  'kepala.dinas': { nip: '197204151998031005', rank: 'Pembina Utama Muda, IV/c', position: 'Kepala Dinas' },
  pimpinan: { nip: '197511202000122003', rank: 'Pembina Tk. I, IV/b', position: 'Sekretaris Dinas' },
  'petugas.koperasi': {
    nip: '198306122009012004',
    rank: 'Penata Tk. I, III/d',
    position: 'Pengawas Koperasi Ahli Muda',
  },
  'petugas.usahamikro': {
    nip: '198811032014031002',
    rank: 'Penata, III/c',
    position: 'Penyuluh Usaha Mikro Ahli Pertama',
  },
  'petugas.industri': {
    nip: '199002242015032001',
    rank: 'Penata Muda Tk. I, III/b',
    position: 'Pembina Industri Ahli Pertama',
  },
  admin: { nip: '199105172019031007', rank: 'Penata Muda, III/a', position: 'Pranata Komputer Ahli Pertama' },
};

export async function seedDemoOffice(deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  // Only the columns every schema since offices has (the upgrade test seeds a database of an earlier release).
  const first = await db
    .selectFrom('offices')
    .select(['id', 'region_code'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const office = { id: first.id, regionCode: first.region_code };
  const at = deps.now().toISOString();
  const head = OFFICERS['kepala.dinas']!;
  await db
    .updateTable('offices')
    .set({
      ...(office.regionCode === '35.13' ? PROBOLINGGO : {}),
      logo: readFileSync(new URL('./demo-logo.png', import.meta.url)),
      logo_type: 'image/png',
      head_name: 'Drs. Hariyanto Wibisono, M.Si.',
      head_nip: head.nip,
      head_rank: head.rank,
      head_position: head.position,
      legal_basis: JSON.stringify(LEGAL_BASIS),
      updated_at: at,
    })
    .where('id', '=', office.id)
    .execute();
  if (office.regionCode === '35.13') {
    for (const [kind, pattern] of Object.entries(PATTERNS)) {
      await db
        .updateTable('letter_registers')
        .set({ pattern, updated_at: at })
        .where('office_id', '=', office.id)
        .where('kind', '=', kind)
        .execute();
    }
  }
  for (const [username, o] of Object.entries(OFFICERS)) {
    await db
      .updateTable('users')
      .set({ ...o, updated_at: at })
      .where('username', '=', username)
      .execute();
  }
}
