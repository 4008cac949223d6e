import { describe, expect, it } from 'vitest';
import {
  KK_2021,
  KSP_2016,
  RUBRICS,
  scoreAssessment,
  validateRubric,
  type GradedRubric,
  type RatioComponent,
  type WeightedRubric,
} from '../../../src/domain/rubrics/index.js';
import { must } from '../must.js';
import { WORKED_EXAMPLE } from './fixtures.js';

const ksp = (): WeightedRubric => structuredClone(KSP_2016);
const kk = (): GradedRubric => structuredClone(KK_2021);
const ratio = (r: WeightedRubric, aspect: number, index: number) =>
  must(must(r.aspects[aspect], 'aspect').components[index], 'component') as RatioComponent;
const messages = (def: unknown) => validateRubric(def).map((i) => `${i.path}: ${i.message}`);

describe('validateRubric', () => {
  it('accepts the shipped rubrics', () => {
    for (const rubric of Object.values(RUBRICS)) expect(validateRubric(rubric)).toEqual([]);
  });

  it('a JSON round trip (as stored in the database) stays valid and scores the same', () => {
    const stored: unknown = JSON.parse(JSON.stringify(KSP_2016));
    expect(validateRubric(stored)).toEqual([]);
    expect(scoreAssessment(stored as WeightedRubric, WORKED_EXAMPLE)).toEqual(
      scoreAssessment(KSP_2016, WORKED_EXAMPLE),
    );
  });

  it('a corrected version (new table, new version) is accepted and scored by its own version', () => {
    const corrected = ksp();
    corrected.version = 2;
    // e.g. an admin closes efficiency c's lowest band at 25 instead of 0
    const c = ratio(corrected, 3, 2);
    c.rule = {
      kind: 'bands',
      bands: c.rule.kind === 'bands' ? c.rule.bands.map((b) => (b.nilai === 0 ? { ...b, nilai: 25 } : b)) : [],
    };
    c.marks = [];
    expect(validateRubric(corrected)).toEqual([]);
    expect(scoreAssessment(corrected, WORKED_EXAMPLE).rubricVersion).toBe(2);
  });

  it('weights must sum to 100, and components to their aspect', () => {
    const r = ksp();
    must(r.aspects[0]).weight = 20;
    expect(messages(r)).toEqual([
      'aspects[0]: Jumlah bobot komponen aspek capital (15) tidak sama dengan bobot aspek (20).',
      'aspects: Jumlah bobot aspek harus 100; sekarang 105.',
    ]);
  });

  it('finds a gap in a band table', () => {
    const r = ksp();
    const c = ratio(r, 0, 0);
    if (c.rule.kind === 'bands') c.rule.bands[1] = { ...must(c.rule.bands[1]), max: 19 };
    expect(messages(r)).toEqual([
      'aspects[0].components[0].rule.bands: Ada celah antara 19 dan 20: nilai x di sana tidak tercakup tabel.',
    ]);
  });

  it('finds an edge counted in two rows, and an edge in none', () => {
    const r = ksp();
    const c = ratio(r, 1, 3);
    if (c.rule.kind === 'bands') c.rule.bands[2] = { ...must(c.rule.bands[2]), minInclusive: true }; // 26 ≤ x ≤ 30 beside 21 ≤ x ≤ 26
    const d = ratio(r, 4, 0);
    if (d.rule.kind === 'bands') d.rule.bands[0] = { ...must(d.rule.bands[0]), maxInclusive: false }; // x < 10 and 10 < x
    expect(messages(r)).toEqual([
      'aspects[1].components[3].rule.bands: x = 26 masuk dua baris (21 ≤ x ≤ 26 dan 26 ≤ x ≤ 30).',
      'aspects[4].components[0].rule.bands: x = 10 tidak masuk baris mana pun.',
    ]);
  });

  it('finds overlapping rows and uncovered ends', () => {
    const r = ksp();
    const c = ratio(r, 0, 2);
    c.rule = {
      kind: 'bands',
      bands: [
        { min: 0, minInclusive: true, max: 6, maxInclusive: false, nilai: 50 },
        { min: 5, minInclusive: true, max: 8, maxInclusive: true, nilai: 150 },
      ],
    };
    expect(messages(r)).toEqual([
      'aspects[0].components[2].rule.bands: Baris 0 ≤ x < 6 dan 5 ≤ x ≤ 8 tumpang tindih.',
      'aspects[0].components[2].rule.bands: Tabel tidak mencakup x > 8.',
      'aspects[0].components[2].rule.bands[1]: Nilai 150 di luar 0–100.',
    ]);
  });

  it('a table may start at 0 only where the ratio cannot be negative', () => {
    const r = ksp();
    // independence.c's numerator (partisipasi neto) can be negative, so the table must reach below 0
    ratio(r, 5, 2).rule = {
      kind: 'bands',
      bands: [
        { min: 0, minInclusive: true, max: 100, maxInclusive: true, nilai: 0 },
        { min: 100, minInclusive: false, nilai: 100 },
      ],
    };
    expect(messages(r)).toEqual(['aspects[5].components[2].rule.bands: Tabel tidak mencakup x < 0.']);
  });

  it('formulas may use only input lines and derived values declared before', () => {
    const r = ksp();
    ratio(r, 0, 0).formula.num = [{ ref: 'modalSendirii' }];
    must(r.derived[0]).terms.push({ ref: 'atmr' }); // atmr is declared later
    expect(messages(r)).toEqual([
      'derived[0].terms[7]: Rumus memakai "atmr", yang bukan pos masukan atau angka turunan yang dideklarasikan sebelumnya.',
      'aspects[0].components[0].formula.num[0]: Rumus memakai "modalSendirii", yang bukan pos masukan atau angka turunan yang dideklarasikan sebelumnya.',
    ]);
  });

  it('a questionnaire must add up to its weight', () => {
    const r = ksp();
    const general = must(must(r.aspects[2]).components[0]);
    if (general.kind === 'questionnaire') general.questions = general.questions.slice(0, 11);
    expect(messages(r)).toEqual([
      'aspects[2].components[0]: Skor maksimum (11 × 0.25 = 2.75) tidak sama dengan bobot komponen (3).',
    ]);
  });

  it('categories must run from best to worst with an open last one', () => {
    const r = ksp();
    r.categories = [
      { code: 'A', label: 'A', min: 60 },
      { code: 'B', label: 'B', min: 70 },
      { code: 'C', label: 'C', min: 10 },
    ];
    expect(messages(r)).toEqual([
      'categories[1]: Batas bawah predikat harus menurun dari predikat terbaik ke terburuk.',
      'categories[2]: Predikat terakhir tidak boleh punya batas bawah: ia menampung semua nilai di bawah predikat lain.',
    ]);
  });

  it('a rule choice must name an existing alternative', () => {
    const r = ksp();
    r.settings.ruleChoices = { 'assetQuality.b': 'kajian', 'capital.z': 'table' };
    expect(messages(r)).toEqual([
      'settings.ruleChoices.assetQuality.b: Aturan "kajian" tidak tersedia untuk komponen assetQuality.b.',
      'settings.ruleChoices.capital.z: Komponen capital.z tidak ada.',
    ]);
    r.settings.ruleChoices = { 'assetQuality.b': 'linear' };
    expect(validateRubric(r)).toEqual([]);
  });

  it('a linear rule must stay within 0–100', () => {
    const r = ksp();
    ratio(r, 0, 1).rule = { kind: 'linear', intercept: 0, slope: 1, rounding: 'floor', min: 0, max: 120 };
    expect(messages(r)).toEqual([
      'aspects[0].components[1].rule: Batas nilai aturan linear harus 0 ≤ min ≤ max ≤ 100.',
    ]);
  });

  it('rejects what is not a rubric at all', () => {
    expect(messages(null)).toEqual([': Definisi rubrik harus berupa objek.']);
    expect(messages({ id: 'x', version: 0, title: 'x', method: 'other', categories: [] })).toEqual([
      'version: Versi harus bilangan bulat 1 atau lebih.',
      'categories: Predikat wajib berisi sekurang-kurangnya satu baris.',
      'method: Metode harus "weighted" atau "graded".',
    ]);
  });

  describe('graded rubrics', () => {
    it('band nilai must be on the scale and tables gap-free', () => {
      const r = kk();
      const ind = must(must(r.aspects[2]).indicators[0]);
      if (ind.kind === 'quantitative')
        ind.bands = [
          { max: 3, maxInclusive: false, nilai: 5 },
          { min: 3.5, minInclusive: true, nilai: 1 },
        ];
      expect(messages(r)).toEqual([
        'aspects[2].indicators[0].bands: Ada celah antara 3 dan 3.5: nilai x di sana tidak tercakup tabel.',
        'aspects[2].indicators[0].bands[0]: Nilai 5 di luar skala (1, 2, 3, 4).',
      ]);
    });

    it('indicator codes are unique across the rubric; weights sum to 100', () => {
      const r = kk();
      const second = must(r.aspects[1]);
      second.indicators[0] = { ...must(second.indicators[0]), code: 'returnOnAssets' };
      must(r.aspects[0]).weight = 25;
      expect(messages(r)).toEqual([
        'aspects[2].indicators[0]: Kode indikator returnOnAssets dipakai dua kali.',
        'aspects: Jumlah bobot aspek harus 100; sekarang 95.',
      ]);
    });

    it('the checklist table must cover 0–100', () => {
      const r = kk();
      r.checklistBands = r.checklistBands.filter((b) => b.nilai !== 3);
      expect(messages(r)).toEqual([
        'checklistBands: Ada celah antara 25 dan 50: nilai x di sana tidak tercakup tabel.',
      ]);
    });

    it('publishing the names of one regency (Kurang Sehat / Tidak Sehat) is data only', () => {
      const r = kk();
      r.version = 2;
      r.categories = [
        { code: 'SEHAT', label: 'Sehat', min: 80 },
        { code: 'CUKUP_SEHAT', label: 'Cukup Sehat', min: 66 },
        { code: 'KURANG_SEHAT', label: 'Kurang Sehat', min: 51 },
        { code: 'TIDAK_SEHAT', label: 'Tidak Sehat' },
      ];
      expect(validateRubric(r)).toEqual([]);
    });
  });
});
