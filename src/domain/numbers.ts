/**
 * The one reader of numbers typed into spreadsheets, shared by every importer.
 *
 * Indonesian writing uses `.` for thousands and `,` for decimals (`1.250.000`, `1.250,5`); files
 * from other tools carry plain numbers (`1250000`, `-7.95`). The only ambiguous shape is one dot
 * followed by exactly three digits (`1.250`): in a whole-number field (rupiah, members) a decimal
 * point is meaningless, so it is a thousands separator (1250); in a decimal field (coordinates) it
 * is a decimal point (1.25), because coordinates are written `113.392` by every GPS tool.
 */
export type NumberRead = { ok: true; value: number } | { ok: false; message: string };

const GROUPED = /^\d{1,3}(\.\d{3})+$/;

export function readNumber(raw: unknown, opts: { integer: boolean }): NumberRead {
  const fail = (message: string): NumberRead => ({ ok: false, message });
  const whole = 'Harus bilangan bulat (mis. 1.250.000 atau 1250000).';
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('Harus angka.');
    if (opts.integer && !Number.isInteger(raw)) return fail(whole);
    return { ok: true, value: raw };
  }
  if (typeof raw !== 'string') return fail('Harus angka.');
  let s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/^rp\.?/i, '');
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  }
  let int: string;
  let frac = '';
  if (s.includes(',')) {
    // Indonesian: one decimal comma, dots only as thousands groups before it.
    const parts = s.split(',');
    if (parts.length !== 2 || !/^\d+$/.test(parts[1]!))
      return fail(opts.integer ? whole : 'Harus angka (mis. 1.250,5 atau 1250.5).');
    const head = parts[0]!;
    if (!/^\d+$/.test(head) && !GROUPED.test(head))
      return fail('Pemisah ribuan harus titik per tiga angka (mis. 1.250,5).');
    int = head.replaceAll('.', '');
    frac = parts[1]!;
  } else if (/^\d+$/.test(s)) {
    int = s;
  } else if ((s.match(/\./g) ?? []).length > 1 || (opts.integer && GROUPED.test(s))) {
    if (!GROUPED.test(s)) return fail('Pemisah ribuan harus titik per tiga angka (mis. 1.250.000).');
    int = s.replaceAll('.', '');
  } else if (/^\d+\.\d+$/.test(s)) {
    [int, frac] = s.split('.') as [string, string];
  } else {
    return fail(opts.integer ? whole : 'Harus angka (mis. 1.250,5 atau 1250.5).');
  }
  if (opts.integer && /[^0]/.test(frac)) return fail(whole);
  const value = sign * Number(frac ? `${int}.${frac}` : int);
  if (!Number.isFinite(value) || (opts.integer && !Number.isSafeInteger(value))) return fail('Angka terlalu besar.');
  return { ok: true, value: value === 0 ? 0 : value };
}
