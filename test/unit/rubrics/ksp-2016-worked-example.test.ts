import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  formatScore,
  KSP_2016,
  roundForDisplay,
  scoreAssessment,
  type WeightedRubric,
} from '../../../src/domain/rubrics/index.js';
import { component, kspInput, WORKED_EXAMPLE } from './fixtures.js';

describe('ksp-2016 derived values', () => {
  // Each line a distinct power of two, so every coefficient shows in the sum.
  const lines = {
    simpananPokok: 1,
    simpananWajib: 2,
    modalPenyetaraan: 4,
    cadanganUmum: 8,
    cadanganTujuanRisiko: 16,
    modalSumbangan: 32,
    shuBelumDibagi: 64,
    modalPenyertaan: 128,
    tabungan: 256,
    simpananBerjangka: 512,
    bebanMasihHarusDibayar: 1024,
    danaDiterima: 2048,
    kewajibanLain: 4096,
    totalPasiva: 100_000,
    pinjamanKurangLancar: 1000,
    pinjamanDiragukan: 2000,
    pinjamanMacet: 4000,
    penyisihanPenghapusanPinjaman: 300,
    partisipasiBruto: 9000,
    bebanPokok: 2500,
    bebanUsaha: 1500,
    bebanPerkoperasian: 700,
    meppp: 450,
    shuBagianAnggota: 550,
  };
  const derived = scoreAssessment(KSP_2016, kspInput(lines)).derived;

  it.each([
    ['modalSendiri', 1 + 2 + 4 + 8 + 16 + 32 + 64],
    ['rpm', 0.5 * 1000 + 0.75 * 2000 + 4000],
    ['cadanganRisiko', 16 + 300],
    ['partisipasiNeto', 9000 - 2500],
    ['bebanOperasiAnggota', 2500 + 1500 + 700],
    ['pea', 450 + 550],
    ['danaDiterimaRasio', 100_000 - 1024 - 64],
    ['modalTertimbang', 1 + 2 + 4 + 8 + 32 + 0.5 * (128 + 16 + 64 + 256 + 512 + 1024 + 2048 + 4096)],
  ])('%s = %s', (code, expected) => {
    expect(derived[code]).toBe(expected);
  });

  it('ATMR weighs the assets 0% kas and bank, 20% placements, 50% securities and accruals, 70% fixed, 100% loans, equity stakes and other', () => {
    const { derived: d } = scoreAssessment(
      KSP_2016,
      kspInput({
        kas: 25_000_000,
        bank: 95_000_000,
        simpananDitempatkan: 50_000_000,
        suratBerharga: 10_000_000,
        pinjamanDiberikan: 800_000_000,
        penyertaan: 15_000_000,
        pendapatanMasihHarusDiterima: 4_000_000,
        aktivaTetap: 30_000_000,
        aktivaLain: 3_000_000,
      }),
    );
    // 0 + 10.000.000 + 5.000.000 + 800.000.000 + 15.000.000 + 2.000.000 + 21.000.000 + 3.000.000
    expect(d.atmr).toBe(856_000_000);
  });

  it('ATMR stays exact with odd amounts (0,7 × 1.234.567 = 864.196,9)', () => {
    const { derived: d } = scoreAssessment(KSP_2016, kspInput({ aktivaTetap: 1_234_567, simpananDitempatkan: 3 }));
    expect(d.atmr).toBe(864_197.5); // 864.196,9 + 0,2 × 3
  });
});

describe('ksp-2016 worked example (hand calculation)', () => {
  const result = scoreAssessment(KSP_2016, WORKED_EXAMPLE);

  // Derived: modalSendiri 360 jt; rpm 0,5×20 + 0,75×8 + 10 = 26 jt; cadanganRisiko 22 jt;
  // partisipasiNeto 140 jt; bebanOperasiAnggota 155 jt; pea 30 jt; danaDiterimaRasio 960 jt;
  // modalTertimbang 295 + 0,5 × 725 = 657,5 jt; ATMR 856 jt.
  it.each([
    ['capital.a', (360 / 1020) * 100, 50, 3], // 35,29% → 20 < x ≤ 40
    ['capital.b', 200, 100, 6], // 360 / 180
    ['capital.c', (657.5 / 856) * 100, 100, 3], // 76,8% ≥ 8
    ['assetQuality.a', (1000 / 1200) * 100, 100, 10], // 83,3% > 75
    ['assetQuality.b', 3.25, 80, 4], // 26 / 800
    ['assetQuality.c', (22 / 26) * 100, 84, 4.2], // 84,6% → floor 84
    ['assetQuality.d', 22.5, 75, 3.75], // 180 / 800
    ['efficiency.a', (155 / 180) * 100, 100, 4], // 86,1% < 90
    ['efficiency.b', 68.75, 50, 2], // 110 / 160
    ['efficiency.c', 6, 75, 1.5], // 72 / 1200
    ['liquidity.a', (120 / 700) * 100, 50, 5], // 17,1%
    ['liquidity.b', (800 / 960) * 100, 100, 5], // 83,3%
    ['independence.a', (45 / 1020) * 100, 25, 0.75], // 4,41% < 5
    ['independence.b', (25 / 360) * 100, 100, 3], // 6,94% ≥ 5
    ['independence.c', (140 / 115) * 100, 100, 4], // 121,7% > 100
    ['identity.a', 90, 100, 7], // 180 / 200
    ['identity.b', 15, 100, 3], // 30 / 200
  ])('%s: x ≈ %s → nilai %s, skor %s', (path, ratio, nilai, skor) => {
    const c = component(result, path);
    expect(c.ratio).toBeCloseTo(ratio, 12);
    expect(c.nilai).toBe(nilai);
    expect(c.score).toBe(skor);
  });

  it.each([
    ['capital', 12, 80, 'SEHAT'],
    ['assetQuality', 21.95, 87.8, 'SEHAT'],
    ['management', 11.6, 77.33333333333333, 'CUKUP_SEHAT'], // 2,5 + 2,5 + 1,8 + 2,4 + 2,4
    ['efficiency', 7.5, 75, 'CUKUP_SEHAT'],
    ['liquidity', 10, 66.66666666666667, 'CUKUP_SEHAT'],
    ['independence', 7.75, 77.5, 'CUKUP_SEHAT'],
    ['identity', 10, 100, 'SEHAT'],
  ])('aspect %s: score %s, share %s%% → %s', (code, score, share, category) => {
    const aspect = result.aspects.find((a) => a.code === code);
    expect(aspect?.score).toBe(score);
    expect(aspect?.share).toBeCloseTo(share, 10);
    expect(aspect?.category?.code).toBe(category);
  });

  it('totals 80,80: Sehat', () => {
    expect(result.total).toBe(80.8);
    expect(formatScore(result.total)).toBe('80,80');
    expect(result).toMatchObject({
      rubric: 'ksp-2016',
      rubricVersion: 1,
      complete: true,
      category: { code: 'SEHAT', label: 'Sehat' },
    });
    expect(result.notComputable).toEqual([]);
  });

  it('with the linear rpm rule: assetQuality.b nilai 82 (90 − 2 × 4), total 80,90', () => {
    const linear: WeightedRubric = { ...KSP_2016, settings: { ruleChoices: { 'assetQuality.b': 'linear' } } };
    const r = scoreAssessment(linear, WORKED_EXAMPLE);
    expect(component(r, 'assetQuality.b')).toMatchObject({ nilai: 82, score: 4.1, ruleUsed: { key: 'linear' } });
    expect(r.total).toBe(80.9);
  });

  it('lists the provisional and choice parts it used', () => {
    const parts = result.provisionalUsed.map((p) => `${p.part}:${p.kind}`);
    expect(parts).toEqual(
      expect.arrayContaining([
        'derived.atmr:choice',
        'assetQuality.b:choice',
        'assetQuality.d:choice',
        'management.general:provisional',
        'efficiency.a:provisional',
        'efficiency.b:provisional',
        'efficiency.c:provisional',
        'liquidity.b:provisional',
        'derived.danaDiterimaRasio:choice',
        'identity.b:provisional',
      ]),
    );
    expect(component(result, 'capital.c').provisional).toBe(true); // through the ATMR
    expect(component(result, 'capital.a').provisional).toBe(false);
  });

  it('the same input always gives the same result (stored score = live score)', () => {
    expect(scoreAssessment(KSP_2016, structuredClone(WORKED_EXAMPLE))).toEqual(result);
  });
});

describe('categories', () => {
  it.each([
    [100, 'SEHAT'],
    [80, 'SEHAT'],
    [79.99, 'CUKUP_SEHAT'],
    [80 - 1e-9, 'CUKUP_SEHAT'],
    [66, 'CUKUP_SEHAT'],
    [65.99, 'DALAM_PENGAWASAN'],
    [51, 'DALAM_PENGAWASAN'],
    [50.99, 'DALAM_PENGAWASAN_KHUSUS'],
    [0, 'DALAM_PENGAWASAN_KHUSUS'],
  ])('total %s → %s', (total, code) => {
    expect(categoryOf(total, KSP_2016).code).toBe(code);
  });

  it('an aspect at 25% of its weight reads as Dalam Pengawasan Khusus (liquidity 3,75 of 15)', () => {
    const r = scoreAssessment(KSP_2016, {
      ...WORKED_EXAMPLE,
      financials: { ...WORKED_EXAMPLE.financials, kewajibanLancar: 400_000_000, pinjamanDiberikan: 500_000_000 },
    });
    // kas 30%: 25 → 2,5; loans 500 / 960 = 52% → 25 → 1,25
    const liquidity = r.aspects.find((a) => a.code === 'liquidity');
    expect(liquidity).toMatchObject({
      score: 3.75,
      share: 25,
      category: { code: 'DALAM_PENGAWASAN_KHUSUS', label: 'Dalam Pengawasan Khusus' },
    });
  });
});

describe('display rounding', () => {
  it.each([
    [80.8, 80.8],
    [1.005, 1.01],
    [2.675, 2.68],
    [66.666666, 66.67],
    [79.995, 80],
    [0.1 + 0.2, 0.3],
    [1e-7, 0],
  ])('%s → %s', (x, rounded) => {
    expect(roundForDisplay(x)).toBe(rounded);
  });
});
