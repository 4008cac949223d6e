import { ratCompliance } from '../../domain/rat/compliance.js';
import { countedMeetings } from '../desk/verifications.js';
import { COOP_TYPE_LABELS, type CoopType } from '../../domain/codes.js';
import { invalid } from '../../domain/errors.js';
import type { Content } from 'pdfmake/interfaces.js';
import { angka, letterhead, renderPdf, tanggal } from '../../reports/pdf.js';
import { officePaper } from '../offices/office-paper.js';
import { type Column, listToXlsx } from '../../reports/xlsx.js';
import { graceMonths } from '../annual-meetings/annual-meetings.js';
import { type Actor, type AppDeps, todayJakarta } from '../context.js';
import { authorize, recapPolicy } from '../policy/index.js';
import { coopInRegion, regionScope } from '../dashboard/region-scope.js';
import type { DistrictRecapOut, RecapRowOut, RecapTotalsOut } from '../../contract/reports.js';

/** One cooperative's line of the recap (src/contract/reports.ts). */
export type RecapRow = RecapRowOut;

/** One kecamatan's sums (src/contract/reports.ts). */
export type DistrictRecap = DistrictRecapOut;

/**
 * The ODS-style yearly recap of fiscal year `year`: per cooperative (not dissolved) its members,
 * figures, whether it held the RAT for that year and whether it is active today; and the same
 * summed per kecamatan. Members come from the year's figures when recorded, else the registry.
 */
export type RecapTotals = RecapTotalsOut;

export function recapTotals(districts: DistrictRecap[]): RecapTotals {
  return districts.reduce(
    (s, d) => ({
      cooperatives: s.cooperatives + d.cooperatives,
      membersMale: s.membersMale + d.membersMale,
      membersFemale: s.membersFemale + d.membersFemale,
      assets: s.assets + d.assets,
      ownCapital: s.ownCapital + d.ownCapital,
      externalCapital: s.externalCapital + d.externalCapital,
      businessVolume: s.businessVolume + d.businessVolume,
      shu: s.shu + d.shu,
      ratHeld: s.ratHeld + d.ratHeld,
      active: s.active + d.active,
    }),
    {
      cooperatives: 0,
      membersMale: 0,
      membersFemale: 0,
      assets: 0,
      ownCapital: 0,
      externalCapital: 0,
      businessVolume: 0,
      shu: 0,
      ratHeld: 0,
      active: 0,
    },
  );
}

export async function odsRecap(
  deps: AppDeps,
  actor: Actor,
  year: number,
  district?: string,
  region?: string,
): Promise<{ year: number; asOf: string; rows: RecapRow[]; districts: DistrictRecap[] }> {
  authorize(recapPolicy.read, actor, null, 'Rekap hanya untuk Dinas.');
  const asOf = todayJakarta(deps);
  if (year > Number(asOf.slice(0, 4))) throw invalid({ year: 'Tahun buku tidak boleh di masa depan.' });
  const db = deps.db.kysely;
  // The same cooperatives as the dashboard of the region (default: the office area).
  const scope = await regionScope(db, actor, region);
  let coopQuery = db
    .selectFrom('cooperatives as c')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .innerJoin('villages as v', 'v.code', 'c.village_code')
    .leftJoin('yearly_figures as f', (j) => j.onRef('f.cooperative_id', '=', 'c.id').on('f.fiscal_year', '=', year))
    .select([
      'c.id',
      'c.name',
      'c.nik',
      'c.type',
      'c.district_code',
      'd.name as district_name',
      'v.name as village_name',
      'c.members_male',
      'c.members_female',
      'c.legal_entity_date',
      'c.created_at',
      'f.assets',
      'f.own_capital',
      'f.external_capital',
      'f.business_volume',
      'f.shu',
      'f.members_male as f_members_male',
      'f.members_female as f_members_female',
      'f.id as figure_id',
    ])
    .where(coopInRegion(scope))
    .where('c.status', '!=', 'DIBUBARKAN')
    .orderBy('c.district_code')
    .orderBy('c.name')
    .orderBy('c.id');
  if (district) coopQuery = coopQuery.where('c.district_code', '=', district);
  const coops = await coopQuery.execute();
  // A cooperative's figures waiting for verification do not count: the values before them do (or none).
  const waiting = await db
    .selectFrom('verifications')
    .select(['entity_id', 'previous'])
    .where('kind', '=', 'YEARLY_FIGURES')
    .where('status', '!=', 'VERIFIED')
    .execute();
  const before = new Map(
    waiting.map((w) => [w.entity_id, w.previous ? (JSON.parse(w.previous) as Record<string, number | null>) : null]),
  );
  for (const c of coops) {
    if (!c.figure_id || !before.has(c.figure_id)) continue;
    const p = before.get(c.figure_id) ?? {};
    Object.assign(c, {
      assets: p.assets ?? null,
      own_capital: p.ownCapital ?? null,
      external_capital: p.externalCapital ?? null,
      business_volume: p.businessVolume ?? null,
      shu: p.shu ?? null,
      f_members_male: p.membersMale ?? null,
      f_members_female: p.membersFemale ?? null,
    });
  }
  const { meetings: byCoop } = await countedMeetings(db);
  const grace = await graceMonths(deps);
  const rows: RecapRow[] = [];
  const districts = new Map<string, DistrictRecap>();
  for (const c of coops) {
    const founded = c.legal_entity_date ?? c.created_at.slice(0, 10);
    if (Number(founded.slice(0, 4)) > year) continue;
    const list = byCoop.get(c.id) ?? [];
    const rat = list.find((m) => m.fiscalYear === year) ?? null;
    const row: RecapRow = {
      name: c.name,
      nik: c.nik,
      type: COOP_TYPE_LABELS[c.type as CoopType] ?? c.type,
      district: c.district_name,
      village: c.village_name,
      membersMale: c.f_members_male ?? c.members_male,
      membersFemale: c.f_members_female ?? c.members_female,
      assets: c.assets,
      ownCapital: c.own_capital,
      externalCapital: c.external_capital,
      businessVolume: c.business_volume,
      shu: c.shu,
      ratHeld: rat !== null,
      ratHeldOn: rat?.heldOn ?? null,
      active: ratCompliance(list, founded, asOf, grace).active,
    };
    rows.push(row);
    const d = districts.get(c.district_code) ?? {
      code: c.district_code,
      name: c.district_name,
      cooperatives: 0,
      membersMale: 0,
      membersFemale: 0,
      assets: 0,
      ownCapital: 0,
      externalCapital: 0,
      businessVolume: 0,
      shu: 0,
      ratHeld: 0,
      active: 0,
    };
    d.cooperatives++;
    d.membersMale += row.membersMale;
    d.membersFemale += row.membersFemale;
    d.assets += row.assets ?? 0;
    d.ownCapital += row.ownCapital ?? 0;
    d.externalCapital += row.externalCapital ?? 0;
    d.businessVolume += row.businessVolume ?? 0;
    d.shu += row.shu ?? 0;
    if (row.ratHeld) d.ratHeld++;
    if (row.active) d.active++;
    districts.set(c.district_code, d);
  }
  return { year, asOf, rows, districts: [...districts.values()].sort((a, b) => a.code.localeCompare(b.code)) };
}

const COOP_COLUMNS: Column<RecapRow>[] = [
  { header: 'Nama koperasi', width: 40, value: (r) => r.name },
  { header: 'NIK', width: 19, value: (r) => r.nik },
  { header: 'Jenis', width: 14, value: (r) => r.type },
  { header: 'Kecamatan', width: 14, value: (r) => r.district },
  { header: 'Desa/Kelurahan', width: 16, value: (r) => r.village },
  { header: 'Anggota L', value: (r) => r.membersMale, format: 'integer' },
  { header: 'Anggota P', value: (r) => r.membersFemale, format: 'integer' },
  { header: 'Aset', width: 18, value: (r) => r.assets, format: 'rupiah' },
  { header: 'Modal sendiri', width: 18, value: (r) => r.ownCapital, format: 'rupiah' },
  { header: 'Modal luar', width: 18, value: (r) => r.externalCapital, format: 'rupiah' },
  { header: 'Volume usaha', width: 18, value: (r) => r.businessVolume, format: 'rupiah' },
  { header: 'SHU', width: 16, value: (r) => r.shu, format: 'rupiah' },
  { header: 'RAT', width: 8, value: (r) => (r.ratHeld ? 'Ya' : 'Tidak') },
  { header: 'Tanggal RAT', width: 13, value: (r) => r.ratHeldOn, format: 'date' },
  { header: 'Aktif', width: 8, value: (r) => (r.active ? 'Ya' : 'Tidak') },
];

const DISTRICT_COLUMNS: Column<DistrictRecap>[] = [
  { header: 'Kecamatan', width: 16, value: (r) => r.name },
  { header: 'Jumlah koperasi', value: (r) => r.cooperatives, format: 'integer' },
  { header: 'Anggota L', value: (r) => r.membersMale, format: 'integer' },
  { header: 'Anggota P', value: (r) => r.membersFemale, format: 'integer' },
  { header: 'Aset', width: 20, value: (r) => r.assets, format: 'rupiah' },
  { header: 'Modal sendiri', width: 20, value: (r) => r.ownCapital, format: 'rupiah' },
  { header: 'Modal luar', width: 20, value: (r) => r.externalCapital, format: 'rupiah' },
  { header: 'Volume usaha', width: 20, value: (r) => r.businessVolume, format: 'rupiah' },
  { header: 'SHU', width: 18, value: (r) => r.shu, format: 'rupiah' },
  { header: 'RAT terlaksana', value: (r) => r.ratHeld, format: 'integer' },
  { header: 'Koperasi aktif', value: (r) => r.active, format: 'integer' },
];

export async function odsRecapXlsx(
  deps: AppDeps,
  actor: Actor,
  year: number,
  level: 'cooperative' | 'district',
  district?: string,
  region?: string,
): Promise<Buffer> {
  const r = await odsRecap(deps, actor, year, district, region);
  const where = district ? ` — Kecamatan ${r.districts[0]?.name ?? district}` : '';
  return level === 'district'
    ? listToXlsx(
        'Rekap kecamatan',
        DISTRICT_COLUMNS,
        r.districts,
        `Rekapitulasi koperasi per kecamatan — tahun buku ${year}${where}`,
      )
    : listToXlsx('Rekap koperasi', COOP_COLUMNS, r.rows, `Rekapitulasi koperasi — tahun buku ${year}${where}`);
}

/** Thin grey rules, zebra rows; `pad` is the vertical cell padding (the 24 kecamatan + total fit one page at 1.5). */
const tableLayout = (pad: number) => ({
  hLineColor: () => '#ccc',
  vLineColor: () => '#ccc',
  fillColor: (i: number) => (i > 0 && i % 2 === 0 ? '#fafafa' : null),
  paddingTop: () => pad,
  paddingBottom: () => pad,
  paddingLeft: () => 3,
  paddingRight: () => 3,
});

/**
 * The recap as a landscape PDF with totals: per kecamatan (one page), or per cooperative (every
 * cooperative, the header row repeated on each page). Money in millions of rupiah.
 */
export async function odsRecapPdf(
  deps: AppDeps,
  actor: Actor,
  year: number,
  level: 'cooperative' | 'district' = 'district',
  district?: string,
  region?: string,
): Promise<Buffer> {
  const r = await odsRecap(deps, actor, year, district, region);
  // `+ 0` turns the -0 of a small loss rounded to millions into 0.
  const juta = (n: number | null) => (n === null ? '–' : angka(Math.round(n / 1_000_000) + 0));
  const th = (t: string) => ({ text: t, bold: true, fontSize: 8, fillColor: '#e9f2ec', alignment: 'center' as const });
  const td = (t: string, right = true) => ({
    text: t,
    fontSize: 8,
    alignment: right ? ('right' as const) : ('left' as const),
  });
  const total = recapTotals(r.districts);
  const districtName = district ? (r.districts[0]?.name ?? district) : null;
  const money = (d: {
    assets: number | null;
    ownCapital: number | null;
    externalCapital: number | null;
    businessVolume: number | null;
    shu: number | null;
  }) => [d.assets, d.ownCapital, d.externalCapital, d.businessVolume, d.shu].map((n) => td(juta(n)));

  let table: Content;
  if (level === 'district') {
    const line = (name: string, d: RecapTotals, bold = false) =>
      [
        td(name, false),
        ...[d.cooperatives, d.membersMale, d.membersFemale].map((n) => td(angka(n))),
        ...money(d),
        td(angka(d.ratHeld)),
        td(angka(d.active)),
      ].map((c) => ({ ...c, bold }));
    table = {
      table: {
        headerRows: 1,
        widths: ['*', 46, 46, 46, 62, 62, 62, 62, 54, 40, 40],
        body: [
          [
            'Kecamatan',
            'Koperasi',
            'Anggota L',
            'Anggota P',
            'Aset',
            'Modal sendiri',
            'Modal luar',
            'Volume usaha',
            'SHU',
            'RAT',
            'Aktif',
          ].map(th),
          ...r.districts.map((d) => line(d.name, d)),
          line('Jumlah', total, true),
        ],
      },
      layout: tableLayout(1.5),
    };
  } else {
    const yesNo = (b: boolean) => ({
      ...td(b ? 'Ya' : 'Tidak', false),
      alignment: 'center' as const,
      color: b ? '#1b5e20' : '#b71c1c',
    });
    const place = (row: RecapRow) => (district ? row.village : `${row.district} / ${row.village}`);
    const totalLine = [
      { ...td(`Jumlah (${angka(total.cooperatives)} koperasi)`, false), colSpan: 3 },
      td(''),
      td(''),
      td(angka(total.membersMale)),
      td(angka(total.membersFemale)),
      ...money(total),
      td(angka(total.ratHeld)),
      td(angka(total.active)),
    ].map((c) => ({ ...c, bold: true }));
    table = {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [20, '*', 100, 42, 42, 52, 52, 52, 52, 46, 30, 30],
        body: [
          [
            'No.',
            'Nama koperasi',
            district ? 'Desa/Kelurahan' : 'Kecamatan / desa',
            'Anggota L',
            'Anggota P',
            'Aset',
            'Modal sendiri',
            'Modal luar',
            'Volume usaha',
            'SHU',
            'RAT',
            'Aktif',
          ].map(th),
          ...r.rows.map((row, i) => [
            td(angka(i + 1)),
            td(row.name, false),
            td(place(row), false),
            td(angka(row.membersMale)),
            td(angka(row.membersFemale)),
            ...money(row),
            yesNo(row.ratHeld),
            yesNo(row.active),
          ]),
          totalLine,
        ],
      },
      layout: tableLayout(2),
    };
  }
  const heading = level === 'district' ? 'REKAPITULASI KOPERASI PER KECAMATAN' : 'REKAPITULASI KOPERASI';
  return renderPdf({
    pageOrientation: 'landscape',
    pageMargins: [40, 30, 40, 44],
    info: { title: `Rekapitulasi koperasi tahun buku ${year}` },
    content: [
      ...letterhead(await officePaper(deps.db.kysely), 762),
      {
        text: `${heading} — TAHUN BUKU ${year}${districtName ? ` — KECAMATAN ${districtName.toUpperCase()}` : ''}`,
        alignment: 'center',
        bold: true,
        fontSize: 12,
      },
      {
        text: `Nilai keuangan dalam juta rupiah. RAT = menyelenggarakan RAT tahun buku ${year}; Aktif = RAT dalam tiga tahun buku terakhir, per ${tanggal(r.asOf)}.`,
        alignment: 'center',
        fontSize: 8,
        color: '#555',
        margin: [0, 2, 0, 10],
      },
      r.rows.length
        ? table
        : { text: 'Tidak ada koperasi untuk pilihan ini.', italics: true, alignment: 'center', margin: [0, 20, 0, 0] },
    ],
  });
}
