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
        | { parameters?: unknown[]; requestBody?: unknown; responses?: Record<string, { content?: Record<string, { schema?: { required?: string[] } }> }> }
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
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const missing = api.app.apiRoutes
      .filter((r) => r.url.startsWith('/api/v1'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });
});
