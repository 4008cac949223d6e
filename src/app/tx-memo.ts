import type { Tx } from './context.js';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Reads that do not change inside one transaction (the first office, its area and map extent) are
 * asked once per transaction instead of once per row: an import of 20,000 cooperatives validates and
 * places every row in one transaction. Outside a transaction nothing is remembered. Only found values
 * are kept (`null`/errors are asked again), so a transaction that creates the office still sees it.
 */
export function oncePerTransaction<T>(db: Tx, key: string, load: () => Promise<T>): Promise<T> {
  if (!db.isTransaction) return load();
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const p = load();
  memo.set(key, p);
  const forget = () => memo.delete(key);
  p.then((v) => (v === null || v === undefined ? forget() : undefined), forget);
  return p;
}
