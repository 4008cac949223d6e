import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { deletePhoto, getPhoto, uploadFollowUpPhoto, uploadVisitPhoto } from '../../app/photos/photos.js';
import { AppError } from '../../domain/errors.js';
import { PHOTO_TYPES } from '../../domain/visits/images.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { errorHandler } from '../errors.js';
import { idParams, okOut } from '../../contract/common.js';
import { photoOut, photoUploadQuery } from '../../contract/visits.js';
import { file, rawBody } from '../../contract/files.js';

const tags = ['kunjungan'];
/** Bodies up to this size reach the use case, which explains a photo over 5 MB in Indonesian. */
const PARSE_LIMIT = 8 * 1024 * 1024;

/** A body past the parse limit is still a photo problem: say so on the `file` field. */
function photoErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return errorHandler(
      new AppError('VALIDATION', 'Foto terlalu besar.', {
        file: 'Ukuran foto maksimal 5 MB. Perkecil foto lalu unggah lagi.',
      }) as unknown as FastifyError,
      request,
      reply,
    );
  }
  return errorHandler(error, request, reply);
}

const uploadSchema = (summary: string) => ({
  tags,
  summary,
  params: idParams,
  querystring: photoUploadQuery,
  ...rawBody(PHOTO_TYPES),
  response: { 200: photoOut, 201: photoOut },
});

export const photoRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Photos arrive as the raw body; any other type is read too, so the answer can say what is wrong.
    for (const type of [...PHOTO_TYPES, '*']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PARSE_LIMIT }, (_request, body, done) =>
        done(null, body),
      );
    }

    const uploads = [
      {
        path: '/api/v1/visits/:id/photos',
        access: WRITERS,
        summary: 'Unggah foto kunjungan (isi permintaan: JPEG, PNG atau WebP, maks. 5 MB)',
        upload: uploadVisitPhoto,
      },
      {
        path: '/api/v1/follow-ups/:id/photos',
        access: COOPERATIVE_WRITERS,
        summary: 'Unggah foto bukti tindak lanjut (JPEG, PNG atau WebP, maks. 5 MB)',
        upload: uploadFollowUpPhoto,
      },
    ];
    for (const u of uploads) {
      app.post(
        u.path,
        {
          config: { access: u.access },
          bodyLimit: PARSE_LIMIT,
          errorHandler: photoErrors,
          schema: uploadSchema(u.summary),
        },
        async (request, reply) => {
          const { photo, created } = await u.upload(deps, requireActor(request), request.params.id, {
            ...(request.query.id ? { id: request.query.id } : {}),
            declaredType: request.headers['content-type'],
            bytes: request.body,
            caption: request.query.caption || null,
            takenAt: request.query.takenAt ?? null,
          });
          return reply.status(created ? 201 : 200).send(photo);
        },
      );
    }

    for (const [suffix, variant, summary] of [
      ['', 'original', 'Foto (berkas asli)'],
      ['/thumbnail', 'thumbnail', 'Gambar kecil foto (saat ini berkas terkompresi dari peramban)'],
    ] as const) {
      app.get(
        `/api/v1/photos/:id${suffix}`,
        {
          config: { access: EVERYONE },
          schema: { tags, summary, params: idParams, response: { 200: file(...PHOTO_TYPES) } },
        },
        async (request, reply) => {
          const { contentType, bytes } = await getPhoto(deps, requireActor(request), request.params.id, variant);
          return reply
            .type(contentType)
            .header('cache-control', 'private, max-age=86400, immutable')
            .header('x-content-type-options', 'nosniff')
            .send(bytes);
        },
      );
    }

    app.delete(
      '/api/v1/photos/:id',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: { tags, summary: 'Hapus foto', params: idParams, response: { 200: okOut } },
      },
      async (request) => {
        await deletePhoto(deps, requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
