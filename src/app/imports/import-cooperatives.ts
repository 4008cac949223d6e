import ExcelJS from 'exceljs';
import { COOP_GROUP_LABELS, COOP_GROUPS, COOP_TYPE_LABELS, COOP_TYPES, type CoopGroup, type CoopType, SCHEME_LABELS, SCHEMES, type Scheme } from '../../domain/codes.js';
import { NIK_PATTERN } from '../../domain/cooperative.js';
import { AppError, invalid } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { type CreateCooperativeInput, insertCooperative } from '../cooperatives/create-cooperative.js';
import { validateCooperative } from '../cooperatives/validate-cooperative.js';
import { newCooperativeFields } from '../cooperatives/create-cooperative.js';
import { type JobView, startJob } from '../jobs/jobs.js';
import { uploadedSheet } from './read-xlsx.js';
import { authorize, cooperativePolicy } from '../policy.js';

const SHEET = 'Koperasi';
const HEADERS = [
  'Nama koperasi*', 'Jenis*', 'Kelompok*', 'Kode kecamatan*', 'Kode desa*', 'NIK', 'No. badan hukum', 'Tanggal badan hukum',
  'Pola', 'Alamat', 'Lintang', 'Bujur', 'Telepon', 'Email', 'Anggota L', 'Anggota P',
] as const;

export interface RowError { row: number; field: string; message: string }
export interface ImportCheck { total: number; valid: number; errors: RowError[]; preview: { row: number; name: string; district: string; village: string }[] }

/** The template: the columns to fill, and a sheet of the codes they accept. */
export async function cooperativeImportTemplate(deps: AppDeps): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sambang';
  const ws = wb.addWorksheet(SHEET);
  ws.columns = HEADERS.map((h) => ({ header: h, width: Math.max(14, h.length + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0EA' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow(['Koperasi Contoh Sejahtera (hapus baris ini)', 'KONSUMEN', 'KSU', '35.13.07', '35.13.07.2008', '', '', '2020-05-12', 'KONVENSIONAL', 'Dusun Krajan', '', '', '', '', 20, 35]);
  const codes = wb.addWorksheet('Kode');
  codes.columns = [{ width: 22 }, { width: 44 }];
  const section = (title: string, rows: [string, string][]) => {
    codes.addRow([title]).font = { bold: true };
    for (const r of rows) codes.addRow(r);
    codes.addRow([]);
  };
  section('Jenis', COOP_TYPES.map((c) => [c, COOP_TYPE_LABELS[c]]));
  section('Kelompok', COOP_GROUPS.map((c) => [c, COOP_GROUP_LABELS[c]]));
  section('Pola', SCHEMES.map((c) => [c, SCHEME_LABELS[c]]));
  const villages = await deps.db.kysely
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['d.code as dcode', 'd.name as dname', 'v.code', 'v.name'])
    .where('d.regency_code', '=', deps.config.region)
    .orderBy('v.code')
    .execute();
  section('Kecamatan / desa', villages.map((v) => [v.code, `${v.name}, Kec. ${v.dname} (kode kecamatan ${v.dcode})`]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return text((v as { result: ExcelJS.CellValue }).result);
  if (typeof v === 'object' && 'text' in v) return String((v as { text: string }).text);
  return String(v).trim();
}

function code<K extends string>(raw: string, codes: readonly K[], labels: Record<K, string>): K | null {
  const up = raw.trim().toUpperCase();
  const byCode = codes.find((c) => c === up);
  if (byCode) return byCode;
  return codes.find((c) => labels[c].toUpperCase() === up || labels[c].toUpperCase().startsWith(`${up} `)) ?? null;
}

async function readRows(data: unknown): Promise<{ row: number; input: CreateCooperativeInput | null; errors: RowError[] }[]> {
  const ws = await uploadedSheet(data, SHEET);
  const header = HEADERS.map((_, i) => text(ws.getRow(1).getCell(i + 1).value));
  if (header[0] !== HEADERS[0] || header[4] !== HEADERS[4]) {
    throw invalid({ file: `Baris 1 harus berisi judul kolom templat ("${HEADERS[0]}", "${HEADERS[1]}", …).` }, 'Kolom berkas tidak sesuai templat.');
  }
  const out: { row: number; input: CreateCooperativeInput | null; errors: RowError[] }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = HEADERS.map((_, i) => text(r.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const errors: RowError[] = [];
    const err = (field: string, message: string) => errors.push({ row: n, field, message });
    const [name, type, group, districtCode, villageCode, nik, len, led, scheme, street, lat, lng, phone, email, mm, mf] = cells as string[] as [
      string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    if (name.length < 3) err('Nama koperasi', 'Wajib diisi, minimal 3 karakter.');
    const t = code(type, COOP_TYPES, COOP_TYPE_LABELS);
    if (!t) err('Jenis', `"${type}" bukan jenis yang dikenal (lihat lembar Kode).`);
    const g = code(group, COOP_GROUPS, COOP_GROUP_LABELS);
    if (!g) err('Kelompok', `"${group}" bukan kelompok yang dikenal (lihat lembar Kode).`);
    const sc = scheme ? code(scheme, SCHEMES, SCHEME_LABELS) : 'KONVENSIONAL';
    if (!sc) err('Pola', `"${scheme}" harus Konvensional atau Syariah.`);
    if (nik && !NIK_PATTERN.test(nik)) err('NIK', 'NIK koperasi terdiri dari 16 angka.');
    if (led && !/^\d{4}-\d{2}-\d{2}$/.test(led)) err('Tanggal badan hukum', 'Tanggal harus berformat YYYY-MM-DD.');
    const num = (v: string, field: string, integer: boolean) => {
      if (v === '') return null;
      const x = Number(v.replace(',', '.'));
      if (!Number.isFinite(x) || (integer && (!Number.isInteger(x) || x < 0))) {
        err(field, integer ? 'Harus bilangan bulat 0 atau lebih.' : 'Harus angka.');
        return null;
      }
      return x;
    };
    const latitude = num(lat, 'Lintang', false);
    const longitude = num(lng, 'Bujur', false);
    const membersMale = num(mm, 'Anggota L', true) ?? 0;
    const membersFemale = num(mf, 'Anggota P', true) ?? 0;
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) err('Email', 'Alamat email tidak valid.');
    out.push({
      row: n,
      errors,
      input:
        errors.length || !t || !g || !sc
          ? null
          : {
              name, type: t as CoopType, group: g as CoopGroup, districtCode, villageCode, nik: nik || null, legalEntityNumber: len || null,
              legalEntityDate: led || null, scheme: sc as Scheme, street: street || null, latitude, longitude, phone: phone || null,
              email: email || null, membersMale, membersFemale,
            },
    });
  });
  if (out.length === 0) throw invalid({ file: 'Berkas tidak berisi baris data.' }, 'Tidak ada koperasi untuk diimpor.');
  if (out.length > 50_000) throw invalid({ file: 'Paling banyak 50.000 baris per berkas.' });
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  districtCode: 'Kode kecamatan', villageCode: 'Kode desa', nik: 'NIK', latitude: 'Lintang', longitude: 'Bujur',
  legalEntityDate: 'Tanggal badan hukum', legalEntityAmendmentDate: 'Tanggal badan hukum',
};

/** Dry run: every row checked against the same rules as the form, nothing written. */
export async function checkCooperativeImport(deps: AppDeps, actor: Actor, data: unknown): Promise<ImportCheck> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat mengimpor koperasi.');
  const rows = await readRows(data);
  const errors: RowError[] = rows.flatMap((r) => r.errors);
  const niks = new Map<string, number>();
  for (const r of rows) {
    if (!r.input) continue;
    if (r.input.nik) {
      const first = niks.get(r.input.nik);
      if (first) errors.push({ row: r.row, field: 'NIK', message: `NIK sama dengan baris ${first}.` });
      else niks.set(r.input.nik, r.row);
    }
    try {
      await validateCooperative(deps, deps.db.kysely, newCooperativeFields(r.input), null);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      for (const [field, message] of Object.entries(e.fields ?? { _: e.message })) {
        errors.push({ row: r.row, field: FIELD_LABELS[field] ?? field, message });
      }
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const bad = new Set(errors.map((e) => e.row));
  return {
    total: rows.length,
    valid: rows.length - bad.size,
    errors,
    preview: rows.filter((r) => r.input).slice(0, 20).map((r) => ({ row: r.row, name: r.input!.name, district: r.input!.districtCode, village: r.input!.villageCode })),
  };
}

/** Commits the file as a background job: all rows in one transaction, or none. */
export async function runCooperativeImport(deps: AppDeps, actor: Actor, data: unknown): Promise<JobView> {
  const check = await checkCooperativeImport(deps, actor, data);
  if (check.errors.length) {
    throw new AppError(
      'VALIDATION',
      `${check.errors.length} kesalahan pada ${check.total - check.valid} baris; tidak ada yang diimpor. Perbaiki lalu unggah lagi.`,
      Object.fromEntries(check.errors.slice(0, 200).map((e, i) => [`baris ${e.row}${i ? `#${i}` : ''}: ${e.field}`, e.message])),
    );
  }
  const rows = await readRows(data);
  return startJob(actor, 'cooperative-import', rows.length, async (progress) =>
    mutate(deps, actor, async (trx, audit) => {
      let done = 0;
      for (const r of rows) {
        await insertCooperative(deps, trx, audit, r.input!, 'cooperative.import');
        progress(++done);
      }
      return { created: done };
    }),
  );
}
