import { randomUUID } from 'node:crypto';
import { diff } from '../../domain/cooperative.js';
import { BUILT_IN_KINDS, DEFAULT_PATTERNS, KIND_LABELS, type OfficeLevel } from '../../domain/documents/codes.js';
import { checkNip } from '../../domain/documents/nip.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, SYSTEM_ACTOR, type Tx } from '../context.js';
import { authorize, officePolicy } from '../policy/index.js';
import { regionByCode } from '../regions/list-regions.js';
import { officeCreatedAt } from './ownership.js';
import type { OfficeOut } from '../../contract/offices.js';

/** An office (Dinas) and the profile every letterhead, dateline and signature block reads. */
export type Office = OfficeOut;

export interface Bbox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

export type OfficeInput = Partial<Omit<Office, 'id' | 'hasLogo' | 'version' | 'updatedAt'>>;

/** The rules live in the policy (src/app/policy/offices.ts); re-exported for the callers that import it from here. */
export { officePolicy };

type Row = Awaited<ReturnType<typeof officeRows>>[number];
const officeRows = (db: Tx) =>
  db
    .selectFrom('offices')
    .select([
      'id',
      'level',
      'region_code',
      'name',
      'short_name',
      'government',
      'address',
      'phone',
      'email',
      'website',
      'logo_type',
      'city',
      'head_name',
      'head_nip',
      'head_rank',
      'head_position',
      'legal_basis',
      'bbox',
      'version',
      'updated_at',
      'created_at',
    ])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

function view(r: Row): Office {
  return {
    id: r.id,
    level: r.level as OfficeLevel,
    regionCode: r.region_code,
    name: r.name,
    shortName: r.short_name,
    government: r.government,
    address: r.address,
    phone: r.phone,
    email: r.email,
    website: r.website,
    hasLogo: r.logo_type !== null,
    city: r.city,
    headName: r.head_name,
    headNip: r.head_nip,
    headRank: r.head_rank,
    headPosition: r.head_position,
    legalBasis: JSON.parse(r.legal_basis) as string[],
    bbox: r.bbox ? (JSON.parse(r.bbox) as Bbox) : null,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export async function listOffices(deps: AppDeps, actor: Actor): Promise<Office[]> {
  authorize(officePolicy.read, actor, null);
  return (await officeRows(deps.db.kysely)).filter((o) => officePolicy.sees(actor, o)).map(view);
}

/**
 * The office a user works for (`officeId`, the actor's): its papers, registers and profile. Without
 * one (the system actor, before anyone logs in) the first office, made at first start from SAMBANG_REGION.
 */
export async function currentOffice(db: Tx, officeId: string | null = null): Promise<Office> {
  const rows = await officeRows(db);
  const own = (officeId ? rows.find((o) => o.id === officeId) : undefined) ?? rows[0];
  if (!own) throw new AppError('NOT_FOUND', 'Profil kantor belum ada.');
  return view(own);
}

/** What the login page and the app's header show before anyone logs in: names and whether there is a logo. */
/** The office named in the app's header: the logged-in user's own office, else (before login) the first. */
export async function officeBrief(
  db: Tx,
  officeId: string | null = null,
): Promise<{ id: string; name: string; shortName: string; area: string; hasLogo: boolean }> {
  const o = await currentOffice(db, officeId);
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    area: o.government.replace(/^Pemerintah\s+/i, ''),
    hasLogo: o.hasLogo,
  };
}

export async function getOffice(db: Tx, id: string): Promise<Office> {
  const r = (await officeRows(db)).find((o) => o.id === id);
  if (!r) throw notFound('Kantor');
  return view(r);
}

export async function officeLogo(deps: AppDeps, id: string): Promise<{ bytes: Buffer; type: string } | null> {
  const r = await deps.db.kysely
    .selectFrom('offices')
    .select(['logo', 'logo_type'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Kantor');
  return r.logo && r.logo_type ? { bytes: Buffer.from(r.logo), type: r.logo_type } : null;
}

function checkProfile(p: OfficeInput): void {
  const fields: Record<string, string> = {};
  if (p.headNip) {
    const c = checkNip(p.headNip);
    if (!c.ok) fields.headNip = c.message;
  }
  if (p.level === 'KABUPATEN' && !/^\d{2}\.\d{2}$/.test(p.regionCode ?? ''))
    fields.regionCode = 'Kantor kabupaten/kota memerlukan kode kabupaten/kota, mis. 35.13.';
  if (p.level === 'PROVINSI' && !/^\d{2}$/.test(p.regionCode ?? ''))
    fields.regionCode = 'Kantor provinsi memerlukan kode provinsi, mis. 35.';
  if (p.level === 'NASIONAL' && p.regionCode) fields.regionCode = 'Kantor nasional tidak memiliki kode wilayah.';
  if (p.bbox && (p.bbox.minLat >= p.bbox.maxLat || p.bbox.minLng >= p.bbox.maxLng))
    fields.bbox = 'Batas wilayah tidak benar: nilai minimum harus lebih kecil dari maksimum.';
  if (Object.keys(fields).length) throw invalid(fields);
}

/** Optional contact and head fields: an emptied field is stored as null. */
const blank = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();

const columns = (input: OfficeInput) => {
  const p: OfficeInput = { ...input };
  for (const k of ['phone', 'email', 'website', 'headName', 'headNip', 'headRank', 'headPosition'] as const) {
    if (k in p) p[k] = blank(p[k]) as never;
  }
  return columnsOf(p);
};
const columnsOf = (p: OfficeInput) => ({
  ...(p.level !== undefined && { level: p.level }),
  ...(p.regionCode !== undefined && { region_code: p.regionCode }),
  ...(p.name !== undefined && { name: p.name }),
  ...(p.shortName !== undefined && { short_name: p.shortName }),
  ...(p.government !== undefined && { government: p.government }),
  ...(p.address !== undefined && { address: p.address }),
  ...(p.phone !== undefined && { phone: p.phone }),
  ...(p.email !== undefined && { email: p.email }),
  ...(p.website !== undefined && { website: p.website }),
  ...(p.city !== undefined && { city: p.city }),
  ...(p.headName !== undefined && { head_name: p.headName }),
  ...(p.headNip !== undefined && { head_nip: p.headNip ? (checkNip(p.headNip) as { nip: string }).nip : null }),
  ...(p.headRank !== undefined && { head_rank: p.headRank }),
  ...(p.headPosition !== undefined && { head_position: p.headPosition }),
  ...(p.legalBasis !== undefined && { legal_basis: JSON.stringify(p.legalBasis) }),
  ...(p.bbox !== undefined && { bbox: p.bbox === null ? null : JSON.stringify(p.bbox) }),
});

export async function createOffice(
  deps: AppDeps,
  actor: Actor,
  input: OfficeInput & Pick<Office, 'level' | 'name' | 'shortName' | 'government' | 'address' | 'city'>,
): Promise<Office> {
  authorize(officePolicy.manage, actor, null, 'Hanya admin yang dapat mengelola kantor.');
  authorize(officePolicy.create, actor, null, 'Hanya admin yang dapat menambah kantor.');
  checkProfile(input);
  const id = randomUUID();
  return mutate(deps, actor, async (trx, audit) => {
    if (input.regionCode && !(await regionByCode(trx, input.regionCode))) {
      throw invalid({ regionCode: `Kode wilayah ${input.regionCode} tidak ada dalam data wilayah.` });
    }
    if (input.level === 'NASIONAL') {
      const taken = await trx.selectFrom('offices').select('id').where('level', '=', 'NASIONAL').executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', 'Kantor nasional sudah ada.');
    }
    if (input.regionCode) {
      const taken = await trx
        .selectFrom('offices')
        .select('id')
        .where('level', '=', input.level)
        .where('region_code', '=', input.regionCode)
        .executeTakeFirst();
      if (taken)
        throw new AppError('CONFLICT', 'Kantor untuk wilayah ini sudah ada.', {
          regionCode: 'Kantor untuk wilayah ini sudah ada.',
        });
    }
    const at = await officeCreatedAt(trx, deps.now());
    await trx
      .insertInto('offices')
      .values({
        id,
        level: input.level,
        region_code: input.regionCode ?? null,
        name: input.name,
        short_name: input.shortName,
        government: input.government,
        address: input.address,
        city: input.city,
        legal_basis: '[]',
        version: 1,
        created_at: at,
        updated_at: at,
        ...columns(input),
      })
      .execute();
    await ensureRegisters(trx, id, at);
    await audit({
      action: 'office.create',
      entityType: 'office',
      entityId: id,
      cooperativeId: null,
      changes: diff(null, { ...input }),
    });
    return getOffice(trx, id);
  });
}

export async function updateOffice(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: OfficeInput & { version?: number },
): Promise<Office> {
  authorize(officePolicy.manage, actor, null, 'Hanya admin yang dapat mengubah profil kantor.');
  return mutate(deps, actor, async (trx, audit) => {
    const current = await getOffice(trx, id);
    if (!officePolicy.sees(actor, current)) throw notFound('Kantor');
    authorize(officePolicy.edit, actor, current, 'Admin hanya dapat mengubah profil kantornya sendiri.');
    if (patch.version !== undefined && patch.version !== current.version) {
      throw new AppError('CONFLICT', 'Profil kantor sudah diubah orang lain. Muat ulang lalu ulangi.');
    }
    const { version: _v, ...raw } = patch;
    const fields: OfficeInput = { ...raw };
    for (const k of ['phone', 'email', 'website', 'headName', 'headNip', 'headRank', 'headPosition'] as const) {
      if (k in fields) fields[k] = blank(fields[k]) as never;
    }
    checkProfile({ ...current, ...fields });
    const changes = diff(current as unknown as Record<string, unknown>, fields);
    if (Object.keys(changes).length === 0) return current;
    await trx
      .updateTable('offices')
      .set({ ...columns(fields), version: current.version + 1, updated_at: deps.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'office.update', entityType: 'office', entityId: id, cooperativeId: null, changes });
    return getOffice(trx, id);
  });
}

const LOGO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

export async function setOfficeLogo(deps: AppDeps, actor: Actor, id: string, bytes: Buffer): Promise<Office> {
  authorize(officePolicy.manage, actor, null, 'Hanya admin yang dapat mengubah logo kantor.');
  return mutate(deps, actor, async (trx, audit) => {
    // Whose office first: another office's admin learns nothing from how the file was refused.
    const current = await getOffice(trx, id);
    if (!officePolicy.sees(actor, current)) throw notFound('Kantor');
    authorize(officePolicy.edit, actor, current, 'Admin hanya dapat mengubah logo kantornya sendiri.');
    const type = Object.entries(LOGO_TYPES).find(([, sniff]) => sniff(bytes))?.[0];
    if (!type) throw invalid({ logo: 'Logo harus gambar PNG atau JPEG.' }, 'Logo tidak diterima.');
    if (bytes.length > 512 * 1024) throw invalid({ logo: 'Logo paling besar 512 KB.' }, 'Logo tidak diterima.');
    await trx
      .updateTable('offices')
      .set({ logo: bytes, logo_type: type, version: current.version + 1, updated_at: deps.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'office.logo',
      entityType: 'office',
      entityId: id,
      cooperativeId: null,
      changes: { logo: { before: current.hasLogo ? 'ada' : null, after: `${type}, ${bytes.length} bita` } },
    });
    return getOffice(trx, id);
  });
}

/** Every office has a register for each built-in document kind, with the default pattern. */
export async function ensureRegisters(db: Tx, officeId: string, at: string): Promise<void> {
  for (const kind of BUILT_IN_KINDS) {
    await db
      .insertInto('letter_registers')
      .values({
        id: randomUUID(),
        office_id: officeId,
        kind,
        name: KIND_LABELS[kind],
        pattern: DEFAULT_PATTERNS[kind],
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['office_id', 'kind']).doNothing())
      .execute();
  }
}

/**
 * The profile an office gets when it is made from the region data alone (the first office at start,
 * a province office on a transfer): government and dateline from the region's name. The Dinas's own
 * name is a default the admin edits.
 */
export async function defaultProfile(
  db: Tx,
  level: 'KABUPATEN' | 'PROVINSI',
  code: string,
): Promise<OfficeInput & Pick<Office, 'level' | 'name' | 'shortName' | 'government' | 'address' | 'city'>> {
  const region = await regionByCode(db, code);
  if (!region) throw new Error(`Kode wilayah ${code} tidak ada dalam data wilayah / not a known region code`);
  const name = titleCase(region.name);
  if (level === 'PROVINSI') {
    return {
      level,
      regionCode: code,
      name: 'Dinas Koperasi dan Usaha Kecil dan Menengah',
      shortName: 'Dinas Koperasi dan UKM',
      government: `Pemerintah Provinsi ${name}`,
      address: `Provinsi ${name}`,
      city: name,
    };
  }
  const province = await regionByCode(db, code.slice(0, 2));
  return {
    level,
    regionCode: code,
    name: 'Dinas Koperasi dan Usaha Mikro',
    shortName: 'Dinas Koperasi dan UM',
    government: `Pemerintah ${name}`,
    address: `${name}${province ? `, ${titleCase(province.name)}` : ''}`,
    city: name.replace(/^(Kabupaten|Kota)\s+/i, ''),
  };
}

/**
 * The first office, made at first start from SAMBANG_REGION (a regency such as 35.13 or a province
 * such as 35) with names from the region data (regency 'Kabupaten Lumajang' → government
 * 'Pemerintah Kabupaten Lumajang', dateline 'Lumajang'). A database from before offices gets it too.
 * SAMBANG_REGION_BBOX, when set, becomes the office's map extent if it has none yet.
 */
export async function ensureFirstOffice(deps: AppDeps): Promise<Office> {
  const db = deps.db.kysely;
  const existing = await db.selectFrom('offices').select('id').limit(1).executeTakeFirst();
  if (existing) {
    const office = await currentOffice(db);
    if (deps.config.bbox && !office.bbox) {
      await db
        .updateTable('offices')
        .set({ bbox: JSON.stringify(deps.config.bbox) })
        .where('id', '=', office.id)
        .execute();
      return currentOffice(db);
    }
    return office;
  }
  const code = deps.config.region;
  const level = /^\d{2}$/.test(code) ? 'PROVINSI' : 'KABUPATEN';
  return createOffice(deps, SYSTEM_ACTOR, {
    ...(await defaultProfile(db, level, code)),
    ...(deps.config.bbox ? { bbox: deps.config.bbox } : {}),
  });
}

/** 'KABUPATEN LUMAJANG' → 'Kabupaten Lumajang'; a name already in mixed case ('DKI Jakarta') stays. */
function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
