import { bandTableProblems } from './bands.js';
import { decimalProduct } from './numbers.js';
import type { Band, RubricIssue } from './types.js';

/**
 * Checks that a (corrected) rubric definition is well-formed before an admin publishes it:
 * shape, unique codes, weights summing to 100, band tables without gaps or overlaps, formulas
 * that only use known figures, settings that name existing rules. Messages are Indonesian.
 * An empty list means the value is a valid `RubricDefinition`.
 */
export function validateRubric(def: unknown): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(def)) return [{ path: '', message: 'Definisi rubrik harus berupa objek.' }];

  if (!nonEmptyString(def.id)) at('id', 'Kode rubrik wajib diisi.');
  if (!(Number.isInteger(def.version) && (def.version as number) >= 1))
    at('version', 'Versi harus bilangan bulat 1 atau lebih.');
  if (!nonEmptyString(def.title)) at('title', 'Judul rubrik wajib diisi.');
  checkMarksList(def.categoryMarks, 'categoryMarks', at);
  checkCategories(def.categories, at);

  if (def.method === 'weighted') checkWeighted(def, at);
  else if (def.method === 'graded') checkGraded(def, at);
  else at('method', 'Metode harus "weighted" atau "graded".');
  return issues;
}

type At = (path: string, message: string) => void;
type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function list(v: unknown, path: string, what: string, at: At): unknown[] {
  if (Array.isArray(v) && v.length > 0) return v;
  at(path, `${what} wajib berisi sekurang-kurangnya satu baris.`);
  return [];
}
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function checkMarksList(v: unknown, path: string, at: At): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return at(path, 'Tanda harus berupa daftar.');
  v.forEach((m, i) => {
    if (!isObject(m) || (m.kind !== 'provisional' && m.kind !== 'choice') || !nonEmptyString(m.note)) {
      at(`${path}[${i}]`, 'Tanda harus berjenis "provisional" atau "choice" dan berisi catatan.');
    }
  });
}

function checkCategories(v: unknown, at: At): void {
  const cats = list(v, 'categories', 'Predikat', at);
  const codes = new Set<string>();
  let previous = Infinity;
  cats.forEach((c, i) => {
    const path = `categories[${i}]`;
    if (!isObject(c) || !nonEmptyString(c.code) || !nonEmptyString(c.label))
      return at(path, 'Predikat perlu kode dan label.');
    if (codes.has(c.code)) at(path, `Kode predikat ${c.code} dipakai dua kali.`);
    codes.add(c.code);
    const last = i === cats.length - 1;
    if (last) {
      if (c.min !== undefined)
        at(path, 'Predikat terakhir tidak boleh punya batas bawah: ia menampung semua nilai di bawah predikat lain.');
      return;
    }
    if (!isNumber(c.min)) return at(path, `Predikat ${c.code} perlu batas bawah berupa angka.`);
    if (c.min >= previous) at(path, 'Batas bawah predikat harus menurun dari predikat terbaik ke terburuk.');
    if (c.min < 0 || c.min > 100) at(path, 'Batas bawah predikat harus di antara 0 dan 100.');
    previous = c.min;
  });
}

function checkBands(
  v: unknown,
  path: string,
  allowed: (n: number) => boolean,
  allowedText: string,
  at: At,
  domainMin?: number,
): void {
  const rows = list(v, path, 'Tabel', at);
  if (rows.length === 0) return;
  if (!rows.every(isObject)) return at(path, 'Setiap baris tabel harus berupa objek.');
  const bands = rows as unknown as Band[];
  for (const problem of bandTableProblems(bands, domainMin)) at(path, problem);
  bands.forEach((b, i) => {
    if (isNumber(b.nilai) && !allowed(b.nilai)) at(`${path}[${i}]`, `Nilai ${b.nilai} di luar ${allowedText}.`);
  });
}

const nilai0to100 = (n: number) => n >= 0 && n <= 100;

function checkRule(v: unknown, path: string, at: At, domainMin?: number): void {
  if (!isObject(v)) return at(path, 'Aturan wajib diisi.');
  if (v.kind === 'bands') return checkBands(v.bands, `${path}.bands`, nilai0to100, '0–100', at, domainMin);
  if (v.kind !== 'linear') return at(path, 'Jenis aturan harus "bands" atau "linear".');
  if (![v.intercept, v.slope, v.min, v.max].every(isNumber))
    return at(path, 'Aturan linear perlu intercept, slope, min, dan max berupa angka.');
  if (!['none', 'floor', 'ceil', 'round'].includes(v.rounding as string))
    at(path, 'Pembulatan harus none, floor, ceil, atau round.');
  const [min, max] = [v.min as number, v.max as number];
  if (!(0 <= min && min <= max && max <= 100)) at(path, 'Batas nilai aturan linear harus 0 ≤ min ≤ max ≤ 100.');
}

interface TermInfo {
  known: boolean;
  nonNegative: boolean;
}

function checkTerms(v: unknown, path: string, figures: Map<string, boolean>, at: At): TermInfo {
  const terms = list(v, path, 'Rumus', at);
  let known = terms.length > 0;
  let nonNegative = true;
  terms.forEach((t, i) => {
    if (!isObject(t) || !nonEmptyString(t.ref) || (t.coef !== undefined && !isNumber(t.coef))) {
      known = false;
      return at(`${path}[${i}]`, 'Suku rumus perlu acuan (ref) dan koefisien berupa angka bila diisi.');
    }
    const figureNonNegative = figures.get(t.ref);
    if (figureNonNegative === undefined) {
      known = false;
      return at(
        `${path}[${i}]`,
        `Rumus memakai "${t.ref}", yang bukan pos masukan atau angka turunan yang dideklarasikan sebelumnya.`,
      );
    }
    if ((t.coef ?? 1) < 0 || !figureNonNegative) nonNegative = false;
  });
  return { known, nonNegative };
}

function checkWeighted(def: Obj, at: At): void {
  // figure code → can it be negative? Input lines are non-negative rupiah.
  const figures = new Map<string, boolean>();
  list(def.inputSections, 'inputSections', 'Bagian formulir', at).forEach((s, i) => {
    const path = `inputSections[${i}]`;
    if (!isObject(s) || !nonEmptyString(s.code) || !nonEmptyString(s.label))
      return at(path, 'Bagian formulir perlu kode dan label.');
    if (!['neraca', 'phu', 'catatan'].includes(s.statement as string))
      at(path, 'Laporan harus neraca, phu, atau catatan.');
    const lines = list(s.lines, `${path}.lines`, 'Pos masukan', at);
    lines.forEach((l, j) => {
      if (!isObject(l) || !nonEmptyString(l.code) || !nonEmptyString(l.label))
        return at(`${path}.lines[${j}]`, 'Pos masukan perlu kode dan label.');
      if (figures.has(l.code)) at(`${path}.lines[${j}]`, `Pos masukan ${l.code} dipakai dua kali.`);
      figures.set(l.code, true);
    });
    if (s.totalLine !== undefined && !lines.some((l) => isObject(l) && l.code === s.totalLine)) {
      at(`${path}.totalLine`, `Pos jumlah ${String(s.totalLine)} tidak ada di bagian ini.`);
    }
  });

  if (!Array.isArray(def.derived)) at('derived', 'Angka turunan harus berupa daftar (boleh kosong).');
  else {
    def.derived.forEach((d, i) => {
      const path = `derived[${i}]`;
      if (!isObject(d) || !nonEmptyString(d.code) || !nonEmptyString(d.label))
        return at(path, 'Angka turunan perlu kode dan label.');
      if (figures.has(d.code)) at(path, `Kode ${d.code} sudah dipakai pos masukan atau angka turunan lain.`);
      const { nonNegative } = checkTerms(d.terms, `${path}.terms`, figures, at);
      checkMarksList(d.marks, `${path}.marks`, at);
      figures.set(d.code, nonNegative);
    });
  }

  const paths = new Map<string, Set<string>>(); // component path → rule keys
  const aspects = list(def.aspects, 'aspects', 'Aspek', at);
  let weightSum = 0;
  const aspectCodes = new Set<string>();
  aspects.forEach((a, i) => {
    const path = `aspects[${i}]`;
    if (!isObject(a) || !nonEmptyString(a.code) || !nonEmptyString(a.label) || !isNumber(a.weight) || a.weight <= 0) {
      return at(path, 'Aspek perlu kode, label, dan bobot lebih dari 0.');
    }
    if (aspectCodes.has(a.code)) at(path, `Kode aspek ${a.code} dipakai dua kali.`);
    aspectCodes.add(a.code);
    weightSum += a.weight;
    const codes = new Set<string>();
    let componentSum = 0;
    list(a.components, `${path}.components`, 'Komponen', at).forEach((c, j) => {
      const cpath = `${path}.components[${j}]`;
      if (!isObject(c) || !nonEmptyString(c.code) || !nonEmptyString(c.label) || !isNumber(c.weight) || c.weight <= 0) {
        return at(cpath, 'Komponen perlu kode, label, dan bobot lebih dari 0.');
      }
      if (codes.has(c.code)) at(cpath, `Kode komponen ${c.code} dipakai dua kali dalam aspek ${a.code}.`);
      codes.add(c.code);
      componentSum += c.weight;
      checkMarksList(c.marks, `${cpath}.marks`, at);
      if (c.kind === 'ratio') {
        const keys = checkRatioComponent(c, cpath, figures, at);
        paths.set(`${a.code}.${c.code}`, keys);
      } else if (c.kind === 'questionnaire') {
        checkQuestionnaire(c, cpath, c.weight, at);
      } else at(cpath, 'Jenis komponen harus "ratio" atau "questionnaire".');
    });
    if (!near(componentSum, a.weight))
      at(path, `Jumlah bobot komponen aspek ${a.code} (${componentSum}) tidak sama dengan bobot aspek (${a.weight}).`);
  });
  if (aspects.length && !near(weightSum, 100)) at('aspects', `Jumlah bobot aspek harus 100; sekarang ${weightSum}.`);

  const settings = def.settings;
  if (!isObject(settings) || !isObject(settings.ruleChoices))
    return at('settings.ruleChoices', 'Pengaturan pilihan aturan wajib ada (boleh kosong).');
  for (const [component, key] of Object.entries(settings.ruleChoices)) {
    const keys = paths.get(component);
    if (!keys) at(`settings.ruleChoices.${component}`, `Komponen ${component} tidak ada.`);
    else if (typeof key !== 'string' || !keys.has(key))
      at(`settings.ruleChoices.${component}`, `Aturan "${String(key)}" tidak tersedia untuk komponen ${component}.`);
  }
}

function checkRatioComponent(c: Obj, path: string, figures: Map<string, boolean>, at: At): Set<string> {
  const keys = new Set<string>([nonEmptyString(c.ruleKey) ? c.ruleKey : 'default']);
  let domainMin: number | undefined;
  if (!isObject(c.formula)) at(`${path}.formula`, 'Rumus rasio (pembilang dan penyebut) wajib diisi.');
  else {
    const num = checkTerms(c.formula.num, `${path}.formula.num`, figures, at);
    checkTerms(c.formula.den, `${path}.formula.den`, figures, at);
    // A negative denominator is refused, so a non-negative numerator keeps x ≥ 0.
    if (num.known && num.nonNegative) domainMin = 0;
  }
  checkRule(c.rule, `${path}.rule`, at, domainMin);
  if (c.alternatives !== undefined) {
    if (!Array.isArray(c.alternatives)) at(`${path}.alternatives`, 'Aturan alternatif harus berupa daftar.');
    else {
      c.alternatives.forEach((alt, k) => {
        const apath = `${path}.alternatives[${k}]`;
        if (!isObject(alt) || !nonEmptyString(alt.key) || !nonEmptyString(alt.label))
          return at(apath, 'Aturan alternatif perlu kunci dan label.');
        if (keys.has(alt.key)) at(apath, `Kunci aturan ${alt.key} dipakai dua kali.`);
        keys.add(alt.key);
        checkRule(alt.rule, `${apath}.rule`, at, domainMin);
        checkMarksList(alt.marks, `${apath}.marks`, at);
      });
    }
  }
  if (c.zeroDenominator !== undefined) {
    const z = c.zeroDenominator;
    if (
      !isObject(z) ||
      (z.when !== 'zero' && z.when !== 'nonPositive') ||
      !isNumber(z.nilai) ||
      !nilai0to100(z.nilai)
    ) {
      at(
        `${path}.zeroDenominator`,
        'Nilai untuk penyebut nol perlu keadaan ("zero" atau "nonPositive") dan nilai 0–100.',
      );
    }
  }
  return keys;
}

function checkQuestionnaire(c: Obj, path: string, weight: number, at: At): void {
  const questions = list(c.questions, `${path}.questions`, 'Pertanyaan', at);
  questions.forEach((q, k) => {
    if (!isObject(q) || !isNumber(q.number) || !nonEmptyString(q.text) || !nonEmptyString(q.evidence)) {
      at(`${path}.questions[${k}]`, 'Pertanyaan perlu nomor, teks, dan bukti yang diperiksa.');
    }
  });
  if (!isNumber(c.skorPerYes) || c.skorPerYes <= 0)
    return at(`${path}.skorPerYes`, 'Skor per jawaban Ya harus angka lebih dari 0.');
  const max = decimalProduct(questions.length, c.skorPerYes);
  if (!near(max, weight))
    at(
      path,
      `Skor maksimum (${questions.length} × ${c.skorPerYes} = ${max}) tidak sama dengan bobot komponen (${weight}).`,
    );
}

function checkGraded(def: Obj, at: At): void {
  const scale = list(def.scale, 'scale', 'Skala nilai', at);
  const nilaiSet = new Set<number>();
  scale.forEach((s, i) => {
    if (!isObject(s) || !Number.isInteger(s.nilai) || !nonEmptyString(s.label) || !isNumber(s.skor) || s.skor < 0) {
      return at(`scale[${i}]`, 'Langkah skala perlu nilai bulat, label, dan skor tidak negatif.');
    }
    if (nilaiSet.has(s.nilai as number)) at(`scale[${i}]`, `Nilai ${String(s.nilai)} dipakai dua kali pada skala.`);
    nilaiSet.add(s.nilai as number);
  });
  const inScale = (n: number) => nilaiSet.has(n);
  const scaleText = `skala (${[...nilaiSet].join(', ')})`;
  checkBands(def.checklistBands, 'checklistBands', inScale, scaleText, at, 0);
  checkMarksList(def.checklistMarks, 'checklistMarks', at);

  const codes = new Set<string>();
  const aspectCodes = new Set<string>();
  let weightSum = 0;
  const aspects = list(def.aspects, 'aspects', 'Aspek', at);
  aspects.forEach((a, i) => {
    const path = `aspects[${i}]`;
    if (!isObject(a) || !nonEmptyString(a.code) || !nonEmptyString(a.label) || !isNumber(a.weight) || a.weight <= 0) {
      return at(path, 'Aspek perlu kode, label, dan bobot lebih dari 0.');
    }
    if (aspectCodes.has(a.code)) at(path, `Kode aspek ${a.code} dipakai dua kali.`);
    aspectCodes.add(a.code);
    weightSum += a.weight;
    list(a.indicators, `${path}.indicators`, 'Indikator', at).forEach((ind, j) => {
      const ipath = `${path}.indicators[${j}]`;
      if (!isObject(ind) || !nonEmptyString(ind.code) || !nonEmptyString(ind.label))
        return at(ipath, 'Indikator perlu kode dan label.');
      // Input is keyed by indicator code alone, so codes are unique across the rubric.
      if (codes.has(ind.code)) at(ipath, `Kode indikator ${ind.code} dipakai dua kali.`);
      codes.add(ind.code);
      checkMarksList(ind.marks, `${ipath}.marks`, at);
      if (ind.kind === 'quantitative') {
        if (!nonEmptyString(ind.formulaText)) at(ipath, 'Indikator kuantitatif perlu uraian rumus.');
        checkBands(ind.bands, `${ipath}.bands`, inScale, scaleText, at);
      } else if (ind.kind === 'checklist') {
        list(ind.items, `${ipath}.items`, 'Butir periksa', at).forEach((it, k) => {
          if (!isObject(it) || !nonEmptyString(it.text) || !nonEmptyString(it.evidence))
            at(`${ipath}.items[${k}]`, 'Butir periksa perlu teks dan bukti.');
        });
      } else if (ind.kind === 'rating') {
        if (!nonEmptyString(ind.guidance)) at(ipath, 'Indikator penilaian langsung perlu pedoman singkat.');
      } else at(ipath, 'Jenis indikator harus quantitative, checklist, atau rating.');
    });
  });
  if (aspects.length && !near(weightSum, 100)) at('aspects', `Jumlah bobot aspek harus 100; sekarang ${weightSum}.`);
}
