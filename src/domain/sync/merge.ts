/**
 * Field-by-field judgement of an offline edit against the server's record (docs/SYNC.md). Pure:
 * values in, verdicts out.
 */
export interface FieldEdit {
  field: string;
  server: unknown;
  client: unknown;
  /** The value the phone last saw; `hasBase` false when the phone did not say. */
  base: unknown;
  hasBase: boolean;
}

export type Verdict = 'apply' | 'same' | 'conflict';

/** Stable JSON: object keys sorted, undefined as null, so equal values compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value ?? null));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => sortKeys(x ?? null));
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k] ?? null)]),
    );
  }
  return v;
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * When the record did not move since the phone's base version, every edit applies. Otherwise each
 * field on its own: the server still holds the base → apply the phone's value; the server already
 * holds the phone's value → nothing to do; else a conflict (never a silent last write wins).
 */
export function judge(edit: FieldEdit, recordMoved: boolean): Verdict {
  if (sameValue(edit.server, edit.client)) return 'same';
  if (!recordMoved) return 'apply';
  if (edit.hasBase && sameValue(edit.server, edit.base)) return 'apply';
  return 'conflict';
}
