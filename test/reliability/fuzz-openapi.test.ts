import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Api, DB_KINDS, DEMO, DEWI_ID, startApi } from '../api/harness.js';

/**
 * Reliability suite (issue 16, 5a): every operation of the served OpenAPI document, read at run
 * time (a new route is covered without touching this file), is called with hostile values — NUL,
 * huge strings, wrong types, negative and huge numbers, odd Unicode, SQL and HTML payloads,
 * malformed JSON — in each path parameter, query parameter and body property, and with hostile
 * whole bodies, as admin and as a koperasi user. Nothing may answer 5xx; every refusal carries the
 * shared error shape; and a refused state-changing request leaves every table's row count as it was
 * (no half record, no audit entry for nothing). Bounded in time: cases run round-robin over the
 * operations until every case ran or the budget is spent, so every operation gets its share.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 45_000);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
  additionalProperties?: boolean | Schema;
};
interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema: Schema;
  required?: boolean;
}
interface Operation {
  method: string;
  path: string;
  params: Param[];
  body: Schema | null;
}

const HUGE = 'x'.repeat(200_000);
/** Values that must never crash anything, in any position. */
const HOSTILE: unknown[] = [
  '\u0000',
  'a\u0000b',
  HUGE,
  '',
  ' ',
  '\u202e\u0645\ud83d\ude00\u200d',
  '\ud800',
  'I\u0307\u0130\u1e9e',
  'Ｆｕｌｌｗｉｄｔｈ１２３',
  "'; drop table cooperatives; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '../../../etc/passwd',
  '%00',
  '${7*7}',
  '1e309',
  '0x10',
  '-0',
  '2024-02-30',
  '9999-99-99T99:99:99Z',
  'null',
  -1,
  0,
  -2147483649,
  2 ** 53 + 1,
  1e308,
  -1e308,
  1.5,
  true,
  false,
  null,
  [],
  {},
  [null],
  { a: { b: { c: [1, '2'] } } },
  Array.from({ length: 2000 }, (_, i) => i),
];
/** `n` hostile values starting at `offset`: each field gets a different slice, all fields together all values. */
function window<T>(values: T[], offset: number, n: number): T[] {
  return Array.from({ length: Math.min(n, values.length) }, (_, i) => values[(offset * n + i) % values.length]!);
}

/** Path parameter values (strings in a URL). */
const HOSTILE_PATH = [
  '\u0000',
  '%00',
  'x'.repeat(5000),
  "' OR 1=1 --",
  '<b>',
  '-1',
  '99999999999999999999',
  '1.5',
  'null',
  '..%2F..%2Fetc',
  '🙂',
  '%ZZ',
];
/** Whole bodies. Strings are sent raw (malformed JSON included). */
const HOSTILE_BODIES: (string | Buffer)[] = [
  '{"a":',
  '[',
  'null',
  '"teks"',
  '12',
  '1e999',
  '[]',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"a":"\\u0000"}',
  Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3]),
];

function typesOf(s: Schema): string[] {
  return [s.type ?? []].flat();
}

/** A plausible valid value, so that one hostile field at a time reaches past the first check. */
function sample(s: Schema | undefined, name = '', depth = 0): unknown {
  if (!s || depth > 6) return null;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => !typesOf(a).includes('null')) ?? alt[0], name, depth + 1);
  if (s.allOf?.length) return sample(s.allOf[0], name, depth + 1);
  const type = typesOf(s).find((t) => t !== 'null') ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return /coop|^id$/i.test(name) ? DEWI_ID : randomUUID();
      if (s.format === 'date') return '2024-03-15';
      if (s.format === 'date-time') return '2024-03-15T02:00:00.000Z';
      if (s.pattern?.includes('\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}')) return '35.13.07.2008';
      if (s.pattern?.includes('\\d{2}\\.\\d{2}\\.\\d{2}')) return '35.13.07';
      return 'Uji fuzz'.padEnd(Math.min(Math.max(s.minLength ?? 0, 8), s.maxLength ?? 100), '.');
    case 'integer':
    case 'number': {
      if (/year/i.test(name)) return 2024;
      const min = s.minimum ?? 0;
      return Math.min(Math.max(min, 1), s.maximum ?? 1_000_000);
    }
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key], key, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

function pathValue(p: Param): string {
  if (p.name === 'id' || p.name === 'cooperativeId') return DEWI_ID;
  return String(sample(p.schema, p.name));
}

interface Case {
  op: Operation;
  where: string;
  url: string;
  body?: string | Buffer;
  contentType?: string;
}

function casesOf(op: Operation): Case[] {
  const path = op.params.filter((p) => p.in === 'path');
  const query = op.params.filter((p) => p.in === 'query');
  const build = (pathOver: Record<string, string>, q: Record<string, string>) => {
    let url = op.path;
    for (const p of path) url = url.replace(`{${p.name}}`, pathOver[p.name] ?? encodeURIComponent(pathValue(p)));
    const qs = new URLSearchParams(q).toString();
    return qs ? `${url}?${qs}` : url;
  };
  const baseQuery: Record<string, string> = {};
  for (const p of query) if (p.required) baseQuery[p.name] = String(sample(p.schema, p.name));
  const baseBody = op.body ? (sample(op.body) as Record<string, unknown>) : undefined;
  const json = (b: unknown) => ({ body: JSON.stringify(b), contentType: 'application/json' });
  const withBody = baseBody !== undefined ? json(baseBody) : {};
  const out: Case[] = [];
  for (const p of path) {
    for (const v of HOSTILE_PATH) {
      const raw = /%/.test(v) ? v : encodeURIComponent(v);
      out.push({
        op,
        where: `path ${p.name}=${v.slice(0, 20)}`,
        url: build({ [p.name]: raw }, baseQuery),
        ...withBody,
      });
    }
  }
  for (const [qi, p] of query.entries()) {
    for (const v of window(HOSTILE, qi, 10)) {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      if (text.length > 10_000) continue; // URLs that long are refused by any proxy first
      out.push({
        op,
        where: `query ${p.name}=${text.slice(0, 20)}`,
        url: build({}, { ...baseQuery, [p.name]: text }),
        ...withBody,
      });
    }
  }
  if (op.body) {
    const url = build({}, baseQuery);
    for (const [ki, key] of Object.keys(op.body.properties ?? {}).entries()) {
      for (const v of window(HOSTILE, ki, 12))
        out.push({
          op,
          where: `body.${key}=${JSON.stringify(v)?.slice(0, 20)}`,
          url,
          ...json({ ...baseBody, [key]: v }),
        });
    }
    out.push({ op, where: 'body + unknown key', url, ...json({ ...baseBody, zzz: '\u0000' }) });
    for (const b of HOSTILE_BODIES)
      out.push({ op, where: `raw body ${String(b).slice(0, 20)}`, url, body: b, contentType: 'application/json' });
    out.push({ op, where: 'text/plain body', url, body: 'halo', contentType: 'text/plain' });
  } else if (op.method !== 'GET') {
    // Operations without a JSON body (file uploads, actions) get garbage of each kind.
    const url = build({}, baseQuery);
    for (const b of HOSTILE_BODIES.slice(0, 6))
      out.push({ op, where: `raw body ${String(b).slice(0, 20)}`, url, body: b, contentType: 'application/json' });
    out.push({
      op,
      where: 'binary garbage',
      url,
      body: Buffer.from('PK\u0003\u0004garbage'),
      contentType: 'application/octet-stream',
    });
  }
  if (out.length === 0) out.push({ op, where: 'plain call', url: build({}, baseQuery), ...withBody });
  return out;
}

/** Not fuzzed: logging out would end the fuzzing session itself (its refusal is tested in test/api/edges.test.ts). */
const SKIP = new Set(['POST /api/v1/auth/logout']);

describe.each(DB_KINDS)('hostile input on every OpenAPI operation on %s', { timeout: BUDGET_MS + 120_000 }, (kind) => {
  let api: Api;
  let ops: Operation[];
  let tables: string[];
  beforeAll(async () => {
    api = await startApi(kind);
    const doc = (await api.req({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: Param[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>
      >;
    };
    ops = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (SKIP.has(`${method.toUpperCase()} ${path}`) || path.startsWith('/api/docs')) continue;
        ops.push({
          method: method.toUpperCase(),
          path,
          params: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema ?? null,
        });
      }
    }
    tables = (await api.deps.db.kysely.introspection.getTables())
      .filter((t) => !t.isView)
      .map((t) => t.name)
      .sort();
  });
  afterAll(() => api?.close());

  /** Logs in again from an address of its own (the fuzzed login route may have spent 127.0.0.1's rate limit). */
  let relogins = 0;
  async function relogin(role: 'admin' | 'koperasi'): Promise<string> {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `10.77.0.${++relogins % 250}`,
      payload: {
        username: role === 'admin' ? 'admin' : 'dewirengganis',
        password: role === 'admin' ? ADMIN_PASSWORD : DEMO,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return `sambang_session=${res.cookies.find((c) => c.name === 'sambang_session')!.value}`;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const q = tables.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ');
    const { rows } = await sql.raw<Record<string, number | string>>(`select ${q}`).execute(api.deps.db.kysely);
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
  }

  it('answers every case without a 5xx, with the error shape, and writes nothing when it refuses', async () => {
    expect(ops.length).toBeGreaterThan(100);
    const cookies = { admin: await api.login('admin'), koperasi: await api.login('dewirengganis') };
    const perOp = ops.map((op) => casesOf(op));
    const total = perOp.reduce((n, c) => n + c.length, 0) * 2;
    const failures: string[] = [];
    const partial: string[] = [];
    const byStatus: Record<string, number> = {};
    const reached = new Set<string>();
    let sent = 0;
    const started = Date.now();
    const longest = Math.max(...perOp.map((c) => c.length));
    // Row counts after the last request that went through: a refused request must leave them as they were.
    let last = await rowCounts();
    outer: for (let i = 0; i < longest; i++) {
      for (const cases of perOp) {
        const c = cases[i];
        if (!c) continue;
        for (const role of ['admin', 'koperasi'] as const) {
          if (Date.now() - started > BUDGET_MS) break outer;
          const mutating = c.op.method !== 'GET';
          const res = await api.app.inject({
            method: c.op.method as 'GET',
            url: c.url,
            headers: { cookie: cookies[role], ...(c.contentType ? { 'content-type': c.contentType } : {}) },
            ...(c.body !== undefined ? { payload: c.body } : {}),
          });
          sent++;
          reached.add(`${c.op.method} ${c.op.path}`);
          byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
          const label = `${role} ${c.op.method} ${c.op.path} [${c.where}] → ${res.statusCode}`;
          if (res.statusCode >= 500) {
            failures.push(`${label} ${res.body.slice(0, 200)}`);
          } else if (res.statusCode >= 400) {
            const err = (() => {
              try {
                return res.json().error;
              } catch {
                return null;
              }
            })();
            if (!err || typeof err.code !== 'string' || typeof err.message !== 'string' || err.message.length < 5)
              failures.push(`${label}: no error shape: ${res.body.slice(0, 120)}`);
            if (mutating) {
              const before = last;
              const after = await rowCounts();
              last = after;
              // A refused login is counted on purpose (login_failures, and an audit entry when it blocks).
              const allowed = c.op.path === '/api/v1/auth/login' ? ['login_failures', 'audit_events'] : [];
              const changed = tables.filter((t) => before[t] !== after[t] && !allowed.includes(t));
              if (changed.length)
                partial.push(`${label}: ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`);
            }
          }
          // A request that went through may write (a GET too: the first GET /me/calendar makes the user's token).
          if (res.statusCode < 400 || res.statusCode >= 500) last = await rowCounts();
          // A mutation that went through may have ended a session (e.g. a password change): log in again.
          if (res.statusCode < 400 && mutating) {
            const me = await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie: cookies[role] });
            if (me.statusCode !== 200) {
              cookies[role] = await relogin(role);
              // The new login writes its own rows (session, audit): they are not the next request's doing.
              last = await rowCounts();
            }
          }
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz ${kind}] operations ${ops.length} (reached ${reached.size}), inputs sent ${sent} of ${total} generated, in ${seconds} s; ` +
        `5xx ${failures.filter((f) => / → 5\d\d/.test(f)).length}; partial writes ${partial.length}; statuses ${JSON.stringify(byStatus)}`,
    );
    expect(failures.slice(0, 40)).toEqual([]);
    expect(partial.slice(0, 40)).toEqual([]);
    // The budget must leave room for every operation to be reached.
    expect(reached.size).toBe(ops.length);
  });
});
