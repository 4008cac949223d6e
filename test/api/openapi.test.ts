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
