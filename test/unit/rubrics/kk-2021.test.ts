import { describe, expect, it } from 'vitest';
import { must } from '../must.js';
import {
  KK_2021,
  ruleNilai,
  scoreAssessment,
  type GradedInput,
  type QuantitativeIndicator,
} from '../../../src/domain/rubrics/index.js';
import { answers, component, kkInput } from './fixtures.js';

const δ = 1e-9;

type Op = '≥' | '>' | '≤' | '<';
/** The quantitative table of RUBRIC-2021.md, columns nilai 1, 2, 3 (nilai 4 is the rest). */
const PAGE: [string, [Op, number], [Op, number], [Op, number]][] = [
  ['creditRiskInherent', ['≤', 75], ['≤', 85], ['≤', 95]],
  ['liquidityRiskInherent', ['>', 15], ['>', 10], ['>', 5]],
  ['returnOnAssets', ['≥', 7], ['≥', 5], ['≥', 3]],
  ['returnOnEquity', ['≥', 10], ['≥', 7.5], ['≥', 5]],
  ['operationalSelfReliance', ['≥', 120], ['≥', 110], ['>', 100]],
  ['operatingCostToIncome', ['<', 80], ['<', 90], ['<', 100]],
  ['businessCostToGrossShu', ['<', 40], ['<', 60], ['<', 80]],
  ['netMargin', ['≥', 15], ['≥', 10], ['≥', 5]],
  ['problemLoans', ['≤', 5], ['≤', 10], ['≤', 15]],
  ['cashRatio', ['≥', 20], ['≥', 15], ['≥', 10]],
  ['loansToFundsReceived', ['≥', 90], ['≥', 75], ['≥', 60]],
  ['currentRatio', ['≥', 125], ['≥', 100], ['≥', 75]],
  ['equityGrowth', ['≥', 10], ['≥', 7], ['≥', 4]],
  ['assetGrowth', ['≥', 10], ['≥', 7], ['≥', 4]],
  ['netShuGrowth', ['≥', 5], ['≥', 3], ['≥', 1]],
  ['mainBusinessIncomeShare', ['≥', 85], ['≥', 60], ['≥', 35]],
  ['netShuToMemberSavings', ['≥', 30], ['≥', 20], ['≥', 10]],
  ['equityToAssets', ['>', 30], ['>', 20], ['>', 10]],
  ['memberSavingsToAssets', ['≥', 30], ['≥', 20], ['≥', 10]],
  ['longTermLiabilitiesToEquity', ['≤', 100], ['≤', 125], ['≤', 150]],
  ['capitalAdequacy', ['≥', 8], ['≥', 6], ['≥', 4]], // provisional: the page leaves it to the admin
];

const holds = (x: number, [op, e]: [Op, number]) =>
  op === '≥' ? x >= e : op === '>' ? x > e : op === '≤' ? x <= e : x < e;
/** Reading the printed row left to right: the first column whose condition holds. */
const pageNilai = (row: [Op, number][], x: number) => {
  const i = row.findIndex((edge) => holds(x, edge));
  return i === -1 ? 4 : i + 1;
};

const indicator = (code: string): QuantitativeIndicator => {
  const found = KK_2021.aspects.flatMap((a) => a.indicators).find((i) => i.code === code);
  if (!found || found.kind !== 'quantitative') throw new Error(`no quantitative indicator ${code}`);
  return found;
};

describe('kk-2021 quantitative indicators at and around every printed edge', () => {
  it('ships every row of the page, and no other quantitative indicator', () => {
    const shipped = KK_2021.aspects
      .flatMap((a) => a.indicators)
      .filter((i) => i.kind === 'quantitative')
      .map((i) => i.code);
    expect(shipped.sort()).toEqual(PAGE.map(([code]) => code).sort());
  });

  for (const [code, ...row] of PAGE) {
    const xs = row.flatMap(([, e]) => [e - δ, e, e + δ]).concat([-1000, 1000]);
    it.each(xs)(`${code}: x = %s`, (x) => {
      expect(ruleNilai({ kind: 'bands', bands: indicator(code).bands }, x)).toBe(pageNilai(row, x));
    });
  }

  it.each([
    ['returnOnAssets', 7, 1],
    ['returnOnAssets', 6.99, 2],
    ['returnOnAssets', 3, 3],
    ['returnOnAssets', 2.99, 4],
    ['operationalSelfReliance', 100, 4],
    ['operationalSelfReliance', 100.01, 3],
    ['operationalSelfReliance', 110, 2],
    ['creditRiskInherent', 75, 1],
    ['creditRiskInherent', 95.01, 4],
    ['equityToAssets', 30, 2],
    ['equityToAssets', 10, 4],
  ])('spot check %s = %s → nilai %s', (code, x, nilai) => {
    const r = scoreAssessment(KK_2021, kkInput({ [code]: x }));
    const c = r.aspects.flatMap((a) => a.components).find((i) => i.code === code);
    expect(c).toMatchObject({ status: 'scored', ratio: x, nilai, score: 5 - nilai });
  });
});

describe('kk-2021 checklists', () => {
  it.each([
    [0, 4],
    [25, 4],
    [25 + δ, 3],
    [50, 3],
    [50 + δ, 2],
    [75, 2],
    [75 + δ, 1],
    [100, 1],
  ])('p = %s → nilai %s', (p, nilai) => {
    expect(ruleNilai({ kind: 'bands', bands: KK_2021.checklistBands }, p)).toBe(nilai);
  });

  it.each([
    ['legalEntity', 6, 0, 4],
    ['legalEntity', 6, 1, 4],
    ['legalEntity', 6, 2, 3],
    ['legalEntity', 6, 3, 3],
    ['legalEntity', 6, 4, 2],
    ['legalEntity', 6, 5, 1],
    ['legalEntity', 6, 6, 1],
    ['managementGeneral', 12, 3, 4],
    ['managementGeneral', 12, 9, 2],
    ['managementGeneral', 12, 10, 1],
    ['managementLiquidity', 5, 2, 3],
    ['managementAssets', 10, 5, 3],
    ['managementAssets', 10, 6, 2],
  ])('%s: %s items, %s met → nilai %s', (code, n, yes, nilai) => {
    const r = scoreAssessment(KK_2021, kkInput({}, { [code]: answers(n, yes) }));
    expect(component(r, `governance.${code}`)).toMatchObject({
      status: 'scored',
      nilai,
      score: 5 - nilai,
      answered: { yes, of: n },
    });
  });

  it('kelembagaan has 5 indicators with 30 items in all', () => {
    const kelembagaan = must(KK_2021.aspects[0]).indicators.filter((i) => i.group === 'Kelembagaan');
    expect(kelembagaan).toHaveLength(5);
    expect(kelembagaan.reduce((n, i) => n + (i.kind === 'checklist' ? i.items.length : 0), 0)).toBe(30);
  });

  it('the cooperative principles are 7 indicators', () => {
    expect(must(KK_2021.aspects[0]).indicators.filter((i) => i.group === 'Prinsip koperasi')).toHaveLength(7);
  });
});

describe('kk-2021 aggregation', () => {
  it('the weights are governance 30, risk 15, financial 40, capital 15', () => {
    expect(KK_2021.aspects.map((a) => [a.code, a.weight])).toEqual([
      ['governance', 30],
      ['risk', 15],
      ['financial', 40],
      ['capital', 15],
    ]);
  });

  it('everything Sehat totals 100', () => {
    const r = scoreAssessment(
      KK_2021,
      kkInput({
        returnOnAssets: 10,
        returnOnEquity: 10,
        operationalSelfReliance: 120,
        netMargin: 15,
        cashRatio: 20,
        loansToFundsReceived: 90,
        currentRatio: 125,
        equityGrowth: 10,
        assetGrowth: 10,
        netShuGrowth: 5,
        mainBusinessIncomeShare: 85,
        netShuToMemberSavings: 30,
        equityToAssets: 31,
        memberSavingsToAssets: 30,
        capitalAdequacy: 8,
        liquidityRiskInherent: 16,
      }),
    );
    expect(r.total).toBe(100);
    expect(r.category?.code).toBe('SEHAT');
  });

  describe('worked example (hand calculation)', () => {
    const input: GradedInput = kkInput(
      {
        principleMembership: 2,
        principleDemocracy: 2,
        principleFairShu: 2,
        principleLimitedReturn: 2,
        principleAutonomy: 2,
        principleEducation: 2,
        principleCooperation: 2,
        creditRiskInherent: 80,
        liquidityRiskInherent: 12,
        operationalRiskInherent: 1,
        complianceRiskInherent: 1,
        creditRiskManagement: 2,
        operationalRiskManagement: 2,
        complianceRiskManagement: 3,
        liquidityRiskManagement: 1,
        returnOnAssets: 7,
        returnOnEquity: 7.5,
        operationalSelfReliance: 100,
        operatingCostToIncome: 80,
        businessCostToGrossShu: 39.9,
        netMargin: 12,
        problemLoans: null,
        cashRatio: 25,
        loansToFundsReceived: null,
        currentRatio: 90,
        equityGrowth: -2,
        assetGrowth: 10,
        netShuGrowth: 3,
        mainBusinessIncomeShare: 60,
        netShuToMemberSavings: 9.99,
        equityToAssets: 30,
        memberSavingsToAssets: 30,
        longTermLiabilitiesToEquity: 130,
        capitalAdequacy: 8,
        capitalManagement: 2,
      },
      {
        legalEntity: answers(6, 6),
        savingsLoanLicence: null,
        articles: answers(6, 4),
        membership: answers(6, 3),
        organs: answers(6, 6),
        managementGeneral: answers(12, 12),
        managementInstitutional: answers(6, 6),
        managementCapital: answers(5, 2),
        managementAssets: answers(10, 10),
        managementLiquidity: answers(5, 1),
      },
    );
    input.notApplicableReasons = { savingsLoanLicence: 'Koperasi konsumen tanpa unit simpan pinjam.' };
    const r = scoreAssessment(KK_2021, input);

    it.each([
      // principles 7 × 3 = 21; kelembagaan 4 + 3 + 2 + 4 = 13 (licence left out); management 4 + 4 + 2 + 4 + 1 = 15
      ['governance', (49 / 64) * 100, (49 * 30) / 64],
      // 3 + 3 + 4 + 4 + 3 + 3 + 2 + 4 = 26 of 8 × 4
      ['risk', (26 / 32) * 100, (26 * 15) / 32],
      // 4 + 3 + 1 + 3 + 4 + 3 + 4 + 2 + 1 + 4 + 3 + 3 + 1 = 36 of 13 × 4 (two loan indicators left out)
      ['financial', (36 / 52) * 100, (36 * 40) / 52],
      // 3 + 4 + 2 + 4 + 3 = 16 of 20
      ['capital', 80, 12],
    ])('%s: percentage %s, score %s', (code, share, score) => {
      const aspect = r.aspects.find((a) => a.code === code);
      expect(aspect?.share).toBeCloseTo(share, 12);
      expect(aspect?.score).toBeCloseTo(score, 12);
    });

    it('totals 74,85: Cukup Sehat (provisional thresholds)', () => {
      expect(r.total).toBeCloseTo(74.84855769230769, 9);
      expect(r.complete).toBe(true);
      expect(r.category?.code).toBe('CUKUP_SEHAT');
      expect(r.provisionalUsed.map((p) => p.part)).toEqual(
        expect.arrayContaining(['categories', 'checklist', 'capital.capitalAdequacy']),
      );
    });

    it('lists what was left out and why', () => {
      expect(r.notApplicable).toEqual([
        {
          component: 'governance.savingsLoanLicence',
          label: 'Izin usaha simpan pinjam (bila ada usaha simpan pinjam)',
          reason: 'Koperasi konsumen tanpa unit simpan pinjam.',
        },
        {
          component: 'financial.problemLoans',
          label: 'Pinjaman bermasalah terhadap total piutang',
          reason: 'Indikator tidak berlaku untuk koperasi ini.',
        },
        {
          component: 'financial.loansToFundsReceived',
          label: 'Piutang terhadap dana yang diterima',
          reason: 'Indikator tidak berlaku untuk koperasi ini.',
        },
      ]);
      expect(component(r, 'financial.problemLoans')).toMatchObject({
        status: 'notApplicable',
        nilai: null,
        score: null,
      });
    });
  });

  it('a missing indicator makes the assessment incomplete, naming it', () => {
    const input = kkInput();
    delete input.indicators.returnOnAssets;
    const r = scoreAssessment(KK_2021, input);
    expect(r.complete).toBe(false);
    expect(r.category).toBeNull();
    expect(r.notComputable).toEqual([
      {
        component: 'financial.returnOnAssets',
        label: 'Rentabilitas aset',
        reason: 'Rentabilitas aset wajib diisi; kirim null bila indikator ini tidak berlaku.',
      },
    ]);
  });

  it('a rating outside the scale is not computable', () => {
    const r = scoreAssessment(KK_2021, kkInput({ principleAutonomy: 5 }));
    expect(r.notComputable[0]).toMatchObject({
      component: 'governance.principleAutonomy',
      reason: 'Nilai Kemandirian harus salah satu dari 1, 2, 3, 4.',
    });
  });

  it('an aspect whose indicators all do not apply cannot be assessed', () => {
    const capital = Object.fromEntries(must(KK_2021.aspects[3]).indicators.map((i) => [i.code, null]));
    const r = scoreAssessment(KK_2021, kkInput(capital));
    expect(r.complete).toBe(false);
    expect(r.notComputable.map((n) => n.component)).toEqual(['capital']);
    expect(r.aspects[3]).toMatchObject({ score: 0, complete: false, category: null });
  });
});
