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
    assess: flag('Buat atau ubah penilaian kesehatan'),
    browse: flag('Buka daftar seluruh koperasi (Dinas)'),
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
    browse: flag('Buka daftar seluruh penilaian (Dinas)'),
    issueDocument: flag('Terbitkan dokumen resmi hasil penilaian'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada penilaian ini');

/** `can` of a list as a whole: what the user may add to it. */
export const cooperativeListCanOut = z
  .object({ create: flag('Tambah koperasi') })
  .describe('Yang boleh dilakukan pengguna ini pada daftar koperasi');

export const documentCanOut = z
  .object({ cancel: flag('Batalkan dokumen resmi') })
  .describe('Yang boleh dilakukan pengguna ini pada dokumen ini');

export const documentListCanOut = z
  .object({ issue: flag('Terbitkan dokumen resmi') })
  .describe('Yang boleh dilakukan pengguna ini pada daftar dokumen resmi');

export const unitDevelopmentCanOut = z
  .object({
    write: flag('Catat kebutuhan unit usaha dan usulan unit baru'),
    mentor: flag('Catat pendampingan'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada pengembangan unit usaha koperasi ini');

export const importBatchCanOut = z
  .object({ undo: flag('Batalkan impor ini') })
  .describe('Yang boleh dilakukan pengguna ini pada satu impor');

export const rubricListCanOut = z
  .object({ publish: flag('Terbitkan versi rubrik baru') })
  .describe('Yang boleh dilakukan pengguna ini pada rubrik');

export const verificationQueueCanOut = z
  .object({
    decide: flag('Verifikasi atau kembalikan isian koperasi'),
    planVisit: flag('Jadikan permintaan koperasi rencana kunjungan'),
    linkVisit: flag('Kaitkan pengumuman RAT dengan kunjungan'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada antrean verifikasi, permintaan dan pengumuman RAT');

export type CooperativeCan = z.infer<typeof cooperativeCanOut>;
export type AssessmentCan = z.infer<typeof assessmentCanOut>;
export type DocumentCan = z.infer<typeof documentCanOut>;
export type UnitDevelopmentCan = z.infer<typeof unitDevelopmentCanOut>;
export type VerificationQueueCan = z.infer<typeof verificationQueueCanOut>;
export type RubricListCan = z.infer<typeof rubricListCanOut>;
/** The abilities of the logged-in user in the app as a whole (`abilities` on GET /auth/me and login). */
export const appAbilitiesOut = z
  .object({
    office: flag('Layar Dinas: registri, kunjungan, prioritas, penilaian, rubrik, program, rekap, dokumen'),
    portal: flag('Portal koperasi: koperasi sendiri, aspirasinya dan tindak lanjutnya'),
    dashboard: flag('Dasbor'),
    priorities: flag('Daftar prioritas'),
    audit: flag('Log audit'),
    manageUsers: flag('Kelola pengguna'),
    manageOffice: flag('Kelola profil kantor dan pengaturan kantor'),
    createCooperatives: flag('Tambah koperasi'),
    editCooperatives: flag('Ubah data koperasi (akun koperasi: koperasinya sendiri)'),
    importData: flag('Impor data XLSX'),
    planVisits: flag('Rencanakan kunjungan'),
    joinsOwnVisits: flag('Wajib menjadi anggota tim kunjungan yang direncanakannya'),
    approveVisits: flag('Setujui rencana kunjungan'),
    handleConcerns: flag('Tangani aspirasi dan beri rekomendasi'),
    raiseConcerns: flag('Catat aspirasi di luar kunjungan (akun koperasi: untuk koperasinya)'),
    askRequests: flag('Ajukan permintaan kunjungan atau bantuan'),
    managePrograms: flag('Kelola program kunjungan'),
    decideVerifications: flag('Putuskan verifikasi isian koperasi'),
    fieldMode: flag('Mode lapangan'),
    verifiesFilings: flag('Menerima pemberitahuan isian yang menunggu verifikasi'),
    home: z.enum(['cooperative', 'dashboard', 'registry']).describe('Halaman awal setelah masuk'),
  })
  .describe('Yang boleh dijangkau pengguna ini di aplikasi');

export const concernCanOut = z
  .object({
    handle: flag('Tanggapi, ubah status aspirasi'),
    recommend: flag('Beri rekomendasi (tindak lanjut) atas aspirasi'),
    markSeen: flag('Tandai aspirasi sudah dibaca'),
  })
  .describe('Yang boleh dilakukan pengguna ini pada aspirasi ini');

export const programCanOut = z
  .object({ manage: flag('Ubah program dan targetnya') })
  .describe('Yang boleh dilakukan pengguna ini pada program ini');

export type AppAbilitiesOut = z.infer<typeof appAbilitiesOut>;
export type VisitCanOut = z.infer<typeof visitCanOut>;
export type FollowUpCanOut = z.infer<typeof followUpCanOut>;
export type ConcernCanOut = z.infer<typeof concernCanOut>;
export type ProgramCanOut = z.infer<typeof programCanOut>;
