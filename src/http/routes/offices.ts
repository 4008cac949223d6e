import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import {
  createOffice,
  currentOffice,
  listOffices,
  officeLogo,
  setOfficeLogo,
  updateOffice,
} from '../../app/offices/offices.js';
import { OFFICE_LEVELS } from '../../domain/documents/codes.js';
import { notFound } from '../../domain/errors.js';
import { ADMIN, EVERYONE, requireActor, STAFF } from '../access.js';
import { idParams } from '../schemas.js';
import { file, MEDIA, rawBody } from '../../contract/files.js';

import { officeOut } from '../../contract/offices.js';

const tags = ['kantor'];

const text = (max: number) => z.string().trim().min(2, 'Minimal 2 karakter.').max(max);
const optionalText = (max: number) => z.union([z.string().trim().max(max), z.null()]).optional();
const profile = {
  name: text(160),
  shortName: text(60),
  government: text(160),
  address: text(300),
  city: text(80),
  phone: optionalText(60),
  email: optionalText(120),
  website: optionalText(160),
  headName: optionalText(160),
  headNip: optionalText(30),
  headRank: optionalText(80),
  headPosition: optionalText(120),
  legalBasis: z.array(z.string().trim().min(5).max(500)).max(12).optional(),
  /** The map extent coordinates must fall in (null: unchecked). */
  bbox: z
    .union([
      z.strictObject({
        minLat: z.number().min(-90).max(90),
        maxLat: z.number().min(-90).max(90),
        minLng: z.number().min(-180).max(180),
        maxLng: z.number().min(-180).max(180),
      }),
      z.null(),
    ])
    .optional(),
};

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
        schema: { tags, summary: 'Daftar kantor (Dinas)', response: { 200: z.object({ items: z.array(officeOut) }) } },
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
          body: z.strictObject({
            level: z.enum(OFFICE_LEVELS),
            regionCode: z.union([z.string().max(10), z.null()]).optional(),
            ...profile,
          }),
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
          body: z
            .strictObject({
              name: profile.name.optional(),
              shortName: profile.shortName.optional(),
              government: profile.government.optional(),
              address: profile.address.optional(),
              city: profile.city.optional(),
              phone: profile.phone,
              email: profile.email,
              website: profile.website,
              headName: profile.headName,
              headNip: profile.headNip,
              headRank: profile.headRank,
              headPosition: profile.headPosition,
              legalBasis: profile.legalBasis,
              bbox: profile.bbox,
              version: z.number().int().optional(),
            })
            .refine((b) => Object.keys(b).length > 0, 'Tidak ada kolom yang diubah.'),
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
