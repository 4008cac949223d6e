import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors.js';

/** The one place where errors become HTTP responses: `{"error":{"code","message","fields"?}}`. */

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

interface Body {
  error: { code: string; message: string; fields?: Record<string, string> };
}

function send(reply: FastifyReply, status: number, body: Body) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** zod issues → {field path: message}; an unknown key is reported on the key itself. */
function fieldsOf(items: ValidationItem[], context: string | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const item of items) {
    const base = item.instancePath?.split('/').filter(Boolean) ?? [];
    if (item.keyword === 'unrecognized_keys' && item.params?.keys) {
      for (const k of item.params.keys) fields[[...base, k].join('.')] = 'Kolom tidak dikenal.';
      continue;
    }
    const key = base.join('.') || (context === 'body' ? '_' : (context ?? '_'));
    fields[key] ??= item.message ?? 'Tidak valid.';
  }
  return fields;
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION', 'Isi permintaan bukan JSON yang valid.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION', 'Isi permintaan kosong; kirim objek JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'Isi permintaan terlalu besar.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Jenis isi permintaan tidak didukung; gunakan application/json.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION', 'Panjang isi permintaan tidak sesuai.'],
  FST_ERR_BAD_URL: [400, 'VALIDATION', 'Alamat permintaan tidak valid.'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'VALIDATION', 'Alamat permintaan terlalu panjang.'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'VALIDATION', 'Permintaan tidak valid.'],
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return send(reply, STATUS[error.code], {
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldsOf(error.validation as ValidationItem[], error.validationContext);
    const where =
      error.validationContext === 'querystring'
        ? 'Parameter pencarian'
        : error.validationContext === 'params'
          ? 'Alamat'
          : 'Data';
    return send(reply, 400, {
      error: { code: 'VALIDATION', message: `${where} yang dikirim belum benar. Periksa kolom yang ditandai.`, fields },
    });
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return send(reply, known[0], { error: { code: known[1], message: known[2] } });
  if (error.statusCode === 429) {
    return send(reply, 429, {
      error: { code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.' },
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, {
      error: { code: 'BAD_REQUEST', message: 'Permintaan tidak dapat diproses.' },
    });
  }
  const correlationId = randomUUID().slice(0, 8);
  request.log.error({ err: error, correlationId }, 'unexpected error');
  return send(reply, 500, {
    error: {
      code: 'INTERNAL',
      message: `Terjadi kesalahan pada server. Sampaikan kode ${correlationId} kepada admin.`,
    },
  });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, {
    error: { code: 'NOT_FOUND', message: `Alamat ${request.method} ${request.url.split('?')[0]} tidak ditemukan.` },
  });
}
