import {
  inputFields,
  KK_2021,
  KSP_2016,
  type ComponentResult,
  type AssessmentResult,
  type GradedInput,
  type WeightedInput,
} from '../../../src/domain/rubrics/index.js';
import { must } from '../must.js';

/** Every ksp-2016 input line, by name. */
export const KSP_LINES = inputFields(KSP_2016)
  .filter((f) => f.kind === 'rupiah')
  .map((f) => f.field.slice('financials.'.length));

export const QUESTION_COUNTS = { general: 12, institutional: 6, capital: 5, assets: 10, liquidity: 5 } as const;

/** Answers with the first `yes` of `n` questions answered Ya. */
export const answers = (n: number, yes: number): boolean[] => Array.from({ length: n }, (_, i) => i < yes);

/** All lines 0, all answers Tidak, with the given lines overridden. */
export function kspInput(
  financials: Record<string, number> = {},
  management: Partial<Record<keyof typeof QUESTION_COUNTS, boolean[]>> = {},
): WeightedInput {
  const zero = Object.fromEntries(KSP_LINES.map((l) => [l, 0]));
  const noAnswers = Object.fromEntries(Object.entries(QUESTION_COUNTS).map(([k, n]) => [k, answers(n, 0)]));
  return { financials: { ...zero, ...financials }, management: { ...noAnswers, ...management } };
}

export function component(result: AssessmentResult, path: string): ComponentResult {
  const [aspectCode, code] = path.split('.');
  const found = result.aspects.find((a) => a.code === aspectCode)?.components.find((c) => c.code === code);
  if (!found) throw new Error(`no component ${path}`);
  return found;
}

/**
 * A savings-and-loan cooperative's year, balanced (aset = pasiva = Rp 1.020.000.000), with
 * every figure of the hand calculation in the worked-example test.
 */
export const WORKED_EXAMPLE: WeightedInput = {
  financials: {
    kas: 25_000_000,
    bank: 95_000_000,
    simpananDitempatkan: 50_000_000,
    suratBerharga: 10_000_000,
    pinjamanDiberikan: 800_000_000,
    penyisihanPenghapusanPinjaman: 12_000_000,
    penyertaan: 15_000_000,
    pendapatanMasihHarusDiterima: 4_000_000,
    aktivaTetap: 30_000_000,
    aktivaLain: 3_000_000,
    totalAset: 1_020_000_000,
    pinjamanKurangLancar: 20_000_000,
    pinjamanDiragukan: 8_000_000,
    pinjamanMacet: 10_000_000,
    pinjamanBerisiko: 180_000_000,
    kewajibanLancar: 700_000_000,
    tabungan: 350_000_000,
    simpananBerjangka: 250_000_000,
    bebanMasihHarusDibayar: 5_000_000,
    danaDiterima: 20_000_000,
    kewajibanLain: 5_000_000,
    simpananPokok: 40_000_000,
    simpananWajib: 160_000_000,
    modalPenyetaraan: 0,
    modalPenyertaan: 30_000_000,
    cadanganUmum: 90_000_000,
    cadanganTujuanRisiko: 10_000_000,
    modalSumbangan: 5_000_000,
    shuBelumDibagi: 55_000_000,
    totalPasiva: 1_020_000_000,
    partisipasiBruto: 180_000_000,
    bebanPokok: 40_000_000,
    pendapatan: 20_000_000,
    shuKotor: 160_000_000,
    bebanUsaha: 110_000_000,
    biayaKaryawan: 72_000_000,
    bebanPerkoperasian: 5_000_000,
    shuSebelumPajak: 45_000_000,
    shuBagianAnggota: 25_000_000,
    volumePinjaman: 1_200_000_000,
    volumePinjamanAnggota: 1_000_000_000,
    meppp: 5_000_000,
  },
  management: {
    general: answers(12, 10),
    institutional: answers(6, 5),
    capital: answers(5, 3),
    assets: answers(10, 8),
    liquidity: answers(5, 4),
  },
};

/** Every indicator present: ratings 1, percentages 0, checklists all met; then the overrides. */
export function kkInput(
  indicators: Record<string, number | null> = {},
  checklists: Record<string, boolean[] | null> = {},
): GradedInput {
  const base: GradedInput = { indicators: {}, checklists: {} };
  for (const f of inputFields(KK_2021)) {
    const code = must(f.field.split('.')[1], 'indicator code');
    if (f.kind === 'answers') base.checklists[code] = answers(f.count ?? 0, f.count ?? 0);
    else base.indicators[code] = f.kind === 'rating' ? 1 : 0;
  }
  return { indicators: { ...base.indicators, ...indicators }, checklists: { ...base.checklists, ...checklists } };
}
