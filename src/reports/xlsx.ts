import ExcelJS from 'exceljs';

/** Reports how many rows of a long export have been read so far (background export jobs). */
export type Progress = (rows: number) => void;

/** A column of an exported list: Indonesian header, how to read the value, and its format. */
export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
  format?: 'text' | 'integer' | 'rupiah' | 'date' | 'decimal';
}

const NUM_FMT: Record<NonNullable<Column<unknown>['format']>, string | undefined> = {
  text: '@',
  integer: '#,##0',
  rupiah: '"Rp" #,##0;-"Rp" #,##0',
  decimal: '#,##0.00',
  date: 'dd/mm/yyyy',
};

/** One sheet with a bold, frozen, filterable header row. Dates come as 'YYYY-MM-DD' and become real dates. */
export async function listToXlsx<T>(
  sheetName: string,
  columns: Column<T>[],
  rows: Iterable<T>,
  title?: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sambang';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  let headerRow = 1;
  if (title) {
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow([]);
    headerRow = 3;
  }
  ws.columns = columns.map((c) => ({ key: c.header, width: c.width ?? Math.max(12, c.header.length + 2) }));
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0EA' } };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  let n = 0;
  for (const row of rows) {
    const values = columns.map((c) => {
      const v = c.value(row);
      if (v === null || v === undefined) return null;
      if (c.format === 'date' && typeof v === 'string') return new Date(`${v.slice(0, 10)}T00:00:00Z`);
      return v;
    });
    const r = ws.addRow(values);
    columns.forEach((c, i) => {
      const fmt = c.format ? NUM_FMT[c.format] : undefined;
      if (fmt) r.getCell(i + 1).numFmt = fmt;
    });
    n++;
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + n, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * CSV for spreadsheets set to Indonesian: semicolon-separated, UTF-8 with BOM, and safe to open:
 * - a text cell starting with `=`, `+`, `-`, `@`, tab or CR would run as a formula (a cooperative
 *   user could plant `=HYPERLINK(…)` in a concern), so it gets a leading `'` and stays text;
 * - numbers follow the separator's convention: decimal comma, no thousands separator;
 * - identifiers (`format: 'text'`: NIK, phone, numbers of record) made of digits are written
 *   `="3513070200018888"`, which Excel and LibreOffice keep as text: read as numbers they would
 *   lose their leading 0 or, past 15 digits, their last digits. The value is digits only, so the
 *   formula can only ever be a string literal.
 */
export function listToCsv<T>(columns: Column<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row), c.format)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const DIGITS_ID = /^\+?[0-9][0-9 .-]*$/;

/** One CSV cell, neutralised and quoted as needed. */
export function csvCell(v: unknown, format?: Column<unknown>['format']): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : '';
  let s = String(v);
  if (format === 'text' && DIGITS_ID.test(s)) return `"=""${s}"""`;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
