import { z } from 'zod';

/**
 * `can`: what the logged-in user may do with the record, computed by the record's policy
 * (src/app/policy/) — the web app renders its buttons from these instead of repeating the rules.
 * Additive: present on the detail responses (and follow-up list items), absent elsewhere.
 */
const flag = (what: string) => z.boolean().describe(what);

export const cooperativeCanOut = z
  .object({
    update: flag('Ubah data koperasi (pengguna koperasi: kontak dan jumlah anggota saja)'),
    updateAnyField: flag('Ubah semua kolom data koperasi'),
    editDetails: flag('Ubah data tahunan dan unit usaha'),
    dissolve: flag('Catat pembubaran'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada koperasi ini');

export const visitCanOut = z
  .object({
    update: flag('Ubah rencana dan hasil kunjungan'),
    approve: flag('Setujui rencana kunjungan'),
    cancel: flag('Batalkan kunjungan'),
    writeReport: flag('Sunting laporan kegiatan'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada kunjungan ini');

export const followUpCanOut = z
  .object({
    update: flag('Ubah rekomendasi, penanggung jawab, tenggat'),
    cancel: flag('Batalkan tindak lanjut'),
    progress: flag('Laporkan kemajuan atau tandai selesai'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada tindak lanjut ini');

export const assessmentCanOut = z
  .object({
    update: flag('Ubah isian penilaian (draf)'),
    finalize: flag('Finalkan penilaian (draf)'),
    delete: flag('Hapus draf penilaian'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada penilaian ini');
