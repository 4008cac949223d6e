import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/bootstrap.js';
import type { AppDeps } from '../../src/app/context.js';
import type { MailSender } from '../../src/app/notifications/mailer.js';
import { tick } from '../../src/app/notifications/scheduler.js';
import { loadConfig } from '../../src/config.js';
import { DB_KINDS, PG_URL } from './harness.js';

/**
 * "A reminder is sent once even across restarts and when two server processes share one PostgreSQL
 * database": on PostgreSQL two app instances (two connection pools on one schema, as two processes
 * would be) run the scheduler's pass at the same moment; then a third starts after both stopped (a
 * restart). SQLite has a single writer: there the two instances on one file take turns, and the
 * restart is the same.
 */
describe.each(DB_KINDS)('the scheduler, exactly once, on %s', { timeout: 240_000 }, (kind) => {
  const clock = { now: new Date('2026-06-25T02:00:00Z') }; // 7 days before the RAT deadline of fiscal year 2025
  const now = () => clock.now;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const file = join(tmpdir(), `sambang-sched-${schema}.db`);
  const opened: AppDeps[] = [];

  async function open(): Promise<AppDeps> {
    const env: Record<string, string> = {
      DATABASE_URL: kind === 'postgres' ? PG_URL : `sqlite:${file}`,
      SAMBANG_DEMO: '1',
      SAMBANG_LOG_LEVEL: 'silent',
      SAMBANG_ADMIN_PASSWORD: 'admin-test-123',
      SAMBANG_SMTP_URL: 'smtp://127.0.0.1:1',
    };
    const { deps } = await openApp(loadConfig(env), { now, ...(kind === 'postgres' ? { schema, poolSize: 4 } : {}) });
    opened.push(deps);
    return deps;
  }
  async function close(d: AppDeps) {
    await d.db.close();
    opened.splice(opened.indexOf(d), 1);
  }

  afterAll(async () => {
    for (const d of [...opened]) await d.db.close();
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    } else {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  });

  it('writes each reminder and sends each e-mail once with two processes at once, and nothing again after a restart', async () => {
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
    }
    const a = await open();
    const b = await open();
    const db = a.db.kysely;
    // Every account has an address, so every notice is also a mail.
    for (const u of await db.selectFrom('users').select(['id', 'username']).execute()) {
      await db
        .updateTable('users')
        .set({ email: `${u.username}@dinas.example` })
        .where('id', '=', u.id)
        .execute();
    }
    // Twenty recommendations of Bidang Koperasi due in three days, on top of the demo's own.
    const coop = await db
      .selectFrom('cooperatives')
      .select('id')
      .where('status', '=', 'AKTIF')
      .executeTakeFirstOrThrow();
    const at = clock.now.toISOString();
    for (let i = 0; i < 20; i++) {
      await db
        .insertInto('follow_ups')
        .values({
          id: randomUUID(),
          cooperative_id: coop.id,
          visit_id: null,
          concern_id: null,
          aspect: null,
          recommendation: `Rekomendasi uji ${i}`,
          responsible_kind: 'BIDANG',
          responsible_bidang: 'koperasi',
          responsible_user_id: null,
          deadline: '2026-06-28',
          monitoring_plan: null,
          status: 'open',
          progress_note: null,
          evidence_note: null,
          evidence_photo_id: null,
          evidence_document: null,
          cancel_reason: null,
          closed_at: null,
          created_by: null,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }

    const sentBy: Record<'a' | 'b' | 'c', string[]> = { a: [], b: [], c: [] };
    const sender =
      (who: 'a' | 'b' | 'c'): MailSender =>
      async (m) => {
        sentBy[who].push(`${m.to}|${m.subject}`);
      };
    // Two processes at once (PostgreSQL); one after the other on SQLite's single writer.
    const both = async () =>
      kind === 'postgres'
        ? Promise.all([tick(a, { sender: sender('a') }), tick(b, { sender: sender('b') })])
        : [await tick(a, { sender: sender('a') }), await tick(b, { sender: sender('b') })];
    const [ra, rb] = await both();

    const rows = await db.selectFrom('notifications').select(['user_id', 'dedupe_key', 'kind']).execute();
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.kind === 'rat.upcoming').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === 'follow_up.due_soon').length).toBeGreaterThanOrEqual(20);
    // Each notice was written by exactly one of the two processes.
    expect(ra!.reminders + rb!.reminders).toBe(rows.length);
    expect(new Set(rows.map((r) => `${r.user_id}|${r.dedupe_key}`)).size).toBe(rows.length);

    // Drain the outbox from both processes at once: every mail goes exactly once.
    for (let i = 0; i < 200; i++) {
      const [x, y] = await both();
      if (x.mail.sent + y.mail.sent === 0) break;
    }
    const outbox = await db.selectFrom('mail_outbox').select(['status']).execute();
    expect(outbox.length).toBe(rows.length);
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    const all = [...sentBy.a, ...sentBy.b];
    expect(all.length).toBe(outbox.length);
    expect(sentBy.a.length).toBeGreaterThan(0);

    // A restart: both stop, a new process starts and runs its pass on the same day and the next.
    await close(a);
    await close(b);
    const c = await open();
    const again = await tick(c, { sender: sender('c') });
    expect(again).toMatchObject({ reminders: 0, mail: { sent: 0, failed: 0 } });
    clock.now = new Date('2026-06-25T10:00:00Z');
    expect((await tick(c, { sender: sender('c') })).reminders).toBe(0);
    expect(sentBy.c).toEqual([]);
    expect(
      Number(
        (
          await c.db.kysely
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(rows.length);
  });
});
