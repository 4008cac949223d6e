import { describe, expect, it } from 'vitest';
import { must } from '../must.js';
import {
  activeRule,
  KSP_2016,
  ruleNilai,
  scoreAssessment,
  type RatioComponent,
  type WeightedRubric,
} from '../../../src/domain/rubrics/index.js';
import { answers, component, kspInput } from './fixtures.js';

const δ = 1e-9;

function ratioComponent(rubric: WeightedRubric, path: string): RatioComponent {
  const [aspectCode, code] = path.split('.');
  const c = rubric.aspects.find((a) => a.code === aspectCode)?.components.find((x) => x.code === code);
  if (!c || c.kind !== 'ratio') throw new Error(`no ratio component ${path}`);
  return c;
}

const nilaiOf = (path: string, x: number, rubric: WeightedRubric = KSP_2016) =>
  ruleNilai(activeRule(rubric, must(path.split('.')[0], 'aspect code'), ratioComponent(rubric, path)).rule, x);

const withLinearRpm: WeightedRubric = { ...KSP_2016, settings: { ruleChoices: { 'assetQuality.b': 'linear' } } };

/**
 * Band edges straight from RUBRIC-KSP-2016.md: [edge, nilai just below, nilai at, nilai just above].
 * null: the page's table does not reach there because the ratio cannot be negative.
 */
const EDGES: Record<string, [number, number | null, number, number][]> = {
  'capital.a': [
    [0, 0, 0, 25],
    [20, 25, 25, 50],
    [40, 50, 50, 100],
    [60, 100, 100, 50],
    [80, 50, 50, 25],
  ],
  'capital.c': [
    [4, 0, 50, 50],
    [6, 50, 75, 75],
    [8, 75, 100, 100],
  ],
  'assetQuality.a': [
    [25, 0, 0, 50],
    [50, 50, 50, 75],
    [75, 75, 75, 100],
  ],
  'assetQuality.b': [
    [0, null, 100, 80],
    [10, 80, 80, 60],
    [20, 60, 60, 40],
    [30, 40, 40, 20],
    [40, 20, 20, 10],
    [45, 10, 0, 0],
  ],
  'assetQuality.d': [
    [21, 100, 75, 75],
    [26, 75, 75, 50],
    [30, 50, 50, 25],
  ],
  'efficiency.a': [
    [90, 100, 75, 75],
    [95, 75, 50, 50],
    [100, 50, 25, 25],
  ],
  'efficiency.b': [
    [40, 100, 100, 75],
    [60, 75, 75, 50],
    [80, 50, 50, 25],
  ],
  'efficiency.c': [
    [5, 100, 100, 75],
    [10, 75, 75, 50],
    [15, 50, 50, 0],
  ],
  'liquidity.a': [
    [10, 25, 25, 100],
    [15, 100, 100, 50],
    [20, 50, 50, 25],
  ],
  'liquidity.b': [
    [60, 25, 50, 50],
    [70, 50, 75, 75],
    [80, 75, 100, 100],
  ],
  'independence.a': [
    [5, 25, 50, 50],
    [7.5, 50, 75, 75],
    [10, 75, 100, 100],
  ],
  'independence.b': [
    [3, 25, 50, 50],
    [4, 50, 75, 75],
    [5, 75, 100, 100],
  ],
  'independence.c': [[100, 0, 0, 100]],
  'identity.a': [
    [25, 25, 50, 50],
    [50, 50, 75, 75],
    [75, 75, 100, 100],
  ],
  'identity.b': [
    [5, 0, 50, 50],
    [7.5, 50, 75, 75],
    [10, 75, 100, 100],
  ],
};

describe('ksp-2016 band tables at and around every edge', () => {
  for (const [path, rows] of Object.entries(EDGES)) {
    const cases = rows.flatMap(([edge, below, at, above]): [number, number | null][] => [
      [edge - δ, below],
      [edge, at],
      [edge + δ, above],
    ]);
    it.each(cases)(`${path}: x = %s → nilai %s`, (x, nilai) => {
      expect(nilaiOf(path, x)).toBe(nilai);
    });
  }

  it.each([
    ['capital.a', 1000, 25],
    ['capital.c', 0, 0],
    ['assetQuality.a', 100, 100],
    ['assetQuality.b', 100, 0],
    ['efficiency.a', 0, 100],
    ['liquidity.a', 0, 25],
    ['liquidity.b', 0, 25],
    ['independence.c', -50, 0],
    ['identity.b', 0, 0],
  ])('%s far from the edges: x = %s → nilai %s', (path, x, nilai) => {
    expect(nilaiOf(path, x)).toBe(nilai);
  });
});

describe('ksp-2016 one-point-per-percent components (capital.b, assetQuality.c)', () => {
  it.each([
    [-5, 0],
    [0, 0],
    [1 - δ, 0],
    [1, 1],
    [57, 57],
    [58 - δ, 57],
    [99.99, 99],
    [100 - δ, 99],
    [100, 100],
    [100 + δ, 100],
    [250, 100],
  ])('x = %s → nilai %s', (x, nilai) => {
    expect(nilaiOf('capital.b', x)).toBe(nilai);
    expect(nilaiOf('assetQuality.c', x)).toBe(nilai);
  });
});

describe('ksp-2016 assetQuality.b alternative linear rule (2 per whole percent below 45)', () => {
  it.each([
    [0, 90],
    [δ, 88],
    [1, 88],
    [2.75, 84],
    [10, 70],
    [44 - δ, 2],
    [44, 2],
    [44 + δ, 0],
    [44.5, 0],
    [45, 0],
    [60, 0],
  ])('x = %s → nilai %s', (x, nilai) => {
    expect(nilaiOf('assetQuality.b', x, withLinearRpm)).toBe(nilai);
  });
});

/** Scores one component from real rupiah lines (all other lines 0). */
function scoreWith(path: string, financials: Record<string, number>, rubric: WeightedRubric = KSP_2016) {
  return component(scoreAssessment(rubric, kspInput(financials)), path);
}

describe('ksp-2016 components from rupiah inputs, exactly on the edges', () => {
  it.each([
    // [path, lines, ratio, nilai]
    ['capital.a', { totalAset: 1000, simpananPokok: 0 }, 0, 0],
    ['capital.a', { totalAset: 1000, simpananPokok: 200 }, 20, 25],
    ['capital.a', { totalAset: 1000, simpananPokok: 201 }, 20.1, 50],
    ['capital.a', { totalAset: 1000, simpananPokok: 400 }, 40, 50],
    ['capital.a', { totalAset: 1000, simpananPokok: 600 }, 60, 100],
    ['capital.a', { totalAset: 1000, simpananPokok: 800 }, 80, 50],
    ['capital.a', { totalAset: 1000, simpananPokok: 801 }, 80.1, 25],
    // 57 / 100 × 100 in naive floats is 56.99999999999999; the engine keeps it exact.
    ['capital.b', { pinjamanBerisiko: 100, simpananPokok: 57 }, 57, 57],
    ['capital.b', { pinjamanBerisiko: 3, simpananPokok: 1 }, 100 / 3, 33],
    ['capital.b', { pinjamanBerisiko: 100, cadanganUmum: 300 }, 300, 100],
    ['capital.c', { pinjamanDiberikan: 1000, simpananPokok: 80 }, 8, 100],
    ['capital.c', { pinjamanDiberikan: 1000, simpananPokok: 79 }, 7.9, 75],
    ['capital.c', { pinjamanDiberikan: 1000, tabungan: 120 }, 6, 75],
    ['capital.c', { pinjamanDiberikan: 1000, tabungan: 119 }, 5.95, 50],
    ['capital.c', { aktivaTetap: 1000, simpananWajib: 56 }, 8, 100],
    ['capital.c', { simpananDitempatkan: 1000, simpananWajib: 8 }, 4, 50],
    ['capital.c', { simpananDitempatkan: 1000, kas: 5000, simpananWajib: 7 }, 3.5, 0],
    ['assetQuality.a', { volumePinjaman: 1000, volumePinjamanAnggota: 250 }, 25, 0],
    ['assetQuality.a', { volumePinjaman: 1000, volumePinjamanAnggota: 251 }, 25.1, 50],
    ['assetQuality.a', { volumePinjaman: 1000, volumePinjamanAnggota: 750 }, 75, 75],
    ['assetQuality.a', { volumePinjaman: 1000, volumePinjamanAnggota: 751 }, 75.1, 100],
    ['assetQuality.b', { pinjamanDiberikan: 1000 }, 0, 100],
    ['assetQuality.b', { pinjamanDiberikan: 1000, pinjamanMacet: 100 }, 10, 80],
    ['assetQuality.b', { pinjamanDiberikan: 1000, pinjamanKurangLancar: 880 }, 44, 10],
    ['assetQuality.b', { pinjamanDiberikan: 1000, pinjamanDiragukan: 600 }, 45, 0],
    ['assetQuality.c', { pinjamanMacet: 100, cadanganTujuanRisiko: 57 }, 57, 57],
    ['assetQuality.c', { pinjamanKurangLancar: 200, penyisihanPenghapusanPinjaman: 100 }, 100, 100],
    ['assetQuality.c', { pinjamanDiragukan: 400, penyisihanPenghapusanPinjaman: 100 }, 100 / 3, 33],
    ['assetQuality.d', { pinjamanDiberikan: 1000, pinjamanBerisiko: 209 }, 20.9, 100],
    ['assetQuality.d', { pinjamanDiberikan: 100, pinjamanBerisiko: 21 }, 21, 75],
    ['assetQuality.d', { pinjamanDiberikan: 100, pinjamanBerisiko: 26 }, 26, 75],
    ['assetQuality.d', { pinjamanDiberikan: 1000, pinjamanBerisiko: 261 }, 26.1, 50],
    ['assetQuality.d', { pinjamanDiberikan: 1000, pinjamanBerisiko: 301 }, 30.1, 25],
    ['efficiency.a', { partisipasiBruto: 1000, bebanUsaha: 899 }, 89.9, 100],
    ['efficiency.a', { partisipasiBruto: 1000, bebanPokok: 900 }, 90, 75],
    ['efficiency.a', { partisipasiBruto: 1000, bebanPokok: 900, bebanPerkoperasian: 50 }, 95, 50],
    ['efficiency.a', { partisipasiBruto: 1000, bebanPokok: 1000 }, 100, 25],
    ['efficiency.b', { shuKotor: 1000, bebanUsaha: 400 }, 40, 100],
    ['efficiency.b', { shuKotor: 1000, bebanUsaha: 401 }, 40.1, 75],
    ['efficiency.b', { shuKotor: 1000, bebanUsaha: 800 }, 80, 50],
    ['efficiency.b', { shuKotor: 1000, bebanUsaha: 801 }, 80.1, 25],
    ['efficiency.c', { volumePinjaman: 1000, biayaKaryawan: 50 }, 5, 100],
    ['efficiency.c', { volumePinjaman: 1000, biayaKaryawan: 51 }, 5.1, 75],
    ['efficiency.c', { volumePinjaman: 1000, biayaKaryawan: 150 }, 15, 50],
    ['efficiency.c', { volumePinjaman: 1000, biayaKaryawan: 151 }, 15.1, 0],
    ['liquidity.a', { kewajibanLancar: 1000, kas: 100 }, 10, 25],
    ['liquidity.a', { kewajibanLancar: 1000, kas: 100, bank: 1 }, 10.1, 100],
    ['liquidity.a', { kewajibanLancar: 1000, bank: 150 }, 15, 100],
    ['liquidity.a', { kewajibanLancar: 1000, kas: 200 }, 20, 50],
    ['liquidity.a', { kewajibanLancar: 1000, kas: 201 }, 20.1, 25],
    ['liquidity.b', { totalPasiva: 1000, pinjamanDiberikan: 599 }, 59.9, 25],
    ['liquidity.b', { totalPasiva: 1000, pinjamanDiberikan: 600 }, 60, 50],
    [
      'liquidity.b',
      { totalPasiva: 1100, bebanMasihHarusDibayar: 50, shuBelumDibagi: 50, pinjamanDiberikan: 700 },
      70,
      75,
    ],
    ['liquidity.b', { totalPasiva: 1000, pinjamanDiberikan: 799 }, 79.9, 75],
    ['liquidity.b', { totalPasiva: 1000, pinjamanDiberikan: 800 }, 80, 100],
    ['independence.a', { totalAset: 1000, shuSebelumPajak: 49 }, 4.9, 25],
    ['independence.a', { totalAset: 1000, shuSebelumPajak: 50 }, 5, 50],
    ['independence.a', { totalAset: 1000, shuSebelumPajak: 75 }, 7.5, 75],
    ['independence.a', { totalAset: 1000, shuSebelumPajak: 100 }, 10, 100],
    ['independence.b', { simpananPokok: 1000, shuBagianAnggota: 29 }, 2.9, 25],
    ['independence.b', { simpananPokok: 1000, shuBagianAnggota: 30 }, 3, 50],
    ['independence.b', { simpananPokok: 600, simpananWajib: 400, shuBagianAnggota: 40 }, 4, 75],
    ['independence.b', { simpananPokok: 1000, shuBagianAnggota: 50 }, 5, 100],
    ['independence.c', { bebanUsaha: 100, partisipasiBruto: 100 }, 100, 0],
    ['independence.c', { bebanUsaha: 90, bebanPerkoperasian: 10, partisipasiBruto: 101 }, 101, 100],
    ['independence.c', { bebanUsaha: 100, partisipasiBruto: 100, bebanPokok: 200 }, -100, 0],
    ['identity.a', { partisipasiBruto: 24, pendapatan: 76 }, 24, 25],
    ['identity.a', { partisipasiBruto: 25, pendapatan: 75 }, 25, 50],
    ['identity.a', { partisipasiBruto: 74, pendapatan: 26 }, 74, 75],
    ['identity.a', { partisipasiBruto: 75, pendapatan: 25 }, 75, 100],
    ['identity.a', { partisipasiBruto: 75 }, 100, 100],
    ['identity.b', { simpananPokok: 100, simpananWajib: 100, meppp: 9 }, 4.5, 0],
    ['identity.b', { simpananPokok: 100, simpananWajib: 100, meppp: 10 }, 5, 50],
    ['identity.b', { simpananPokok: 100, simpananWajib: 100, meppp: 15 }, 7.5, 75],
    ['identity.b', { simpananPokok: 100, simpananWajib: 100, shuBagianAnggota: 20 }, 10, 100],
  ] as const)('%s with %o: x = %s → nilai %s', (path, lines, ratio, nilai) => {
    const c = scoreWith(path, lines);
    expect(c.status).toBe('scored');
    expect(c.ratio).toBe(ratio);
    expect(c.nilai).toBe(nilai);
    expect(c.score).toBe((nilai * (c.weight ?? 0)) / 100);
  });

  it('reports which rpm rule was used, and applies the linear rule when the rubric chooses it', () => {
    const lines = { pinjamanDiberikan: 1000, pinjamanMacet: 100 };
    expect(scoreWith('assetQuality.b', lines).ruleUsed).toEqual({ key: 'table', label: 'Tabel peraturan' });
    const linear = scoreWith('assetQuality.b', lines, withLinearRpm);
    expect(linear.ruleUsed?.key).toBe('linear');
    expect(linear.nilai).toBe(70);
    expect(linear.score).toBe(3.5);
    const parts = scoreAssessment(withLinearRpm, kspInput(lines)).provisionalUsed.filter(
      (p) => p.part === 'assetQuality.b',
    );
    expect(parts.map((p) => p.kind)).toEqual(['choice', 'choice']);
  });
});

describe('ksp-2016 zero denominators', () => {
  it.each([
    ['capital.b', 'pinjamanBerisiko = 0', { simpananPokok: 10 }, 100],
    ['assetQuality.b', 'pinjamanDiberikan = 0', { pinjamanMacet: 10 }, 100],
    ['assetQuality.c', 'rpm = 0', { cadanganTujuanRisiko: 10 }, 100],
    ['assetQuality.d', 'pinjamanDiberikan = 0', { pinjamanBerisiko: 10 }, 100],
    ['efficiency.b', 'shuKotor ≤ 0', { bebanUsaha: 10 }, 25],
    ['liquidity.a', 'kewajibanLancar = 0', { kas: 10 }, 25],
  ] as const)('%s: %s → nilai %s as stated', (path, _what, lines, nilai) => {
    const c = scoreWith(path, lines);
    expect(c).toMatchObject({ status: 'scored', nilai, ratio: null, zeroDenominator: true });
  });

  it('the linear rpm rule keeps the stated zero-denominator value', () => {
    expect(scoreWith('assetQuality.b', {}, withLinearRpm)).toMatchObject({ nilai: 100, zeroDenominator: true });
  });

  it.each([
    ['capital.a', 'Jumlah aset'],
    ['capital.c', 'Aktiva tertimbang menurut risiko (ATMR)'],
    ['assetQuality.a', 'Volume pinjaman yang disalurkan tahun ini'],
    ['efficiency.a', 'Partisipasi bruto anggota'],
    ['efficiency.c', 'Volume pinjaman yang disalurkan tahun ini'],
    ['liquidity.b', 'Dana yang diterima (untuk rasio likuiditas b)'],
    ['independence.a', 'Jumlah aset'],
    ['independence.b', 'Modal sendiri'],
    ['independence.c', 'Beban usaha + Beban perkoperasian'],
    ['identity.a', 'Partisipasi bruto anggota + Pendapatan dari non-anggota'],
    ['identity.b', 'Simpanan pokok + Simpanan wajib'],
  ])('%s with a zero denominator and no stated value is not computable, naming %s', (path, figure) => {
    const result = scoreAssessment(KSP_2016, kspInput({}));
    expect(component(result, path)).toMatchObject({ status: 'notComputable', nilai: null, score: null });
    const entry = result.notComputable.find((n) => n.component === path);
    expect(entry?.reason).toContain(`${figure} bernilai 0`);
    expect(result.complete).toBe(false);
    expect(result.category).toBeNull();
  });

  it('a negative "dana yang diterima" (accruals and SHU above total pasiva) is not computable', () => {
    const result = scoreAssessment(KSP_2016, kspInput({ totalPasiva: 10, shuBelumDibagi: 20, pinjamanDiberikan: 5 }));
    expect(component(result, 'liquidity.b').status).toBe('notComputable');
    expect(result.notComputable.find((n) => n.component === 'liquidity.b')?.reason).toContain('bernilai negatif');
  });
});

describe('ksp-2016 management questionnaire', () => {
  it.each([
    ['general', 12, 12, 3, 100],
    ['general', 12, 0, 0, 0],
    ['general', 12, 7, 1.75, 58.333333333333336],
    ['institutional', 6, 1, 0.5, 16.666666666666668],
    ['institutional', 6, 6, 3, 100],
    ['capital', 5, 3, 1.8, 60],
    ['capital', 5, 5, 3, 100],
    ['assets', 10, 3, 0.9, 30],
    ['assets', 10, 10, 3, 100],
    ['liquidity', 5, 1, 0.6, 20],
    ['liquidity', 5, 4, 2.4, 80],
  ] as const)('%s: %s questions, %s Ya → skor %s (nilai %s)', (code, n, yes, skor, nilai) => {
    const result = scoreAssessment(KSP_2016, kspInput({}, { [code]: answers(n, yes) }));
    const c = component(result, `management.${code}`);
    expect(c).toMatchObject({ status: 'scored', score: skor, nilai, weight: 3, answered: { yes, of: n } });
  });

  it('counts Ya wherever it stands', () => {
    const mixed = [false, true, false, true, true, false, false, false, true, false];
    const c = component(scoreAssessment(KSP_2016, kspInput({}, { assets: mixed })), 'management.assets');
    expect(c.score).toBe(1.2);
  });

  it('all Ya gives the full 15 of the aspect', () => {
    const all = {
      general: answers(12, 12),
      institutional: answers(6, 6),
      capital: answers(5, 5),
      assets: answers(10, 10),
      liquidity: answers(5, 5),
    };
    const aspect = scoreAssessment(KSP_2016, kspInput({}, all)).aspects.find((a) => a.code === 'management');
    expect(aspect).toMatchObject({ score: 15, share: 100, category: { code: 'SEHAT' } });
  });

  it('an incomplete answer list leaves that component not computable', () => {
    const result = scoreAssessment(KSP_2016, kspInput({}, { general: answers(11, 11) }));
    expect(component(result, 'management.general').status).toBe('notComputable');
    expect(result.notComputable.find((n) => n.component === 'management.general')?.reason).toBe(
      'Manajemen umum harus berisi 12 jawaban Ya/Tidak; diterima 11.',
    );
  });
});
