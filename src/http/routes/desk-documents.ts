import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { listDocuments, readDocumentFile, removeDocument, uploadDocument } from '../../app/desk/documents.js';
import { startDocumentUpload } from '../../app/sync/uploads.js';
import { DOCUMENT_TYPES } from '../../app/files/sniff.js';
import { AppError } from '../../domain/errors.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor } from '../access.js';
import { errorHandler } from '../errors.js';
import { idParams } from '../../contract/common.js';
import {
  DOCUMENT_MEDIA,
  documentFileParams,
  documentListOut,
  documentListQuery,
  documentOut,
  documentRemoveBody,
  documentRemoveParams,
  documentUploadOut,
  documentUploadQuery,
  documentUploadStartBody,
} from '../../contract/desk.js';
import { file, rawBody } from '../../contract/files.js';

const tags = ['dokumen koperasi'];
/** Bodies up to this size reach the use case, which explains a file over 20 MB in Indonesian. */
const PARSE_LIMIT = 24 * 1024 * 1024;

function fileErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return errorHandler(
      new AppError('VALIDATION', 'Dokumen terlalu besar.', {
        file: 'Ukuran berkas maksimal 20 MB.',
      }) as unknown as FastifyError,
      request,
      reply,
    );
  }
  return errorHandler(error, request, reply);
}

const WRITE_ACCESS = COOPERATIVE_WRITERS;

/** The cooperative's document shelf: raw-body upload, list, file by id, removal with a reason. */
export const documentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Files arrive as the raw body; any other type is read too, so the answer can say what is wrong.
    for (const type of [...Object.keys(DOCUMENT_TYPES), 'application/octet-stream', '*']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PARSE_LIMIT }, (_request, body, done) =>
        done(null, body),
      );
    }

    app.post(
      '/api/v1/cooperatives/:id/documents',
      {
        config: { access: WRITE_ACCESS },
        bodyLimit: PARSE_LIMIT,
        errorHandler: fileErrors,
        schema: {
          tags,
          summary:
            'Unggah dokumen koperasi (isi permintaan: PDF, JPEG, PNG, XLSX atau DOCX, maks. 20 MB; jenis diperiksa dari isinya)',
          params: idParams,
          querystring: documentUploadQuery,
          ...rawBody(DOCUMENT_MEDIA),
          response: { 201: documentOut },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const doc = await uploadDocument(deps, requireActor(request), request.params.id, {
          kind: q.kind,
          fiscalYear: q.fiscalYear ?? null,
          title: q.title || null,
          replaces: q.replaces ?? null,
          declaredType: request.headers['content-type'],
          bytes: request.body,
        });
        return reply.status(201).send(doc);
      },
    );
  };

export const documentReadRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cooperatives/:id/documents',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Rak dokumen koperasi (versi berlaku; history=1 untuk semua versi)',
          params: idParams,
          querystring: documentListQuery,
          response: { 200: documentListOut },
        },
      },
      async (request) => ({
        items: await listDocuments(deps, requireActor(request), request.params.id, {
          history: request.query.history === '1',
        }),
      }),
    );

    app.get(
      '/api/v1/documents/files/:fileId',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Berkas satu versi dokumen koperasi',
          params: documentFileParams,
          response: { 200: file(...DOCUMENT_MEDIA) },
        },
      },
      async (request, reply) => {
        const { doc, bytes } = await readDocumentFile(deps, requireActor(request), request.params.fileId);
        const name = `${doc.title.replace(/[^\w .-]+/g, '_')}.${DOCUMENT_TYPES[doc.contentType as keyof typeof DOCUMENT_TYPES] ?? 'bin'}`;
        const inline = doc.contentType === 'application/pdf' || doc.contentType.startsWith('image/');
        return reply
          .type(doc.contentType)
          .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
          .header('cache-control', 'private, max-age=86400, immutable')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );

    app.post(
      '/api/v1/cooperatives/:id/documents/uploads',
      {
        config: { access: WRITE_ACCESS },
        schema: {
          tags,
          summary:
            'Mulai (atau lanjutkan) unggahan dokumen bertahap; potongan dikirim lewat PUT /api/v1/uploads/{id}, seperti foto',
          params: idParams,
          body: documentUploadStartBody,
          response: { 200: documentUploadOut },
        },
      },
      async (request) => {
        const b = request.body;
        const state = await startDocumentUpload(deps, requireActor(request), {
          id: b.id,
          cooperativeId: request.params.id,
          size: b.size,
          contentType: b.contentType ?? 'application/octet-stream',
          kind: b.kind,
          fiscalYear: b.fiscalYear ?? null,
          title: b.title || null,
          replaces: b.replaces ?? null,
        });
        return { ...state, document: state.document ?? null };
      },
    );

    app.post(
      '/api/v1/cooperatives/:id/documents/:documentId/remove',
      {
        config: { access: WRITE_ACCESS },
        schema: {
          tags,
          summary: 'Tarik dokumen dari rak (dengan alasan; berkas tetap tersimpan untuk jejak)',
          params: documentRemoveParams,
          body: documentRemoveBody,
          response: { 200: documentOut },
        },
      },
      async (request) =>
        removeDocument(deps, requireActor(request), request.params.id, request.params.documentId, request.body.reason),
    );
  };
