// Strings of the summary at the top of a cooperative's page (issue #15).
import i18n from './index';

const summary = {
  summary: {
    label: 'Ringkasan koperasi',
    health: 'Kesehatan',
    score: 'Skor {{score}} · tahun buku {{year}}',
    noAssessment: 'Belum ada penilaian final',
    rat: 'RAT',
    ratYear: 'Tahun buku {{year}}',
    noRat: 'Belum ada RAT yang jatuh tempo',
    ratWarnings_one: '{{count}} peringatan',
    ratWarnings_other: '{{count}} peringatan',
    followUps: 'Tindak lanjut',
    open: 'belum selesai',
    overdue_one: '{{count}} lewat tenggat',
    overdue_other: '{{count}} lewat tenggat',
    visits: 'Kunjungan',
    lastVisit: 'Terakhir',
    nextVisit: 'Berikutnya',
    never: 'belum pernah',
    noneScheduled: 'belum dijadwalkan',
  },
};

i18n.addResourceBundle('id', 'translation', summary, true, false);

export default summary;
