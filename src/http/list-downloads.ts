import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor } from '../app/context.js';
import { file, MEDIA } from '../contract/files.js';
import { EVERYONE, requireActor } from './access.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

/**
 * The two spreadsheet downloads of a list, `<path>.xlsx` and `<path>.csv` (semicolons, UTF-8): the
 * list's own filters without paging, the same access and summaries for every list.
 */
export function listDownloads<Q extends z.ZodType<object>>(
  app: App,
  o: {
    /** e.g. '/api/v1/concerns/export' */
    path: string;
    tags: string[];
    /** What the list holds, in the summaries: "Unduh daftar <what> (XLSX) …". */
    what: string;
    query: Q;
    /** The download's file name without its ending. */
    filename: string;
    xlsx: (actor: Actor, query: z.output<Q>) => Promise<Buffer>;
    csv: (actor: Actor, query: z.output<Q>) => Promise<string>;
  },
): void {
  const formats = [
    { ext: 'xlsx', type: MEDIA.xlsx, send: MEDIA.xlsx, make: o.xlsx, summary: '(XLSX) dengan filter yang sama' },
    {
      ext: 'csv',
      type: MEDIA.csv,
      send: `${MEDIA.csv}; charset=utf-8`,
      make: o.csv,
      summary: '(CSV, pemisah titik koma)',
    },
  ] as const;
  for (const f of formats) {
    app.get(
      `${o.path}.${f.ext}`,
      {
        config: { access: EVERYONE },
        schema: {
          tags: o.tags,
          summary: `Unduh daftar ${o.what} ${f.summary}`,
          querystring: o.query,
          response: { 200: file(f.type) },
        },
      },
      async (request, reply) =>
        reply
          .type(f.send)
          .header('content-disposition', `attachment; filename="${o.filename}.${f.ext}"`)
          .send(await f.make(requireActor(request), request.query as z.output<Q>)),
    );
  }
}
