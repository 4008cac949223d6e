import { describe, expect, it } from 'vitest';
import { must } from '../must.js';
import { inputFields, KK_2021, KSP_2016, validateInput } from '../../../src/domain/rubrics/index.js';
import { answers, kkInput, KSP_LINES, kspInput, WORKED_EXAMPLE } from './fixtures.js';

describe('validateInput for ksp-2016', () => {
  it('accepts the worked example and an all-zero statement (0 is a value)', () => {
    expect(validateInput(KSP_2016, WORKED_EXAMPLE)).toEqual([]);
    expect(validateInput(KSP_2016, kspInput())).toEqual([]);
  });

  it('asks for every input line of the rubric page, and only those', () => {
    const page =
      `kas bank simpananDitempatkan suratBerharga pinjamanDiberikan penyertaan pendapatanMasihHarusDiterima aktivaTetap
      aktivaLain totalAset pinjamanKurangLancar pinjamanDiragukan pinjamanMacet pinjamanBerisiko penyisihanPenghapusanPinjaman
      kewajibanLancar tabungan simpananBerjangka bebanMasihHarusDibayar danaDiterima kewajibanLain totalPasiva simpananPokok
      simpananWajib modalPenyetaraan modalPenyertaan cadanganUmum cadanganTujuanRisiko modalSumbangan shuBelumDibagi
      volumePinjaman volumePinjamanAnggota partisipasiBruto bebanPokok pendapatan bebanUsaha bebanPerkoperasian biayaKaryawan
      shuKotor shuSebelumPajak shuBagianAnggota meppp`.split(/\s+/);
    expect([...KSP_LINES].sort()).toEqual(page.sort());
    expect(KSP_LINES).toHaveLength(42);
    expect(
      inputFields(KSP_2016)
        .filter((f) => f.kind === 'answers')
        .map((f) => [f.field, f.count]),
    ).toEqual([
      ['management.general', 12],
      ['management.institutional', 6],
      ['management.capital', 5],
      ['management.assets', 10],
      ['management.liquidity', 5],
    ]);
  });

  it('lays the lines out as a neraca (aktiva; kewajiban dan ekuitas) and a perhitungan hasil usaha, with their total lines', () => {
    expect(KSP_2016.inputSections.map((s) => [s.code, s.statement, s.totalLine ?? null])).toEqual([
      ['aktiva', 'neraca', 'totalAset'],
      ['kualitasPinjaman', 'catatan', null],
      ['pasiva', 'neraca', 'totalPasiva'],
      ['hasilUsaha', 'phu', null],
      ['kegiatan', 'catatan', null],
    ]);
    const pasiva = must(KSP_2016.inputSections[2]).lines;
    expect(pasiva.filter((l) => l.group === 'Ekuitas').map((l) => l.code)).toContain('shuBelumDibagi');
    expect(must(KSP_2016.inputSections[0]).lines.find((l) => l.code === 'penyisihanPenghapusanPinjaman')?.sign).toBe(
      -1,
    );
  });

  it('names each missing line in Indonesian', () => {
    const issues = validateInput(KSP_2016, { financials: {}, management: WORKED_EXAMPLE.management });
    expect(issues).toHaveLength(42);
    expect(issues[0]).toEqual({ field: 'financials.kas', message: 'Kas wajib diisi (isi 0 bila tidak ada).' });
    expect(issues.map((i) => i.field)).toContain('financials.meppp');
  });

  it.each([
    ['kas', -1, 'Kas tidak boleh negatif.'],
    ['bank', '1000', 'Bank harus berupa angka.'],
    ['bank', Number.NaN, 'Bank harus berupa angka.'],
    ['totalAset', Number.POSITIVE_INFINITY, 'Jumlah aset harus berupa angka.'],
    ['aktivaTetap', 10.5, 'Aktiva tetap (nilai buku) harus dalam rupiah bulat (tanpa desimal).'],
    ['pinjamanMacet', null, 'Pinjaman macet wajib diisi (isi 0 bila tidak ada).'],
    ['totalPasiva', 2 ** 60, 'Jumlah kewajiban dan ekuitas terlalu besar.'],
  ])('%s = %s → "%s"', (line, value, message) => {
    const input = { ...WORKED_EXAMPLE, financials: { ...WORKED_EXAMPLE.financials, [line]: value } };
    expect(validateInput(KSP_2016, input)).toEqual([{ field: `financials.${line}`, message }]);
  });

  it.each([
    ['general', undefined, 'Jawaban Manajemen umum wajib diisi: 12 jawaban Ya/Tidak.'],
    ['general', answers(11, 5), 'Manajemen umum harus berisi 12 jawaban Ya/Tidak; diterima 11.'],
    ['assets', 'ya', 'Jawaban Manajemen aktiva harus berupa daftar 10 jawaban Ya/Tidak.'],
    [
      'capital',
      [true, true, 'ya', false, false],
      'Jawaban Manajemen permodalan nomor urut 3 harus Ya atau Tidak (true/false).',
    ],
    ['liquidity', answers(6, 0), 'Manajemen likuiditas harus berisi 5 jawaban Ya/Tidak; diterima 6.'],
  ])('management.%s = %o → "%s"', (code, value, message) => {
    const input = { ...WORKED_EXAMPLE, management: { ...WORKED_EXAMPLE.management, [code]: value } };
    expect(validateInput(KSP_2016, input)).toEqual([{ field: `management.${code}`, message }]);
  });

  it('rejects a body that is not an object', () => {
    expect(validateInput(KSP_2016, null)).toEqual([{ field: '', message: 'Data penilaian harus berupa objek.' }]);
    expect(validateInput(KSP_2016, [1, 2])).toHaveLength(1);
  });

  it('reports several problems at once', () => {
    const input = {
      financials: { ...WORKED_EXAMPLE.financials, kas: -5, bank: -1 },
      management: { ...WORKED_EXAMPLE.management, general: [] },
    };
    expect(validateInput(KSP_2016, input).map((i) => i.field)).toEqual([
      'financials.kas',
      'financials.bank',
      'management.general',
    ]);
  });
});

describe('validateInput for kk-2021', () => {
  it('accepts a full input, and null for indicators that do not apply', () => {
    expect(validateInput(KK_2021, kkInput())).toEqual([]);
    expect(
      validateInput(KK_2021, kkInput({ problemLoans: null, equityGrowth: -12.5 }, { savingsLoanLicence: null })),
    ).toEqual([]);
  });

  it.each([
    [
      { indicators: { returnOnAssets: undefined } },
      'indicators.returnOnAssets',
      'Rentabilitas aset wajib diisi; kirim null bila indikator ini tidak berlaku.',
    ],
    [
      { indicators: { returnOnAssets: 'tujuh' } },
      'indicators.returnOnAssets',
      'Rentabilitas aset harus berupa angka (persen).',
    ],
    [
      { indicators: { capitalManagement: 2.5 } },
      'indicators.capitalManagement',
      'Nilai Pengelolaan permodalan harus salah satu dari 1, 2, 3, 4.',
    ],
    [
      { indicators: { principleEducation: 0 } },
      'indicators.principleEducation',
      'Nilai Pendidikan perkoperasian harus salah satu dari 1, 2, 3, 4.',
    ],
    [
      { checklists: { organs: answers(5, 5) } },
      'checklists.organs',
      'Kelengkapan perangkat organisasi harus berisi 6 jawaban Ya/Tidak; diterima 5.',
    ],
  ] as [{ indicators?: Record<string, unknown>; checklists?: Record<string, unknown> }, string, string][])(
    '%o → %s: "%s"',
    (patch, field, message) => {
      const base = kkInput();
      const input = {
        indicators: { ...base.indicators, ...(patch.indicators ?? {}) },
        checklists: { ...base.checklists, ...(patch.checklists ?? {}) },
      };
      expect(validateInput(KK_2021, input)).toEqual([{ field, message }]);
    },
  );
});
