import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { officeBrief } from '../../app/offices/offices.js';
import { REGION_SOURCE } from '../../app/regions/load-regions.js';
import {
  getRegency,
  listDistricts,
  listProvinces,
  listRegencies,
  listRegencyDistricts,
  listVillages,
} from '../../app/regions/list-regions.js';
import { officeBbox } from '../../app/offices/ownership.js';
import {
  BIDANG_LABELS,
  COOP_GROUP_LABELS,
  COOP_STATUS_LABELS,
  COOP_TYPE_LABELS,
  OFFICER_ROLE_LABELS,
  ROLE_LABELS,
  SCHEME_LABELS,
  toOptions,
  UNIT_SECTOR_LABELS,
  UNIT_STATUS_LABELS,
} from '../../domain/codes.js';
import { EVERYONE } from '../access.js';
import {
  districtParams,
  healthOut,
  metaOut,
  provinceParams,
  regencyParams,
  regionListOut,
  villageListOut,
} from '../../contract/meta.js';

export const metaRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: {
          tags: ['meta'],
          summary: 'Status layanan',
          response: { 200: healthOut },
        },
      },
      async () => {
        await deps.db.kysely.selectFrom('settings').select('key').limit(1).execute();
        return { status: 'ok' as const, database: deps.db.dialect };
      },
    );

    app.get(
      '/api/v1/meta',
      {
        config: { access: 'public' },
        schema: {
          tags: ['meta'],
          summary: 'Daftar kode dan labelnya dalam Bahasa Indonesia',
          response: {
            200: metaOut,
          },
        },
      },
      async (request) => ({
        types: toOptions(COOP_TYPE_LABELS),
        groups: toOptions(COOP_GROUP_LABELS),
        schemes: toOptions(SCHEME_LABELS),
        statuses: toOptions(COOP_STATUS_LABELS),
        officerRoles: toOptions(OFFICER_ROLE_LABELS),
        roles: toOptions(ROLE_LABELS),
        bidang: toOptions(BIDANG_LABELS),
        unitSectors: toOptions(UNIT_SECTOR_LABELS),
        unitStatuses: toOptions(UNIT_STATUS_LABELS),
        regency: await getRegency(deps),
        bbox: await officeBbox(deps.db.kysely, deps.config.bbox),
        regionSource: REGION_SOURCE,
        office: await officeBrief(deps.db.kysely, request.actor?.officeId ?? null),
      }),
    );

    app.get(
      '/api/v1/regions/provinces',
      {
        config: { access: EVERYONE },
        schema: { tags: ['wilayah'], summary: 'Semua provinsi', response: { 200: regionListOut } },
      },
      async () => ({ items: await listProvinces(deps) }),
    );

    app.get(
      '/api/v1/regions/provinces/:code/regencies',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['wilayah'],
          summary: 'Kabupaten/kota di satu provinsi',
          description: 'Kode provinsi yang tidak ada dalam data wilayah dijawab 404 "Provinsi tidak ditemukan."',
          params: provinceParams,
          response: { 200: regionListOut },
        },
      },
      async (request) => ({ items: await listRegencies(deps, request.params.code) }),
    );

    app.get(
      '/api/v1/regions/regencies/:code/districts',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['wilayah'],
          summary: 'Kecamatan di satu kabupaten/kota',
          description:
            'Kode kabupaten/kota yang tidak ada dalam data wilayah dijawab 404 "Kabupaten/kota tidak ditemukan."',
          params: regencyParams,
          response: { 200: regionListOut },
        },
      },
      async (request) => ({ items: await listRegencyDistricts(deps, request.params.code) }),
    );

    app.get(
      '/api/v1/regions/districts',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['wilayah'],
          summary: 'Kecamatan di wilayah kantor',
          description: 'Kecamatan kabupaten/kota kantor (untuk kantor provinsi: semua kecamatan di provinsinya).',
          response: { 200: regionListOut },
        },
      },
      async () => ({ items: await listDistricts(deps) }),
    );

    app.get(
      '/api/v1/regions/districts/:code/villages',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['wilayah'],
          summary: 'Desa/kelurahan di satu kecamatan',
          description: 'Kode kecamatan yang tidak ada dalam data wilayah dijawab 404 "Kecamatan tidak ditemukan."',
          params: districtParams,
          response: { 200: villageListOut },
        },
      },
      async (request) => ({ items: await listVillages(deps, request.params.code) }),
    );
  };
