import {
  COOP_GROUP_LABELS,
  COOP_STATUS_LABELS,
  COOP_TYPE_LABELS,
  type CoopGroup,
  type CoopStatus,
  type CoopType,
  SCHEME_LABELS,
  type Scheme,
} from '../../domain/codes.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import type { Actor, AppDeps } from '../context.js';
import { type ListCooperativesQuery, listCooperatives } from './list-cooperatives.js';

interface ExportRow {
  name: string;
  nik: string | null;
  type: string;
  group: string;
  scheme: string;
  status: string;
  district: string;
  village: string;
  street: string | null;
  legalEntityNumber: string | null;
  legalEntityDate: string | null;
  phone: string | null;
  email: string | null;
  latitude: number | null;
  longitude: number | null;
  membersMale: number;
  membersFemale: number;
  employeesMale: number;
  employeesFemale: number;
}

const COLUMNS: Column<ExportRow>[] = [
  { header: 'Nama koperasi', width: 42, value: (r) => r.name },
  { header: 'NIK', width: 19, value: (r) => r.nik, format: 'text' },
  { header: 'Jenis', width: 15, value: (r) => COOP_TYPE_LABELS[r.type as CoopType] ?? r.type },
  { header: 'Kelompok', width: 28, value: (r) => COOP_GROUP_LABELS[r.group as CoopGroup] ?? r.group },
  { header: 'Pola', width: 13, value: (r) => SCHEME_LABELS[r.scheme as Scheme] ?? r.scheme },
  { header: 'Status', width: 12, value: (r) => COOP_STATUS_LABELS[r.status as CoopStatus] ?? r.status },
  { header: 'Kecamatan', width: 15, value: (r) => r.district },
  { header: 'Desa/Kelurahan', width: 18, value: (r) => r.village },
  { header: 'Alamat', width: 30, value: (r) => r.street },
  { header: 'No. badan hukum', width: 30, value: (r) => r.legalEntityNumber, format: 'text' },
  { header: 'Tanggal badan hukum', width: 14, value: (r) => r.legalEntityDate, format: 'date' },
  { header: 'Telepon', width: 15, value: (r) => r.phone, format: 'text' },
  { header: 'Email', width: 22, value: (r) => r.email },
  { header: 'Lintang', width: 11, value: (r) => r.latitude },
  { header: 'Bujur', width: 11, value: (r) => r.longitude },
  { header: 'Anggota L', width: 10, value: (r) => r.membersMale, format: 'integer' },
  { header: 'Anggota P', width: 10, value: (r) => r.membersFemale, format: 'integer' },
  { header: 'Jumlah anggota', width: 10, value: (r) => r.membersMale + r.membersFemale, format: 'integer' },
  { header: 'Karyawan L', width: 10, value: (r) => r.employeesMale, format: 'integer' },
  { header: 'Karyawan P', width: 10, value: (r) => r.employeesFemale, format: 'integer' },
];

/** Every cooperative the list with these filters shows (same visibility rules), with all columns. */
async function rowsOf(
  deps: AppDeps,
  actor: Actor,
  q: Omit<ListCooperativesQuery, 'page' | 'pageSize'>,
  progress?: Progress,
): Promise<ExportRow[]> {
  const out: ExportRow[] = [];
  for (let page = 1; ; page++) {
    const res = await listCooperatives(deps, actor, { ...q, page, pageSize: 1000 });
    if (res.items.length === 0) break;
    const extra = await deps.db.kysely
      .selectFrom('cooperatives')
      .select([
        'id',
        'street',
        'legal_entity_number',
        'legal_entity_date',
        'phone',
        'email',
        'latitude',
        'longitude',
        'employees_male',
        'employees_female',
      ])
      .where(
        'id',
        'in',
        res.items.map((i) => i.id),
      )
      .execute();
    const byId = new Map(extra.map((e) => [e.id, e]));
    for (const i of res.items) {
      const e = byId.get(i.id)!;
      out.push({
        name: i.name,
        nik: i.nik,
        type: i.type,
        group: i.group,
        scheme: i.scheme,
        status: i.status,
        district: i.district.name,
        village: i.village.name,
        street: e.street,
        legalEntityNumber: e.legal_entity_number,
        legalEntityDate: e.legal_entity_date,
        phone: e.phone,
        email: e.email,
        latitude: e.latitude === null ? null : Number(e.latitude),
        longitude: e.longitude === null ? null : Number(e.longitude),
        membersMale: i.membersMale,
        membersFemale: i.membersFemale,
        employeesMale: e.employees_male,
        employeesFemale: e.employees_female,
      });
    }
    progress?.(out.length);
    if (out.length >= res.total) break;
  }
  return out;
}

export async function exportCooperativesXlsx(
  deps: AppDeps,
  actor: Actor,
  q: Omit<ListCooperativesQuery, 'page' | 'pageSize'>,
  progress?: Progress,
): Promise<Buffer> {
  return listToXlsx('Koperasi', COLUMNS, await rowsOf(deps, actor, q, progress), 'Daftar koperasi');
}

export async function exportCooperativesCsv(
  deps: AppDeps,
  actor: Actor,
  q: Omit<ListCooperativesQuery, 'page' | 'pageSize'>,
  progress?: Progress,
): Promise<string> {
  return listToCsv(COLUMNS, await rowsOf(deps, actor, q, progress));
}
