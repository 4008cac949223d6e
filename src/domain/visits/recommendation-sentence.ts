import { longDate, lowerFirst } from './indonesian.js';

/**
 * A follow-up recommendation rephrased as one Indonesian sentence for the activity report, built from
 * who is responsible, what is to be done and by when:
 * 'Menyusun laporan keuangan triwulan.' + the cooperative + 2026-03-31 →
 * 'Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.'
 * Pure; the office's short name only qualifies a division ('Bidang Koperasi DKUPP').
 */
export interface Recommendation {
  text: string;
  /** Who answers for it, as shown: 'pengurus koperasi', 'Bidang Perindustrian', an officer's name. */
  owner: string;
  deadline: string;
  /** The cooperative is asked ("diminta"); the Dinas commits ("akan"). Guessed from `owner` when absent. */
  ownerKind?: 'COOPERATIVE' | 'BIDANG' | 'USER';
}

/** Words that name who acts, when a recommendation is already written as a whole clause ('Pengurus menyusun …'). */
const SUBJECT =
  /^(pengurus|pengawas|manajer|koperasi|anggota|karyawan|ketua|sekretaris|bendahara|bidang|dinas|tim|petugas|pengelola)$/i;
/** Second words that show the text is a clause with its own subject. */
const PREDICATE = /^(me|mem|men|meng|meny|ber|di|akan|agar|wajib|harus|perlu|segera|supaya)/i;
/** An active verb (meN-, ber-, per-…) opening the text: it joins "diminta"/"akan" directly. */
const ACTIVE = /^(me[mnrlwy]?|ber)[a-z]{2,}$/i;
/** Nouns that look like meN-/ber- verbs. */
const NOT_ACTIVE = new Set([
  'berkas',
  'bersama',
  'mesin',
  'meja',
  'media',
  'merek',
  'metode',
  'menu',
  'materi',
  'mekanisme',
  'mental',
  'meter',
]);
/** Imperatives an officer may type ('Susun laporan'): the active form joins the sentence. */
const IMPERATIVE: Record<string, string> = {
  susun: 'menyusun',
  lengkapi: 'melengkapi',
  buat: 'membuat',
  lakukan: 'melakukan',
  tingkatkan: 'meningkatkan',
  perbaiki: 'memperbaiki',
  ajukan: 'mengajukan',
  laksanakan: 'melaksanakan',
  adakan: 'mengadakan',
  siapkan: 'menyiapkan',
  urus: 'mengurus',
  perbarui: 'memperbarui',
  daftarkan: 'mendaftarkan',
  catat: 'mencatat',
  selenggarakan: 'menyelenggarakan',
  sampaikan: 'menyampaikan',
  serahkan: 'menyerahkan',
  bentuk: 'membentuk',
  tetapkan: 'menetapkan',
  gelar: 'menggelar',
};
/** A passive verb ('disusun', 'dilaksanakan', 'diperbaiki'): the owner is asked to make sure of it. */
const PASSIVE = /^di[a-z]{3,}$/i;
const NOT_PASSIVE = new Set(['dinas', 'digital', 'diklat', 'dialog', 'diskusi', 'dividen', 'distribusi', 'dokumen']);

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whitespace collapsed, stray and doubled marks dropped, any deadline the author wrote in the text removed (the record's deadline is added). */
export function cleanAction(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/([.,;:!?])[.,;:!?]+/g, '$1')
    .trim()
    .replace(/^[\s.,;:!?-]+/, '')
    .replace(/,?\s*(paling lambat|selambat-lambatnya)\b.*$/i, '')
    .replace(/[\s.;,:!?]+$/, '');
}

function isCooperative(r: Recommendation): boolean {
  return r.ownerKind ? r.ownerKind === 'COOPERATIVE' : /^(pengurus|pengawas|koperasi)\b/i.test(r.owner.trim());
}

/** The predicate after the subject: 'menyusun …', 'melaksanakan pelatihan …', 'memastikan laporan disusun …'. */
export function actionPhrase(text: string): { clause: boolean; phrase: string } {
  const t = cleanAction(text);
  if (t === '') return { clause: false, phrase: 'menindaklanjuti hasil kunjungan' };
  const [first = '', second = ''] = t.split(' ');
  if (SUBJECT.test(first) && PREDICATE.test(second)) return { clause: true, phrase: upperFirst(t) };
  const imperative = IMPERATIVE[first.toLowerCase()];
  if (imperative) return { clause: false, phrase: `${imperative}${t.slice(first.length)}` };
  if (ACTIVE.test(first) && !NOT_ACTIVE.has(first.toLowerCase())) return { clause: false, phrase: lowerFirst(t) };
  if ((PASSIVE.test(first) && !NOT_PASSIVE.has(first.toLowerCase())) || /\bdi[a-z]{2,}(kan|i)\b/i.test(t)) {
    return { clause: false, phrase: `memastikan ${lowerFirst(t)}` };
  }
  return { clause: false, phrase: `melaksanakan ${lowerFirst(t)}` };
}

/**
 * One sentence, ending with a single period. `future`: before the visit the cooperative "akan diminta";
 * after it, it "diminta". A division of the Dinas "akan" act either way: its work follows the visit.
 */
export function recommendationSentence(r: Recommendation, opts: { future: boolean; officeShortName: string }): string {
  const due = `paling lambat ${longDate(r.deadline)}`;
  const { clause, phrase } = actionPhrase(r.text);
  if (clause) return `${phrase} ${due}.`;
  const owner = r.owner.replace(/\s+/g, ' ').trim();
  if (isCooperative(r)) return `${upperFirst(owner)} ${opts.future ? 'akan diminta' : 'diminta'} ${phrase} ${due}.`;
  const isBidang = r.ownerKind === 'BIDANG' || (!r.ownerKind && /^Bidang\b/.test(owner));
  const who =
    isBidang && opts.officeShortName && !owner.includes(opts.officeShortName)
      ? `${owner} ${opts.officeShortName}`
      : owner;
  return `${upperFirst(who)} akan ${phrase} ${due}.`;
}
