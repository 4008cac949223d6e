/**
 * The one error type of Sambang. `message` is Indonesian and shown to users as is.
 * Mapped to HTTP in exactly one place (src/http/errors.ts).
 */
export type ErrorCode =
  /** No valid session. */
  | 'UNAUTHENTICATED'
  /** The account must change its generated password before doing anything else. */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** Logged in, but the role or the record does not allow it. */
  | 'FORBIDDEN'
  /** The record does not exist (or is not visible to this actor). */
  | 'NOT_FOUND'
  /** The input breaks a rule; `fields` names each bad field. */
  | 'VALIDATION'
  /** The input collides with stored data (duplicate NIK, stale version). */
  | 'CONFLICT'
  /** Too many failed attempts; try later. */
  | 'TOO_MANY_REQUESTS';

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} tidak ditemukan.`);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.') =>
  new AppError('FORBIDDEN', message);
export const invalid = (
  fields: Record<string, string>,
  message = 'Data yang dikirim belum benar. Periksa kolom yang ditandai.',
) => new AppError('VALIDATION', message, fields);
