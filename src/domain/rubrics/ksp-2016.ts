import { above, below, between, choice, provisional, sum } from './build.js';
import { MANAGEMENT_QUESTIONS } from './management-questions.js';
import type { Mark, WeightedRubric } from './types.js';

const questionsMark: Mark = provisional(
  'Rumusan pertanyaan dan bukti ditulis dari tema lampiran peraturan; teks resmi lampiran belum tersedia.',
);

/**
 * Penilaian kesehatan KSP/USP (konvensional), Peraturan Deputi Bidang Pengawasan Kemenkop UKM
 * No. 06/Per/Dep.6/IV/2016, exactly as docs RUBRIC-KSP-2016.md specifies.
 */
export const KSP_2016: WeightedRubric = {
  id: 'ksp-2016',
  version: 1,
  method: 'weighted',
  title: 'Penilaian Kesehatan KSP/USP Koperasi 2016',
  basis:
    'Peraturan Deputi Bidang Pengawasan Kemenkop UKM No. 06/Per/Dep.6/IV/2016 (tabel komponen mengikuti Permen KUKM 14/Per/M.KUKM/XII/2009).',
  inputSections: [
    {
      code: 'aktiva',
      label: 'Neraca — Aktiva',
      statement: 'neraca',
      totalLine: 'totalAset',
      lines: [
        { code: 'kas', label: 'Kas' },
        { code: 'bank', label: 'Bank' },
        {
          code: 'simpananDitempatkan',
          label: 'Simpanan dan deposito yang ditempatkan',
          hint: 'Tabungan dan simpanan berjangka koperasi di bank atau koperasi lain.',
        },
        { code: 'suratBerharga', label: 'Surat berharga' },
        {
          code: 'pinjamanDiberikan',
          label: 'Pinjaman yang diberikan',
          hint: 'Saldo pinjaman beredar (pokok) pada akhir tahun buku.',
        },
        {
          code: 'penyisihanPenghapusanPinjaman',
          label: 'Penyisihan penghapusan pinjaman',
          hint: 'Cadangan kerugian pinjaman; pengurang pinjaman yang diberikan. Isi sebagai angka positif.',
          sign: -1,
        },
        { code: 'penyertaan', label: 'Penyertaan', hint: 'Penyertaan modal pada koperasi atau badan usaha lain.' },
        { code: 'pendapatanMasihHarusDiterima', label: 'Pendapatan yang masih harus diterima' },
        { code: 'aktivaTetap', label: 'Aktiva tetap (nilai buku)' },
        { code: 'aktivaLain', label: 'Aktiva lain-lain' },
        { code: 'totalAset', label: 'Jumlah aset' },
      ],
    },
    {
      code: 'kualitasPinjaman',
      label: 'Kualitas pinjaman (catatan atas pinjaman yang diberikan)',
      statement: 'catatan',
      lines: [
        { code: 'pinjamanKurangLancar', label: 'Pinjaman kurang lancar' },
        { code: 'pinjamanDiragukan', label: 'Pinjaman diragukan' },
        { code: 'pinjamanMacet', label: 'Pinjaman macet' },
        {
          code: 'pinjamanBerisiko',
          label: 'Pinjaman berisiko',
          hint: 'Pinjaman kepada peminjam tanpa agunan yang memadai atau penjamin yang dapat diandalkan.',
        },
      ],
    },
    {
      code: 'pasiva',
      label: 'Neraca — Kewajiban dan ekuitas',
      statement: 'neraca',
      totalLine: 'totalPasiva',
      lines: [
        {
          code: 'kewajibanLancar',
          label: 'Kewajiban lancar',
          group: 'Kewajiban',
          hint: 'Jumlah kewajiban lancar seperti tercantum di neraca (boleh mencakup pos di bawahnya yang jatuh tempo dalam setahun); dipakai untuk rasio kas.',
        },
        { code: 'tabungan', label: 'Tabungan (simpanan sukarela)', group: 'Kewajiban' },
        { code: 'simpananBerjangka', label: 'Simpanan berjangka', group: 'Kewajiban' },
        { code: 'bebanMasihHarusDibayar', label: 'Beban yang masih harus dibayar', group: 'Kewajiban' },
        { code: 'danaDiterima', label: 'Dana yang diterima', group: 'Kewajiban' },
        { code: 'kewajibanLain', label: 'Kewajiban lain-lain', group: 'Kewajiban' },
        { code: 'simpananPokok', label: 'Simpanan pokok', group: 'Ekuitas' },
        { code: 'simpananWajib', label: 'Simpanan wajib', group: 'Ekuitas' },
        { code: 'modalPenyetaraan', label: 'Modal penyetaraan', group: 'Ekuitas' },
        { code: 'modalPenyertaan', label: 'Modal penyertaan', group: 'Ekuitas' },
        { code: 'cadanganUmum', label: 'Cadangan umum', group: 'Ekuitas' },
        { code: 'cadanganTujuanRisiko', label: 'Cadangan tujuan risiko', group: 'Ekuitas' },
        { code: 'modalSumbangan', label: 'Modal sumbangan (hibah)', group: 'Ekuitas' },
        { code: 'shuBelumDibagi', label: 'SHU belum dibagi', group: 'Ekuitas' },
        { code: 'totalPasiva', label: 'Jumlah kewajiban dan ekuitas' },
      ],
    },
    {
      code: 'hasilUsaha',
      label: 'Perhitungan hasil usaha',
      statement: 'phu',
      lines: [
        {
          code: 'partisipasiBruto',
          label: 'Partisipasi bruto anggota',
          hint: 'Pendapatan dari pelayanan kepada anggota.',
        },
        { code: 'bebanPokok', label: 'Beban pokok' },
        { code: 'pendapatan', label: 'Pendapatan dari non-anggota' },
        { code: 'shuKotor', label: 'SHU kotor' },
        { code: 'bebanUsaha', label: 'Beban usaha' },
        { code: 'biayaKaryawan', label: 'Biaya karyawan', hint: 'Gaji dan honorarium karyawan.' },
        { code: 'bebanPerkoperasian', label: 'Beban perkoperasian' },
        { code: 'shuSebelumPajak', label: 'SHU sebelum pajak' },
        { code: 'shuBagianAnggota', label: 'SHU bagian anggota' },
      ],
    },
    {
      code: 'kegiatan',
      label: 'Kegiatan usaha dan manfaat bagi anggota',
      statement: 'catatan',
      lines: [
        { code: 'volumePinjaman', label: 'Volume pinjaman yang disalurkan tahun ini' },
        {
          code: 'volumePinjamanAnggota',
          label: 'Volume pinjaman kepada anggota',
          hint: 'Bagian dari volume pinjaman yang disalurkan kepada anggota.',
        },
        {
          code: 'meppp',
          label: 'Manfaat ekonomi partisipasi pelayanan anggota (MEPPP)',
          hint: 'Manfaat ekonomi yang diterima anggota dari pemakaian layanan koperasi.',
        },
      ],
    },
  ],
  derived: [
    {
      code: 'modalSendiri',
      label: 'Modal sendiri',
      terms: sum(
        'simpananPokok',
        'simpananWajib',
        'modalPenyetaraan',
        'cadanganUmum',
        'cadanganTujuanRisiko',
        'modalSumbangan',
        'shuBelumDibagi',
      ),
    },
    {
      code: 'rpm',
      label: 'Risiko pinjaman bermasalah',
      terms: sum([0.5, 'pinjamanKurangLancar'], [0.75, 'pinjamanDiragukan'], [1, 'pinjamanMacet']),
    },
    {
      code: 'cadanganRisiko',
      label: 'Cadangan risiko',
      terms: sum('cadanganTujuanRisiko', 'penyisihanPenghapusanPinjaman'),
    },
    { code: 'partisipasiNeto', label: 'Partisipasi neto', terms: sum('partisipasiBruto', [-1, 'bebanPokok']) },
    {
      code: 'bebanOperasiAnggota',
      label: 'Beban operasi anggota',
      terms: sum('bebanPokok', 'bebanUsaha', 'bebanPerkoperasian'),
    },
    { code: 'pea', label: 'Promosi ekonomi anggota (PEA)', terms: sum('meppp', 'shuBagianAnggota') },
    {
      code: 'danaDiterimaRasio',
      label: 'Dana yang diterima (untuk rasio likuiditas b)',
      terms: sum('totalPasiva', [-1, 'bebanMasihHarusDibayar'], [-1, 'shuBelumDibagi']),
      marks: [
        choice(
          'Ditafsirkan sebagai "total kewajiban dan ekuitas selain beban yang masih harus dibayar dan SHU belum dibagi".',
        ),
      ],
    },
    {
      code: 'modalTertimbang',
      label: 'Modal tertimbang',
      terms: sum(
        'simpananPokok',
        'simpananWajib',
        'modalPenyetaraan',
        'cadanganUmum',
        'modalSumbangan',
        [0.5, 'modalPenyertaan'],
        [0.5, 'cadanganTujuanRisiko'],
        [0.5, 'shuBelumDibagi'],
        [0.5, 'tabungan'],
        [0.5, 'simpananBerjangka'],
        [0.5, 'bebanMasihHarusDibayar'],
        [0.5, 'danaDiterima'],
        [0.5, 'kewajibanLain'],
      ),
    },
    {
      code: 'atmr',
      label: 'Aktiva tertimbang menurut risiko (ATMR)',
      terms: sum(
        [0, 'kas'],
        [0, 'bank'],
        [0.2, 'simpananDitempatkan'],
        [0.5, 'suratBerharga'],
        [1, 'pinjamanDiberikan'],
        [1, 'penyertaan'],
        [0.5, 'pendapatanMasihHarusDiterima'],
        [0.7, 'aktivaTetap'],
        [1, 'aktivaLain'],
      ),
      marks: [choice('Bobot risiko aktiva lain-lain 100% adalah pilihan: tidak ada sumber yang menyebutkannya.')],
    },
  ],
  aspects: [
    {
      code: 'capital',
      label: 'Permodalan',
      weight: 15,
      components: [
        {
          kind: 'ratio',
          code: 'a',
          label: 'Modal sendiri terhadap total aset',
          weight: 6,
          formula: { num: sum('modalSendiri'), den: sum('totalAset') },
          rule: {
            kind: 'bands',
            bands: [
              below('≤', 0, 0),
              between(0, '<', '≤', 20, 25),
              between(20, '<', '≤', 40, 50),
              between(40, '<', '≤', 60, 100),
              between(60, '<', '≤', 80, 50),
              above('<', 80, 25),
            ],
          },
        },
        {
          kind: 'ratio',
          code: 'b',
          label: 'Modal sendiri terhadap pinjaman berisiko',
          weight: 6,
          formula: { num: sum('modalSendiri'), den: sum('pinjamanBerisiko') },
          rule: { kind: 'linear', intercept: 0, slope: 1, rounding: 'floor', min: 0, max: 100 },
          zeroDenominator: { when: 'zero', nilai: 100 },
        },
        {
          kind: 'ratio',
          code: 'c',
          label: 'Rasio kecukupan modal sendiri (modal tertimbang terhadap ATMR)',
          weight: 3,
          formula: { num: sum('modalTertimbang'), den: sum('atmr') },
          rule: {
            kind: 'bands',
            bands: [below('<', 4, 0), between(4, '≤', '<', 6, 50), between(6, '≤', '<', 8, 75), above('≤', 8, 100)],
          },
        },
      ],
    },
    {
      code: 'assetQuality',
      label: 'Kualitas Aktiva Produktif',
      weight: 25,
      components: [
        {
          kind: 'ratio',
          code: 'a',
          label: 'Volume pinjaman kepada anggota terhadap volume pinjaman',
          weight: 10,
          formula: { num: sum('volumePinjamanAnggota'), den: sum('volumePinjaman') },
          rule: {
            kind: 'bands',
            bands: [
              below('≤', 25, 0),
              between(25, '<', '≤', 50, 50),
              between(50, '<', '≤', 75, 75),
              above('<', 75, 100),
            ],
          },
        },
        {
          kind: 'ratio',
          code: 'b',
          label: 'Risiko pinjaman bermasalah terhadap pinjaman yang diberikan',
          weight: 5,
          formula: { num: sum('rpm'), den: sum('pinjamanDiberikan') },
          ruleKey: 'table',
          ruleLabel: 'Tabel peraturan',
          rule: {
            kind: 'bands',
            bands: [
              between(0, '≤', '≤', 0, 100),
              between(0, '<', '≤', 10, 80),
              between(10, '<', '≤', 20, 60),
              between(20, '<', '≤', 30, 40),
              between(30, '<', '≤', 40, 20),
              between(40, '<', '<', 45, 10),
              above('≤', 45, 0),
            ],
          },
          alternatives: [
            {
              key: 'linear',
              label:
                'Aturan linear (uraian peraturan): 45% atau lebih bernilai 0; setiap 1% di bawah 45 menambah 2, paling tinggi 100',
              // 2 per whole percent below 45: 2 × floor(45 − x) = 90 − 2 × ceil(x).
              rule: { kind: 'linear', intercept: 90, slope: -2, rounding: 'ceil', min: 0, max: 100 },
              marks: [
                choice('Uraian peraturan bertentangan dengan tabelnya sendiri; "setiap 1%" dibaca per persen penuh.'),
              ],
            },
          ],
          zeroDenominator: { when: 'zero', nilai: 100 },
          marks: [
            choice(
              'Tabel peraturan dipakai sebagai bawaan; uraian peraturan memberi aturan linear yang bertentangan, dan kajian memakai tafsiran ketiga (100 − 2 × pembulatan x).',
            ),
          ],
        },
        {
          kind: 'ratio',
          code: 'c',
          label: 'Cadangan risiko terhadap risiko pinjaman bermasalah',
          weight: 5,
          formula: { num: sum('cadanganRisiko'), den: sum('rpm') },
          rule: { kind: 'linear', intercept: 0, slope: 1, rounding: 'floor', min: 0, max: 100 },
          zeroDenominator: { when: 'zero', nilai: 100 },
        },
        {
          kind: 'ratio',
          code: 'd',
          label: 'Pinjaman berisiko terhadap pinjaman yang diberikan',
          weight: 5,
          formula: { num: sum('pinjamanBerisiko'), den: sum('pinjamanDiberikan') },
          rule: {
            kind: 'bands',
            bands: [
              below('<', 21, 100),
              between(21, '≤', '≤', 26, 75),
              between(26, '<', '≤', 30, 50),
              above('<', 30, 25),
            ],
          },
          zeroDenominator: { when: 'zero', nilai: 100 },
          marks: [choice('Rasio tepat 26% tercetak pada dua baris tabel peraturan; dipilih nilai 75.')],
        },
      ],
    },
    {
      code: 'management',
      label: 'Manajemen',
      weight: 15,
      components: [
        {
          kind: 'questionnaire',
          code: 'general',
          label: 'Manajemen umum',
          weight: 3,
          skorPerYes: 0.25,
          questions: MANAGEMENT_QUESTIONS.general,
          marks: [questionsMark],
        },
        {
          kind: 'questionnaire',
          code: 'institutional',
          label: 'Kelembagaan',
          weight: 3,
          skorPerYes: 0.5,
          questions: MANAGEMENT_QUESTIONS.institutional,
          marks: [questionsMark],
        },
        {
          kind: 'questionnaire',
          code: 'capital',
          label: 'Manajemen permodalan',
          weight: 3,
          skorPerYes: 0.6,
          questions: MANAGEMENT_QUESTIONS.capital,
          marks: [questionsMark],
        },
        {
          kind: 'questionnaire',
          code: 'assets',
          label: 'Manajemen aktiva',
          weight: 3,
          skorPerYes: 0.3,
          questions: MANAGEMENT_QUESTIONS.assets,
          marks: [questionsMark],
        },
        {
          kind: 'questionnaire',
          code: 'liquidity',
          label: 'Manajemen likuiditas',
          weight: 3,
          skorPerYes: 0.6,
          questions: MANAGEMENT_QUESTIONS.liquidity,
          marks: [questionsMark],
        },
      ],
    },
    {
      code: 'efficiency',
      label: 'Efisiensi',
      weight: 10,
      components: [
        {
          kind: 'ratio',
          code: 'a',
          label: 'Beban operasi anggota terhadap partisipasi bruto',
          weight: 4,
          formula: { num: sum('bebanOperasiAnggota'), den: sum('partisipasiBruto') },
          rule: {
            kind: 'bands',
            bands: [
              above('≤', 100, 25),
              between(95, '≤', '<', 100, 50),
              between(90, '≤', '<', 95, 75),
              below('<', 90, 100),
            ],
          },
          marks: [provisional('Tabel dari satu implementasi; tabel resmi belum tersedia.')],
        },
        {
          kind: 'ratio',
          code: 'b',
          label: 'Beban usaha terhadap SHU kotor',
          weight: 4,
          formula: { num: sum('bebanUsaha'), den: sum('shuKotor') },
          rule: {
            kind: 'bands',
            bands: [
              above('<', 80, 25),
              between(60, '<', '≤', 80, 50),
              between(40, '<', '≤', 60, 75),
              below('≤', 40, 100),
            ],
          },
          zeroDenominator: { when: 'nonPositive', nilai: 25 },
          marks: [provisional('Tabel dari satu implementasi; batasnya sama dengan pedoman 2021.')],
        },
        {
          kind: 'ratio',
          code: 'c',
          label: 'Biaya karyawan terhadap volume pinjaman',
          weight: 2,
          formula: { num: sum('biayaKaryawan'), den: sum('volumePinjaman') },
          rule: {
            kind: 'bands',
            bands: [above('<', 15, 0), between(10, '<', '≤', 15, 50), between(5, '<', '≤', 10, 75), below('≤', 5, 100)],
          },
          marks: [provisional('Tabel dari satu implementasi; tabel resmi belum tersedia.')],
        },
      ],
    },
    {
      code: 'liquidity',
      label: 'Likuiditas',
      weight: 15,
      components: [
        {
          kind: 'ratio',
          code: 'a',
          label: 'Rasio kas (kas dan bank terhadap kewajiban lancar)',
          weight: 10,
          formula: { num: sum('kas', 'bank'), den: sum('kewajibanLancar') },
          rule: {
            kind: 'bands',
            bands: [
              below('≤', 10, 25),
              between(10, '<', '≤', 15, 100),
              between(15, '<', '≤', 20, 50),
              above('<', 20, 25),
            ],
          },
          zeroDenominator: { when: 'zero', nilai: 25 },
        },
        {
          kind: 'ratio',
          code: 'b',
          label: 'Pinjaman yang diberikan terhadap dana yang diterima',
          weight: 5,
          formula: { num: sum('pinjamanDiberikan'), den: sum('danaDiterimaRasio') },
          rule: {
            kind: 'bands',
            bands: [
              below('<', 60, 25),
              between(60, '≤', '<', 70, 50),
              between(70, '≤', '<', 80, 75),
              above('≤', 80, 100),
            ],
          },
          marks: [provisional('Tabel dari satu implementasi; pedoman 2021 menyebut 90% sebagai tingkat optimal.')],
        },
      ],
    },
    {
      code: 'independence',
      label: 'Kemandirian dan Pertumbuhan',
      weight: 10,
      components: [
        {
          kind: 'ratio',
          code: 'a',
          label: 'Rentabilitas aset (SHU sebelum pajak terhadap total aset)',
          weight: 3,
          formula: { num: sum('shuSebelumPajak'), den: sum('totalAset') },
          rule: {
            kind: 'bands',
            bands: [
              below('<', 5, 25),
              between(5, '≤', '<', 7.5, 50),
              between(7.5, '≤', '<', 10, 75),
              above('≤', 10, 100),
            ],
          },
        },
        {
          kind: 'ratio',
          code: 'b',
          label: 'Rentabilitas modal sendiri (SHU bagian anggota terhadap modal sendiri)',
          weight: 3,
          formula: { num: sum('shuBagianAnggota'), den: sum('modalSendiri') },
          rule: {
            kind: 'bands',
            bands: [below('<', 3, 25), between(3, '≤', '<', 4, 50), between(4, '≤', '<', 5, 75), above('≤', 5, 100)],
          },
        },
        {
          kind: 'ratio',
          code: 'c',
          label: 'Kemandirian operasional pelayanan (partisipasi neto terhadap beban usaha dan beban perkoperasian)',
          weight: 4,
          formula: { num: sum('partisipasiNeto'), den: sum('bebanUsaha', 'bebanPerkoperasian') },
          rule: { kind: 'bands', bands: [below('≤', 100, 0), above('<', 100, 100)] },
        },
      ],
    },
    {
      code: 'identity',
      label: 'Jatidiri Koperasi',
      weight: 10,
      components: [
        {
          kind: 'ratio',
          code: 'a',
          label: 'Rasio partisipasi bruto (partisipasi bruto terhadap partisipasi bruto dan pendapatan)',
          weight: 7,
          formula: { num: sum('partisipasiBruto'), den: sum('partisipasiBruto', 'pendapatan') },
          rule: {
            kind: 'bands',
            bands: [
              below('<', 25, 25),
              between(25, '≤', '<', 50, 50),
              between(50, '≤', '<', 75, 75),
              above('≤', 75, 100),
            ],
          },
        },
        {
          kind: 'ratio',
          code: 'b',
          label: 'Rasio promosi ekonomi anggota (PEA terhadap simpanan pokok dan simpanan wajib)',
          weight: 3,
          formula: { num: sum('pea'), den: sum('simpananPokok', 'simpananWajib') },
          rule: {
            kind: 'bands',
            bands: [
              below('<', 5, 0),
              between(5, '≤', '<', 7.5, 50),
              between(7.5, '≤', '<', 10, 75),
              above('≤', 10, 100),
            ],
          },
          marks: [provisional('Tabel bersumber lemah; tabel resmi belum tersedia.')],
        },
      ],
    },
  ],
  categories: [
    { code: 'SEHAT', label: 'Sehat', min: 80 },
    { code: 'CUKUP_SEHAT', label: 'Cukup Sehat', min: 66 },
    { code: 'DALAM_PENGAWASAN', label: 'Dalam Pengawasan', min: 51 },
    { code: 'DALAM_PENGAWASAN_KHUSUS', label: 'Dalam Pengawasan Khusus' },
  ],
  settings: { ruleChoices: {} },
};
