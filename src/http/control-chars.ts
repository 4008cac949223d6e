import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.js';

/**
 * One guard for every request: text may not carry NUL or other control characters (C0 except tab,
 * line feed and carriage return, DEL, and the C1 range). PostgreSQL cannot store NUL at all (the
 * request would end in a 500) and SQLite would store what no screen, PDF or spreadsheet shows.
 * Checked on the parsed JSON body (values and keys), the query string and the path parameters,
 * before the route's schema, so no route can forget it. Binary bodies (files) are not text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const MESSAGE = 'Teks tidak boleh berisi karakter kendali (mis. NUL). Hapus karakter tersebut lalu kirim lagi.';

/** The path of the first string (or key) with a control character, or null. */
export function findControlChar(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlChar(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (CONTROL.test(k)) return [...path, k.replace(new RegExp(CONTROL.source, 'g'), '?')];
    const found = findControlChar(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

export function installControlCharGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const path = findControlChar(value);
      if (path) {
        const key = path.join('.') || (part === 'body' ? '_' : part);
        throw new AppError('VALIDATION', MESSAGE, { [key]: 'Berisi karakter kendali yang tidak diizinkan.' });
      }
    }
  });
}
