/**
 * The supervision checklist of a visit: areas → indicators, each answered Sesuai / Cukup / Tidak
 * Sesuai with a note. No official format was found (DOMAIN.md §8), so the default below is
 * PROVISIONAL: drawn from what Permenkop UKM 9/2020 supervision looks at, and marked as such on
 * screen and in the berita acara. Its `version` is stored with each visit's answers.
 */
export const CHECK_RESULTS = ['SESUAI', 'CUKUP', 'TIDAK_SESUAI'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  SESUAI: 'Sesuai',
  CUKUP: 'Cukup',
  TIDAK_SESUAI: 'Tidak Sesuai',
};

export interface ChecklistIndicator {
  code: string;
  label: string;
}
export interface ChecklistArea {
  code: string;
  label: string;
  indicators: ChecklistIndicator[];
}
export interface ChecklistTemplate {
  version: string;
  title: string;
  provisional: boolean;
  note: string;
  areas: ChecklistArea[];
}

export interface ChecklistAnswer {
  result: CheckResult;
  note: string | null;
}
export interface Checklist {
  version: string;
  answers: Record<string, ChecklistAnswer>;
}

export const DEFAULT_CHECKLIST: ChecklistTemplate = {
  version: 'sambang-2025-v1',
  title: 'Daftar periksa pengawasan koperasi',
  provisional: true,
  note: 'Daftar periksa sementara susunan Sambang; belum mengacu pada format resmi dan dapat disesuaikan.',
  areas: [
    {
      code: 'kelembagaan',
      label: 'Kelembagaan',
      indicators: [
        {
          code: 'kelembagaan.adart',
          label: 'Anggaran dasar dan anggaran rumah tangga sesuai ketentuan dan dipahami pengurus',
        },
        { code: 'kelembagaan.masa_jabatan', label: 'Pengurus dan pengawas masih dalam masa jabatan' },
        { code: 'kelembagaan.rat', label: 'RAT tahun buku terakhir diselenggarakan tepat waktu' },
        { code: 'kelembagaan.buku_daftar', label: 'Buku daftar anggota, pengurus dan pengawas dikelola dan mutakhir' },
        { code: 'kelembagaan.ods', label: 'NIK dan data Online Data System (ODS) mutakhir' },
      ],
    },
    {
      code: 'usaha',
      label: 'Usaha',
      indicators: [
        { code: 'usaha.sesuai_adart', label: 'Kegiatan usaha sesuai anggaran dasar dan kebutuhan anggota' },
        { code: 'usaha.perizinan', label: 'Perizinan usaha (NIB, PIRT, halal) sesuai kegiatan' },
        { code: 'usaha.rencana_kerja', label: 'Rencana kerja dan anggaran disahkan RAT' },
      ],
    },
    {
      code: 'keuangan',
      label: 'Keuangan',
      indicators: [
        { code: 'keuangan.pembukuan', label: 'Pembukuan tertib dan sesuai standar akuntansi yang berlaku' },
        { code: 'keuangan.laporan_rat', label: 'Laporan keuangan disahkan dalam RAT' },
        { code: 'keuangan.pemisahan', label: 'Kekayaan koperasi terpisah dari kekayaan pengurus' },
        { code: 'keuangan.shu', label: 'SHU dibagi sesuai keputusan RAT' },
      ],
    },
    {
      code: 'pengawasan_internal',
      label: 'Pengawasan internal',
      indicators: [
        { code: 'pengawasan.berkala', label: 'Pengawas melakukan pemeriksaan secara berkala' },
        { code: 'pengawasan.laporan', label: 'Laporan pengawas disampaikan dalam RAT' },
        { code: 'pengawasan.tindak_lanjut', label: 'Temuan pengawas ditindaklanjuti pengurus' },
      ],
    },
    {
      code: 'simpan_pinjam',
      label: 'Simpan pinjam (bila ada)',
      indicators: [
        { code: 'simpan_pinjam.anggota', label: 'Pinjaman hanya diberikan kepada anggota' },
        { code: 'simpan_pinjam.kehati_hatian', label: 'Prinsip kehati-hatian dalam pemberian pinjaman diterapkan' },
        { code: 'simpan_pinjam.kolektibilitas', label: 'Kolektibilitas pinjaman dipantau secara berkala' },
      ],
    },
  ],
};

export function indicatorIndex(
  t: ChecklistTemplate,
): Map<string, { area: ChecklistArea; indicator: ChecklistIndicator }> {
  const out = new Map<string, { area: ChecklistArea; indicator: ChecklistIndicator }>();
  for (const area of t.areas) for (const indicator of area.indicators) out.set(indicator.code, { area, indicator });
  return out;
}

/** Answers must name indicators of the template; returns field errors keyed `checklist.<code>`. */
export function checkAnswers(t: ChecklistTemplate, answers: Record<string, unknown>): Record<string, string> {
  const known = indicatorIndex(t);
  const fields: Record<string, string> = {};
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) fields[`checklist.${code}`] = 'Indikator tidak ada dalam daftar periksa.';
  }
  return fields;
}
