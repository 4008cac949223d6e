import { invalid } from '../../domain/errors.js';
import type { Actor, Tx } from '../context.js';
import type { Bbox } from '../../config.js';
import { oncePerTransaction } from '../tx-memo.js';

/** The tables whose rows belong to an office (issue 11), in the order they are adopted. */
export const OFFICE_OWNED = ['users', 'cooperatives', 'visits', 'programs'] as const;

/** The first office (the one made from SAMBANG_REGION at first start): the owner of every row from before offices. */
export function firstOfficeId(db: Tx): Promise<string | null> {
  return oncePerTransaction(db, 'firstOfficeId', async () => {
    const o = await db
      .selectFrom('offices')
      .select('id')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return o?.id ?? null;
  });
}

/**
 * The creation stamp of a new office: now, or just after the latest office when the clock has not moved
 * on (offices made in one millisecond, a fixed test clock). The first office is the earliest, so a tie
 * must never let a later office take its place.
 */
export async function officeCreatedAt(db: Tx, now: Date): Promise<string> {
  const last = await db
    .selectFrom('offices')
    .select('created_at')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastMs = last ? new Date(last.created_at as string | Date).getTime() : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now.getTime(), lastMs + 1)).toISOString();
}

/**
 * Gives every office-owned row without an office to the first office: rows of a database upgraded
 * before it had an office, and rows bulk-loaded (demo, bench) without one (a `koperasi` user belongs
 * to its cooperative's office). Returns how many rows were adopted.
 */
export async function adoptUnowned(db: Tx): Promise<number> {
  const first = await firstOfficeId(db);
  if (!first) return 0;
  let n = 0;
  for (const table of OFFICE_OWNED) {
    const r = await db
      .updateTable(table as 'users')
      .set({ office_id: first })
      .where('office_id', 'is', null)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

/**
 * The office a new record of a cooperative belongs to: the cooperative's, else the first office.
 */
export async function officeOfCooperative(db: Tx, cooperativeId: string): Promise<string | null> {
  const c = await db.selectFrom('cooperatives').select('office_id').where('id', '=', cooperativeId).executeTakeFirst();
  return c?.office_id ?? (await firstOfficeId(db));
}

/**
 * The office a record made by `actorUserId` belongs to: the actor's own office, else the first
 * office (the system actor, a user from before offices).
 */
export async function officeOfActor(db: Tx, actorUserId: string | null | undefined): Promise<string | null> {
  if (actorUserId) {
    const u = await db.selectFrom('users').select('office_id').where('id', '=', actorUserId).executeTakeFirst();
    if (u?.office_id) return u.office_id;
  }
  return firstOfficeId(db);
}

/** The office a new cooperative in `districtCode` belongs to: its regency's office when there is one, else the first office. */
export async function officeForDistrict(db: Tx, districtCode: string): Promise<string | null> {
  const regency = districtCode.slice(0, 5);
  const o = await oncePerTransaction(db, `regencyOffice:${regency}`, () =>
    db
      .selectFrom('offices')
      .select('id')
      .where('level', '=', 'KABUPATEN')
      .where('region_code', '=', regency)
      .executeTakeFirst(),
  );
  return o?.id ?? (await firstOfficeId(db));
}

/**
 * Where a new cooperative in `districtCode` goes: to the office of whoever creates it, under that
 * office's authority level (a regency office's cooperatives are KABUPATEN, a province office's PROVINSI,
 * the national office's NASIONAL). A regency office may register only cooperatives of its regency, a
 * province office only of its province (VALIDATION on `districtCode`). The system actor, and every user
 * of a single-office deployment, keep the old rule (`officeForDistrict`).
 */
export async function officeForNewCooperative(
  db: Tx,
  actor: Actor,
  districtCode: string,
): Promise<{ officeId: string | null; authorityLevel: 'KABUPATEN' | 'PROVINSI' | 'NASIONAL' }> {
  if (actor.manages === null || !actor.officeId)
    return { officeId: await officeForDistrict(db, districtCode), authorityLevel: 'KABUPATEN' };
  const officeId = actor.officeId;
  const o = await oncePerTransaction(db, `office:${officeId}`, () =>
    db.selectFrom('offices').select(['level', 'region_code']).where('id', '=', officeId).executeTakeFirst(),
  );
  const level = (o?.level ?? 'KABUPATEN') as 'KABUPATEN' | 'PROVINSI' | 'NASIONAL';
  const area = o?.region_code ?? '';
  if (level !== 'NASIONAL' && !districtCode.startsWith(`${area}.`))
    throw invalid({
      districtCode:
        level === 'KABUPATEN'
          ? 'Kecamatan ini di luar kabupaten/kota kantor Anda.'
          : 'Kecamatan ini di luar provinsi kantor Anda.',
    });
  return { officeId, authorityLevel: level };
}

/** The map extent coordinates must fall in: the first office's (data), else SAMBANG_REGION_BBOX; null: unchecked. */
export async function officeBbox(db: Tx, fallback: Bbox | null): Promise<Bbox | null> {
  const o = await oncePerTransaction(db, 'firstOfficeBbox', () =>
    db.selectFrom('offices').select('bbox').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst(),
  );
  return o?.bbox ? (JSON.parse(o.bbox) as Bbox) : fallback;
}
