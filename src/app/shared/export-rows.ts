import type { Progress } from '../../reports/xlsx.js';
import type { AppDeps } from '../context.js';

/** A list row with the name of its cooperative's kecamatan, for the spreadsheet downloads. */
export type WithDistrict<T> = T & { districtName: string | null };

/** Reads every page of a list with the same visibility rules the screen has. */
export async function everything<T>(
  read: (page: number) => Promise<{ items: T[]; total: number }>,
  progress?: Progress,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await read(page);
    out.push(...res.items);
    progress?.(out.length);
    if (res.items.length === 0 || out.length >= res.total) return out;
  }
}

export async function withDistricts<T extends { cooperative: { id: string } }>(
  deps: AppDeps,
  rows: T[],
): Promise<WithDistrict<T>[]> {
  const ids = [...new Set(rows.map((r) => r.cooperative.id))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await deps.db.kysely
      .selectFrom('cooperatives as c')
      .innerJoin('districts as d', 'd.code', 'c.district_code')
      .select(['c.id', 'd.name'])
      .where('c.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const f of found) names.set(f.id, f.name);
  }
  return rows.map((r) => ({ ...r, districtName: names.get(r.cooperative.id) ?? null }));
}
