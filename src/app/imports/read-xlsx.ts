import ExcelJS from 'exceljs';
import { invalid } from '../../domain/errors.js';

/**
 * The sheet of an uploaded template: the body must be XLSX bytes, readable, with the named sheet
 * (or a first one). Every failure is a VALIDATION error on `file`, in Indonesian.
 */
export async function uploadedSheet(data: unknown, sheetName: string): Promise<ExcelJS.Worksheet> {
  if (!Buffer.isBuffer(data)) throw invalid({ file: 'Kirim berkas XLSX dari templat Sambang.' }, 'Berkas XLSX wajib.');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid({ file: 'Berkas bukan XLSX yang dapat dibaca. Gunakan templat dari Sambang.' }, 'Berkas tidak dapat dibaca.');
  }
  const ws = wb.getWorksheet(sheetName) ?? wb.worksheets[0];
  if (!ws) throw invalid({ file: 'Berkas tidak berisi lembar kerja.' }, 'Berkas tidak dapat dibaca.');
  return ws;
}

/** A cell's value with formulas resolved to their cached result. */
export function cellValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  return v;
}
