import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, listToCsv } from '../../src/reports/xlsx.js';

describe('CSV cells safe in any spreadsheet', () => {
  it.each([
    ['=HYPERLINK("http://x";"klik")', undefined, `"'=HYPERLINK(""http://x"";""klik"")"`],
    ['+62 812', undefined, "'+62 812"],
    ['-1+1', undefined, "'-1+1"],
    ['@SUM(A1)', undefined, "'@SUM(A1)"],
    ['\tx', undefined, "'\tx"],
    ['\rx', undefined, `"'\rx"`],
    ['Biasa saja', undefined, 'Biasa saja'],
    [113.072, undefined, '113,072'],
    [-7.95, undefined, '-7,95'],
    [1_250_000, 'integer', '1250000'],
    ['3513070200018888', 'text', '"=""3513070200018888"""'],
    ['08123456789', 'text', '"=""08123456789"""'],
    ['+62 812-3456', 'text', '"=""+62 812-3456"""'],
    ['=1+1', 'text', "'=1+1"],
    ['12/BH/2019', 'text', '12/BH/2019'],
    [null, undefined, ''],
  ] as const)('writes %j (%s) as %s', (v, format, out) => {
    expect(csvCell(v, format)).toBe(out);
  });

  it('never lets a text cell start with a formula character, whatever a user typed', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(undefined, 'text' as const), (s, format) => {
        const cell = csvCell(s, format);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        // Either plain text that does not start a formula, or our own ="digits" literal.
        if (/^=/.test(unquoted)) expect(unquoted).toMatch(/^="\+?[0-9][0-9 .-]*"$/);
        else expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('keeps the separator out of numbers: a list with decimals has as many fields per row as columns', () => {
    const csv = listToCsv(
      [
        { header: 'Lintang', value: (r: number) => r },
        { header: 'Bujur', value: (r: number) => r + 120 },
      ],
      [-7.95, -8.125],
    );
    expect(csv).toBe('\uFEFFLintang;Bujur\r\n-7,95;112,05\r\n-8,125;111,875\r\n');
  });
});
