// Labels of the history (a cooperative's "Riwayat" tab) and the audit log for the records added with
// visits, dialog, programs and sync (issue #15: never `visit.approve`, `in_progress` or `FOLLOW_UP`
// on screen). Loaded with ChangeList.
import i18n from './index';

const history = {
  actions: {
    'visit.create': 'Merencanakan kunjungan',
    'visit.update': 'Mengubah rencana kunjungan',
    'visit.approve': 'Menyetujui kunjungan',
    'visit.complete': 'Kunjungan selesai dicatat',
    'visit.cancel': 'Membatalkan kunjungan',
    'photo.upload': 'Mengunggah foto',
    'photo.delete': 'Menghapus foto',
    'program.create': 'Membuat program kunjungan',
    'program.update': 'Mengubah program kunjungan',
    'settings.priority_weights': 'Mengubah bobot prioritas',
    'statement.delete': 'Menghapus laporan keuangan',
    'sync.conflict': 'Konflik data dari mode lapangan',
    'sync.conflict_resolve': 'Menyelesaikan konflik data lapangan',
    'sync.merge': 'Menggabungkan data dari mode lapangan',
  },
  entityTypes: {
    visit: 'Kunjungan',
    concern: 'Aspirasi',
    follow_up: 'Tindak lanjut',
    program: 'Program kunjungan',
    settings: 'Pengaturan',
    unit_need: 'Kebutuhan unit usaha',
    unit_proposal: 'Usulan unit usaha',
    mentoring_session: 'Pendampingan unit usaha',
    photo: 'Foto',
  },
  changeFields: {
    date: 'Tanggal',
    startTime: 'Jam mulai',
    endTime: 'Jam selesai',
    purposes: 'Tujuan',
    team: 'Tim',
    programId: 'Program',
    status: 'Status',
    cancelReason: 'Alasan pembatalan',
    kind: 'Jenis',
    topic: 'Topik',
    description: 'Uraian',
    severity: 'Tingkat kepentingan',
    raisedVia: 'Disampaikan lewat',
    raisedBy: 'Disampaikan oleh',
    seenAt: 'Dibaca Dinas',
    recommendation: 'Rekomendasi',
    aspect: 'Aspek',
    responsible: 'Penanggung jawab',
    deadline: 'Tenggat',
    monitoringPlan: 'Rencana pemantauan',
    visitId: 'Kunjungan',
    concernId: 'Aspirasi',
    progressNote: 'Catatan kemajuan',
    evidence: 'Bukti',
    photo: 'Foto',
    caption: 'Keterangan',
    businessUnitId: 'Unit usaha',
    mentor: 'Pendamping',
    heldOn: 'Tanggal',
    title: 'Judul',
    year: 'Tahun',
    name: 'Nama',
  },
  historyValues: {
    responsibleKind: { BIDANG: 'Bidang Dinas', USER: 'Petugas', COOPERATIVE: 'Koperasi sendiri' },
    unitNeedStatus: { open: 'Terbuka', addressed: 'Sudah ditangani', closed: 'Selesai' },
    proposalStatus: { idea: 'Gagasan' },
  },
};

i18n.addResourceBundle('id', 'translation', history, true, false);

export default history;
