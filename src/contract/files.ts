import { z } from 'zod';

/**
 * Files in the contract: responses that are a file (PDF, XLSX, CSV, images, iCalendar) and requests
 * whose body is the raw file (photos, documents, upload chunks, imports). In the OpenAPI document they
 * appear as `type: string, format: binary` under their media types; the route sends or receives bytes.
 */

export const MEDIA = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  ics: 'text/calendar',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  octets: 'application/octet-stream',
} as const;

/** The bytes of a file: a Buffer, a string (CSV, iCalendar) or a stream; documented as a binary string. */
export const fileBytes = z
  .custom<Buffer | string | NodeJS.ReadableStream>(() => true)
  .meta({ type: 'string', format: 'binary' });

/** A response that is a file of one of `types`: `response: { 200: file(MEDIA.pdf) }`. */
export const file = (...types: readonly string[]) => ({
  description: `Berkas (${types.join(', ')}).`,
  content: Object.fromEntries(types.map((t) => [t, { schema: fileBytes }])) as Record<
    string,
    { schema: typeof fileBytes }
  >,
});

/**
 * A request whose body is the raw file: spread into a route's schema as `...rawBody(types)`. The
 * route's content-type parsers read the bytes; the use case checks what they are (type sniffing,
 * size), so any body passes this schema and the use case answers in Indonesian when it is wrong.
 */
export const rawBody = (types: readonly string[]) => ({
  body: z
    .custom<Buffer>(() => true)
    .meta({ type: 'string', format: 'binary', description: `Isi berkas mentah (${types.join(', ')}).` }),
  consumes: [...types],
});
