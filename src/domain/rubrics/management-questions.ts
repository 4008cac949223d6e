import type { Question } from './types.js';

/**
 * The 38 management questions of ksp-2016, in the regulation's order. The themes come from the
 * regulation's appendix as reproduced in public software; the Indonesian wording and the evidence
 * are ours (provisional), correctable by an admin through a new rubric version.
 */
export const MANAGEMENT_QUESTIONS: Record<
  'general' | 'institutional' | 'capital' | 'assets' | 'liquidity',
  Question[]
> = {
  general: [
    {
      number: 1,
      text: 'Koperasi memiliki visi, misi, dan tujuan yang tertulis.',
      evidence:
        'Dokumen visi, misi, dan tujuan yang disahkan (rencana strategis, keputusan rapat anggota, atau papan di kantor).',
    },
    {
      number: 2,
      text: 'Koperasi memiliki rencana kerja jangka panjang sekurang-kurangnya 3 tahun yang dijadikan pedoman usaha.',
      evidence: 'Dokumen rencana jangka panjang (≥ 3 tahun) yang disahkan rapat anggota.',
    },
    {
      number: 3,
      text: 'Koperasi memiliki rencana kerja tahunan.',
      evidence: 'Rencana kerja dan RAPB tahun berjalan yang disahkan RAT.',
    },
    {
      number: 4,
      text: 'Rencana kerja tahunan sejalan dengan rencana jangka panjang.',
      evidence: 'Sasaran rencana tahunan dibandingkan dengan sasaran rencana jangka panjang.',
    },
    {
      number: 5,
      text: 'Rencana kerja diketahui dan dipahami oleh pengurus, pengawas, pengelola, dan karyawan.',
      evidence: 'Notulen dan daftar hadir sosialisasi rencana kerja; tanya jawab singkat dengan karyawan.',
    },
    {
      number: 6,
      text: 'Keputusan operasional diambil secara mandiri oleh pengelola.',
      evidence:
        'Surat pelimpahan wewenang dari pengurus kepada pengelola; contoh keputusan operasional yang ditandatangani pengelola.',
    },
    {
      number: 7,
      text: 'Pengurus dan pengelola berkomitmen menyelesaikan masalah dan melakukan tindakan perbaikan.',
      evidence: 'Notulen rapat yang membahas masalah dan tindak lanjut temuan pengawas atau pemeriksaan sebelumnya.',
    },
    {
      number: 8,
      text: 'Koperasi memiliki peraturan kepegawaian tertulis dan sarana kerja yang memadai.',
      evidence: 'Peraturan kepegawaian dan kontrak kerja; pengamatan langsung sarana kantor.',
    },
    {
      number: 9,
      text: 'Pengurus yang telah mengangkat pengelola tidak mencampuri kegiatan operasional sehari-hari untuk kepentingan pribadi, keluarga, atau kelompok.',
      evidence:
        'Wawancara dengan pengelola; tidak ada campur tangan pengurus pada keputusan pinjaman harian yang menguntungkan pihak terkait.',
    },
    {
      number: 10,
      text: 'Anggota mampu menambah modal koperasi.',
      evidence: 'Kenaikan simpanan anggota dan modal penyertaan anggota dalam laporan keuangan dua tahun terakhir.',
    },
    {
      number: 11,
      text: 'Pengurus, pengawas, dan pengelola tidak melakukan transaksi yang menguntungkan diri sendiri.',
      evidence:
        'Daftar pinjaman kepada pengurus, pengawas, pengelola, dan keluarganya beserta syaratnya, dibandingkan dengan syarat bagi anggota lain.',
    },
    {
      number: 12,
      text: 'Pengurus mengawasi pengelola secara efektif.',
      evidence: 'Laporan berkala pengelola kepada pengurus dan notulen pembahasannya.',
    },
  ],
  institutional: [
    {
      number: 13,
      text: 'Bagan organisasi mencakup seluruh kegiatan koperasi, tanpa jabatan kosong atau rangkap.',
      evidence: 'Bagan organisasi terbaru dan daftar pejabat serta karyawan.',
    },
    {
      number: 14,
      text: 'Setiap karyawan memiliki uraian tugas tertulis.',
      evidence: 'Uraian tugas setiap jabatan yang ditandatangani.',
    },
    {
      number: 15,
      text: 'Struktur organisasi memuat pengawas.',
      evidence: 'Keputusan rapat anggota tentang pengawas; laporan pengawas tahun terakhir.',
    },
    {
      number: 16,
      text: 'Koperasi memiliki standar operasional manajemen (SOM) dan prosedur (SOP) tertulis.',
      evidence: 'Buku SOM dan SOP yang disahkan pengurus.',
    },
    {
      number: 17,
      text: 'Kegiatan koperasi sungguh dijalankan sesuai SOM dan SOP.',
      evidence: 'Beberapa berkas transaksi atau pinjaman dicocokkan dengan langkah-langkah SOP.',
    },
    {
      number: 18,
      text: 'Dokumen penting disimpan dengan aman.',
      evidence:
        'Tempat penyimpanan (brankas atau lemari tahan api) dan daftar arsip akta, sertifikat agunan, dan perjanjian.',
    },
  ],
  capital: [
    {
      number: 19,
      text: 'Pertumbuhan modal sendiri sekurang-kurangnya sama dengan pertumbuhan aset.',
      evidence: 'Neraca dua tahun: persentase kenaikan modal sendiri dibandingkan persentase kenaikan aset.',
    },
    {
      number: 20,
      text: 'Modal sendiri dari anggota tumbuh sekurang-kurangnya 10% per tahun.',
      evidence: 'Simpanan pokok dan simpanan wajib pada neraca dua tahun terakhir.',
    },
    {
      number: 21,
      text: 'Cadangan yang disisihkan dari SHU sekurang-kurangnya seperempat dari SHU tahun berjalan.',
      evidence: 'Keputusan RAT tentang pembagian SHU dan mutasi cadangan.',
    },
    {
      number: 22,
      text: 'Tabungan dan simpanan berjangka tumbuh sekurang-kurangnya 10% per tahun.',
      evidence: 'Tabungan dan simpanan berjangka pada neraca dua tahun terakhir.',
    },
    {
      number: 23,
      text: 'Aktiva tetap dan perluasan kantor dibiayai dari modal sendiri.',
      evidence: 'Catatan atas laporan keuangan tentang sumber pendanaan aktiva tetap.',
    },
  ],
  assets: [
    {
      number: 24,
      text: 'Pinjaman lancar sekurang-kurangnya 90% dari pinjaman yang diberikan.',
      evidence: 'Daftar kolektibilitas pinjaman pada akhir tahun buku.',
    },
    {
      number: 25,
      text: 'Setiap pinjaman dijamin agunan yang nilainya sekurang-kurangnya sebesar pinjaman, kecuali pinjaman anggota sampai dengan Rp 1.000.000.',
      evidence: 'Contoh berkas pinjaman beserta taksiran nilai agunannya.',
    },
    {
      number: 26,
      text: 'Cadangan penghapusan pinjaman sekurang-kurangnya sebesar pinjaman macet tahun berjalan.',
      evidence: 'Penyisihan penghapusan pinjaman dibandingkan dengan pinjaman macet pada neraca.',
    },
    {
      number: 27,
      text: 'Sekurang-kurangnya sepertiga pinjaman macet tahun lalu berhasil ditagih.',
      evidence: 'Daftar pinjaman macet tahun lalu dan pelunasannya pada tahun ini.',
    },
    {
      number: 28,
      text: 'Prosedur pemberian pinjaman dijalankan secara efektif.',
      evidence: 'Contoh berkas pinjaman lengkap: permohonan, analisis, persetujuan, perjanjian.',
    },
    {
      number: 29,
      text: 'Ada kebijakan tertulis tentang penyisihan cadangan pinjaman bermasalah.',
      evidence: 'Keputusan pengurus atau SOP tentang penyisihan penghapusan pinjaman.',
    },
    {
      number: 30,
      text: 'Keputusan pinjaman didasarkan pada analisis kelayakan yang hati-hati.',
      evidence: 'Lembar analisis kelayakan (mis. 5C) pada contoh berkas pinjaman.',
    },
    {
      number: 31,
      text: 'Keputusan pemberian pinjaman dan penempatan dana diambil oleh komite.',
      evidence: 'Keputusan pembentukan komite pinjaman; paraf atau notulen komite pada berkas.',
    },
    {
      number: 32,
      text: 'Pinjaman dipantau setelah dicairkan.',
      evidence: 'Laporan kunjungan atau pemantauan peminjam dan kartu pinjaman.',
    },
    {
      number: 33,
      text: 'Agunan ditinjau, dinilai kembali, dan diikat secara hukum.',
      evidence: 'Dokumen pengikatan agunan (fidusia, hak tanggungan, surat kuasa) dan catatan penilaian ulang.',
    },
  ],
  liquidity: [
    {
      number: 34,
      text: 'Koperasi memiliki kebijakan tertulis tentang pengendalian likuiditas.',
      evidence: 'SOP atau keputusan pengurus tentang likuiditas (mis. batas kas minimum).',
    },
    {
      number: 35,
      text: 'Koperasi memiliki fasilitas pendanaan siaga dari lembaga lain.',
      evidence: 'Perjanjian pinjaman siaga dengan bank, koperasi sekunder, atau lembaga pembiayaan.',
    },
    {
      number: 36,
      text: 'Ada jadwal kewajiban jatuh tempo yang dipantau secara efektif.',
      evidence: 'Daftar jatuh tempo simpanan berjangka dan kewajiban lain yang diperbarui.',
    },
    {
      number: 37,
      text: 'Kebijakan simpanan dan pinjaman disesuaikan dengan kondisi keuangan koperasi.',
      evidence:
        'Keputusan tentang jasa simpanan, jasa pinjaman, dan plafon pinjaman yang merujuk pada posisi likuiditas.',
    },
    {
      number: 38,
      text: 'Sistem informasi memadai untuk memantau likuiditas.',
      evidence: 'Laporan posisi kas harian atau mingguan dari pembukuan.',
    },
  ],
};
