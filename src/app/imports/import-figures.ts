import { jakartaYear } from '../../domain/dates.js';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../domain/errors.js';
import { readNumber } from '../../domain/numbers.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { upsertYearlyFigures, type YearlyFigures } from '../cooperatives/yearly-figures.js';
import { type JobView, startJob } from '../jobs/jobs.js';
import { authorize, cooperativePolicy, manageFilter, managesOffice, READ_ONLY, readsOffice } from '../policy/index.js';
import { figuresOf, recordBatch, type UndoItem } from './batches.js';
import { type ImportCheck, type Overwrite, refuseErrors, type RowError } from './import-cooperatives.js';
import { type Cell, cellText, readUploadedSheet } from './read-xlsx.js';

const SHEET = 'Data tahunan';
const HEADERS = [
  'NIK atau ID Sambang*',
  'Nama koperasi (keterangan)',
  'Tahun buku*',
  'Aset',
  'Modal sendiri',
  'Modal luar',
  'Volume usaha',
  'SHU',
  'Anggota L',
  'Anggota P',
] as const;
/** Each figure and its 0-based column. */
const FIGURES: [keyof YearlyFigures, number][] = [
  ['assets', 3],
  ['ownCapital', 4],
  ['externalCapital', 5],
  ['businessVolume', 6],
  ['shu', 7],
  ['membersMale', 8],
  ['membersFemale', 9],
];
const MAY_BE_NEGATIVE = new Set<keyof YearlyFigures>(['ownCapital', 'shu']);

/** The template, prefilled with the cooperatives whose figures the actor may import (those its office manages). */
export async function figuresImportTemplate(deps: AppDeps, actor: Actor): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sambang';
  const ws = wb.addWorksheet(SHEET);
  ws.columns = HEADERS.map((h, i) => ({
    header: h,
    width: i === 1 ? 40 : 18,
    ...(i === 0 ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0EA' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Prefilled with the registry so the Dinas only types the figures; an empty cell changes nothing.
  const managed = manageFilter(actor, 'id');
  let query = deps.db.kysely
    .selectFrom('cooperatives')
    .select(['id', 'nik', 'name'])
    .where('status', '!=', 'DIBUBARKAN')
    .orderBy('name');
  if (managed) query = query.where(managed);
  const coops = await query.execute();
  const year = jakartaYear(deps.now()) - 1;
  for (const c of coops) {
    const r = ws.addRow([c.nik ?? c.id, c.name, year]);
    r.getCell(1).numFmt = '@';
    for (let i = 4; i <= 8; i++) r.getCell(i).numFmt = '#,##0';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Planned {
  row: number;
  cooperativeId: string;
  fiscalYear: number;
  before: YearlyFigures | null;
  after: YearlyFigures;
}

/** Every row checked in one pass; rows without figures, or with the figures already stored, are skipped. */
async function analyse(deps: AppDeps, actor: Actor, data: unknown): Promise<{ check: ImportCheck; plan: Planned[] }> {
  const sheet = await readUploadedSheet(data, SHEET, HEADERS.length);
  if (cellText(sheet.find((r) => r.n === 1)?.cells[0]) !== HEADERS[0]) {
    throw invalid(
      { file: `Baris 1 harus berisi judul kolom templat ("${HEADERS[0]}", …).` },
      'Kolom berkas tidak sesuai templat.',
    );
  }
  const body = sheet.filter((r) => r.n > 1);
  if (body.length === 0) throw invalid({ file: 'Berkas tidak berisi baris data.' }, 'Tidak ada data untuk diimpor.');
  // Out of the office's reach a cooperative is unknown (as everywhere); one the office only reads is a row error.
  const coops = (
    await deps.db.kysely.selectFrom('cooperatives').select(['id', 'nik', 'name', 'status', 'office_id']).execute()
  ).filter((c) => readsOffice(actor, c.office_id));
  const byKey = new Map<string, (typeof coops)[number]>();
  for (const c of coops) {
    byKey.set(c.id, c);
    if (c.nik) byKey.set(c.nik, c);
  }
  const thisYear = jakartaYear(deps.now());
  const errors: RowError[] = [];
  const candidates: {
    row: number;
    cooperativeId: string;
    name: string;
    fiscalYear: number;
    given: Partial<YearlyFigures>;
  }[] = [];
  let skipped = 0;
  const seen = new Map<string, number>();
  for (const { n, cells } of body) {
    const empty = (c: Cell | undefined) => c === null || c === undefined || cellText(c) === '';
    // A row without figures changes nothing, whatever its key and year say (the prefilled template).
    if (FIGURES.every(([, col]) => empty(cells[col]))) {
      skipped++;
      continue;
    }
    const err = (field: string, message: string) => errors.push({ row: n, field, message });
    const key = cellText(cells[0]);
    const coop = byKey.get(key);
    if (!key) err(HEADERS[0], 'Wajib diisi.');
    else if (typeof cells[0] === 'number' && key.length >= 15)
      err(
        HEADERS[0],
        'NIK terbaca sebagai angka sehingga digit terakhirnya bisa berubah. Format kolom sebagai Teks, lalu ketik ulang.',
      );
    else if (!coop) err(HEADERS[0], `"${key}" tidak cocok dengan NIK atau ID koperasi mana pun.`);
    else if (coop.status === 'DIBUBARKAN') err(HEADERS[0], 'Koperasi ini sudah dibubarkan.');
    else if (!managesOffice(actor, coop.office_id)) err(HEADERS[0], READ_ONLY);
    const yearText = cellText(cells[2]);
    const fy = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!Number.isInteger(fy) || fy < 1945 || fy > thisYear) err('Tahun buku', `Harus tahun 1945–${thisYear}.`);
    const given: Partial<YearlyFigures> = {};
    for (const [k, col] of FIGURES) {
      if (empty(cells[col])) continue;
      const r = readNumber(cells[col], { integer: true });
      if (!r.ok) err(HEADERS[col]!, r.message);
      else if (r.value < 0 && !MAY_BE_NEGATIVE.has(k)) err(HEADERS[col]!, 'Tidak boleh negatif.');
      else given[k] = r.value;
    }
    if (coop && Number.isInteger(fy)) {
      const k = `${coop.id}:${fy}`;
      const first = seen.get(k);
      if (first) err('Tahun buku', `Koperasi dan tahun buku yang sama sudah ada di baris ${first}.`);
      else seen.set(k, n);
      candidates.push({ row: n, cooperativeId: coop.id, name: coop.name, fiscalYear: fy, given });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const bad = new Set(errors.map((e) => e.row));

  // What is stored now, for the rows that would write: the merge, and what it would overwrite.
  const years = [...new Set(candidates.map((c) => c.fiscalYear))];
  const stored = new Map<string, YearlyFigures>();
  for (const y of years) {
    const rows = await deps.db.kysely.selectFrom('yearly_figures').selectAll().where('fiscal_year', '=', y).execute();
    for (const r of rows) stored.set(`${r.cooperative_id}:${y}`, figuresOf(r));
  }
  const plan: Planned[] = [];
  const overwrites: Overwrite[] = [];
  for (const c of candidates) {
    if (bad.has(c.row)) continue;
    const before = stored.get(`${c.cooperativeId}:${c.fiscalYear}`) ?? null;
    const after: YearlyFigures = { ...(before ?? EMPTY), ...c.given };
    let changed = false;
    for (const [k, col] of FIGURES) {
      const old = before?.[k] ?? null;
      if (after[k] === old) continue;
      changed = true;
      if (old !== null)
        overwrites.push({ row: c.row, name: c.name, field: HEADERS[col]!, before: old, after: after[k] });
    }
    if (!changed) skipped++;
    else plan.push({ row: c.row, cooperativeId: c.cooperativeId, fiscalYear: c.fiscalYear, before, after });
  }
  return {
    plan,
    check: {
      total: body.length,
      valid: plan.length,
      skipped,
      errors,
      warnings: [],
      overwrites,
      preview: plan.slice(0, 20).map((p) => ({
        row: p.row,
        name: candidates.find((c) => c.row === p.row)!.name,
        district: '',
        village: String(p.fiscalYear),
      })),
    },
  };
}

const EMPTY: YearlyFigures = {
  assets: null,
  ownCapital: null,
  externalCapital: null,
  businessVolume: null,
  shu: null,
  membersMale: null,
  membersFemale: null,
};

export async function checkFiguresImport(deps: AppDeps, actor: Actor, data: unknown): Promise<ImportCheck> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat mengimpor data tahunan.');
  return (await analyse(deps, actor, data)).check;
}

/**
 * Saves the figures the file gives, leaving empty cells' values as they are. Replacing a value
 * already stored needs `overwrite: true` (the dry run lists each one, old → new).
 */
export async function runFiguresImport(
  deps: AppDeps,
  actor: Actor,
  data: unknown,
  opts: { overwrite?: boolean; fileName?: string | null } = {},
): Promise<JobView> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat mengimpor data tahunan.');
  const { check, plan } = await analyse(deps, actor, data);
  refuseErrors(check);
  if (check.overwrites.length && !opts.overwrite) {
    const rows = new Set(check.overwrites.map((o) => o.row)).size;
    throw new AppError(
      'CONFLICT',
      `Impor ini akan menimpa ${check.overwrites.length} nilai yang sudah ada pada ${rows} baris. Periksa daftarnya di uji coba, lalu pilih "Timpa nilai yang sudah ada" bila memang dimaksud.`,
    );
  }
  return startJob(actor, 'figures-import', plan.length, async (progress) =>
    mutate(deps, actor, async (trx, audit) => {
      let done = 0;
      const undo: UndoItem[] = [];
      for (const p of plan) {
        await upsertYearlyFigures(deps, trx, audit, p.cooperativeId, p.fiscalYear, p.after, 'figures.import');
        undo.push({
          t: 'figures',
          cooperativeId: p.cooperativeId,
          fiscalYear: p.fiscalYear,
          before: p.before,
          after: p.after,
        });
        progress(++done);
      }
      const summary = { saved: done, skipped: check.skipped, overwritten: check.overwrites.length };
      const batchId = await recordBatch(deps, actor, trx, audit, {
        kind: 'figures',
        fileName: opts.fileName ?? null,
        rows: check.total,
        summary,
        undo,
      });
      return { ...summary, batchId };
    }),
  );
}
