/** Pure rules of the cooperative registry. No I/O here. */

export interface Bbox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** NIK (Nomor Induk Koperasi) is 16 digits. */
export const NIK_PATTERN = /^\d{16}$/;

/** Kemendagri codes: district 35.13.07, village 35.13.07.2008. */
export const DISTRICT_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}$/;
export const VILLAGE_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export function villageBelongsToDistrict(villageCode: string, districtCode: string): boolean {
  return villageCode.startsWith(`${districtCode}.`) && VILLAGE_CODE_PATTERN.test(villageCode);
}

/** The fourth segment starts with 1 for a kelurahan, 2 for a desa. */
export function villageKind(villageCode: string): 'KELURAHAN' | 'DESA' {
  return villageCode.split('.')[3]?.startsWith('1') ? 'KELURAHAN' : 'DESA';
}

export function insideBbox(lat: number, lng: number, bbox: Bbox): boolean {
  return lat >= bbox.minLat && lat <= bbox.maxLat && lng >= bbox.minLng && lng <= bbox.maxLng;
}

/**
 * Fields a `koperasi` user may change on its own cooperative: contact data, member/employee counts,
 * and its officers after an election (a change of officers waits for the Dinas' verification).
 */
export const SELF_EDITABLE_FIELDS = new Set([
  'phone',
  'email',
  'street',
  'membersMale',
  'membersFemale',
  'employeesMale',
  'employeesFemale',
  'officers',
]);

/** The text searched by name or NIK: lower case, single spaces. */
export function searchText(name: string, nik: string | null): string {
  return `${normaliseSpaces(name).toLowerCase()}${nik ? ` ${nik}` : ''}`;
}

export function normaliseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export type Change = { before: unknown; after: unknown };

/**
 * Field-by-field difference of two plain records, for the audit log. Only keys in `after` are
 * compared (a partial update names what it touches); equal values are left out.
 */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, Change> {
  const out: Record<string, Change> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before ? before[key] : null;
    if (!sameValue(old, value)) out[key] = { before: old ?? null, after: value ?? null };
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** The orders of the cooperative list (a leading '-' reverses). */
export const COOPERATIVE_SORTS = [
  'name',
  '-name',
  'updatedAt',
  '-updatedAt',
  'district',
  '-district',
  'members',
  '-members',
] as const;
export type CooperativeSort = (typeof COOPERATIVE_SORTS)[number];
