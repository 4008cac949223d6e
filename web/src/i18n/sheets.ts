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
  },
};

i18n.addResourceBundle('id', 'translation', sheets, true, false);

export default sheets;
