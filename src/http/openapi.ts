import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Access } from './access.js';

/**
 * Every operation of the OpenAPI document documents its errors, in the one shape `errors.ts`
 * sends (`{"error":{"code","message","fields"?}}`), from what the route declares: a route with
 * input can answer 400, a route behind a login 401 and 403, a route with an id 404, a write 409,
 * and any route 500 (with a correlation id, never a stack trace). Declared once here, so no route
 * can forget it; a route that documents a status itself keeps its own.
 */
const ERROR_BODY = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description:
            'Kode stabil: VALIDATION, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, INTERNAL, …',
        },
        message: { type: 'string', description: 'Pesan dalam Bahasa Indonesia untuk pengguna.' },
        fields: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Pesan per kolom yang salah.',
        },
      },
    },
  },
} as const;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Data yang dikirim belum benar (VALIDATION).',
  401: 'Belum masuk atau sesi berakhir (UNAUTHENTICATED).',
  403: 'Peran atau data ini tidak boleh diakses (FORBIDDEN, PASSWORD_CHANGE_REQUIRED).',
  404: 'Data tidak ditemukan (NOT_FOUND).',
  409: 'Bentrok dengan keadaan data saat ini, mis. versi sudah berubah (CONFLICT).',
  500: 'Kesalahan tak terduga (INTERNAL); pesannya memuat kode rujukan yang juga tercatat di log server.',
};

const error = (status: number) => ({
  description: DESCRIPTIONS[status],
  content: { 'application/json': { schema: ERROR_BODY } },
});

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0] & {
  route?: { method: string | string[]; config?: { access?: Access } };
};

export const openApiTransform: NonNullable<FastifyDynamicSwaggerOptions['transform']> = (args) => {
  const { route } = args as TransformArgs;
  const out = jsonSchemaTransform(args as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = out.schema as Record<string, unknown> & { response?: Record<string, unknown> };
  if (!route || !args.url.startsWith('/api/v1')) return out;
  const methods = [route.method].flat();
  const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
  const statuses = new Set<number>([500]);
  if (schema.body || schema.querystring || schema.params || writes) statuses.add(400);
  if (route.config?.access !== 'public') statuses.add(401).add(403);
  if (schema.params) statuses.add(404);
  if (writes) statuses.add(409);
  const response = { ...(schema.response ?? {}) };
  for (const status of [...statuses].sort()) response[String(status)] ??= error(status);
  return { ...out, schema: { ...schema, response } };
};
