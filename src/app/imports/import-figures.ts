import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { upsertYearlyFigures, type YearlyFigures } from '../cooperatives/yearly-figures.js';
import { type JobView, startJob } from '../jobs/jobs.js';
import { cellValue, uploadedSheet } from './read-xlsx.js';
import { authorize, cooperativePolicy } from '../policy.js';
import type { ImportCheck, RowError } from './import-cooperatives.js';

const SHEET = 'Data tahunan';
const HEADERS = ['NIK atau ID Sambang*', 'Nama koperasi (keterangan)', 'Tahun buku*', 'Aset', 'Modal sendiri', 'Modal luar', 'Volume usaha', 'SHU', 'Anggota L', 'Anggota P'] as const;
const MONEY: [keyof YearlyFigures, number][] = [['assets', 3], ['ownCapital', 4], ['externalCapital', 5], ['businessVolume', 6], ['shu', 7]];
const NON_NEGATIVE = new Set<keyof YearlyFigures>(['assets', 'externalCapital', 'businessVolume']);

export async function figuresImportTemplate(deps: AppDeps): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sambang';
  const ws = wb.addWorksheet(SHEET);
  ws.columns = HEADERS.map((h, i) => ({ header: h, width: i === 1 ? 40 : 18 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0EA' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Prefilled with the registry so the Dinas only types the figures.
  const coops = await deps.db.kysely.selectFrom('cooperatives').select(['id', 'nik', 'name']).where('status', '!=', 'DIBUBARKAN').orderBy('name').execute();
  const year = deps.now().getUTCFullYear() - 1;
  for (const c of coops) {
    const r = ws.addRow([c.nik ?? c.id, c.name, year]);
    for (let i = 4; i <= 8; i++) r.getCell(i).numFmt = '#,##0';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Parsed { row: number; cooperativeId: string | null; key: string; fiscalYear: number; figures: YearlyFigures; errors: RowError[] }


async function parse(deps: AppDeps, data: unknown): Promise<Parsed[]> {
  const ws = await uploadedSheet(data, SHEET);
  if (String(ws.getRow(1).getCell(1).value ?? '') !== HEADERS[0]) {
    throw invalid({ file: `Baris 1 harus berisi judul kolom templat ("${HEADERS[0]}", …).` }, 'Kolom berkas tidak sesuai templat.');
  }
  const coops = await deps.db.kysely.selectFrom('cooperatives').select(['id', 'nik', 'status']).execute();
  const byKey = new Map<string, { id: string; status: string }>();
  for (const c of coops) {
    byKey.set(c.id, c);
    if (c.nik) byKey.set(c.nik, c);
  }
  const thisYear = deps.now().getUTCFullYear();
  const out: Parsed[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const key = String(cellValue(r.getCell(1).value) ?? '').trim();
    const money = MONEY.map(([, col]) => cellValue(r.getCell(col + 1).value));
    const members = [cellValue(r.getCell(9).value), cellValue(r.getCell(10).value)];
    if (!key && [...money, ...members].every((v) => v === null || v === undefined || v === '')) return;
    const errors: RowError[] = [];
    const err = (field: string, message: string) => errors.push({ row: n, field, message });
    const coop = byKey.get(key);
    if (!key) err(HEADERS[0], 'Wajib diisi.');
    else if (!coop) err(HEADERS[0], `"${key}" tidak cocok dengan NIK atau ID koperasi mana pun.`);
    else if (coop.status === 'DIBUBARKAN') err(HEADERS[0], 'Koperasi ini sudah dibubarkan.');
    const fy = Number(cellValue(r.getCell(3).value));
    if (!Number.isInteger(fy) || fy < 1945 || fy > thisYear) err('Tahun buku', `Harus tahun 1945–${thisYear}.`);
    const num = (v: unknown, field: string, nonNegative: boolean): number | null => {
      if (v === null || v === undefined || v === '') return null;
      const x = typeof v === 'number' ? v : Number(String(v).replace(/[.\s]/g, '').replace(',', '.'));
      if (!Number.isInteger(x)) {
        err(field, 'Harus bilangan bulat.');
        return null;
      }
      if (nonNegative && x < 0) {
        err(field, 'Tidak boleh negatif.');
        return null;
      }
      return x;
    };
    const figures = Object.fromEntries(MONEY.map(([k, col], i) => [k, num(money[i], HEADERS[col]!, NON_NEGATIVE.has(k))])) as unknown as YearlyFigures;
    figures.membersMale = num(members[0], 'Anggota L', true);
    figures.membersFemale = num(members[1], 'Anggota P', true);
    out.push({ row: n, cooperativeId: coop?.id ?? null, key, fiscalYear: fy, figures, errors });
  });
  if (out.length === 0) throw invalid({ file: 'Berkas tidak berisi baris data.' }, 'Tidak ada data untuk diimpor.');
  const seen = new Map<string, number>();
  for (const p of out) {
    if (!p.cooperativeId) continue;
    const k = `${p.cooperativeId}:${p.fiscalYear}`;
    const first = seen.get(k);
    if (first) p.errors.push({ row: p.row, field: 'Tahun buku', message: `Koperasi dan tahun buku yang sama sudah ada di baris ${first}.` });
    else seen.set(k, p.row);
  }
  return out;
}

export async function checkFiguresImport(deps: AppDeps, actor: Actor, data: unknown): Promise<ImportCheck> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat mengimpor data tahunan.');
  const rows = await parse(deps, data);
  const errors = rows.flatMap((r) => r.errors).sort((a, b) => a.row - b.row);
  const bad = new Set(errors.map((e) => e.row));
  return {
    total: rows.length,
    valid: rows.length - bad.size,
    errors,
    preview: rows.filter((r) => !bad.has(r.row)).slice(0, 20).map((r) => ({ row: r.row, name: r.key, district: '', village: String(r.fiscalYear) })),
  };
}

export async function runFiguresImport(deps: AppDeps, actor: Actor, data: unknown): Promise<JobView> {
  const check = await checkFiguresImport(deps, actor, data);
  if (check.errors.length) {
    throw new AppError(
      'VALIDATION',
      `${check.errors.length} kesalahan pada ${check.total - check.valid} baris; tidak ada yang diimpor. Perbaiki lalu unggah lagi.`,
      Object.fromEntries(check.errors.slice(0, 200).map((e, i) => [`baris ${e.row}${i ? `#${i}` : ''}: ${e.field}`, e.message])),
    );
  }
  const rows = await parse(deps, data);
  return startJob(actor, 'figures-import', rows.length, async (progress) =>
    mutate(deps, actor, async (trx, audit) => {
      let done = 0;
      for (const r of rows) {
        await upsertYearlyFigures(deps, trx, audit, r.cooperativeId!, r.fiscalYear, r.figures, 'figures.import');
        progress(++done);
      }
      return { saved: done };
    }),
  );
}
