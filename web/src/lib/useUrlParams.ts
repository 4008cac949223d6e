import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Filters and page kept in the URL query string. Changing a filter resets `page`. */
export function useUrlParams<K extends string>(keys: readonly K[]) {
  const [sp, setSp] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, sp.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number.parseInt(sp.get('page') ?? '1', 10) || 1);

  const set = useCallback(
    (updates: Partial<Record<K | 'page', string | number | null>>, opts: { replace?: boolean } = {}) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          let touchedFilter = false;
          for (const [k, v] of Object.entries(updates) as [string, string | number | null | undefined][]) {
            if (k !== 'page') touchedFilter = true;
            if (v === null || v === undefined || v === '' || (k === 'page' && Number(v) <= 1)) next.delete(k);
            else next.set(k, String(v));
          }
          if (touchedFilter && !('page' in updates)) next.delete('page');
          return next;
        },
        { replace: opts.replace },
      );
    },
    [setSp],
  );

  const clear = useCallback(() => setSp(new URLSearchParams()), [setSp]);
  const activeCount = keys.filter((k) => values[k] !== '').length;
  return { values, page, set, clear, activeCount };
}
