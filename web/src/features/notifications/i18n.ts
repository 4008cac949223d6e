// Strings of notifications (issue #14): the bell, the inbox and the settings page.
import i18n from '../../i18n/index';

const notifications = {
  notifications: {
    bell: 'Pemberitahuan',
    bellUnread: 'Pemberitahuan, {{count}} belum dibaca',
    title: 'Pemberitahuan',
    subtitle: 'Pengingat dan kabar untuk Anda, disimpan 180 hari',
    none: 'Belum ada pemberitahuan.',
    noneUnread: 'Semua pemberitahuan sudah dibaca.',
    showAll: 'Lihat semua',
    onlyUnread: 'Belum dibaca saja',
    markAll: 'Tandai semua dibaca',
    markRead: 'Tandai dibaca',
    unreadCount: '{{count}} belum dibaca',
    open: 'Buka',
    whatsapp: 'Kirim WhatsApp',
    settings: 'Pengaturan',
    settingsTitle: 'Pengaturan pemberitahuan',
    settingsSubtitle: 'Surel, ringkasan harian, dan kalender',
    email: 'Alamat surel',
    emailHint: 'Pemberitahuan dikirim ke alamat ini. Kosongkan untuk berhenti menerima surel.',
    smtpOn: 'Surel aktif: pemberitahuan dikirim lewat server surel kantor.',
    smtpOff:
      'Server surel (SAMBANG_SMTP_URL) belum diatur: pemberitahuan hanya tampil di aplikasi. Pilihan di bawah berlaku setelah admin mengaturnya.',
    perKind: 'Per jenis pemberitahuan',
    perKindHint:
      'Pemberitahuan selalu tampil di aplikasi. Pilih apa yang dikirim lewat surel. Ringkasan harian dikirim pukul {{hour}}.00 WIB.',
    save: 'Simpan pengaturan',
    saved: 'Pengaturan pemberitahuan disimpan.',
    calendar: 'Kalender',
    calendarHint:
      'Tambahkan alamat ini ke Google Calendar ("Dari URL") atau kalender ponsel: kunjungan dan batas waktu Anda muncul di sana. Alamat ini rahasia; siapa pun yang memilikinya dapat melihat jadwal Anda.',
    calendarShow: 'Tampilkan alamat kalender',
    calendarRotate: 'Ganti alamat',
    calendarRotated: 'Alamat kalender diganti; alamat lama tidak berlaku lagi.',
    calendarRotateConfirm:
      'Alamat lama berhenti berlaku. Kalender yang sudah berlangganan harus ditambahkan ulang. Lanjutkan?',
    office: 'Pengaturan kantor',
    digestHour: 'Jam ringkasan harian (WIB)',
    digestSaved: 'Jam ringkasan harian disimpan.',
    mailLog: 'Log surel',
    mailLogHint: 'Surel yang gagal dicoba ulang otomatis (1, 5, 30 menit, 2 dan 12 jam), lalu ditandai gagal di sini.',
    mailNone: 'Belum ada surel.',
    mailStatus: { pending: 'Menunggu', sending: 'Dikirim', sent: 'Terkirim', failed: 'Gagal' },
    mailTo: 'Kepada',
    mailSubject: 'Perihal',
    mailAttempts: 'Percobaan',
    mailError: 'Galat terakhir',
    mailRetry: 'Kirim ulang',
    mailRetried: 'Surel masuk antrean lagi.',
    fieldTitle: 'Pemberitahuan (sinkron terakhir {{when}})',
    fieldNone: 'Tidak ada pemberitahuan pada sinkron terakhir.',
  },
};

i18n.addResourceBundle('id', 'translation', notifications, true, false);

export default notifications;
