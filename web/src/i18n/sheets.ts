// Strings of the spreadsheet screens: background exports (ExportMenu), XLSX imports (/impor) and the
// yearly ODS recap (/rekap). Registered when one of them (lazy) loads.
import i18n from './index';

const sheets = {
  sheets: {
    export: {
      button: 'Unduh',
      withFilters: 'Sesuai filter yang dipilih',
      xlsx: 'Excel (XLSX)',
      csv: 'CSV (pemisah titik koma)',
      preparing: 'Menyiapkan {{format}}…',
      rows: '{{done}} / {{total}} baris',
      progress: 'Kemajuan ekspor',
      failed: 'Ekspor gagal.',
      download: 'Unduh {{format}} ({{n}} baris)',
      dismiss: 'Tutup',
    },
    import: {
      title: 'Impor data dari Excel',
      subtitle: 'Tambah banyak koperasi atau data tahunan sekaligus dari berkas XLSX',
      kindCooperatives: 'Koperasi',
      kindFigures: 'Data tahunan',
      helpCooperatives:
        'Setiap baris menjadi satu koperasi baru di registri. Berkas diperiksa dulu tanpa menyimpan apa pun; impor hanya berjalan bila semua baris benar, dan semua baris disimpan sekaligus.',
      helpFigures:
        'Setiap baris berisi angka satu tahun buku (aset, modal, volume usaha, SHU, anggota) untuk koperasi yang sudah terdaftar, dicocokkan dengan NIK atau ID Sambang. Data tahun yang sama akan diganti.',
      step1: 'Unduh templat',
      step2: 'Pilih berkas yang sudah diisi',
      step3: 'Hasil pemeriksaan',
      templateCooperatives: 'Isi lembar "Koperasi". Kode jenis, kelompok, kecamatan dan desa ada di lembar "Kode".',
      templateFigures: 'Templat sudah berisi daftar koperasi di registri; isi tahun buku dan angkanya.',
      downloadTemplate: 'Unduh templat XLSX',
      fileLabel: 'Berkas XLSX',
      fileHint: 'Hanya berkas Excel .xlsx dari templat Sambang, paling besar 20 MB.',
      filePlaceholder: 'Pilih berkas…',
      checking: 'Memeriksa setiap baris…',
      checkFailed: 'Berkas tidak dapat diperiksa.',
      startFailed: 'Impor tidak dapat dimulai.',
      notXlsx: '"{{name}}" bukan berkas Excel .xlsx. Simpan berkas sebagai "Excel Workbook (.xlsx)" dari templat Sambang lalu pilih lagi.',
      fileRefused: 'Berkas ditolak',
      total: '{{n}} baris',
      valid: '{{n}} siap diimpor',
      bad: '{{n}} baris bermasalah',
      allGood: 'Semua {{n}} baris benar dan siap diimpor.',
      errorsTitle: '{{n}} kesalahan ditemukan',
      errorsText: 'Tidak ada yang akan diimpor sebelum semua baris benar. Perbaiki baris berikut di Excel, simpan, lalu pilih berkasnya lagi.',
      colRow: 'Baris',
      colColumn: 'Kolom',
      colMessage: 'Pesan',
      colName: 'Nama koperasi',
      colDistrict: 'Kecamatan',
      colVillage: 'Kode desa',
      colKey: 'NIK / ID Sambang',
      colYear: 'Tahun buku',
      moreErrors: 'Menampilkan {{shown}} dari {{n}} kesalahan.',
      previewTitle: 'Pratinjau ({{n}} baris pertama yang benar)',
      run: 'Impor {{n}} baris',
      fixFirst: 'Perbaiki semua kesalahan dahulu.',
      running: 'Mengimpor…',
      connecting: 'Menghubungi server…',
      progress: '{{done}} dari {{total}} baris ({{pct}}%)',
      reloadHint: 'Halaman ini boleh dimuat ulang atau ditutup; impor tetap berjalan di server.',
      failedTitle: 'Impor gagal',
      failed: 'Impor gagal; tidak ada data yang disimpan.',
      doneTitle: 'Impor selesai',
      doneCooperatives: '{{n}} koperasi baru tersimpan di registri.',
      doneFigures: 'Data tahunan tersimpan untuk {{n}} baris.',
      toRegistry: 'Lihat di daftar koperasi (terbaru di atas)',
      toRecap: 'Lihat rekap tahunan',
      again: 'Impor berkas lain',
      jobUnknownTitle: 'Proses impor tidak ditemukan',
      jobUnknown:
        'Server tidak lagi mengenal proses ini (server dimulai ulang, lebih dari satu jam berlalu, atau proses milik pengguna lain). Periksa registri apakah datanya sudah masuk sebelum mengimpor lagi.',
    },
  },
};

i18n.addResourceBundle('id', 'translation', sheets, true, false);

export default sheets;
