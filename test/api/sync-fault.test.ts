import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/bootstrap.js';
import type { AppDeps } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { CHECK_RESULTS, DEFAULT_CHECKLIST } from '../../src/domain/visits/checklist.js';
import { ASPECTS } from '../../src/domain/visits/codes.js';
import { buildServer } from '../../src/http/server.js';
import { ADMIN_PASSWORD, DB_KINDS, DEMO, type DbKind, PG_URL } from './harness.js';

/**
 * Fault injection (issue 6): 1,000 queued changes go through a channel that drops requests, drops
 * responses (the change lands but the phone never hears), delays past the phone's patience,
 * duplicates and reorders deliveries, while the server is restarted in the middle. The phone
 * behaves like the outbox: it sends in order, keeps every change until it has a result for it, and
 * sends again whatever is unconfirmed. Afterwards every change is on the server exactly once.
 * Seeded PRNG: a failure reproduces with the same SEED.
 */
const SEED = Number(process.env.SYNC_FAULT_SEED ?? 20_261_128);
const CHANGES = 1000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  app: FastifyInstance;
  deps: AppDeps;
}
type Result = { changeId: string; status: string; conflicts?: unknown[]; error?: unknown };

/** The same database each time: a SQLite file, or a PostgreSQL schema. */
function serverFactory(kind: DbKind, where: string, photoDir: string) {
  const env: Record<string, string> = {
    DATABASE_URL: kind === 'sqlite' ? `sqlite:${where}` : PG_URL,
    SAMBANG_DEMO: '1',
    SAMBANG_LOG_LEVEL: 'silent',
    SAMBANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SAMBANG_PHOTO_DIR: photoDir,
  };
  return async (): Promise<Server> => {
    const { deps } = await openApp(loadConfig(env), kind === 'postgres' ? { schema: where, poolSize: 4 } : {});
    const app = await buildServer(deps, { logger: false, web: false });
    await app.ready();
    return { app, deps };
  };
}

/** A network that loses, delays, duplicates and reorders; `restart` takes the server down gracefully and brings up a new one. */
class LossyChannel {
  private injecting = new Set<Promise<unknown>>();
  private scheduled = new Set<Promise<unknown>>();
  stats = { sent: 0, droppedRequests: 0, droppedResponses: 0, delayed: 0, duplicated: 0, lostWhileDown: 0, non200: 0 };

  constructor(
    public server: Server | null,
    private readonly rand: () => number,
    private readonly cookie: string,
  ) {}

  private deliver(body: unknown): Promise<{ statusCode: number; results: Result[] } | null> {
    const server = this.server;
    if (!server) {
      this.stats.lostWhileDown++;
      return Promise.resolve(null);
    }
    const p = server.app
      .inject({
        method: 'POST',
        url: '/api/v1/sync/push',
        headers: { cookie: this.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      })
      .then((res) => {
        if (res.statusCode !== 200) this.stats.non200++;
        return { statusCode: res.statusCode, results: res.statusCode === 200 ? (res.json().results as Result[]) : [] };
      });
    this.injecting.add(p);
    void p.finally(() => this.injecting.delete(p));
    return p;
  }

  private later(ms: number, body: unknown) {
    const p = sleep(ms).then(() => this.deliver(body));
    this.scheduled.add(p);
    void p.finally(() => this.scheduled.delete(p));
  }

  /** What the phone hears back: null when the request or its answer was lost. */
  async send(body: unknown): Promise<{ statusCode: number; results: Result[] } | null> {
    this.stats.sent++;
    const r = this.rand();
    if (r < 0.15) {
      this.stats.droppedRequests++;
      return null;
    }
    if (r < 0.3) {
      this.stats.droppedResponses++;
      await this.deliver(body);
      return null;
    }
    if (r < 0.4) {
      // Arrives after the phone gave up: the phone sends again while this copy is still on its way.
      this.stats.delayed++;
      this.later(Math.floor(this.rand() * 40), body);
      return null;
    }
    if (r < 0.5) {
      // A copy arrives later, after newer batches: reordered.
      this.stats.duplicated++;
      this.later(Math.floor(this.rand() * 200), body);
    }
    return this.deliver(body);
  }

  async restart(open: () => Promise<Server>) {
    const old = this.server!;
    this.server = null;
    while (this.injecting.size) await Promise.allSettled([...this.injecting]);
    await old.app.close();
    await old.deps.db.close();
    this.server = await open();
  }

  async drain() {
    while (this.scheduled.size || this.injecting.size) await Promise.allSettled([...this.scheduled, ...this.injecting]);
  }
}

interface FollowUpModel {
  id: string;
  recommendation: string;
  deadline: string;
  monitoringPlan: string | null;
  version: number;
  lastVersion: number;
}
interface VisitModel {
  id: string;
  findings: Record<string, string | null>;
  checklist: Record<string, { result: string; note: null } | null>;
  endTime: string | null;
  version: number;
}

describe.each(DB_KINDS)('fault injection on %s', { timeout: 120_000 }, (kind) => {
  let open: () => Promise<Server>;
  let server: Server;
  let dir = '';
  let schema = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sambang-fault-'));
    if (kind === 'sqlite') {
      open = serverFactory(kind, join(dir, 'sambang.db'), join(dir, 'photos'));
    } else {
      schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      open = serverFactory(kind, schema, join(dir, 'photos'));
    }
    server = await open();
  });
  afterAll(async () => {
    await server?.app.close();
    await server?.deps.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });

  const inject = (method: string, url: string, cookie: string, body?: unknown) =>
    server.app.inject({
      method: method as 'POST',
      url,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
  const login = async (username: string, password: string) => {
    const res = await inject('POST', '/api/v1/auth/login', '', { username, password });
    return `sambang_session=${res.cookies.find((c) => c.name === 'sambang_session')!.value}`;
  };

  it('delivers 1,000 changes exactly once through drops, delays, duplicates, reordering and a restart', async () => {
    const rand = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const adminCookie = await login('admin', ADMIN_PASSWORD);
    const cookie = await login('petugas.koperasi', DEMO);
    const db = () => server.deps.db.kysely;
    const me = (
      await db().selectFrom('users').select('id').where('username', '=', 'petugas.koperasi').executeTakeFirstOrThrow()
    ).id;
    const today = jakartaToday();

    // What the phone took into the field: eight visits it is on, each with a follow-up.
    const coops = (await inject('GET', '/api/v1/cooperatives?status=AKTIF&pageSize=8', adminCookie)).json().items as {
      id: string;
    }[];
    const visits: (VisitModel & { cooperativeId: string })[] = [];
    const followUps: FollowUpModel[] = [];
    for (const coop of coops) {
      const v = await inject('POST', '/api/v1/visits', adminCookie, {
        cooperativeId: coop.id,
        date: today,
        startTime: '08:00',
        purposes: ['PEMBINAAN'],
        team: [{ userId: me, leader: true }],
      });
      expect(v.statusCode, v.body).toBe(201);
      visits.push({ id: v.json().id, cooperativeId: coop.id, findings: {}, checklist: {}, endTime: null, version: 1 });
      const f = await inject('POST', '/api/v1/follow-ups', cookie, {
        visitId: v.json().id,
        recommendation: 'Rekomendasi awal',
        responsible: { kind: 'COOPERATIVE' },
        deadline: addDays(today, 30),
      });
      expect(f.statusCode, f.body).toBe(201);
      followUps.push({
        id: f.json().id,
        recommendation: 'Rekomendasi awal',
        deadline: addDays(today, 30),
        monitoringPlan: null,
        version: 1,
        lastVersion: 1,
      });
    }
    const concernsBefore = Number(
      (
        await db()
          .selectFrom('concerns')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const followUpsBefore = Number(
      (
        await db()
          .selectFrom('follow_ups')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    // A day offline: 1,000 changes queued in order. Each update starts from the version the phone
    // had (1: it never heard back), with `base` the values as the phone had them before the edit.
    const outbox: Record<string, unknown>[] = [];
    const createdConcerns: string[] = [];
    const createdFollowUps: string[] = [];
    const codes = DEFAULT_CHECKLIST.areas.flatMap((a) => a.indicators.map((i) => i.code));
    for (let n = 0; n < CHANGES; n++) {
      const r = rand();
      const changeId = randomUUID();
      const visit = pick(visits);
      if (r < 0.2) {
        const entityId = randomUUID();
        createdConcerns.push(entityId);
        outbox.push({
          changeId,
          kind: 'concern.create',
          entityId,
          fields: {
            cooperativeId: visit.cooperativeId,
            visitId: visit.id,
            kind: 'PERMASALAHAN',
            topic: 'lainnya',
            description: `Permasalahan lapangan ${n}`,
            raisedBy: 'Ketua',
            severity: 'sedang',
          },
        });
      } else if (r < 0.4) {
        const entityId = randomUUID();
        const deadline = addDays(today, 1 + Math.floor(rand() * 90));
        createdFollowUps.push(entityId);
        followUps.push({
          id: entityId,
          recommendation: `Rekomendasi ${n}`,
          deadline,
          monitoringPlan: null,
          version: 1,
          lastVersion: 1,
        });
        outbox.push({
          changeId,
          kind: 'followUp.create',
          entityId,
          fields: {
            cooperativeId: visit.cooperativeId,
            visitId: visit.id,
            recommendation: `Rekomendasi ${n}`,
            responsible: { kind: 'COOPERATIVE' },
            deadline,
            monitoringPlan: null,
          },
        });
      } else if (r < 0.7) {
        const f = pick(followUps);
        const fields: Record<string, unknown> = {};
        const base: Record<string, unknown> = {};
        if (rand() < 0.5) {
          base.recommendation = f.recommendation;
          fields.recommendation = f.recommendation = `Rekomendasi diperbarui ${n}`;
        }
        if (rand() < 0.5) {
          base.deadline = f.deadline;
          fields.deadline = f.deadline = addDays(today, 1 + Math.floor(rand() * 5));
        }
        if (rand() < 0.5 || Object.keys(fields).length === 0) {
          base.monitoringPlan = f.monitoringPlan;
          fields.monitoringPlan = f.monitoringPlan = rand() < 0.2 ? null : `Pantau ${n}`;
        }
        const changed = Object.keys(fields).some((k) => base[k] !== fields[k]);
        if (changed) f.version++;
        outbox.push({ changeId, kind: 'followUp.update', entityId: f.id, baseVersion: f.lastVersion, base, fields });
      } else {
        const fields: {
          findings?: Record<string, string>;
          checklist?: Record<string, { result: string; note: null }>;
          endTime?: string;
        } = {};
        const base: {
          findings?: Record<string, string | null>;
          checklist?: Record<string, unknown>;
          endTime?: string | null;
        } = {};
        let changed = false;
        if (rand() < 0.6) {
          const aspect = pick(ASPECTS);
          const text = `Temuan ${aspect} ${Math.floor(rand() * 3)}`; // few distinct texts: some edits change nothing
          base.findings = { [aspect]: visit.findings[aspect] ?? null };
          fields.findings = { [aspect]: text };
          changed ||= visit.findings[aspect] !== text;
          visit.findings[aspect] = text;
        }
        if (rand() < 0.5) {
          const code = pick(codes);
          const answer = { result: pick(CHECK_RESULTS), note: null };
          base.checklist = { [code]: visit.checklist[code] ?? null };
          fields.checklist = { [code]: answer };
          changed ||= visit.checklist[code]?.result !== answer.result;
          visit.checklist[code] = answer;
        }
        if (rand() < 0.4 || (!fields.findings && !fields.checklist)) {
          const end = pick(['10:00', '11:00', '12:30', '14:00']);
          base.endTime = visit.endTime;
          fields.endTime = end;
          changed ||= visit.endTime !== end;
          visit.endTime = end;
        }
        if (changed) visit.version++;
        outbox.push({ changeId, kind: 'visit.update', entityId: visit.id, baseVersion: 1, base, fields });
      }
    }
    const allIds = outbox.map((c) => c.changeId as string);

    // Sending: in order, batches of 1–20, a restart once half the changes are confirmed.
    const started = Date.now();
    const channel = new LossyChannel(server, rand, cookie);
    const confirmed = new Map<string, Result>();
    let restarted = false;
    let attempts = 0;
    let duplicatesHeard = 0;
    while (outbox.length) {
      expect(++attempts, 'the outbox keeps moving').toBeLessThan(3000);
      if (!restarted && confirmed.size >= CHANGES / 2) {
        await channel.restart(open);
        server = channel.server!;
        restarted = true;
      }
      const batch = outbox.slice(0, 1 + Math.floor(rand() * 20));
      const heard = await channel.send({ changes: batch });
      if (!heard || heard.statusCode !== 200) continue;
      for (const result of heard.results) {
        if ((result as { duplicate?: true }).duplicate) duplicatesHeard++;
        if (!confirmed.has(result.changeId)) confirmed.set(result.changeId, result);
        const i = outbox.findIndex((c) => c.changeId === result.changeId);
        if (i >= 0) outbox.splice(i, 1);
      }
    }
    await channel.drain();
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `[${kind}] ${CHANGES} changes in ${seconds.toFixed(1)} s, ${attempts} requests, ${duplicatesHeard} answered as duplicates`,
      channel.stats,
    );

    expect(restarted).toBe(true);
    expect(outbox).toEqual([]);
    expect(channel.stats.non200).toBe(0);
    // Every kind of fault happened, more than once.
    for (const k of ['droppedRequests', 'droppedResponses', 'delayed', 'duplicated'] as const)
      expect(channel.stats[k], k).toBeGreaterThan(5);
    // Changes that had landed unheard were sent again and answered from the stored outcome.
    expect(duplicatesHeard).toBeGreaterThan(0);
    expect(confirmed.size).toBe(CHANGES);
    const statuses = [...confirmed.values()].map((r) => r.status);
    // The phone sends in order and waits for each batch, so no change is judged against a later one: nothing is rejected or in conflict.
    expect(statuses.filter((s) => s === 'rejected' || s === 'conflict')).toEqual([]);

    // Every change has exactly one row in the applied-changes table, and nothing else does.
    const rows = await db().selectFrom('sync_changes').select(['change_id', 'user_id']).execute();
    expect(rows).toHaveLength(CHANGES);
    expect(new Set(rows.map((r) => r.change_id))).toEqual(new Set(allIds));
    expect(rows.every((r) => r.user_id === me)).toBe(true);

    // Each created record exists once, and was created once (one audit event each).
    const count = async (table: 'concerns' | 'follow_ups') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('concerns')).toBe(concernsBefore + createdConcerns.length);
    expect(await count('follow_ups')).toBe(followUpsBefore + createdFollowUps.length);
    const creates = await db()
      .selectFrom('audit_events')
      .select(['entity_id', 'action'])
      .where('action', 'in', ['concern.create', 'follow_up.create'])
      .execute();
    const createCount = new Map<string, number>();
    for (const e of creates) createCount.set(e.entity_id, (createCount.get(e.entity_id) ?? 0) + 1);
    for (const id of [...createdConcerns, ...createdFollowUps]) expect(createCount.get(id), id).toBe(1);

    // Each update's effect is there, once: the last value per field in the phone's order, and one
    // version step per change that changed something (a change applied twice would step twice).
    for (const f of followUps) {
      const row = await db()
        .selectFrom('follow_ups')
        .select(['recommendation', 'deadline', 'monitoring_plan', 'version'])
        .where('id', '=', f.id)
        .executeTakeFirstOrThrow();
      expect(
        {
          recommendation: row.recommendation,
          deadline: row.deadline,
          monitoringPlan: row.monitoring_plan,
          version: row.version,
        },
        f.id,
      ).toEqual({
        recommendation: f.recommendation,
        deadline: f.deadline,
        monitoringPlan: f.monitoringPlan,
        version: f.version,
      });
    }
    for (const v of visits) {
      const row = await db()
        .selectFrom('visits')
        .select(['findings', 'checklist', 'end_time', 'version'])
        .where('id', '=', v.id)
        .executeTakeFirstOrThrow();
      const findings = JSON.parse(row.findings) as Record<string, string | null>;
      for (const [aspect, text] of Object.entries(v.findings)) expect(findings[aspect], `${v.id} ${aspect}`).toBe(text);
      const answers = row.checklist ? (JSON.parse(row.checklist) as { answers: Record<string, unknown> }).answers : {};
      for (const [code, answer] of Object.entries(v.checklist))
        expect(answers[code], `${v.id} ${code}`).toEqual(answer);
      expect(row.end_time).toBe(v.endTime);
      expect(row.version, v.id).toBe(v.version);
    }
    expect(seconds).toBeLessThan(60);
  });

  it('resumes a chunked photo upload after the server restarts, and stores it once', async () => {
    const adminCookie = await login('admin', ADMIN_PASSWORD);
    const cookie = await login('petugas.koperasi', DEMO);
    const me = (
      await server.deps.db.kysely
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'petugas.koperasi')
        .executeTakeFirstOrThrow()
    ).id;
    const coop = (await inject('GET', '/api/v1/cooperatives?status=AKTIF&pageSize=1', adminCookie)).json().items[0].id;
    const visit = (
      await inject('POST', '/api/v1/visits', adminCookie, {
        cooperativeId: coop,
        date: jakartaToday(),
        purposes: ['PEMBINAAN'],
        team: [{ userId: me, leader: true }],
      })
    ).json();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const bytes = Buffer.concat([png, Buffer.alloc(200_000, 3)]);
    const uploadId = randomUUID();
    const K = 64 * 1024;
    const chunk = (offset: number) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/v1/uploads/${uploadId}?offset=${offset}`,
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: bytes.subarray(offset, offset + K),
      });
    const start = {
      id: uploadId,
      target: { type: 'visit', id: visit.id },
      size: bytes.length,
      contentType: 'image/png',
    };
    expect((await inject('POST', '/api/v1/uploads', cookie, start)).statusCode).toBe(200);
    expect((await chunk(0)).json().received).toBe(K);
    await chunk(K); // landed, but say the phone never heard

    await server.app.close();
    await server.deps.db.close();
    server = await open();

    const resumed = await inject('POST', '/api/v1/uploads', cookie, start);
    expect(resumed.json().received).toBe(2 * K);
    const stale = await chunk(K);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().received).toBe(2 * K);
    expect((await chunk(2 * K)).json().received).toBe(3 * K);
    const done = await chunk(3 * K);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().photo.id).toBe(uploadId);
    const again = await chunk(3 * K);
    expect(again.json().photo.id).toBe(uploadId);
    const photo = await inject('GET', `/api/v1/photos/${uploadId}`, cookie);
    expect(Buffer.compare(photo.rawPayload, bytes)).toBe(0);
    const n = await server.deps.db.kysely
      .selectFrom('photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const left = await server.deps.db.kysely
      .selectFrom('upload_chunks')
      .select('chunk_offset')
      .where('upload_id', '=', uploadId)
      .execute();
    expect(left).toEqual([]);
  });
});
