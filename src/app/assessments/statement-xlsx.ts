import ExcelJS from 'exceljs';
import { invalid } from '../../domain/errors.js';
import { KSP_2016 } from '../../domain/rubrics/ksp-2016.js';
import type { Actor, AppDeps } from '../context.js';
import { readNumber } from '../../domain/numbers.js';
import { cellText, readUploadedSheet } from '../imports/read-xlsx.js';
import { type FinancialStatement, putStatement, STATEMENT_LINES } from './statements.js';
import { guardManage } from '../policy/index.js';

const SHEET = 'Laporan Keuangan';
const KNOWN = new Set(STATEMENT_LINES);

/**
 * The XLSX template of the financial statement: one row per input line, grouped like a neraca and
 * perhitungan hasil usaha. Column A holds the line code the import reads; column D the value.
 */
export async function statementTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sambang';
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [{ width: 30 }, { width: 52 }, { width: 60 }, { width: 22 }];
  ws.addRow(['Templat laporan keuangan koperasi — Sambang']).font = { bold: true, size: 13 };
  ws.addRow([
    'Isi kolom D (Nilai, rupiah bulat, tanpa titik/koma; isi 0 bila tidak ada). Jangan ubah kolom A (kode pos).',
  ]).font = { italic: true };
  ws.addRow([]);
  const head = ws.addRow(['Kode pos', 'Pos', 'Keterangan', 'Nilai (Rp)']);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0EA' } };
  for (const section of KSP_2016.inputSections) {
    const r = ws.addRow(['', section.label]);
    r.font = { bold: true };
    let group: string | undefined;
    for (const line of section.lines) {
      if (line.group && line.group !== group) {
        group = line.group;
        ws.addRow(['', group]).font = { italic: true };
      }
      const row = ws.addRow([line.code, line.label, line.hint ?? '', null]);
      row.getCell(4).numFmt = '#,##0';
      row.getCell(4).protection = { locked: false };
      if (line.code === section.totalLine) row.font = { bold: true };
    }
    ws.addRow([]);
  }
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a filled template: all-or-nothing, with an Indonesian error per bad row. */
export async function parseStatementXlsx(data: Buffer): Promise<Record<string, number>> {
  const rows = await readUploadedSheet(data, SHEET, 4);
  const lines: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const { n, cells } of rows) {
    const code = cellText(cells[0]);
    if (!KNOWN.has(code)) continue;
    const raw = cells[3];
    const read = raw === null || raw === undefined || cellText(raw) === '' ? null : readNumber(raw, { integer: true });
    if (!read) errors[`baris ${n}`] = `${code}: nilai kosong (isi 0 bila tidak ada).`;
    else if (!read.ok) errors[`baris ${n}`] = `${code}: "${String(raw)}" bukan angka rupiah bulat. ${read.message}`;
    else if (read.value < 0) errors[`baris ${n}`] = `${code}: tidak boleh negatif.`;
    else if (lines[code] !== undefined) errors[`baris ${n}`] = `${code}: pos ini muncul dua kali.`;
    else lines[code] = read.value;
  }
  const missing = STATEMENT_LINES.filter(
    (l) => lines[l] === undefined && !Object.values(errors).some((e) => e.startsWith(`${l}:`)),
  );
  for (const m of missing) errors[m] = `${m}: baris pos tidak ditemukan di berkas.`;
  if (Object.keys(errors).length)
    throw invalid(errors, 'Berkas belum dapat diimpor; tidak ada yang disimpan. Perbaiki baris yang disebutkan.');
  return lines;
}

export async function importStatementXlsx(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  fiscalYear: number,
  data: unknown,
): Promise<FinancialStatement> {
  // Who may write comes first: another cooperative's user learns nothing from a parse error.
  await guardManage(deps.db.kysely, actor, cooperativeId);
  if (!Buffer.isBuffer(data)) {
    throw invalid(
      {
        file: 'Kirim berkas XLSX dengan Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.',
      },
      'Berkas XLSX wajib.',
    );
  }
  const lines = await parseStatementXlsx(data);
  return putStatement(deps, actor, cooperativeId, fiscalYear, { lines, source: 'XLSX' });
}
