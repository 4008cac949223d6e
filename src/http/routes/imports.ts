import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import {
  checkCooperativeImport,
  cooperativeImportTemplate,
  runCooperativeImport,
} from '../../app/imports/import-cooperatives.js';
import { checkFiguresImport, figuresImportTemplate, runFiguresImport } from '../../app/imports/import-figures.js';
import { getJob } from '../../app/jobs/jobs.js';
import { importBatchAbilities } from '../../app/policy/index.js';
import { listImportBatches, undoImportBatch } from '../../app/imports/batches.js';
import { ADMIN, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams } from '../../contract/common.js';
import { file, MEDIA, rawBody } from '../../contract/files.js';
import {
  importBatchListOut,
  importBatchOut as batchOut,
  importCheckOut as checkOut,
  importRunQuery as runQuery,
} from '../../contract/imports.js';
import { jobOut } from '../../contract/jobs.js';

const XLSX = MEDIA.xlsx;

export const importRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/v1/cooperatives/import/template.xlsx',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary: 'Templat XLSX impor koperasi (dengan lembar kode)',
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (_request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="templat-impor-koperasi.xlsx"')
          .send(await cooperativeImportTemplate(deps)),
    );

    app.post(
      '/api/v1/cooperatives/import/check',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary: 'Uji coba impor koperasi: kesalahan per baris, tidak menyimpan apa pun',
          ...rawBody([MEDIA.xlsx]),
          response: { 200: checkOut },
        },
      },
      async (request) => checkCooperativeImport(deps, requireActor(request), request.body),
    );

    app.post(
      '/api/v1/cooperatives/import',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary:
            'Impor koperasi (semua atau tidak sama sekali, satu batch yang dapat dibatalkan) sebagai proses latar dengan kemajuan',
          querystring: runQuery,
          ...rawBody([MEDIA.xlsx]),
          response: { 202: jobOut },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await runCooperativeImport(deps, requireActor(request), request.body, {
            fileName: request.query.fileName ?? null,
          }),
        ),
    );

    app.get(
      '/api/v1/figures/import/template.xlsx',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary: 'Templat XLSX impor data tahunan (terisi daftar koperasi)',
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="templat-impor-data-tahunan.xlsx"')
          .send(await figuresImportTemplate(deps, requireActor(request))),
    );

    app.post(
      '/api/v1/figures/import/check',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary: 'Uji coba impor data tahunan: kesalahan per baris',
          ...rawBody([MEDIA.xlsx]),
          response: { 200: checkOut },
        },
      },
      async (request) => checkFiguresImport(deps, requireActor(request), request.body),
    );

    app.post(
      '/api/v1/figures/import',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary:
            'Impor data tahunan (semua atau tidak sama sekali; sel kosong tidak mengubah apa pun; menimpa nilai perlu overwrite=true), proses latar',
          querystring: runQuery,
          ...rawBody([MEDIA.xlsx]),
          response: { 202: jobOut },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await runFiguresImport(deps, requireActor(request), request.body, {
            overwrite: request.query.overwrite === 'true',
            fileName: request.query.fileName ?? null,
          }),
        ),
    );

    app.get(
      '/api/v1/imports',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['impor'],
          summary: 'Riwayat impor (50 terakhir), dengan batas waktu pembatalan',
          response: { 200: importBatchListOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const items = await listImportBatches(deps, actor);
        return { items: items.map((b) => ({ ...b, can: importBatchAbilities(actor, b) })) };
      },
    );

    app.post(
      '/api/v1/imports/:id/undo',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['impor'],
          summary: 'Batalkan satu impor seluruhnya (admin, dalam 7 hari, bila datanya belum diubah sesudahnya)',
          params: idParams,
          response: { 200: batchOut },
        },
      },
      async (request) => undoImportBatch(deps, requireActor(request), request.params.id),
    );

    app.get(
      '/api/v1/jobs/:id',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['impor'],
          summary: 'Kemajuan proses latar (impor/ekspor)',
          params: idParams,
          response: { 200: jobOut },
        },
      },
      async (request) => getJob(requireActor(request), request.params.id),
    );
  };
