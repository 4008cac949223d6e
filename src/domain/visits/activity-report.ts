import type { Bidang } from '../codes.js';
import { BIDANG_LABELS } from '../codes.js';
import {
  type ConcernKind,
  type ConcernTopic,
  CONCERN_TOPIC_LABELS,
  type Severity,
  type VisitPurpose,
  type VisitStatus,
} from './codes.js';
import { countWord, dayName, joinDan, lowerFirst, sentence, shortDate } from './indonesian.js';
import { type Recommendation, recommendationSentence } from './recommendation-sentence.js';

/**
 * The activity report: a short news item in Indonesian, built only from the visit record and fixed
 * templates (no external service). The template variant is chosen from the visit id, so one visit
 * always reads the same and a page of visits does not read like one form letter.
 */
export interface ReportInput {
  id: string;
  date: string;
  status: VisitStatus;
  purposes: VisitPurpose[];
  programName: string | null;
  cooperative: { name: string; villageName: string; villageKind: 'DESA' | 'KELURAHAN'; districtName: string };
  /** `title`: the officer's position (jabatan), printed with the name when known. */
  leader: { name: string; bidang: Bidang | null; title?: string | null } | null;
  members: { name: string; bidang: Bidang | null; title?: string | null }[];
  annualMeeting: { fiscalYear: number; membersPresent: number; membersTotal: number } | null;
  attendance: { total: number; roles: string[] };
  concerns: { kind: ConcernKind; topic: ConcernTopic; severity: Severity; description: string }[];
  followUps: Recommendation[];
  unitsWorkedOn: string[];
  proposals: string[];
  cancelReason: string | null;
  /** The office that visits, from its profile: never written in code. */
  office: ReportOffice;
}

/** e.g. name 'Dinas Koperasi, Usaha Mikro, …', shortName 'DKUPP', area 'Kabupaten X', city 'X' — all from the office profile. */
export interface ReportOffice {
  name: string;
  shortName: string;
  area: string;
  city: string;
}

const agency = (o: ReportOffice) =>
  `${o.name}${o.shortName && o.shortName !== o.name ? ` (${o.shortName})` : ''} ${o.area}`;

/** Spells out the group abbreviation at the first mention: 'Kopwan Dewi Rengganis' → 'Koperasi Wanita (Kopwan) Dewi Rengganis'. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/^Kopwan\s/i, 'Koperasi Wanita (Kopwan) '],
  [/^KUD\s/, 'Koperasi Unit Desa (KUD) '],
  [/^KPRI\s/, 'Koperasi Pegawai Republik Indonesia (KPRI) '],
  [/^Kopkar\s/i, 'Koperasi Karyawan (Kopkar) '],
  [/^Kopontren\s/i, 'Koperasi Pondok Pesantren (Kopontren) '],
  [/^KSU\s/, 'Koperasi Serba Usaha (KSU) '],
  [/^KSP\s/, 'Koperasi Simpan Pinjam (KSP) '],
  [/^Kopma\s/i, 'Koperasi Mahasiswa (Kopma) '],
];
export function spelledOutName(name: string): string {
  for (const [re, full] of ABBREVIATIONS) if (re.test(name)) return name.replace(re, full);
  return name;
}

const PURPOSE_PHRASES: Record<VisitPurpose, string> = {
  PEMBINAAN: 'memberikan pembinaan kepada pengurus dan pengelola',
  MONITORING: 'memantau perkembangan kelembagaan dan usaha koperasi',
  PENGAWASAN: 'melakukan pengawasan terhadap tata kelola koperasi',
  PENYEHATAN: 'mendorong langkah penyehatan koperasi',
  PENDAMPINGAN_USAHA: 'mendampingi penguatan unit usaha',
  RAT: 'menghadiri Rapat Anggota Tahunan',
};

const KIND_WORDS: Record<ConcernKind, string> = {
  PERMASALAHAN: 'permasalahan',
  KELUHAN: 'keluhan',
  TANTANGAN: 'tantangan',
};

/** FNV-1a over the id: a stable small number for choosing template variants. */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
const choose = <T>(xs: readonly T[], seed: number, salt: number): T => xs[((seed >>> (salt * 3)) + salt) % xs.length]!;

function place(c: ReportInput['cooperative']): string {
  return `${c.villageKind === 'KELURAHAN' ? 'Kelurahan' : 'Desa'} ${c.villageName}, Kecamatan ${c.districtName}`;
}

function divisions(r: ReportInput): string[] {
  const seen = new Set<Bidang>();
  for (const m of [...(r.leader ? [r.leader] : []), ...r.members]) if (m.bidang) seen.add(m.bidang);
  return (['koperasi', 'usaha_mikro', 'perindustrian'] as const)
    .filter((b) => seen.has(b))
    .map((b) => BIDANG_LABELS[b]);
}

function occasion(r: ReportInput): string {
  if (r.annualMeeting)
    return `, bertepatan dengan Rapat Anggota Tahunan (RAT) Tahun Buku ${r.annualMeeting.fiscalYear} koperasi tersebut`;
  if (r.purposes.includes('RAT')) return ', bertepatan dengan Rapat Anggota Tahunan (RAT) koperasi tersebut';
  return '';
}

function opening(r: ReportInput, seed: number): string {
  const coop = spelledOutName(r.cooperative.name);
  const when = `${dayName(r.date)} (${shortDate(r.date)})`;
  const where = place(r.cooperative);
  const divs = divisions(r);
  const o = r.office;
  const AGENCY = agency(o);
  const team = divs.length ? `tim dari ${joinDan(divs)}` : `tim ${o.shortName}`;
  const leader = r.leader
    ? r.leader.title
      ? `${r.leader.title} ${o.shortName} ${r.leader.name}`
      : r.leader.name
    : `Tim ${o.shortName}`;
  const program = r.programName ?? 'Gerakan Sambang Koperasi';
  const dateline = `${o.city} — `;
  if (r.status === 'cancelled') {
    return `${dateline}Kunjungan ${program} ${AGENCY} ke ${coop} di ${where} yang dijadwalkan pada ${when} dibatalkan${r.cancelReason ? ` karena ${lowerFirst(r.cancelReason).replace(/\.$/, '')}` : ''}.`;
  }
  if (r.status !== 'done') {
    return `${dateline}${r.leader ? `${leader} bersama ${team}` : `Tim ${program}`} akan mengunjungi ${coop} di ${where}, ${when}${occasion(r)}.${teamSentence(r, true)}`;
  }
  const variants = [
    () =>
      `${dateline}${r.leader ? `${leader} bersama ${team}` : `Tim ${AGENCY}`} telah mengunjungi ${coop} di ${where}, ${when}${occasion(r)}.`,
    () =>
      `${dateline}Tim ${program} ${AGENCY}${r.leader ? ` yang dipimpin ${leader}` : ''} menyambangi ${coop} di ${where}, ${when}${occasion(r)}.`,
    () =>
      `${dateline}${coop} di ${where}, menerima kunjungan tim ${program} ${o.shortName} ${o.area}${r.leader ? ` yang dipimpin ${leader}` : ''}, ${when}${occasion(r)}.`,
  ];
  return `${choose(variants, seed, 0)()}${teamSentence(r, false)}`;
}

/** An officer as news items name one: position before the name ('Pengawas Koperasi Ahli Muda Sri Wahyuni'). */
function officer(m: { name: string; bidang: Bidang | null; title?: string | null }): string {
  const title = m.title?.trim();
  if (title) return `${title} ${m.name}`;
  return m.bidang ? `${m.name} dari ${BIDANG_LABELS[m.bidang]}` : m.name;
}

/** Every other officer of the team, each with their position: ' Kepala … didampingi A, B, dan C.' (leading space), or ''. */
function teamSentence(r: ReportInput, future: boolean): string {
  if (r.members.length === 0) return '';
  const names = r.members.map(officer);
  const list = names.some((n) => n.includes(',')) ? joinList(names) : joinDan(names);
  const verb = future ? 'akan didampingi' : 'didampingi';
  if (r.leader) return ` ${r.leader.name} ${verb} ${list}.`;
  return ` Tim ${future ? 'akan beranggotakan' : 'beranggotakan'} ${list}.`;
}

function purposes(r: ReportInput, seed: number): string | null {
  const list = r.purposes
    .filter((p) => !(p === 'RAT' && (r.annualMeeting || r.purposes.length > 1)))
    .map((p) => PURPOSE_PHRASES[p]);
  if (list.length === 0) return null;
  const future = r.status !== 'done';
  if (future) return `Kunjungan ini direncanakan untuk ${joinDan(list, 'serta')}.`;
  if (list.length >= 2 && choose([true, false], seed, 1)) {
    return `Selain ${list[0]}, tim juga ${joinDan(
      list.slice(1).map((p) => p.replace(/^memberikan /, 'memberi ')),
      'serta',
    )}.`;
  }
  return choose(
    [
      `Kunjungan tersebut bertujuan untuk ${joinDan(list, 'serta')}.`,
      `Dalam kunjungan itu tim berupaya ${joinDan(list, 'serta')}.`,
    ],
    seed,
    2,
  );
}

function attendance(r: ReportInput): string | null {
  if (r.status !== 'done') {
    // Who attended is known only afterwards; before the visit, only whom the team will meet.
    return r.attendance.roles.length
      ? `Tim akan berdialog dengan ${joinDan(r.attendance.roles.map((x) => x.toLowerCase()))} koperasi.`
      : null;
  }
  const out: string[] = [];
  if (r.annualMeeting) {
    out.push(
      `Rapat tersebut dihadiri ${r.annualMeeting.membersPresent} dari ${r.annualMeeting.membersTotal} anggota koperasi.`,
    );
  }
  if (r.attendance.total > 0) {
    const roles = r.attendance.roles.length
      ? `, terdiri atas ${joinDan(r.attendance.roles.map((x) => x.toLowerCase()))},`
      : '';
    out.push(
      `Sebanyak ${countWord(r.attendance.total)} orang dari pihak koperasi${roles} mengikuti dialog bersama tim.`,
    );
  }
  return out.length ? out.join(' ') : null;
}

const SEVERITY_RANK: Record<Severity, number> = { tinggi: 0, sedang: 1, rendah: 2 };

function dialog(r: ReportInput, seed: number): string | null {
  if (r.concerns.length === 0) return null;
  const kinds = (['PERMASALAHAN', 'KELUHAN', 'TANTANGAN'] as const)
    .filter((k) => r.concerns.some((c) => c.kind === k))
    .map((k) => KIND_WORDS[k]);
  const named = [
    ...new Set(r.concerns.filter((c) => c.topic !== 'lainnya').map((c) => CONCERN_TOPIC_LABELS[c.topic])),
  ].map((t) => (t === 'SDM' ? 'SDM' : t.toLowerCase()));
  const topics = named.length ? named : ['berbagai hal'];
  if (r.status !== 'done')
    return `Tim akan membahas ${joinDan(kinds)} yang dihadapi koperasi, antara lain terkait ${joinDan(topics)}.`;
  const first = choose(
    [
      `Dalam sesi dialog, pengurus dan anggota menyampaikan sejumlah ${joinDan(kinds)}, antara lain terkait ${joinDan(topics)}.`,
      `Pada sesi dialog, koperasi mengungkapkan ${joinDan(kinds)} yang dihadapi, terutama soal ${joinDan(topics)}.`,
    ],
    seed,
    3,
  );
  const top = [...r.concerns].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0]!;
  return `${first} Salah satu yang mengemuka: ${lowerFirst(sentence(top.description))}`;
}

/** The recommendations paragraph: every follow-up as its own sentence, nearest deadline first, framed in the visit's tense. */
function agreements(r: ReportInput, seed: number): string | null {
  if (r.followUps.length === 0) return null;
  const future = r.status !== 'done';
  const n = countWord(r.followUps.length);
  const sentences = [...r.followUps]
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .map((f) => recommendationSentence(f, { future, officeShortName: r.office.shortName }));
  if (future) {
    return [
      `Selain itu, tim akan mengusulkan ${n} rekomendasi tindak lanjut kepada pengurus.`,
      ...sentences,
      'Pelaksanaan rekomendasi tersebut akan dipantau hingga tuntas.',
    ].join(' ');
  }
  const [lead, tail] = choose(
    [
      [
        `Dari dialog tersebut, tim dan pengurus menyepakati ${n} rekomendasi tindak lanjut.`,
        'Seluruh rekomendasi akan dipantau hingga tuntas.',
      ],
      [
        `Tim dan pengurus koperasi juga menyepakati ${n} langkah tindak lanjut.`,
        `${r.office.shortName} akan memantau pelaksanaannya hingga selesai.`,
      ],
    ] as const,
    seed,
    4,
  );
  return [lead, ...sentences, tail].join(' ');
}

/** Long items that carry their own commas are listed with semicolons: 'a; b; dan c'. */
function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} dan ${items[1]}`;
  return `${items.slice(0, -1).join('; ')}; dan ${items[items.length - 1]}`;
}

function units(r: ReportInput): string | null {
  const parts: string[] = [];
  if (r.unitsWorkedOn.length)
    parts.push(`memberikan pendampingan bagi unit usaha ${joinDan(r.unitsWorkedOn.map(lowerFirst))}`);
  if (r.proposals.length)
    parts.push(`mendorong rintisan unit usaha baru berupa ${joinDan(r.proposals.map(lowerFirst))}`);
  if (!parts.length) return null;
  const divs = divisions(r).filter((d) => d !== BIDANG_LABELS.koperasi);
  return `${divs.length ? `Petugas ${joinDan(divs)}` : 'Tim'} juga ${r.status === 'done' ? '' : 'akan '}${parts.join(', serta ')}.`;
}

function closing(r: ReportInput, seed: number): string | null {
  if (r.status !== 'done') {
    return `Hasil kunjungan${r.followUps.length ? ' beserta rekomendasi tindak lanjutnya' : ''} akan disampaikan setelah kegiatan berlangsung.`;
  }
  return choose(
    [
      `Melalui Gerakan Sambang Koperasi, ${r.office.shortName} ${r.office.area} berharap koperasi terus tumbuh, tangguh menghadapi guncangan ekonomi, dan membawa kesejahteraan bagi anggotanya.`,
      `Gerakan Sambang Koperasi akan terus menyambangi koperasi besar maupun kecil di seluruh kecamatan di ${r.office.area}, agar koperasi tumbuh sehat dan menyejahterakan anggotanya.`,
      r.followUps.length
        ? `${r.office.shortName} ${r.office.area} berkomitmen mendampingi koperasi hingga rekomendasi yang disepakati terlaksana, sehingga koperasi semakin kuat dan bermanfaat bagi anggota.`
        : `${r.office.shortName} ${r.office.area} berkomitmen terus mendampingi koperasi agar semakin kuat dan bermanfaat bagi anggota.`,
    ],
    seed,
    5,
  );
}

/** Capitalises each word of a headline, leaving acronyms and short words as they are. */
function headlineCase(s: string): string {
  const small = new Set(['di', 'ke', 'dan', 'dari', 'yang', 'untuk', 'pada']);
  return s
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : /^[a-z]/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * The headline of the news item: who, whom, where, and what came of it, in the tense of the visit
 * (planned: "Jadwalkan", done: "Sambangi", cancelled: "Batal").
 */
export function reportHeadline(r: ReportInput): string {
  const who = r.office.shortName;
  const where = r.cooperative.districtName;
  if (r.status === 'cancelled') return headlineCase(`kunjungan ${who} ke ${r.cooperative.name} di ${where} dibatalkan`);
  if (r.status !== 'done') return headlineCase(`${who} jadwalkan kunjungan ke ${r.cooperative.name} di ${where}`);
  const outcome = r.followUps.length
    ? `, sepakati ${countWord(r.followUps.length)} tindak lanjut`
    : r.purposes.includes('RAT')
      ? ', hadiri RAT'
      : '';
  return headlineCase(`${who} sambangi ${r.cooperative.name} di ${where}${outcome}`);
}

/** Paragraphs separated by blank lines, ready to copy. */
export function activityReport(r: ReportInput): string {
  const seed = seedOf(r.id);
  if (r.status === 'cancelled') return opening(r, seed);
  // Short paragraphs read better than one block: who and where; why and who came; what was said;
  // the recommendations, one sentence each; business units; a closing line.
  const paragraphs = [
    opening(r, seed),
    [purposes(r, seed), attendance(r)].filter(Boolean).join(' '),
    dialog(r, seed) ?? '',
    agreements(r, seed) ?? '',
    units(r) ?? '',
    closing(r, seed) ?? '',
  ];
  return paragraphs.filter((p) => p !== '').join('\n\n');
}

/** A WhatsApp share link: opens the user's WhatsApp with the text; nothing is sent by the server. */
export function whatsappShareUrl(text: string, headline?: string): string {
  if (headline) text = `*${headline}*\n\n${text}`;
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
