import ExcelJS from 'exceljs';
import type { ImportCheckOut, RowErrorOut } from '../../contract/imports.js';
import {
  COOP_GROUP_LABELS,
  COOP_GROUPS,
  COOP_TYPE_LABELS,
  COOP_TYPES,
  type CoopGroup,
  type CoopType,
  SCHEME_LABELS,
  SCHEMES,
  type Scheme,
} from '../../domain/codes.js';
import { insideBbox, NIK_PATTERN } from '../../domain/cooperative.js';
import { AppError, invalid } from '../../domain/errors.js';
import { readNumber } from '../../domain/numbers.js';
import { matchRegion, normaliseRegionName, type Region } from '../../domain/region-match.js';
import { type Actor, type AppDeps, mutate, todayJakarta } from '../context.js';
import { type CreateCooperativeInput, insertCooperatives } from '../cooperatives/create-cooperative.js';
import { type JobView, startJob } from '../jobs/jobs.js';
import { authorize, cooperativePolicy } from '../policy/index.js';
import { recordBatch } from './batches.js';
import { type Cell, cellText, readUploadedSheet } from './read-xlsx.js';
import { officeBbox } from '../offices/ownership.js';
import { areaPattern, officeArea } from '../regions/list-regions.js';

const SHEET = 'Koperasi';
const HEADERS = [
  'Nama koperasi*',
  'Jenis*',
  'Kelompok*',
  'Kode kecamatan*',
  'Kode desa*',
  'NIK',
  'No. badan hukum',
  'Tanggal badan hukum',
  'Pola',
  'Alamat',
  'Lintang',
  'Bujur',
  'Telepon',
  'Email',
  'Anggota L',
  'Anggota P',
] as const;
/** Columns typed as text in the template (1-based): codes, NIK, legal entity number, phone. */
const TEXT_COLUMNS = [4, 5, 6, 7, 13];
export const EXAMPLE_NAME = 'Koperasi Contoh Sejahtera (hapus baris ini)';

/** The dry run's answer (src/contract/imports.ts): every error and warning by row, the values an import would overwrite. */
export type RowError = RowErrorOut;
export type Overwrite = ImportCheckOut['overwrites'][number];
export type ImportCheck = ImportCheckOut;

/** The example row of a template: recognised by name and never imported. */
export function isExampleRow(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n.includes('hapus baris ini') || n.startsWith('koperasi contoh sejahtera');
}

/** The template: the columns to fill (codes, NIK and phone as text), and a sheet of the codes they accept. */
export async function cooperativeImportTemplate(deps: AppDeps): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sambang';
  const ws = wb.addWorksheet(SHEET);
  ws.columns = HEADERS.map((h, i) => ({
    header: h,
    width: Math.max(14, h.length + 4),
    ...(TEXT_COLUMNS.includes(i + 1) ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0EA' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const example = ws.addRow([
    EXAMPLE_NAME,
    'KONSUMEN',
    'KSU',
    '35.13.07',
    '35.13.07.2008',
    '',
    '',
    '2020-05-12',
    'KONVENSIONAL',
    'Dusun Krajan',
    '',
    '',
    '',
    '',
    20,
    35,
  ]);
  example.font = { italic: true, color: { argb: 'FF808080' } };
  const codes = wb.addWorksheet('Kode');
  codes.columns = [{ width: 22, style: { numFmt: '@' } }, { width: 44 }];
  const section = (title: string, rows: [string, string][]) => {
    codes.addRow([title]).font = { bold: true };
    for (const r of rows) codes.addRow(r);
    codes.addRow([]);
  };
  section(
    'Jenis',
    COOP_TYPES.map((c) => [c, COOP_TYPE_LABELS[c]]),
  );
  section(
    'Kelompok',
    COOP_GROUPS.map((c) => [c, COOP_GROUP_LABELS[c]]),
  );
  section(
    'Pola',
    SCHEMES.map((c) => [c, SCHEME_LABELS[c]]),
  );
  const villages = await deps.db.kysely
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['d.code as dcode', 'd.name as dname', 'v.code', 'v.name'])
    .where('d.code', 'like', areaPattern(await officeArea(deps.db.kysely)))
    .orderBy('v.code')
    .execute();
  section(
    'Kecamatan / desa',
    villages.map((v) => [v.code, `${v.name}, Kec. ${v.dname} (kode kecamatan ${v.dcode})`]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function code<K extends string>(raw: string, codes: readonly K[], labels: Record<K, string>): K | null {
  const up = raw.trim().toUpperCase();
  const byCode = codes.find((c) => c === up);
  if (byCode) return byCode;
  return codes.find((c) => labels[c].toUpperCase() === up || labels[c].toUpperCase().startsWith(`${up} `)) ?? null;
}

/** A real calendar date 'YYYY-MM-DD' (or 'DD/MM/YYYY'), or null. */
function calendarDate(s: string): string | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

interface Parsed {
  row: number;
  input: CreateCooperativeInput | null;
  skip: boolean;
  name: string;
}
interface Analysis {
  check: ImportCheck;
  rows: Parsed[];
}

/** Every row checked against every rule in one pass, with the registry read once. */
async function analyse(deps: AppDeps, data: unknown): Promise<Analysis> {
  const sheet = await readUploadedSheet(data, SHEET, HEADERS.length);
  const header = sheet.find((r) => r.n === 1)?.cells.map(cellText) ?? [];
  if (header[0] !== HEADERS[0] || header[4] !== HEADERS[4]) {
    throw invalid(
      { file: `Baris 1 harus berisi judul kolom templat ("${HEADERS[0]}", "${HEADERS[1]}", …).` },
      'Kolom berkas tidak sesuai templat.',
    );
  }
  const body = sheet.filter((r) => r.n > 1);
  if (body.length === 0)
    throw invalid({ file: 'Berkas tidak berisi baris data.' }, 'Tidak ada koperasi untuk diimpor.');

  const k = deps.db.kysely;
  const inArea = areaPattern(await officeArea(k));
  const bbox = await officeBbox(k, deps.config.bbox);
  const districts: Region[] = await k
    .selectFrom('districts')
    .select(['code', 'name'])
    .where('code', 'like', inArea)
    .execute();
  const villages = await k
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['v.code', 'v.name', 'v.district_code'])
    .where('d.code', 'like', inArea)
    .execute();
  const existing = await k.selectFrom('cooperatives').select(['id', 'name', 'nik', 'village_code']).execute();
  const byNik = new Map(existing.filter((c) => c.nik).map((c) => [c.nik!, c]));
  const sameName = (a: string, b: string) => normaliseRegionName(a) === normaliseRegionName(b);
  const byNameVillage = new Set(existing.map((c) => `${normaliseRegionName(c.name)}|${c.village_code}`));
  const today = todayJakarta(deps);

  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const parsed: Parsed[] = [];
  const niksInFile = new Map<string, number>();
  const namesInFile = new Map<string, number>();
  for (const { n, cells: raw } of body) {
    const cells = raw.map(cellText);
    const [name, type, group, districtRaw, villageRaw, nik, len, ledRaw, scheme, street, , , phone, email] =
      cells as string[] as string[];
    const rowErrors: RowError[] = [];
    const err = (field: string, message: string) => rowErrors.push({ row: n, field, message });
    const warn = (field: string, message: string) => warnings.push({ row: n, field, message });
    if (isExampleRow(name!)) {
      warn(HEADERS[0], 'Baris contoh dari templat; dilewati, tidak diimpor.');
      parsed.push({ row: n, input: null, skip: true, name: name! });
      continue;
    }
    if (name!.length < 3) err('Nama koperasi', 'Wajib diisi, minimal 3 karakter.');
    const t = code(type!, COOP_TYPES, COOP_TYPE_LABELS);
    if (!t) err('Jenis', `"${type}" bukan jenis yang dikenal (lihat lembar Kode).`);
    const g = code(group!, COOP_GROUPS, COOP_GROUP_LABELS);
    if (!g) err('Kelompok', `"${group}" bukan kelompok yang dikenal (lihat lembar Kode).`);
    const sc = scheme ? code(scheme, SCHEMES, SCHEME_LABELS) : 'KONVENSIONAL';
    if (!sc) err('Pola', `"${scheme}" harus Konvensional atau Syariah.`);

    // Region: a code, or a name that matches exactly one region; near misses get a suggestion.
    const region = (field: string, typed: string, among: Region[], what: string): string | null => {
      if (!typed) {
        err(field, 'Wajib diisi (kode atau nama).');
        return null;
      }
      const m = matchRegion(typed, among);
      if (m.ok) return m.code;
      if (m.ambiguous.length)
        err(
          field,
          `"${typed}" cocok dengan beberapa ${what}: ${m.ambiguous.map((r) => r.code).join(', ')}. Tulis kodenya.`,
        );
      else if (m.suggestion)
        err(
          field,
          `${what[0]!.toUpperCase()}${what.slice(1)} "${typed}" tidak dikenal. Maksud Anda "${m.suggestion.name}" (${m.suggestion.code})?`,
        );
      else
        err(
          field,
          `${what[0]!.toUpperCase()}${what.slice(1)} dengan kode atau nama "${typed}" tidak ada di wilayah ini (lihat lembar Kode).`,
        );
      return null;
    };
    const districtCode = region('Kode kecamatan', districtRaw!, districts, 'kecamatan');
    let villageCode: string | null = null;
    if (villageRaw) {
      const byCode = villages.find((v) => v.code === villageRaw.trim());
      if (byCode) {
        villageCode = byCode.code;
        if (districtCode && byCode.district_code !== districtCode)
          err('Kode desa', 'Desa/kelurahan ini tidak berada di kecamatan yang dipilih.');
      } else {
        const among = districtCode ? villages.filter((v) => v.district_code === districtCode) : villages;
        villageCode = region('Kode desa', villageRaw, among, 'desa/kelurahan');
      }
    } else err('Kode desa', 'Wajib diisi (kode atau nama).');

    // NIK and phone must arrive as text: as numbers a spreadsheet has already changed them.
    let nikValue: string | null = null;
    if (typeof raw[5] === 'number')
      err(
        'NIK',
        'NIK terbaca sebagai angka sehingga digit terakhirnya bisa berubah. Format kolom NIK sebagai Teks, lalu ketik ulang.',
      );
    else if (nik && !NIK_PATTERN.test(nik)) err('NIK', 'NIK koperasi terdiri dari 16 angka.');
    else if (nik) nikValue = nik;
    if (typeof raw[12] === 'number')
      err(
        'Telepon',
        'Nomor telepon terbaca sebagai angka (angka 0 di depan hilang). Format kolom Telepon sebagai Teks, lalu ketik ulang.',
      );

    let led: string | null = null;
    if (ledRaw) {
      led = calendarDate(ledRaw);
      if (!led) err('Tanggal badan hukum', `"${ledRaw}" bukan tanggal yang ada di kalender (format YYYY-MM-DD).`);
      else if (led > today) err('Tanggal badan hukum', 'Tanggal badan hukum tidak boleh di masa depan.');
    }
    const num = (c: Cell | undefined, field: string, integer: boolean): number | null => {
      if (c === null || c === undefined || c === '') return null;
      const r = readNumber(c, { integer });
      if (!r.ok) err(field, r.message);
      else if (integer && r.value < 0) err(field, 'Harus bilangan bulat 0 atau lebih.');
      else return r.value;
      return null;
    };
    const latitude = num(raw[10], 'Lintang', false);
    const longitude = num(raw[11], 'Bujur', false);
    if (
      (latitude === null) !== (longitude === null) &&
      !rowErrors.some((e) => e.field === 'Lintang' || e.field === 'Bujur')
    ) {
      err(latitude === null ? 'Lintang' : 'Bujur', 'Lintang dan bujur harus diisi keduanya atau dikosongkan keduanya.');
    } else if (latitude !== null && longitude !== null && bbox && !insideBbox(latitude, longitude, bbox)) {
      err(
        'Lintang',
        'Koordinat berada di luar wilayah kerja Dinas. Periksa lintang (negatif untuk selatan) dan bujur.',
      );
    }
    const membersMale = num(raw[14], 'Anggota L', true) ?? 0;
    const membersFemale = num(raw[15], 'Anggota P', true) ?? 0;
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) err('Email', 'Alamat email tidak valid.');

    // Re-uploads: a row already in the registry (by NIK, or by name and village without NIK) is skipped.
    let skip = false;
    if (nikValue) {
      const first = niksInFile.get(nikValue);
      const holder = byNik.get(nikValue);
      if (first) err('NIK', `NIK sama dengan baris ${first}.`);
      else niksInFile.set(nikValue, n);
      if (holder && sameName(holder.name, name!)) {
        skip = true;
        warn('NIK', `Sudah terdaftar sebagai ${holder.name}; baris dilewati (tidak dibuat dua kali).`);
      } else if (holder) err('NIK', `NIK sudah dipakai oleh ${holder.name}.`);
    } else if (villageCode && name) {
      const key = `${normaliseRegionName(name)}|${villageCode}`;
      const first = namesInFile.get(key);
      if (first) err('Nama koperasi', `Nama dan desa sama dengan baris ${first}.`);
      else namesInFile.set(key, n);
      if (byNameVillage.has(key)) {
        skip = true;
        warn(
          'Nama koperasi',
          'Koperasi dengan nama dan desa yang sama sudah terdaftar (tanpa NIK); baris dilewati. Isi NIK agar pencocokan pasti.',
        );
      }
    }
    errors.push(...rowErrors);
    const ok = rowErrors.length === 0 && t && g && sc && districtCode && villageCode;
    parsed.push({
      row: n,
      skip,
      name: name!,
      input:
        !ok || skip
          ? null
          : {
              name: name!,
              type: t as CoopType,
              group: g as CoopGroup,
              districtCode: districtCode!,
              villageCode: villageCode!,
              nik: nikValue,
              legalEntityNumber: len || null,
              legalEntityDate: led,
              scheme: sc as Scheme,
              street: street || null,
              latitude,
              longitude,
              phone: phone || null,
              email: email || null,
              membersMale,
              membersFemale,
            },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const bad = new Set(errors.map((e) => e.row));
  const skipped = parsed.filter((p) => p.skip && !bad.has(p.row)).length;
  return {
    rows: parsed,
    check: {
      total: parsed.length,
      valid: parsed.length - bad.size - skipped,
      skipped,
      errors,
      warnings,
      overwrites: [],
      preview: parsed
        .filter((r) => r.input)
        .slice(0, 20)
        .map((r) => ({
          row: r.row,
          name: r.input!.name,
          district: r.input!.districtCode,
          village: r.input!.villageCode,
        })),
    },
  };
}

/** Dry run: every row checked against the same rules as the form, nothing written. */
export async function checkCooperativeImport(deps: AppDeps, actor: Actor, data: unknown): Promise<ImportCheck> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat mengimpor koperasi.');
  return (await analyse(deps, data)).check;
}

export function refuseErrors(check: ImportCheck): void {
  if (!check.errors.length) return;
  throw new AppError(
    'VALIDATION',
    `${check.errors.length} kesalahan pada ${new Set(check.errors.map((e) => e.row)).size} baris; tidak ada yang diimpor. Perbaiki lalu unggah lagi.`,
    Object.fromEntries(
      check.errors.slice(0, 200).map((e, i) => [`baris ${e.row}${i ? `#${i}` : ''}: ${e.field}`, e.message]),
    ),
  );
}

const IMPORT_SLICE = 1000;

/** Commits the file as a background job: all rows in one transaction and one undoable batch, or none. */
export async function runCooperativeImport(
  deps: AppDeps,
  actor: Actor,
  data: unknown,
  opts: { fileName?: string | null } = {},
): Promise<JobView> {
  authorize(cooperativePolicy.create, actor, null, 'Hanya admin dan petugas yang dapat mengimpor koperasi.');
  const { check, rows } = await analyse(deps, data);
  refuseErrors(check);
  const todo = rows.filter((r) => r.input);
  return startJob(actor, 'cooperative-import', todo.length, async (progress) =>
    mutate(deps, actor, async (trx, audit) => {
      const ids: string[] = [];
      // In slices, so the job reports progress while it writes.
      for (let i = 0; i < todo.length; i += IMPORT_SLICE) {
        ids.push(
          ...(await insertCooperatives(
            deps,
            actor,
            trx,
            audit,
            todo.slice(i, i + IMPORT_SLICE).map((r) => r.input!),
            'cooperative.import',
          )),
        );
        progress(ids.length);
      }
      const summary = { created: ids.length, skipped: check.skipped };
      const batchId = await recordBatch(deps, actor, trx, audit, {
        kind: 'cooperatives',
        fileName: opts.fileName ?? null,
        rows: rows.length,
        summary,
        undo: ids.map((id) => ({ t: 'coop' as const, id })),
      });
      return { ...summary, batchId };
    }),
  );
}
