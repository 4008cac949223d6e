/**
 * The words of each notice, in Indonesian: what, for whom, by when, and a link to the exact screen.
 * Pure. E-mails reuse title and body; WhatsApp links carry a short message written for the reader.
 */
import type { VerificationKind } from '../desk/verification.js';
import { longDate } from '../visits/indonesian.js';
import { daysBetween } from '../dates.js';
import type { FollowUpStage, RatStage } from './reminders.js';
import type { NoticeKind } from './kinds.js';

export interface Notice {
  kind: NoticeKind;
  title: string;
  body: string;
  link: string;
  /** Phone and message for a one-tap wa.me link, when the notice concerns a person with a number. */
  whatsapp?: { phone: string; text: string } | null;
}

export interface VisitFacts {
  id: string;
  cooperativeName: string;
  date: string;
  startTime: string | null;
  leaderName: string | null;
  cooperativePhone: string | null;
  chairName: string | null;
}

const when = (v: VisitFacts) => `${longDate(v.date)}${v.startTime ? ` pukul ${v.startTime} WIB` : ''}`;

export function visitNotice(
  kind: 'visit.assigned' | 'visit.changed' | 'visit.approved' | 'visit.cancelled' | 'visit.awaiting_approval',
  v: VisitFacts,
  extra: { reason?: string; by?: string } = {},
): Notice {
  const link = `/kunjungan/${v.id}`;
  const whatsapp = v.cooperativePhone
    ? {
        phone: v.cooperativePhone,
        text:
          kind === 'visit.cancelled'
            ? `Yth. ${v.chairName ?? 'Pengurus'} ${v.cooperativeName}, kunjungan Sambang Dinas pada ${when(v)} dibatalkan. Mohon maaf, jadwal baru akan kami sampaikan.`
            : `Yth. ${v.chairName ?? 'Pengurus'} ${v.cooperativeName}, tim Sambang Dinas berencana berkunjung pada ${when(v)}. Mohon konfirmasi kesediaan pengurus. Terima kasih.`,
      }
    : null;
  switch (kind) {
    case 'visit.assigned':
      return {
        kind,
        link,
        whatsapp,
        title: `Anda ditugaskan berkunjung ke ${v.cooperativeName}`,
        body: `Kunjungan ke ${v.cooperativeName} pada ${when(v)}${v.leaderName ? `, ketua tim ${v.leaderName}` : ''}${extra.by ? `. Direncanakan oleh ${extra.by}` : ''}.`,
      };
    case 'visit.changed':
      return {
        kind,
        link,
        whatsapp,
        title: `Rencana kunjungan ke ${v.cooperativeName} diubah`,
        body: `Jadwal atau tim kunjungan berubah; sekarang ${when(v)}${extra.by ? ` (diubah oleh ${extra.by})` : ''}. Periksa rinciannya.`,
      };
    case 'visit.approved':
      return {
        kind,
        link,
        whatsapp,
        title: `Kunjungan ke ${v.cooperativeName} disetujui`,
        body: `Rencana kunjungan pada ${when(v)} disetujui${extra.by ? ` oleh ${extra.by}` : ''}.`,
      };
    case 'visit.cancelled':
      return {
        kind,
        link,
        whatsapp,
        title: `Kunjungan ke ${v.cooperativeName} dibatalkan`,
        body: `Kunjungan pada ${when(v)} dibatalkan${extra.reason ? `. Alasan: ${extra.reason}` : ''}.`,
      };
    case 'visit.awaiting_approval':
      return {
        kind,
        link,
        whatsapp: null,
        title: `Rencana kunjungan menunggu persetujuan: ${v.cooperativeName}`,
        body: `Kunjungan ke ${v.cooperativeName} pada ${when(v)} menunggu persetujuan Anda${extra.by ? ` (diajukan oleh ${extra.by})` : ''}.`,
      };
  }
}

export interface FollowUpFacts {
  id: string;
  cooperativeId: string;
  cooperativeName: string;
  recommendation: string;
  deadline: string;
  cooperativePhone: string | null;
  chairName: string | null;
  responsibleKind: string;
}

function clip(s: string, n = 120): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export function followUpNotice(stage: FollowUpStage, f: FollowUpFacts, today: string): Notice {
  const kind: NoticeKind = `follow_up.${stage}`;
  // The list filtered to the cooperative; `focus` names the item within it.
  const link = `/tindak-lanjut?coop=${f.cooperativeId}&focus=${f.id}`;
  const left = daysBetween(today, f.deadline);
  const title =
    stage === 'overdue'
      ? `Tindak lanjut terlambat ${-left} hari: ${f.cooperativeName}`
      : stage === 'due_today'
        ? `Tindak lanjut jatuh tempo hari ini: ${f.cooperativeName}`
        : `Tindak lanjut jatuh tempo ${left} hari lagi: ${f.cooperativeName}`;
  const body = `Rekomendasi "${clip(f.recommendation)}" untuk ${f.cooperativeName}, batas waktu ${longDate(f.deadline)}.`;
  const whatsapp =
    f.responsibleKind === 'COOPERATIVE' && f.cooperativePhone
      ? {
          phone: f.cooperativePhone,
          text: `Yth. ${f.chairName ?? 'Pengurus'} ${f.cooperativeName}, mengingatkan tindak lanjut "${clip(f.recommendation, 80)}" dengan batas waktu ${longDate(f.deadline)}. Terima kasih.`,
        }
      : null;
  return { kind, title, body, link, whatsapp };
}

export interface RatFacts {
  cooperativeId: string;
  cooperativeName: string;
  fiscalYear: number;
  deadline: string;
  cooperativePhone: string | null;
  chairName: string | null;
}

export function ratNotice(stage: RatStage, r: RatFacts): Notice {
  const link = `/koperasi/${r.cooperativeId}?tab=rat`;
  const whatsapp = r.cooperativePhone
    ? {
        phone: r.cooperativePhone,
        text: `Yth. ${r.chairName ?? 'Pengurus'} ${r.cooperativeName}, RAT tahun buku ${r.fiscalYear} ${stage === 'missed' ? 'belum tercatat, padahal batas waktunya' : 'harus diselenggarakan paling lambat'} ${longDate(r.deadline)}. Mohon segera dilaksanakan dan dilaporkan. Terima kasih.`,
      }
    : null;
  if (stage === 'missed') {
    return {
      kind: 'rat.missed',
      link,
      whatsapp,
      title: `RAT tahun buku ${r.fiscalYear} terlewat: ${r.cooperativeName}`,
      body: `Batas waktu RAT tahun buku ${r.fiscalYear} (${longDate(r.deadline)}) telah lewat dan belum ada RAT yang tercatat untuk ${r.cooperativeName}.`,
    };
  }
  return {
    kind: 'rat.upcoming',
    link,
    whatsapp,
    title: `RAT tahun buku ${r.fiscalYear}: ${stage} hari lagi`,
    body: `${r.cooperativeName} wajib menyelenggarakan RAT tahun buku ${r.fiscalYear} paling lambat ${longDate(r.deadline)}.`,
  };
}

export interface ConcernFacts {
  id: string;
  cooperativeId: string;
  cooperativeName: string;
  topicLabel: string;
  description: string;
  raisedBy: string;
}

export function concernNotice(
  kind: 'concern.new' | 'concern.reply',
  c: ConcernFacts,
  response?: string | null,
): Notice {
  const link = `/aspirasi?coop=${c.cooperativeId}&focus=${c.id}`;
  if (kind === 'concern.new') {
    return {
      kind,
      link,
      title: `Permasalahan baru dari ${c.cooperativeName}`,
      body: `${c.raisedBy} menyampaikan (${c.topicLabel}): "${clip(c.description)}".`,
    };
  }
  return {
    kind,
    link,
    title: `Dinas menanggapi permasalahan Anda`,
    body: `Tanggapan atas "${clip(c.description, 80)}": ${clip(response ?? '', 200)}`,
  };
}

type FilingKind = VerificationKind;
export interface FilingFacts {
  id: string;
  kind: FilingKind;
  kindLabel: string;
  entityId: string;
  cooperativeId: string;
  cooperativeName: string;
  summary: string;
  by: string;
}

/** The cooperative page tab on which each kind of filing is entered and its state shown. */
export const FILING_TABS: Record<FilingKind, string> = {
  ANNUAL_MEETING: 'rat',
  YEARLY_FIGURES: 'data-tahunan',
  FINANCIAL_STATEMENT: 'kesehatan',
  FOLLOW_UP: 'aspirasi',
  OFFICERS: 'profil',
  DOCUMENT: 'dokumen',
};

/**
 * A filing waiting for the Dinas (to the officers: the queue filtered to its kind and cooperative),
 * returned with a reason or verified (to the cooperative: the tab where the item is).
 */
export function verificationNotice(
  kind: 'verification.pending' | 'verification.returned' | 'verification.verified',
  f: FilingFacts,
  reason?: string | null,
): Notice {
  if (kind === 'verification.pending') {
    return {
      kind,
      link: `/verifikasi?kind=${f.kind}&coop=${f.cooperativeId}`,
      whatsapp: null,
      title: `Menunggu verifikasi: ${f.kindLabel} ${f.cooperativeName}`,
      body: `${f.cooperativeName} mengajukan ${f.kindLabel} untuk diverifikasi (oleh ${f.by}): "${clip(f.summary)}". Periksa, lalu verifikasi atau kembalikan dengan alasan.`,
    };
  }
  const link = `/koperasi/${f.cooperativeId}?tab=${FILING_TABS[f.kind]}`;
  if (kind === 'verification.returned') {
    return {
      kind,
      link,
      whatsapp: null,
      title: `${f.kindLabel} dikembalikan oleh Dinas`,
      body: `${f.kindLabel} "${clip(f.summary, 80)}" dikembalikan oleh ${f.by}. Alasan: ${clip(reason ?? '', 200)}. Perbaiki lalu ajukan kembali.`,
    };
  }
  return {
    kind,
    link,
    whatsapp: null,
    title: `${f.kindLabel} telah diverifikasi`,
    body: `${f.kindLabel} "${clip(f.summary, 80)}" telah diverifikasi oleh ${f.by} dan kini tercatat resmi.`,
  };
}

/** Indonesian numbers for wa.me: digits only, 08… becomes 628…; null when it is no phone number. */
export function waPhone(phone: string): string | null {
  let d = phone.replace(/[^\d+]/g, '');
  if (d.startsWith('+')) d = d.slice(1);
  if (d.startsWith('0')) d = `62${d.slice(1)}`;
  if (!/^62\d{7,13}$/.test(d)) return null;
  return d;
}

export function waLink(phone: string, text: string): string | null {
  const p = waPhone(phone);
  return p ? `https://wa.me/${p}?text=${encodeURIComponent(text)}` : null;
}
