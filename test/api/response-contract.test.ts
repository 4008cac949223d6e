import Fastify from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentDetailOut, assessmentPageOut, assessmentResultOut } from '../../src/contract/assessments.js';
import { dashboardOut } from '../../src/contract/dashboard.js';
import { installContract } from '../../src/http/contract.js';
import { errorHandler } from '../../src/http/errors.js';
import { type Api, startApi } from './harness.js';

/**
 * Responses are checked against the contract when they are sent (src/http/contract.ts, installed by
 * the server): a use case whose answer drifts from its schema fails the request, so the API test of
 * that route fails instead of the web app reading a field that is not there.
 */
describe('responses follow the contract', () => {
  it('refuses to send a response that drifted from its schema (500, never the drifted body)', async () => {
    const app = Fastify({ logger: false });
    installContract(app);
    app.setErrorHandler(errorHandler);
    const routes: FastifyPluginAsyncZod = async (r) => {
      const drifted = {
        rubric: 'ksp-2016',
        rubricVersion: 1,
        total: '80',
        category: null,
        complete: true,
        aspects: [],
        derived: {},
        provisionalUsed: [],
        notComputable: [],
        notApplicable: [],
      };
      r.get('/drifted', { schema: { response: { 200: assessmentResultOut } } }, async () => drifted as never);
      r.get(
        '/renamed',
        { schema: { response: { 200: assessmentResultOut } } },
        async () => ({ ...drifted, total: 80, aspects: undefined, aspectList: [] }) as never,
      );
      r.get('/ok', { schema: { response: { 200: assessmentResultOut } } }, async () => ({ ...drifted, total: 80 }));
    };
    await app.register(routes);
    for (const url of ['/drifted', '/renamed']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
      expect(res.body).not.toContain('ksp-2016');
    }
    const ok = await app.inject({ url: '/ok' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ total: 80, rubric: 'ksp-2016' });
    await app.close();
  });

  describe('on the real server', () => {
    let api: Api;
    let admin: string;
    beforeAll(async () => {
      api = await startApi('sqlite');
      admin = await api.login('admin');
    });
    afterAll(async () => api?.close());

    it('serves the dashboard exactly as the contract states it (the schema parses the body strictly)', async () => {
      const res = await api.req({ method: 'GET', url: '/api/v1/dashboard?year=2025', cookie: admin });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // Strict at every level of the top: nothing is sent that the contract does not name.
      expect(dashboardOut.strict().parse(body)).toEqual(body);
    });

    it('serves demo assessments that the contract parses, result and all', async () => {
      const list = await api.req({ method: 'GET', url: '/api/v1/assessments?status=FINAL&pageSize=5', cookie: admin });
      expect(list.statusCode).toBe(200);
      expect(assessmentPageOut.strict().parse(list.json())).toEqual(list.json());
      const items = assessmentPageOut.parse(list.json()).items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const res = await api.req({ method: 'GET', url: `/api/v1/assessments/${item.id}`, cookie: admin });
        expect(res.statusCode).toBe(200);
        const body = assessmentDetailOut.strict().parse(res.json());
        expect(body).toEqual(res.json());
        expect(body.result?.aspects.length).toBeGreaterThan(0);
      }
    });
  });
});
