import type { InputIssue, RubricDefinition } from './types.js';

/**
 * One field of an assessment body, derived from the rubric: what the form shows, what the API
 * validates, and what the scorer reads. `field` is the dotted path in the body.
 */
export interface InputField {
  field: string;
  label: string;
  /** rupiah: non-negative integer. answers: `count` booleans. percent: any number. rating: a nilai of the scale. */
  kind: 'rupiah' | 'answers' | 'percent' | 'rating';
  /** answers: how many Ya/Tidak answers. */
  count?: number;
  /** rating: the allowed nilai. */
  allowed?: number[];
  /** true when `null` means "does not apply" (graded rubrics). */
  nullable: boolean;
  /** Form section (weighted: input section code; graded: aspect code). */
  section: string;
}

export function inputFields(rubric: RubricDefinition): InputField[] {
  if (rubric.method === 'weighted') {
    const lines: InputField[] = rubric.inputSections.flatMap((s) =>
      s.lines.map((l) => ({
        field: `financials.${l.code}`,
        label: l.label,
        kind: 'rupiah' as const,
        nullable: false,
        section: s.code,
      })),
    );
    const answers: InputField[] = rubric.aspects.flatMap((a) =>
      a.components.flatMap((c) =>
        c.kind === 'questionnaire'
          ? [
              {
                field: `management.${c.code}`,
                label: c.label,
                kind: 'answers' as const,
                count: c.questions.length,
                nullable: false,
                section: a.code,
              },
            ]
          : [],
      ),
    );
    return [...lines, ...answers];
  }
  const allowed = rubric.scale.map((s) => s.nilai);
  return rubric.aspects.flatMap((a) =>
    a.indicators.map((i): InputField => {
      if (i.kind === 'checklist')
        return {
          field: `checklists.${i.code}`,
          label: i.label,
          kind: 'answers',
          count: i.items.length,
          nullable: true,
          section: a.code,
        };
      if (i.kind === 'rating')
        return {
          field: `indicators.${i.code}`,
          label: i.label,
          kind: 'rating',
          allowed,
          nullable: true,
          section: a.code,
        };
      return { field: `indicators.${i.code}`, label: i.label, kind: 'percent', nullable: true, section: a.code };
    }),
  );
}

/** The value at a dotted path of a plain object; undefined when any step is missing. */
export function valueAt(input: unknown, field: string): unknown {
  let current: unknown = input;
  for (const key of field.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** What is wrong with one field's value, in Indonesian; null when it is acceptable. */
export function fieldIssue(f: InputField, value: unknown): string | null {
  if (value === undefined || (value === null && !f.nullable)) {
    if (f.kind === 'rupiah') return `${f.label} wajib diisi (isi 0 bila tidak ada).`;
    if (f.kind === 'answers' && !f.nullable) return `Jawaban ${f.label} wajib diisi: ${f.count} jawaban Ya/Tidak.`;
    return `${f.label} wajib diisi; kirim null bila indikator ini tidak berlaku.`;
  }
  if (value === null) return null;
  switch (f.kind) {
    case 'rupiah':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${f.label} harus berupa angka.`;
      if (value < 0) return `${f.label} tidak boleh negatif.`;
      if (!Number.isInteger(value)) return `${f.label} harus dalam rupiah bulat (tanpa desimal).`;
      if (!Number.isSafeInteger(value)) return `${f.label} terlalu besar.`;
      return null;
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${f.label} harus berupa angka (persen).`;
    case 'rating':
      return typeof value === 'number' && (f.allowed ?? []).includes(value)
        ? null
        : `Nilai ${f.label} harus salah satu dari ${(f.allowed ?? []).join(', ')}.`;
    case 'answers': {
      if (!Array.isArray(value)) return `Jawaban ${f.label} harus berupa daftar ${f.count} jawaban Ya/Tidak.`;
      if (value.length !== f.count)
        return `${f.label} harus berisi ${f.count} jawaban Ya/Tidak; diterima ${value.length}.`;
      const bad = value.findIndex((v) => typeof v !== 'boolean');
      return bad === -1 ? null : `Jawaban ${f.label} nomor urut ${bad + 1} harus Ya atau Tidak (true/false).`;
    }
  }
}

/**
 * Every problem with an assessment body, one per field, in Indonesian. Every line is required
 * (0 is a value); for graded rubrics `null` states that an indicator does not apply.
 */
export function validateInput(rubric: RubricDefinition, input: unknown): InputIssue[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [{ field: '', message: 'Data penilaian harus berupa objek.' }];
  }
  const issues: InputIssue[] = [];
  for (const f of inputFields(rubric)) {
    const message = fieldIssue(f, valueAt(input, f.field));
    if (message) issues.push({ field: f.field, message });
  }
  return issues;
}
