// Strings of the dashboard and the visit-priority screens. Registered when one of those (lazy)
// screens loads, so the login bundle does not carry them.
import i18n from './index';

const dashboard = {
  dashboard: {
    title: 'Dasbor',
    subtitle: '{{region}} · ringkasan program Sambang Koperasi per tahun · data per {{date}}',
    path: 'Jalur wilayah',
    year: 'Tahun',
    noData: {
      title: 'Tahun {{year}} belum punya program kunjungan',
      text: 'Belum ada sasaran program maupun kunjungan yang tercatat untuk tahun ini, sehingga angka di bawah masih nol.',
      show: 'Lihat tahun {{year}}',
    },
    categoryShort: { SEHAT: 'S', CUKUP_SEHAT: 'CS', DALAM_PENGAWASAN: 'DP', DALAM_PENGAWASAN_KHUSUS: 'DPK' },
    cards: {
      coverage: 'Cakupan kunjungan',
      coverageDetail: '{{visited}} dari {{target}} koperasi sasaran dikunjungi',
      coverageNoTarget: '{{visited}} koperasi dikunjungi; belum ada sasaran program',
      visits: '{{n}} kunjungan tercatat',
      rat: 'Kepatuhan RAT',
      // "aktif" is the registry's word for "a RAT in the last three fiscal years" (as on the yearly recap);
      // the RAT rate is held / due for that fiscal year; every label shows the same pair (issue #15).
      ratDetail:
        '{{held}} dari {{due}} koperasi wajib RAT tahun buku {{fiscalYear}} sudah ber-RAT ({{onTime}} tepat waktu)',
      ratActive:
        '{{n}} dari {{total}} koperasi aktif per {{date}} (RAT dalam tiga tahun buku terakhir; rekap tahunan menghitungnya per hari ini)',
      ratWarnings: '{{n}} koperasi dengan peringatan RAT',
      health: 'Kesehatan koperasi',
      healthDetail: '{{count}} koperasi dinilai pada {{year}} (penilaian final terakhir)',
      followUps: 'Tindak lanjut terlambat',
      followUpsDetail: '{{open}} belum selesai · {{inProgress}} sedang berjalan',
      open: 'Buka daftar',
    },
    map: {
      title: {
        KECAMATAN: 'Peta kecamatan',
        KABUPATEN: 'Kabupaten/kota',
        PROVINSI: 'Provinsi',
      },
      schematic: 'Peta skematis (bukan batas wilayah sebenarnya)',
      schematicNote:
        'Satu petak per kecamatan, disusun kira-kira barat–timur dan utara–selatan. Klik petak untuk membuka daftar koperasi kecamatan itu.',
      indicator: 'Indikator peta',
      north: 'Utara',
      ranked:
        'Belum ada peta skematis untuk kabupaten/kota ini: kecamatan diurutkan menurut indikator. Klik baris untuk membuka daftar koperasinya.',
      rankedRegions: 'Wilayah diurutkan menurut indikator. Klik baris untuk membuka dasbor wilayah itu.',
      noData: 'Tidak ada data',
      legendLow: 'rendah',
      legendHigh: 'tinggi',
      betterHigh: 'makin hijau makin baik',
      worseHigh: 'makin merah makin perlu perhatian',
    },
    indicators: {
      coverage: 'Cakupan kunjungan',
      coverageShort: 'Cakupan',
      rat: 'Kepatuhan RAT',
      ratShort: 'RAT',
      supervision: 'Dalam Pengawasan + DPK',
      supervisionShort: 'DP + DPK',
      overdue: 'Tindak lanjut terlambat',
      overdueShort: 'Terlambat',
    },
    tooltip: {
      coverage: 'Dikunjungi {{visited}} dari {{target}} sasaran',
      rat: 'Ber-RAT {{held}} dari {{due}} wajib RAT ({{onTime}} tepat waktu)',
      supervision: '{{n}} dari {{assessed}} koperasi dinilai',
      overdue: '{{overdue}} terlambat dari {{open}} belum selesai',
      click: 'Klik untuk daftar koperasi',
    },
    table: {
      title: {
        KECAMATAN: 'Rincian per kecamatan',
        KABUPATEN: 'Rincian per kabupaten/kota',
        PROVINSI: 'Rincian per provinsi',
      },
      column: { KECAMATAN: 'Kecamatan', KABUPATEN: 'Kabupaten/kota', PROVINSI: 'Provinsi' },
      authorityNote: 'Koperasi yang wilayah keanggotaannya lintas daerah, diawasi langsung oleh tingkat ini',
      coverage: 'Cakupan',
      visited: 'Dikunjungi / sasaran',
      ratRate: 'Kepatuhan RAT',
      ratDue: 'Ber-RAT / wajib',
      assessed: 'Dinilai',
      warnings: 'Peringatan RAT',
      cooperatives: 'Koperasi',
      total: { KABUPATEN: 'Kabupaten', PROVINSI: 'Provinsi', NASIONAL: 'Nasional', KECAMATAN: 'Kecamatan' },
      sortBy: 'Urutkan menurut {{column}}',
    },
    charts: {
      trends: 'Tren lima tahun',
      trendsNote:
        'Kunjungan dan kepatuhan RAT per tahun; kategori kesehatan menurut penilaian final yang dilakukan pada tahun itu.',
      visits: 'Kunjungan',
      ratRate: 'Kepatuhan RAT (%)',
      followUps: 'Tindak lanjut per bidang',
      followUpsNote: 'Tindak lanjut yang belum selesai, menurut penanggung jawab; bagian merah melewati tenggat.',
      openNotOverdue: 'Belum lewat tenggat',
      overdue: 'Lewat tenggat',
      concerns: 'Topik masalah terbanyak',
      concernsNote: 'Masalah yang dicatat saat kunjungan pada {{year}}.',
      mentions: 'Jumlah catatan',
      empty: 'Belum ada data.',
    },
  },
  priority: {
    title: 'Prioritas kunjungan',
    subtitle: 'Peringatan dini: koperasi yang paling perlu dikunjungi berikutnya, beserta alasannya.',
    district: 'Kecamatan',
    allDistricts: 'Semua kecamatan',
    limit: 'Tampilkan',
    limitN: '{{n}} teratas',
    score: 'Skor',
    points: '+{{n}}',
    rank: 'Peringkat',
    cooperative: 'Koperasi',
    reasons: 'Alasan',
    none: 'Tidak ada koperasi yang perlu diprioritaskan.',
    howScored: 'Skor adalah jumlah poin dari semua alasan. Bobot poin diatur oleh admin.',
    weightsButton: 'Bobot',
    weightsTitle: 'Bobot skor prioritas',
    weightsIntro:
      'Poin yang ditambahkan ke skor untuk setiap alasan. Nilai 0 mematikan alasan itu. Perubahan berlaku untuk semua pengguna.',
    weightsSaved: 'Bobot prioritas disimpan.',
    weightsGroups: { health: 'Kesehatan', rat: 'RAT', visits: 'Kunjungan dan tindak lanjut' },
    weights: {
      categoryDalamPengawasanKhusus: 'Kategori Dalam Pengawasan Khusus',
      categoryDalamPengawasan: 'Kategori Dalam Pengawasan',
      categoryCukupSehat: 'Kategori Cukup Sehat',
      healthDeclining: 'Skor kesehatan menurun',
      dissolutionCandidate: 'Tiga tahun tanpa RAT',
      noRatTwoYears: 'Dua tahun tanpa RAT',
      odsReportLate: 'Laporan RAT ke ODS terlambat',
      overdueFollowUp: 'Per tindak lanjut lewat tenggat',
      overdueFollowUpsMax: 'Batas poin tindak lanjut lewat tenggat',
      seriousConcern: 'Per masalah serius',
      seriousConcernsMax: 'Batas poin masalah serius',
      neverVisited: 'Belum pernah dikunjungi',
      staleVisit: 'Kunjungan terakhir sudah lama',
      staleVisitDays: 'Disebut “sudah lama” setelah',
    },
    unitPoints: 'poin',
    unitDays: 'hari',
    mustBeInteger: 'Bilangan bulat 0 atau lebih',
    viewOnly: 'Hanya admin yang dapat mengubah bobot.',
  },
};

i18n.addResourceBundle('id', 'translation', dashboard, true, false);

export default dashboard;
