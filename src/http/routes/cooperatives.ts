import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { file, MEDIA } from '../../contract/files.js';
import { cooperativeTimeline } from '../../app/audit/list-audit.js';
import type { AppDeps } from '../../app/context.js';
import {
  createBusinessUnit,
  deleteBusinessUnit,
  listBusinessUnits,
  updateBusinessUnit,
} from '../../app/cooperatives/business-units.js';
import { createCooperative } from '../../app/cooperatives/create-cooperative.js';
import { dissolveCooperative } from '../../app/cooperatives/dissolve-cooperative.js';
import { transferCooperative } from '../../app/cooperatives/transfer-cooperative.js';
import { exportCooperativesCsv, exportCooperativesXlsx } from '../../app/cooperatives/export-cooperatives.js';
import { getCooperative } from '../../app/cooperatives/get-cooperative.js';
import { COOPERATIVE_SORTS, listCooperatives } from '../../app/cooperatives/list-cooperatives.js';
import { updateCooperative } from '../../app/cooperatives/update-cooperative.js';
import { deleteYearlyFigures, listYearlyFigures, putYearlyFigures } from '../../app/cooperatives/yearly-figures.js';
import { AUTHORITY_LEVELS, COOP_GROUPS, COOP_STATUSES, COOP_TYPES, SCHEMES } from '../../domain/codes.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { cooperativeAbilities, cooperativeListAbilities } from '../../app/policy/index.js';
import { cooperativeDetailOut, cooperativePageOut } from '../../contract/common.js';
import {
  auditEventOut,
  cooperativeOut,
  createCooperativeBody,
  figureOut,
  figuresBody,
  idParams,
  isoDate,
  okOut,
  page,
  pageOf,
  pageSize,
  unitBody,
  unitOut,
  unitPatchBody,
  updateCooperativeBody,
  uuidParam,
} from '../schemas.js';

const tags = ['koperasi'];
const WRITE_REGISTRY = WRITERS;
const fiscalYearParams = z.strictObject({
  id: uuidParam,
  fiscalYear: z.coerce
    .number()
    .int()
    .min(1945, 'Tahun buku tidak masuk akal.')
    .max(2100, 'Tahun buku tidak masuk akal.'),
});
const unitParams = z.strictObject({ id: uuidParam, unitId: uuidParam });

/** Filters of the cooperative list; exports take the same without paging. */
export const listQuery = z.strictObject({
  search: z.string().max(100).optional(),
  district: z.string().max(20).optional(),
  village: z.string().max(20).optional(),
  type: z.enum(COOP_TYPES).optional(),
  group: z.enum(COOP_GROUPS).optional(),
  status: z.enum(COOP_STATUSES).optional(),
  scheme: z.enum(SCHEMES).optional(),
  /** Issue 11: the tier supervising the cooperative (the dashboard's "Kewenangan provinsi" row drills down here). */
  authority: z.enum(AUTHORITY_LEVELS).optional(),
  /** A province ('35') or regency ('35.13') the cooperative lies in. */
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah harus kode provinsi (mis. 35) atau kabupaten/kota (mis. 35.13).')
    .optional(),
  sort: z.enum(COOPERATIVE_SORTS).optional(),
  page,
  pageSize,
});
const exportQuery = listQuery.omit({ page: true, pageSize: true });

export const cooperativeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cooperatives',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Daftar koperasi (berhalaman, dengan pencarian dan filter)',
          querystring: listQuery,
          response: { 200: cooperativePageOut },
        },
      },
      // policy: `can` of the list (additive)
      async (request) => {
        const actor = requireActor(request);
        const found = await listCooperatives(deps, actor, request.query);
        return { ...found, can: cooperativeListAbilities(actor) };
      },
    );

    app.get(
      '/api/v1/cooperatives/export.xlsx',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Unduh daftar koperasi (XLSX) dengan filter yang sama',
          querystring: exportQuery,
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) =>
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="daftar-koperasi.xlsx"')
          .send(await exportCooperativesXlsx(deps, requireActor(request), request.query)),
    );

    app.get(
      '/api/v1/cooperatives/export.csv',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Unduh daftar koperasi (CSV, pemisah titik koma)',
          querystring: exportQuery,
          response: { 200: file(MEDIA.csv) },
        },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="daftar-koperasi.csv"')
          .send(await exportCooperativesCsv(deps, requireActor(request), request.query)),
    );

    app.post(
      '/api/v1/cooperatives',
      {
        config: { access: WRITE_REGISTRY },
        schema: { tags, summary: 'Tambah koperasi', body: createCooperativeBody, response: { 201: cooperativeOut } },
      },
      async (request, reply) =>
        reply.status(201).send(await createCooperative(deps, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/cooperatives/:id',
      // policy: `can` (additive)
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Rincian koperasi',
          params: idParams,
          response: { 200: cooperativeDetailOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const coop = await getCooperative(deps, actor, request.params.id);
        return { ...coop, can: cooperativeAbilities(actor, coop) };
      },
    );

    app.patch(
      '/api/v1/cooperatives/:id',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Ubah koperasi (pengurus: kontak dan jumlah anggota saja)',
          params: idParams,
          body: updateCooperativeBody,
          response: { 200: cooperativeOut },
        },
      },
      async (request) => updateCooperative(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/cooperatives/:id/dissolve',
      {
        config: { access: WRITE_REGISTRY },
        schema: {
          tags,
          summary: 'Bubarkan koperasi (dengan alasan; tidak menghapus data)',
          params: idParams,
          body: z.strictObject({
            reason: z.string().trim().min(5, 'Alasan minimal 5 karakter.').max(1000),
            date: isoDate.optional(),
          }),
          response: { 200: cooperativeOut },
        },
      },
      async (request) => dissolveCooperative(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/cooperatives/:id/transfer',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary:
            'Serahkan koperasi ke kantor provinsi atau nasional (wilayah keanggotaan meluas; tercatat di jejak audit)',
          description:
            'PROVINSI: ke Dinas provinsi tempat koperasi berada (dibuat dari data wilayah bila belum ada). NASIONAL: ke kantor nasional yang sudah terdaftar. Hanya ke tingkat yang lebih tinggi (409 bila tidak).',
          params: idParams,
          body: z.strictObject({
            authorityLevel: z.enum(['PROVINSI', 'NASIONAL'], 'Pilih PROVINSI atau NASIONAL.'),
            reason: z.string().trim().min(5, 'Alasan minimal 5 karakter.').max(1000),
          }),
          response: { 200: cooperativeOut },
        },
      },
      async (request) => transferCooperative(deps, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/cooperatives/:id/timeline',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Riwayat perubahan koperasi',
          params: idParams,
          querystring: z.strictObject({ page, pageSize }),
          response: { 200: pageOf(auditEventOut) },
        },
      },
      async (request) => cooperativeTimeline(deps, requireActor(request), request.params.id, request.query),
    );

    app.get(
      '/api/v1/cooperatives/:id/figures',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Data tahunan',
          params: idParams,
          response: { 200: z.object({ items: z.array(figureOut) }) },
        },
      },
      async (request) => ({ items: await listYearlyFigures(deps, requireActor(request), request.params.id) }),
    );

    app.put(
      '/api/v1/cooperatives/:id/figures/:fiscalYear',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Simpan data satu tahun buku',
          params: fiscalYearParams,
          body: figuresBody,
          response: { 200: figureOut },
        },
      },
      async (request) =>
        putYearlyFigures(deps, requireActor(request), request.params.id, request.params.fiscalYear, request.body),
    );

    app.delete(
      '/api/v1/cooperatives/:id/figures/:fiscalYear',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: { tags, summary: 'Hapus data satu tahun buku', params: fiscalYearParams, response: { 200: okOut } },
      },
      async (request) => {
        await deleteYearlyFigures(deps, requireActor(request), request.params.id, request.params.fiscalYear);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/cooperatives/:id/business-units',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Unit usaha',
          params: idParams,
          response: { 200: z.object({ items: z.array(unitOut) }) },
        },
      },
      async (request) => ({ items: await listBusinessUnits(deps, requireActor(request), request.params.id) }),
    );

    app.post(
      '/api/v1/cooperatives/:id/business-units',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: { tags, summary: 'Tambah unit usaha', params: idParams, body: unitBody, response: { 201: unitOut } },
      },
      async (request, reply) =>
        reply.status(201).send(await createBusinessUnit(deps, requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      '/api/v1/cooperatives/:id/business-units/:unitId',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Ubah unit usaha',
          params: unitParams,
          body: unitPatchBody,
          response: { 200: unitOut },
        },
      },
      async (request) => {
        const { permits, ...rest } = request.body;
        return updateBusinessUnit(deps, requireActor(request), request.params.id, request.params.unitId, {
          ...rest,
          ...(permits ? { permits: permits as { nib: string | null; pirt: string | null; halal: string | null } } : {}),
        });
      },
    );

    app.delete(
      '/api/v1/cooperatives/:id/business-units/:unitId',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: { tags, summary: 'Hapus unit usaha', params: unitParams, response: { 200: okOut } },
      },
      async (request) => {
        await deleteBusinessUnit(deps, requireActor(request), request.params.id, request.params.unitId);
        return { ok: true as const };
      },
    );
  };
