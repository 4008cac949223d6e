import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants as zlib } from 'node:zlib';

/**
 * Compresses API responses above 1 KB (issue #15): a cooperative list or a dashboard is 5–20× smaller
 * in brotli, which is seconds on a 400 kbit/s link. Brotli runs at quality 4 (fast, most of the gain);
 * gzip for clients without br. Left alone:
 *  - static files: dist/web already holds .br/.gz made at build time; @fastify/static sends those with
 *    their own Content-Encoding, which this plugin sees and skips;
 *  - bodies whose type is already compressed (xlsx, pdf, images): not "compressible" in mime-db.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
