import { AppError } from '../../domain/errors.js';

/** Helpers every use case may share: optimistic versions, JSON columns, PATCH bodies. */

/** The version the editor started from; a stale one is a CONFLICT, never a silent overwrite (issue 6 relies on it). */
export function checkVersion(expected: number | undefined, current: number, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'CONFLICT',
      `${what} sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.`,
      {
        version: `Versi Anda ${expected}, versi di server ${current}.`,
      },
    );
  }
}

/** After `update … where version = current`: no row means someone else wrote first. */
export function assertWritten(result: { numUpdatedRows: bigint | number }, what: string): void {
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', `${what} baru saja diubah orang lain. Muat ulang lalu ulangi perubahan Anda.`);
  }
}

export function jsonOf<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}

/** Drops keys whose value is undefined (a PATCH names only what it touches). */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
