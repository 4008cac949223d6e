import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, startApi } from './harness.js';

/**
 * The served OpenAPI document is what other Dinas systems build on: an independent validator
 * (swagger-parser, not the library that generated it) must accept it, and every registered API
 * route must appear in it.
 */
describe('the served OpenAPI document', () => {
  let api: Api;
  let doc: Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    api = await startApi('sqlite', { demo: false });
    const res = await api.req({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => api?.close());

  it('passes an independent OpenAPI validator', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('documents the errors of every operation in the shared error shape', () => {
    const gaps: string[] = [];
    for (const route of api.app.apiRoutes.filter((r) => r.url.startsWith('/api/v1'))) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()] as
        | {
            parameters?: unknown[];
            requestBody?: unknown;
            responses?: Record<string, { content?: Record<string, { schema?: { required?: string[] } }> }>;
          }
        | undefined;
      const takesInput = Boolean(op?.parameters?.length || op?.requestBody) || route.method !== 'GET';
      const expected = ['500', ...(takesInput ? ['400'] : []), ...(route.access === 'public' ? [] : ['401', '403'])];
      for (const status of expected) {
        const body = op?.responses?.[status]?.content?.['application/json']?.schema;
        if (!body?.required?.includes('error')) gaps.push(`${route.method} ${route.url} ${status}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('documents every registered API route', () => {
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const missing = api.app.apiRoutes
      .filter((r) => r.url.startsWith('/api/v1'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  type Schema = {
    type?: string;
    properties?: object;
    additionalProperties?: unknown;
    anyOf?: unknown[];
    oneOf?: unknown[];
    allOf?: unknown[];
    $ref?: string;
    format?: string;
  };
  type Op = {
    requestBody?: { content?: Record<string, { schema?: Schema }> };
    responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op: op as Op })),
    );
  /** `{}` or an object that says nothing of its fields (z.record(z.string(), z.unknown())). */
  const untyped = (s: Schema | undefined) => {
    if (!s || (!s.type && !s.anyOf && !s.oneOf && !s.allOf && !s.$ref)) return true;
    const extra = s.additionalProperties;
    return (
      s.type === 'object' &&
      !s.properties &&
      (extra === undefined ||
        extra === true ||
        (typeof extra === 'object' && extra !== null && Object.keys(extra).length === 0))
    );
  };

  it('types every successful JSON response (no empty schema, no record of unknowns)', () => {
    const bad: string[] = [];
    for (const { key, op } of operations()) {
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (!ok.length) bad.push(`${key}: no 2xx response`);
      for (const [status, res] of ok) {
        if (!res.content) bad.push(`${key} ${status}: no content`);
        for (const [type, media] of Object.entries(res.content ?? {}))
          if (type.includes('json') && untyped(media.schema)) bad.push(`${key} ${status}: untyped`);
      }
    }
    expect(bad).toEqual([]);
  });

  /** Routes that answer with a file, and the media types they must declare. */
  const FILES: [RegExp, string[]][] = [
    [/\.pdf$|\/file\.pdf$/, ['application/pdf']],
    [/\.xlsx$/, ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
    [/\.csv$/, ['text/csv']],
    [/^\/api\/v1\/calendar\//, ['text/calendar']],
    [/^\/api\/v1\/photos\/\{id\}(\/thumbnail)?$/, ['image/jpeg', 'image/png', 'image/webp']],
    [/^\/api\/v1\/offices\/\{id\}\/logo$/, ['image/png', 'image/jpeg']],
    [/^\/api\/v1\/documents\/files\//, ['application/pdf', 'image/jpeg', 'image/png']],
    [
      /^\/api\/v1\/jobs\/\{id\}\/download$/,
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
    ],
  ];

  it('declares the media type of every file it sends, as a binary string', () => {
    const bad: string[] = [];
    let files = 0;
    for (const { key, path, op } of operations()) {
      if (!key.startsWith('GET ')) continue;
      const expected = FILES.find(([re]) => re.test(path))?.[1];
      const content = op.responses?.['200']?.content ?? {};
      if (!expected) {
        if (!content['application/json']) bad.push(`${key}: neither JSON nor a known file`);
        continue;
      }
      files++;
      for (const type of expected) {
        if (content[type]?.schema?.format !== 'binary') bad.push(`${key}: ${type} not declared as binary`);
      }
      if (content['application/json']) bad.push(`${key}: a file documented as JSON`);
    }
    expect(bad).toEqual([]);
    expect(files).toBeGreaterThanOrEqual(24);
  });

  /** Routes whose request body is the raw file, and a media type each must accept. */
  const UPLOADS: Record<string, string> = {
    'POST /api/v1/visits/{id}/photos': 'image/jpeg',
    'POST /api/v1/follow-ups/{id}/photos': 'image/jpeg',
    'PUT /api/v1/uploads/{id}': 'application/octet-stream',
    'POST /api/v1/cooperatives/import/check': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'POST /api/v1/cooperatives/import': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'POST /api/v1/figures/import/check': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'POST /api/v1/figures/import': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'POST /api/v1/cooperatives/{id}/statements/{fiscalYear}/xlsx':
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'PUT /api/v1/offices/{id}/logo': 'image/png',
    'POST /api/v1/cooperatives/{id}/documents': 'application/pdf',
    'POST /api/v1/public/verify/{code}': 'application/pdf',
  };

  it('documents the request body of every raw upload as a binary string of its media types', () => {
    const ops = new Map(operations().map((o) => [o.key, o.op]));
    const bad = Object.entries(UPLOADS)
      .filter(([key, type]) => ops.get(key)?.requestBody?.content?.[type]?.schema?.format !== 'binary')
      .map(([key, type]) => `${key}: ${type}`);
    expect(bad).toEqual([]);
    // Every other write either takes JSON or takes nothing: no body is documented as something else.
    const other = operations().filter(
      ({ key, op }) => !(key in UPLOADS) && op.requestBody && !op.requestBody.content?.['application/json'],
    );
    expect(other.map((o) => o.key)).toEqual([]);
  });
});
