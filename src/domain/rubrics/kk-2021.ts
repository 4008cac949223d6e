import { gradedBands, type Edge } from './bands.js';
import { above, below, between, choice, provisional } from './build.js';
import { MANAGEMENT_QUESTIONS } from './management-questions.js';
import type { ChecklistItem, GradedIndicator, GradedRubric, Mark, Question } from './types.js';

const GUIDE_NOTE = 'Batas dari Juknis 15/2021 atau modul pelatihan yang mengutipnya.';
const ROW_PROVISIONAL = provisional(
  'Tabel dari satu implementasi atau belum diketahui; admin dapat menerbitkan koreksi.',
);
const RATING_PROVISIONAL = provisional(
  'Lembar kerja pedoman untuk indikator ini belum tersedia: petugas memberi nilai 1–4 langsung menurut pedoman singkat ini.',
);
const ITEMS_PROVISIONAL = provisional('Butir periksa ditulis dari struktur pedoman; butir resmi belum tersedia.');

function quantitative(
  group: string,
  code: string,
  label: string,
  formulaText: string,
  edges: readonly Edge[],
  marks: Mark[] = [],
): GradedIndicator {
  return { kind: 'quantitative', code, label, group, formulaText, bands: gradedBands(edges), marks };
}

function rating(group: string, code: string, label: string, guidance: string): GradedIndicator {
  return { kind: 'rating', code, label, group, guidance, marks: [RATING_PROVISIONAL] };
}

function checklist(
  group: string,
  code: string,
  label: string,
  items: ChecklistItem[],
  marks: Mark[] = [ITEMS_PROVISIONAL],
): GradedIndicator {
  return { kind: 'checklist', code, label, group, items, marks };
}

const fromQuestions = (qs: Question[]): ChecklistItem[] => qs.map(({ text, evidence }) => ({ text, evidence }));

const RATING_SCALE_HINT = '1 = Sehat, 2 = Cukup Sehat, 3 = Kurang Sehat, 4 = Tidak Sehat.';

/**
 * Pemeriksaan Kesehatan Koperasi, Permenkop UKM 9/2020 with Juknis Deputi Bidang Perkoperasian
 * 15/2021, as docs RUBRIC-2021.md specifies: the mechanics exactly; unknown tables provisional.
 */
export const KK_2021: GradedRubric = {
  id: 'kk-2021',
  version: 1,
  method: 'graded',
  title: 'Pemeriksaan Kesehatan Koperasi 2021',
  basis:
    'Permenkop UKM No. 9/2020 tentang Pengawasan Koperasi; Juknis Deputi Bidang Perkoperasian No. 15/2021 (KKPKK).',
  scale: [
    { nilai: 1, label: 'Sehat', skor: 4 },
    { nilai: 2, label: 'Cukup Sehat', skor: 3 },
    { nilai: 3, label: 'Kurang Sehat', skor: 2 },
    { nilai: 4, label: 'Tidak Sehat', skor: 1 },
  ],
  checklistBands: [above('<', 75, 1), between(50, '<', '≤', 75, 2), between(25, '<', '≤', 50, 3), below('≤', 25, 4)],
  checklistMarks: [
    choice(
      'Tabel tercetak menyisakan celah pada 75–76, 50–51, 25–26, dan 0; ditutup sebagai p > 75, 50 < p ≤ 75, 25 < p ≤ 50, p ≤ 25.',
    ),
  ],
  aspects: [
    {
      code: 'governance',
      label: 'Tata Kelola',
      weight: 30,
      indicators: [
        rating(
          'Prinsip koperasi',
          'principleMembership',
          'Keanggotaan sukarela dan terbuka',
          `Penerimaan anggota tanpa diskriminasi dan sesuai AD/ART; anggota bebas keluar. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Prinsip koperasi',
          'principleDemocracy',
          'Pengelolaan secara demokratis',
          `RAT diselenggarakan, pengurus dan pengawas dipilih anggota, satu anggota satu suara. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Prinsip koperasi',
          'principleFairShu',
          'Pembagian SHU yang adil',
          `SHU dibagi sebanding jasa usaha anggota sesuai keputusan RAT. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Prinsip koperasi',
          'principleLimitedReturn',
          'Balas jasa terbatas terhadap modal',
          `Balas jasa atas modal dibatasi dan diputuskan rapat anggota. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Prinsip koperasi',
          'principleAutonomy',
          'Kemandirian',
          `Koperasi mengambil keputusan sendiri dan tidak bergantung pada pihak luar. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Prinsip koperasi',
          'principleEducation',
          'Pendidikan perkoperasian',
          `Ada kegiatan dan anggaran pendidikan perkoperasian bagi anggota, pengurus, dan karyawan. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Prinsip koperasi',
          'principleCooperation',
          'Kerja sama antarkoperasi',
          `Ada kerja sama usaha atau keanggotaan pada koperasi sekunder. ${RATING_SCALE_HINT}`,
        ),
        checklist('Kelembagaan', 'legalEntity', 'Badan hukum', [
          {
            text: 'Akta pendirian koperasi telah disahkan sebagai badan hukum.',
            evidence: 'Keputusan pengesahan badan hukum.',
          },
          {
            text: 'Perubahan anggaran dasar (bila ada) telah disahkan.',
            evidence: 'Keputusan pengesahan perubahan anggaran dasar.',
          },
          { text: 'Koperasi memiliki Nomor Induk Koperasi (NIK) bersertifikat.', evidence: 'Sertifikat NIK dari ODS.' },
          { text: 'Koperasi memiliki Nomor Induk Berusaha (NIB).', evidence: 'NIB dari OSS.' },
          { text: 'Alamat kantor sesuai dengan yang tercatat.', evidence: 'Pengamatan kantor dan papan nama.' },
          {
            text: 'Data koperasi pada ODS diperbarui setelah RAT terakhir.',
            evidence: 'Tampilan ODS atau bukti unggah laporan RAT.',
          },
        ]),
        checklist('Kelembagaan', 'savingsLoanLicence', 'Izin usaha simpan pinjam (bila ada usaha simpan pinjam)', [
          {
            text: 'Koperasi memiliki izin usaha simpan pinjam yang masih berlaku.',
            evidence: 'Izin usaha simpan pinjam.',
          },
          {
            text: 'Simpan pinjam hanya melayani anggota dan calon anggota.',
            evidence: 'Daftar peminjam dicocokkan dengan buku daftar anggota.',
          },
          {
            text: 'Wilayah keanggotaan sesuai izin.',
            evidence: 'Alamat anggota dibandingkan dengan wilayah dalam izin.',
          },
          {
            text: 'Unit simpan pinjam dikelola dan dibukukan terpisah.',
            evidence: 'Laporan keuangan unit simpan pinjam tersendiri.',
          },
          {
            text: 'Kantor cabang atau kantor pelayanan berizin atau dilaporkan.',
            evidence: 'Izin atau laporan pembukaan kantor.',
          },
          {
            text: 'Laporan berkala usaha simpan pinjam disampaikan kepada dinas.',
            evidence: 'Tanda terima laporan berkala.',
          },
        ]),
        checklist('Kelembagaan', 'articles', 'Anggaran dasar dan anggaran rumah tangga', [
          {
            text: 'Anggaran dasar memuat unsur wajib (nama, tempat, tujuan, usaha, keanggotaan, rapat anggota, modal, SHU).',
            evidence: 'Akta anggaran dasar.',
          },
          {
            text: 'Koperasi memiliki anggaran rumah tangga.',
            evidence: 'Anggaran rumah tangga yang disahkan rapat anggota.',
          },
          {
            text: 'Anggaran dasar telah disesuaikan dengan peraturan yang berlaku.',
            evidence: 'Tanggal akta perubahan terakhir.',
          },
          {
            text: 'Kegiatan usaha sesuai bidang usaha dalam anggaran dasar.',
            evidence: 'Laporan keuangan per unit usaha dibandingkan dengan anggaran dasar.',
          },
          {
            text: 'Masa jabatan pengurus dan pengawas sesuai anggaran dasar.',
            evidence: 'Keputusan RAT tentang pemilihan pengurus dan pengawas.',
          },
          {
            text: 'RAT diselenggarakan sesuai anggaran dasar (waktu dan kuorum).',
            evidence: 'Notulen dan daftar hadir RAT terakhir.',
          },
        ]),
        checklist('Kelembagaan', 'membership', 'Keanggotaan', [
          { text: 'Buku daftar anggota tersedia dan mutakhir.', evidence: 'Buku daftar anggota.' },
          {
            text: 'Setiap anggota tercatat dengan identitas lengkap.',
            evidence: 'Contoh data anggota (nomor KTP, alamat).',
          },
          { text: 'Anggota telah melunasi simpanan pokok.', evidence: 'Kartu atau daftar simpanan pokok.' },
          { text: 'Anggota membayar simpanan wajib secara teratur.', evidence: 'Mutasi simpanan wajib.' },
          {
            text: 'Penerimaan dan pemberhentian anggota sesuai anggaran dasar.',
            evidence: 'Catatan anggota masuk dan keluar.',
          },
          {
            text: 'Sebagian besar anggota aktif bertransaksi dengan koperasi.',
            evidence: 'Daftar transaksi anggota tahun buku terakhir.',
          },
        ]),
        checklist('Kelembagaan', 'organs', 'Kelengkapan perangkat organisasi', [
          { text: 'RAT diselenggarakan setiap tahun.', evidence: 'Notulen RAT tiga tahun terakhir.' },
          { text: 'Pengurus lengkap dan dipilih rapat anggota.', evidence: 'Keputusan RAT tentang susunan pengurus.' },
          { text: 'Pengawas ada dan dipilih rapat anggota.', evidence: 'Keputusan RAT tentang susunan pengawas.' },
          {
            text: 'Pengawas memeriksa dan melaporkan hasilnya kepada rapat anggota.',
            evidence: 'Laporan pengawas pada RAT terakhir.',
          },
          {
            text: 'Pengelola atau manajer diangkat pengurus bila skala usaha memerlukan.',
            evidence: 'Surat pengangkatan dan kontrak kerja pengelola.',
          },
          { text: 'Pembagian tugas pengurus, pengawas, dan pengelola tertulis.', evidence: 'Dokumen pembagian tugas.' },
        ]),
        checklist('Manajemen', 'managementGeneral', 'Manajemen umum', fromQuestions(MANAGEMENT_QUESTIONS.general)),
        checklist(
          'Manajemen',
          'managementInstitutional',
          'Manajemen kelembagaan',
          fromQuestions(MANAGEMENT_QUESTIONS.institutional),
        ),
        checklist(
          'Manajemen',
          'managementCapital',
          'Manajemen permodalan',
          fromQuestions(MANAGEMENT_QUESTIONS.capital),
        ),
        checklist('Manajemen', 'managementAssets', 'Manajemen aktiva', fromQuestions(MANAGEMENT_QUESTIONS.assets)),
        checklist(
          'Manajemen',
          'managementLiquidity',
          'Manajemen likuiditas',
          fromQuestions(MANAGEMENT_QUESTIONS.liquidity),
        ),
      ],
    },
    {
      code: 'risk',
      label: 'Profil Risiko',
      weight: 15,
      indicators: [
        quantitative(
          'Risiko inheren',
          'creditRiskInherent',
          'Risiko kredit: pinjaman terhadap aktiva produktif',
          'Pinjaman yang diberikan ÷ aktiva produktif × 100',
          [
            ['≤', 75],
            ['≤', 85],
            ['≤', 95],
          ],
          [choice(`${GUIDE_NOTE} Dipakai sebagai ukuran risiko kredit inheren.`)],
        ),
        rating(
          'Risiko inheren',
          'operationalRiskInherent',
          'Risiko operasional',
          `Kecukupan SDM, sistem, dan pencatatan; kejadian kerugian operasional. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Risiko inheren',
          'complianceRiskInherent',
          'Risiko kepatuhan',
          `Kepatuhan pada peraturan perkoperasian, izin, dan AD/ART; temuan pemeriksaan sebelumnya. ${RATING_SCALE_HINT}`,
        ),
        quantitative(
          'Risiko inheren',
          'liquidityRiskInherent',
          'Risiko likuiditas: aset likuid terhadap total aset',
          'Aset likuid ÷ total aset × 100',
          [
            ['>', 15],
            ['>', 10],
            ['>', 5],
          ],
          [ROW_PROVISIONAL],
        ),
        rating(
          'Kualitas penerapan manajemen risiko',
          'creditRiskManagement',
          'Manajemen risiko kredit',
          `Prosedur pemberian, pemantauan, dan penagihan pinjaman. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Kualitas penerapan manajemen risiko',
          'operationalRiskManagement',
          'Manajemen risiko operasional',
          `SOP, pemisahan tugas, pengendalian intern. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Kualitas penerapan manajemen risiko',
          'complianceRiskManagement',
          'Manajemen risiko kepatuhan',
          `Ada pihak yang memantau kepatuhan dan menindaklanjuti temuan. ${RATING_SCALE_HINT}`,
        ),
        rating(
          'Kualitas penerapan manajemen risiko',
          'liquidityRiskManagement',
          'Manajemen risiko likuiditas',
          `Kebijakan likuiditas, jadwal jatuh tempo, dan pendanaan siaga. ${RATING_SCALE_HINT}`,
        ),
      ],
    },
    {
      code: 'financial',
      label: 'Kinerja Keuangan',
      weight: 40,
      indicators: [
        quantitative(
          'Evaluasi kinerja keuangan',
          'returnOnAssets',
          'Rentabilitas aset',
          'SHU setelah pajak ÷ total aset × 100',
          [
            ['≥', 7],
            ['≥', 5],
            ['≥', 3],
          ],
        ),
        quantitative(
          'Evaluasi kinerja keuangan',
          'returnOnEquity',
          'Rentabilitas modal sendiri',
          'SHU setelah pajak ÷ modal sendiri × 100',
          [
            ['≥', 10],
            ['≥', 7.5],
            ['≥', 5],
          ],
          [provisional('Batas nilai 3 (5%) sementara; batas lain dari pedoman.')],
        ),
        quantitative(
          'Evaluasi kinerja keuangan',
          'operationalSelfReliance',
          'Kemandirian operasional',
          'Partisipasi neto ÷ (beban usaha + beban perkoperasian) × 100',
          [
            ['≥', 120],
            ['≥', 110],
            ['>', 100],
          ],
        ),
        quantitative(
          'Evaluasi kinerja keuangan',
          'operatingCostToIncome',
          'Beban operasional terhadap pendapatan operasional',
          'Beban operasional ÷ pendapatan operasional × 100',
          [
            ['<', 80],
            ['<', 90],
            ['<', 100],
          ],
        ),
        quantitative(
          'Evaluasi kinerja keuangan',
          'businessCostToGrossShu',
          'Beban usaha terhadap SHU kotor',
          'Beban usaha ÷ (pendapatan − beban pokok) × 100',
          [
            ['<', 40],
            ['<', 60],
            ['<', 80],
          ],
        ),
        quantitative(
          'Evaluasi kinerja keuangan',
          'netMargin',
          'Margin SHU bersih',
          'SHU bersih ÷ total pendapatan × 100',
          [
            ['≥', 15],
            ['≥', 10],
            ['≥', 5],
          ],
        ),
        quantitative(
          'Pengelolaan keuangan',
          'problemLoans',
          'Pinjaman bermasalah terhadap total piutang',
          'Pinjaman bermasalah ÷ total piutang/pinjaman × 100',
          [
            ['≤', 5],
            ['≤', 10],
            ['≤', 15],
          ],
        ),
        quantitative(
          'Pengelolaan keuangan',
          'cashRatio',
          'Kas dan bank terhadap kewajiban jangka pendek',
          '(Kas + bank) ÷ kewajiban jangka pendek × 100',
          [
            ['≥', 20],
            ['≥', 15],
            ['≥', 10],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Pengelolaan keuangan',
          'loansToFundsReceived',
          'Piutang terhadap dana yang diterima',
          'Piutang/pinjaman ÷ dana yang diterima × 100',
          [
            ['≥', 90],
            ['≥', 75],
            ['≥', 60],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Pengelolaan keuangan',
          'currentRatio',
          'Aktiva lancar terhadap kewajiban jangka pendek',
          'Aktiva lancar ÷ kewajiban jangka pendek × 100',
          [
            ['≥', 125],
            ['≥', 100],
            ['≥', 75],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Keberlanjutan keuangan',
          'equityGrowth',
          'Pertumbuhan modal sendiri',
          '(Modal sendiri tahun ini − tahun lalu) ÷ modal sendiri tahun lalu × 100',
          [
            ['≥', 10],
            ['≥', 7],
            ['≥', 4],
          ],
        ),
        quantitative(
          'Keberlanjutan keuangan',
          'assetGrowth',
          'Pertumbuhan aset',
          '(Aset tahun ini − tahun lalu) ÷ aset tahun lalu × 100',
          [
            ['≥', 10],
            ['≥', 7],
            ['≥', 4],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Keberlanjutan keuangan',
          'netShuGrowth',
          'Pertumbuhan SHU bersih',
          '(SHU bersih tahun ini − tahun lalu) ÷ SHU bersih tahun lalu × 100',
          [
            ['≥', 5],
            ['≥', 3],
            ['≥', 1],
          ],
          [provisional('Batas nilai 1–3 sementara; batas nilai 4 (< 1%) dari pedoman.')],
        ),
        quantitative(
          'Keberlanjutan keuangan',
          'mainBusinessIncomeShare',
          'Pendapatan usaha pokok terhadap total pendapatan',
          'Pendapatan usaha pokok ÷ total pendapatan × 100',
          [
            ['≥', 85],
            ['≥', 60],
            ['≥', 35],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Keberlanjutan keuangan',
          'netShuToMemberSavings',
          'SHU bersih terhadap simpanan pokok dan wajib',
          'SHU bersih ÷ (simpanan pokok + simpanan wajib) × 100',
          [
            ['≥', 30],
            ['≥', 20],
            ['≥', 10],
          ],
          [ROW_PROVISIONAL],
        ),
      ],
    },
    {
      code: 'capital',
      label: 'Permodalan',
      weight: 15,
      indicators: [
        quantitative(
          'Kecukupan modal',
          'equityToAssets',
          'Modal sendiri terhadap total aset',
          'Modal sendiri ÷ total aset × 100',
          [
            ['>', 30],
            ['>', 20],
            ['>', 10],
          ],
        ),
        quantitative(
          'Kecukupan modal',
          'memberSavingsToAssets',
          'Simpanan anggota terhadap total aset',
          'Simpanan anggota ÷ total aset × 100',
          [
            ['≥', 30],
            ['≥', 20],
            ['≥', 10],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Kecukupan modal',
          'longTermLiabilitiesToEquity',
          'Kewajiban jangka panjang terhadap modal sendiri',
          'Kewajiban jangka panjang ÷ modal sendiri × 100',
          [
            ['≤', 100],
            ['≤', 125],
            ['≤', 150],
          ],
          [ROW_PROVISIONAL],
        ),
        quantitative(
          'Kecukupan modal',
          'capitalAdequacy',
          'Rasio kecukupan modal (modal diakui terhadap ATMR)',
          'Modal yang diakui ÷ ATMR × 100 (optimum 8%)',
          [
            ['≥', 8],
            ['≥', 6],
            ['≥', 4],
          ],
          [
            provisional(
              'Tabel pedoman tidak diketahui; batas 8/6/4 dipinjam dari rasio kecukupan modal KSP 2016 sampai admin menerbitkan tabel yang benar.',
            ),
          ],
        ),
        rating(
          'Pengelolaan modal',
          'capitalManagement',
          'Pengelolaan permodalan',
          `Rencana permodalan, penyisihan cadangan dari SHU, dan pertumbuhan modal dari anggota. ${RATING_SCALE_HINT}`,
        ),
      ],
    },
  ],
  categories: [
    { code: 'SEHAT', label: 'Sehat', min: 80 },
    { code: 'CUKUP_SEHAT', label: 'Cukup Sehat', min: 66 },
    { code: 'DALAM_PENGAWASAN', label: 'Dalam Pengawasan', min: 51 },
    { code: 'DALAM_PENGAWASAN_KHUSUS', label: 'Dalam Pengawasan Khusus' },
  ],
  categoryMarks: [
    provisional(
      'Ambang dan nama predikat sementara: dipakai implementasi lain; satu kabupaten memakai Sehat / Cukup Sehat / Kurang Sehat / Tidak Sehat.',
    ),
  ],
};
