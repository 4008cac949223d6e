import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from '../unit/rubrics/fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * Issue 16: the audit event of every delete carries the full before-image (`deletedRecord`), so a
 * deleted record can be rebuilt from the audit log alone. Each case deletes through the API, puts
 * the row from the audit back with a plain insert, and reads it back exactly as before.
 */
describe.each(DB_KINDS)('deleted records rebuilt from the audit log on %s', (kind) => {
  let api: Api;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind);
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());

  const call = (method: string, url: string, body?: unknown) =>
    api.req({ method, url, cookie: admin, ...(body !== undefined ? { body } : {}) });

  async function rebuildFromAudit(action: string, entityId?: string): Promise<void> {
    const log = (await call('GET', `/api/v1/audit?action=${action}&pageSize=5`)).json();
    const event = log.items.find((e: { entityId: string }) => !entityId || e.entityId === entityId);
    expect(event, action).toBeDefined();
    const { table, row } = event.changes.deletedRecord.before as { table: string; row: Record<string, unknown> };
    await api.deps.db.kysely
      .insertInto(table as 'financial_statements')
      .values(row as never)
      .execute();
  }

  it('a deleted financial statement keeps all its lines', async () => {
    const lines = { ...WORKED_EXAMPLE.financials };
    expect(Object.keys(lines).length).toBeGreaterThan(10);
    expect((await call('PUT', `/api/v1/cooperatives/${DEWI_ID}/statements/2016`, { lines })).statusCode).toBe(200);
    const before = (await call('GET', `/api/v1/cooperatives/${DEWI_ID}/statements`))
      .json()
      .items.find((s: { fiscalYear: number }) => s.fiscalYear === 2016);
    expect((await call('DELETE', `/api/v1/cooperatives/${DEWI_ID}/statements/2016`)).statusCode).toBe(200);
    expect(
      (await call('GET', `/api/v1/cooperatives/${DEWI_ID}/statements`))
        .json()
        .items.some((s: { fiscalYear: number }) => s.fiscalYear === 2016),
    ).toBe(false);
    await rebuildFromAudit('statement.delete', before.id);
    const after = (await call('GET', `/api/v1/cooperatives/${DEWI_ID}/statements`))
      .json()
      .items.find((s: { fiscalYear: number }) => s.fiscalYear === 2016);
    expect(after).toEqual(before);
  });

  it('deleted yearly figures keep every figure', async () => {
    const figures = {
      assets: 123_456_789,
      ownCapital: 50_000_000,
      externalCapital: 10_000_000,
      businessVolume: 99_000_000,
      shu: 4_500_000,
      membersMale: 40,
      membersFemale: 61,
    };
    const put = await call('PUT', `/api/v1/cooperatives/${DEWI_ID}/figures/2015`, figures);
    expect(put.statusCode, put.body).toBe(200);
    const read = async () =>
      (await call('GET', `/api/v1/cooperatives/${DEWI_ID}/figures`))
        .json()
        .items.find((f: { fiscalYear: number }) => f.fiscalYear === 2015);
    const before = await read();
    expect(before).toMatchObject(figures);
    expect((await call('DELETE', `/api/v1/cooperatives/${DEWI_ID}/figures/2015`)).statusCode).toBe(200);
    expect(await read()).toBeUndefined();
    await rebuildFromAudit('figures.delete', `${DEWI_ID}:2015`);
    expect(await read()).toEqual(before);
  });

  it('a deleted business unit keeps every field', async () => {
    const created = await call('POST', `/api/v1/cooperatives/${DEWI_ID}/business-units`, {
      name: 'Toko Uji Audit',
      sector: 'TOKO',
      turnover: 7_500_000,
      employees: 3,
      needs: 'Etalase baru',
      permits: { nib: '1234567890123' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const read = async () =>
      (await call('GET', `/api/v1/cooperatives/${DEWI_ID}/business-units`))
        .json()
        .items.find((u: { id: string }) => u.id === id);
    const before = await read();
    expect((await call('DELETE', `/api/v1/cooperatives/${DEWI_ID}/business-units/${id}`)).statusCode).toBe(200);
    expect(await read()).toBeUndefined();
    await rebuildFromAudit('business_unit.delete', id);
    expect(await read()).toEqual(before);
  });

  it('a deleted draft assessment keeps its inputs', async () => {
    const created = await call('POST', `/api/v1/cooperatives/${DEWI_ID}/assessments`, {
      fiscalYear: 2014,
      rubric: 'ksp-2016',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await call('PATCH', `/api/v1/assessments/${id}`, { inputs: WORKED_EXAMPLE })).statusCode).toBe(200);
    const before = (await call('GET', `/api/v1/assessments/${id}`)).json();
    expect((await call('DELETE', `/api/v1/assessments/${id}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/assessments/${id}`)).statusCode).toBe(404);
    await rebuildFromAudit('assessment.delete', id);
    expect((await call('GET', `/api/v1/assessments/${id}`)).json()).toEqual(before);
  });
});
