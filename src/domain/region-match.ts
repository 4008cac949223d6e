/**
 * Matching what a clerk typed in a "code" column against the regions it may name: the code itself,
 * or a name that matches exactly one region (case, spacing and a "Kec."/"Desa" prefix ignored).
 * When nothing matches, the nearest name (a small typo away) is offered as a suggestion.
 */
export interface Region {
  code: string;
  name: string;
}
export type RegionMatch = { ok: true; code: string } | { ok: false; ambiguous: Region[]; suggestion: Region | null };

export function normaliseRegionName(s: string): string {
  return s
    .toLowerCase()
    .replace(/^(kec\.?|kecamatan|desa|kel\.?|kelurahan)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function matchRegion(typed: string, regions: readonly Region[]): RegionMatch {
  const raw = typed.trim();
  const byCode = regions.find((r) => r.code === raw);
  if (byCode) return { ok: true, code: byCode.code };
  const want = normaliseRegionName(raw);
  if (!want) return { ok: false, ambiguous: [], suggestion: null };
  const same = regions.filter((r) => normaliseRegionName(r.name) === want);
  if (same.length === 1) return { ok: true, code: same[0]!.code };
  if (same.length > 1) return { ok: false, ambiguous: same, suggestion: null };
  let best: Region | null = null;
  let bestDistance = Infinity;
  for (const r of regions) {
    const d = distance(want, normaliseRegionName(r.name));
    if (d < bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  // A typo or two, relative to the name's length; never a wild guess.
  const allowed = want.length <= 4 ? 1 : want.length <= 8 ? 2 : 3;
  return { ok: false, ambiguous: [], suggestion: best && bestDistance <= allowed ? best : null };
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
