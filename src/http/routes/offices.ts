import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import {
  createOffice,
  currentOffice,
  listOffices,
  officeLogo,
  setOfficeLogo,
  updateOffice,
} from '../../app/offices/offices.js';
import { notFound } from '../../domain/errors.js';
import { ADMIN, EVERYONE, requireActor, STAFF } from '../access.js';
import { idParams } from '../../contract/common.js';
import { file, MEDIA, rawBody } from '../../contract/files.js';
import { createOfficeBody, officeListOut, officeOut, updateOfficeBody } from '../../contract/offices.js';

const tags = ['kantor'];

export const officeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const type of ['image/png', 'image/jpeg']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
        done(null, body),
      );
    }

    app.get(
      '/api/v1/offices',
      {
        config: { access: STAFF },
        schema: { tags, summary: 'Daftar kantor (Dinas)', response: { 200: officeListOut } },
      },
      async (request) => ({ items: await listOffices(deps, requireActor(request)) }),
    );

    app.get(
      '/api/v1/offices/current',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Profil kantor yang menerbitkan dokumen', response: { 200: officeOut } },
      },
      async (request) => currentOffice(deps.db.kysely, requireActor(request).officeId),
    );

    app.post(
      '/api/v1/offices',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Tambah kantor',
          description:
            'Tingkat KABUPATEN memerlukan kode kabupaten/kota (mis. 35.13), PROVINSI kode provinsi (mis. 35), NASIONAL tanpa kode; kode harus ada dalam data wilayah. Satu kantor per wilayah (409).',
          body: createOfficeBody,
          response: { 201: officeOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOffice(deps, requireActor(request), request.body as never)),
    );

    app.patch(
      '/api/v1/offices/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Ubah profil kantor (kop surat, kepala dinas, dasar SPT)',
          params: idParams,
          body: updateOfficeBody,
          response: { 200: officeOut },
        },
      },
      async (request) => updateOffice(deps, requireActor(request), request.params.id, request.body as never),
    );

    app.put(
      '/api/v1/offices/:id/logo',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Unggah logo kantor (PNG atau JPEG, isi permintaan)',
          params: idParams,
          ...rawBody([MEDIA.png, MEDIA.jpeg]),
          response: { 200: officeOut },
        },
      },
      async (request) =>
        setOfficeLogo(
          deps,
          requireActor(request),
          request.params.id,
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        ),
    );

    app.get(
      '/api/v1/offices/:id/logo',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Logo kantor (gambar)',
          params: idParams,
          response: { 200: file(MEDIA.png, MEDIA.jpeg) },
        },
      },
      async (request, reply) => {
        const logo = await officeLogo(deps, request.params.id);
        if (!logo) throw notFound('Logo kantor');
        return reply.type(logo.type).header('cache-control', 'no-cache').send(logo.bytes);
      },
    );
  };
