import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, readUploadedSheet } from '../../src/app/imports/read-xlsx.js';
import { AppError } from '../../src/domain/errors.js';

async function file(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Koperasi');
  ws.addRow(['Nama', 'NIK', 'Tanggal']);
  for (let i = 0; i < rows; i++) ws.addRow([`Koperasi ${i}`, '0812', new Date(Date.UTC(2020, 4, 12))]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).fields?.file ?? '';
}

describe('reading an uploaded XLSX within hard limits, in a worker', () => {
  it('returns plain cells: text kept as text, dates as YYYY-MM-DD', async () => {
    const rows = await readUploadedSheet(await file(2), 'Koperasi', 3);
    expect(rows).toEqual([
      { n: 1, cells: ['Nama', 'NIK', 'Tanggal'] },
      { n: 2, cells: ['Koperasi 0', '0812', '2020-05-12'] },
      { n: 3, cells: ['Koperasi 1', '0812', '2020-05-12'] },
    ]);
  });

  it('refuses too many rows, too many cells, too much inside the zip, too long, and non-XLSX bytes, in Indonesian', async () => {
    const five = await file(5);
    expect(await refusal(readUploadedSheet(five, 'Koperasi', 3, { ...DEFAULT_LIMITS, maxRows: 3 }))).toMatch(
      /paling banyak 3 baris/,
    );
    expect(await refusal(readUploadedSheet(five, 'Koperasi', 3, { ...DEFAULT_LIMITS, maxCells: 9 }))).toMatch(
      /paling banyak/,
    );
    expect(
      await refusal(readUploadedSheet(five, 'Koperasi', 3, { ...DEFAULT_LIMITS, maxUncompressedBytes: 1000 })),
    ).toMatch(/terlalu besar atau tidak wajar/);
    expect(await refusal(readUploadedSheet(five, 'Koperasi', 3, { ...DEFAULT_LIMITS, maxMillis: 1 }))).toMatch(
      /terlalu besar atau tidak wajar/,
    );
    expect(await refusal(readUploadedSheet(Buffer.from('PK\x03\x04 bukan zip'), 'Koperasi', 3))).toMatch(/bukan XLSX/);
    expect(await refusal(readUploadedSheet('teks', 'Koperasi', 3))).toMatch(/Kirim berkas XLSX/);
  });
});
