/**
 * Kinds of notice (issue 14) and the channels a user may choose per kind. Pure.
 * In-app notices are always written; the channel says what happens by e-mail.
 */
export const NOTICE_KINDS = [
  'visit.assigned',
  'visit.changed',
  'visit.approved',
  'visit.cancelled',
  'visit.awaiting_approval',
  'follow_up.due_soon',
  'follow_up.due_today',
  'follow_up.overdue',
  'rat.upcoming',
  'rat.missed',
  'concern.new',
  'concern.reply',
  // What a cooperative files for verification (issue 13): waiting for the Dinas, returned to the
  // cooperative with a reason, or verified. Emitted by app/desk/verifications.ts.
  'verification.pending',
  'verification.returned',
  'verification.verified',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'visit.assigned': 'Ditugaskan ke kunjungan',
  'visit.changed': 'Kunjungan diubah',
  'visit.approved': 'Kunjungan disetujui',
  'visit.cancelled': 'Kunjungan dibatalkan',
  'visit.awaiting_approval': 'Kunjungan menunggu persetujuan',
  'follow_up.due_soon': 'Tindak lanjut jatuh tempo 7 hari lagi',
  'follow_up.due_today': 'Tindak lanjut jatuh tempo hari ini',
  'follow_up.overdue': 'Tindak lanjut terlambat',
  'rat.upcoming': 'Batas waktu RAT mendekat',
  'rat.missed': 'Batas waktu RAT terlewat',
  'concern.new': 'Permasalahan baru dari koperasi',
  'concern.reply': 'Tanggapan atas permasalahan',
  'verification.pending': 'Laporan koperasi menunggu verifikasi',
  'verification.returned': 'Laporan dikembalikan Dinas',
  'verification.verified': 'Laporan diverifikasi Dinas',
};

export const CHANNELS = ['instant', 'digest', 'off'] as const;
/** instant: one e-mail per notice; digest: gathered into the daily e-mail; off: in the app only. */
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  instant: 'Surel per pemberitahuan',
  digest: 'Ringkasan harian',
  off: 'Hanya di aplikasi',
};

export type Prefs = Record<NoticeKind, Channel>;

/** By default every kind is e-mailed one by one (where an address and SMTP exist). */
export function defaultPrefs(): Prefs {
  return Object.fromEntries(NOTICE_KINDS.map((k) => [k, 'instant'])) as Prefs;
}

/** Stored prefs over the defaults; unknown kinds and channels are dropped. */
export function mergePrefs(stored: unknown): Prefs {
  const out = defaultPrefs();
  if (stored && typeof stored === 'object') {
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
      if ((NOTICE_KINDS as readonly string[]).includes(k) && (CHANNELS as readonly string[]).includes(v as string))
        out[k as NoticeKind] = v as Channel;
    }
  }
  return out;
}

/** How long notices are kept in the inbox. */
export const RETENTION_DAYS = 180;
