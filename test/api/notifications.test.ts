import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../src/app/notifications/mailer.js';
import { runDigest, startScheduler, tick } from '../../src/app/notifications/scheduler.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * Notifications (issue 14) on both databases: which change reaches whom (and whom not), the inbox,
 * preferences and e-mail against a local SMTP server, the calendar feed, and reminders on a moved clock.
 */
interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
}

async function smtpServer(): Promise<{ url: string; mails: Received[]; close: () => Promise<void> }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        const to = Array.isArray(m.to) ? m.to[0]?.text : m.to?.text;
        mails.push({
          to: to ?? '',
          subject: m.subject ?? '',
          text: m.text ?? '',
          html: typeof m.html === 'string' ? m.html : '',
        });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

describe.each(DB_KINDS)('notifications on %s', (kind) => {
  let api: Api;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let clock = new Date('2026-03-02T01:00:00Z'); // 08:00 WIB, Monday
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  let otherCoop: string;
  const USERS = [
    'admin',
    'pimpinan',
    'kepala.dinas',
    'petugas.koperasi',
    'petugas.usahamikro',
    'petugas.industri',
    'dewirengganis',
    'ketua.lain',
  ];

  beforeAll(async () => {
    smtp = await smtpServer();
    api = await startApi(kind, { now: () => clock });
    c.admin = await api.login('admin');
    otherCoop = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&status=AKTIF&pageSize=1', cookie: c.admin })
    ).json().items[0].id;
    // A koperasi account of another cooperative: it must never hear about Dewi Rengganis.
    await api.req({
      method: 'POST',
      url: '/api/v1/users',
      cookie: c.admin,
      body: {
        username: 'ketua.lain',
        fullName: 'Ketua Lain',
        role: 'koperasi',
        cooperativeId: otherCoop,
        password: 'sambang-demo',
      },
    });
    for (const u of USERS.slice(1)) c[u] = await api.login(u);
    for (const u of await api.deps.db.kysely.selectFrom('users').select(['id', 'username']).execute())
      id[u.username] = u.id;
    // Demo reminders (overdue follow-ups of the demo) are not what these tests look at.
    await api.deps.db.kysely.deleteFrom('notifications').execute();
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const inbox = async (who: string, q = '') => {
    const res = await api.req({ method: 'GET', url: `/api/v1/notifications${q}`, cookie: c[who] });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      items: {
        id: string;
        kind: string;
        title: string;
        body: string;
        link: string;
        waLink: string | null;
        readAt: string | null;
      }[];
      unread: number;
    };
  };
  /** Everyone's unread notices of one kind, by username. */
  const whoGot = async (kindName: string, about: string) => {
    const out: string[] = [];
    for (const u of USERS)
      if ((await inbox(u)).items.some((n) => n.kind === kindName && n.link.includes(about))) out.push(u);
    return out.sort();
  };

  let visitId: string;

  it('tells the team of a planned visit, and the pimpinan that it waits for approval — nobody else', async () => {
    const res = await api.req({
      method: 'POST',
      url: '/api/v1/visits',
      cookie: c['petugas.koperasi'],
      body: {
        cooperativeId: otherCoop,
        date: '2026-03-10',
        startTime: '09:00',
        purposes: ['PEMBINAAN'],
        team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id['petugas.usahamikro'] }],
      },
    });
    expect(res.statusCode).toBe(201);
    visitId = res.json().id;
    expect(await whoGot('visit.assigned', visitId)).toEqual(['petugas.usahamikro']); // not the planner themself
    expect(await whoGot('visit.awaiting_approval', visitId)).toEqual(['kepala.dinas', 'pimpinan']);
    const n = (await inbox('petugas.usahamikro')).items.find((x) => x.kind === 'visit.assigned')!;
    expect(n.link).toBe(`/kunjungan/${visitId}`);
    expect(n.title).toContain('Anda ditugaskan berkunjung ke');
    expect(n.body).toContain('10 Maret 2026 pukul 09:00 WIB');
  });

  it('tells a newly added member of the assignment and the others of the change', async () => {
    const v = (await api.req({ method: 'GET', url: `/api/v1/visits/${visitId}`, cookie: c.admin })).json();
    const res = await api.req({
      method: 'PATCH',
      url: `/api/v1/visits/${visitId}`,
      cookie: c['petugas.koperasi'],
      body: {
        version: v.version,
        date: '2026-03-11',
        team: [
          { userId: id['petugas.koperasi'], leader: true },
          { userId: id['petugas.usahamikro'], leader: false },
          { userId: id['petugas.industri'], leader: false },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(await whoGot('visit.assigned', visitId)).toEqual(['petugas.industri', 'petugas.usahamikro']);
    expect(await whoGot('visit.changed', visitId)).toEqual(['petugas.usahamikro']);
  });

  it('tells the whole team when the pimpinan approves, and when the visit is cancelled', async () => {
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/visits/${visitId}/approve`, cookie: c.pimpinan, body: {} }))
        .statusCode,
    ).toBe(200);
    expect(await whoGot('visit.approved', visitId)).toEqual([
      'petugas.industri',
      'petugas.koperasi',
      'petugas.usahamikro',
    ]);
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/visits/${visitId}/cancel`,
          cookie: c['petugas.koperasi'],
          body: { reason: 'Pengurus berhalangan hadir' },
        })
      ).statusCode,
    ).toBe(200);
    expect(await whoGot('visit.cancelled', visitId)).toEqual(['petugas.industri', 'petugas.usahamikro']);
    const n = (await inbox('petugas.industri')).items.find((x) => x.kind === 'visit.cancelled')!;
    expect(n.body).toContain('Pengurus berhalangan hadir');
  });

  it('brings a portal concern to Bidang Koperasi and the pimpinan, and the reply to that cooperative only', async () => {
    const res = await api.req({
      method: 'POST',
      url: '/api/v1/concerns',
      cookie: c.dewirengganis,
      body: {
        cooperativeId: DEWI_ID,
        kind: 'KELUHAN',
        topic: 'permodalan',
        description: 'Pinjaman modal dari bank sulit diproses',
        severity: 'sedang',
        raisedBy: null,
      },
    });
    expect(res.statusCode).toBe(201);
    const concern = res.json();
    expect(await whoGot('concern.new', concern.id)).toEqual(['kepala.dinas', 'petugas.koperasi', 'pimpinan']);
    const reply = await api.req({
      method: 'PATCH',
      url: `/api/v1/concerns/${concern.id}`,
      cookie: c['petugas.koperasi'],
      body: { version: concern.version, response: 'Kami jadwalkan pendampingan dengan bank daerah.' },
    });
    expect(reply.statusCode).toBe(200);
    expect(await whoGot('concern.reply', concern.id)).toEqual(['dewirengganis']);
    expect((await inbox('ketua.lain')).items).toEqual([]);
  });

  it('counts unread, marks one and all read, and keeps each inbox to its owner', async () => {
    const before = await inbox('petugas.usahamikro');
    expect(before.unread).toBe(before.items.length);
    const first = before.items[0]!;
    // Someone else's notice is not found, not marked.
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, cookie: c['petugas.industri'] }))
        .statusCode,
    ).toBe(404);
    const r = await api.req({
      method: 'POST',
      url: `/api/v1/notifications/${first.id}/read`,
      cookie: c['petugas.usahamikro'],
    });
    expect(r.json()).toEqual({ ok: true, unread: before.unread - 1 });
    expect((await inbox('petugas.usahamikro', '?unread=1')).items.map((n) => n.id)).not.toContain(first.id);
    expect(
      (
        await api.req({ method: 'POST', url: '/api/v1/notifications/read-all', cookie: c['petugas.usahamikro'] })
      ).json(),
    ).toEqual({ ok: true, unread: 0 });
    expect((await inbox('petugas.usahamikro', '?unread=1')).items).toEqual([]);
    expect((await inbox('petugas.industri')).unread).toBeGreaterThan(0);
  });

  it('validates the e-mail address on the profile and by the admin', async () => {
    const bad = await api.req({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      cookie: c['petugas.usahamikro'],
      body: { email: 'bukan-alamat' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.email).toMatch(/surel tidak valid/);
    const badAdmin = await api.req({
      method: 'PATCH',
      url: `/api/v1/users/${id['petugas.industri']}`,
      cookie: c.admin,
      body: { email: 'x@' },
    });
    expect(badAdmin.statusCode).toBe(400);
    const ok = await api.req({
      method: 'PATCH',
      url: `/api/v1/users/${id['petugas.industri']}`,
      cookie: c.admin,
      body: { email: 'Industri@Dinas.example' },
    });
    expect(ok.json().user.email).toBe('industri@dinas.example');
    const own = await api.req({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      cookie: c['petugas.usahamikro'],
      body: { email: 'um@dinas.example', kinds: { 'visit.changed': 'digest' } },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ email: 'um@dinas.example', smtpConfigured: false });
    expect(own.json().kinds.find((k: { kind: string }) => k.kind === 'visit.changed').channel).toBe('digest');
    const audit = await api.deps.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id['petugas.usahamikro']!)
      .where('action', '=', 'notification.settings')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('answers random settings bodies with 2xx or an Indonesian 4xx, never a 500', async () => {
    const key = fc.constantFrom('email', 'kinds', 'digestHour', '__proto__');
    const kinds = fc.dictionary(
      fc.constantFrom('visit.assigned', 'rat.missed', 'nope', 'constructor'),
      fc.oneof(fc.constantFrom('instant', 'digest', 'off', 'loud'), fc.jsonValue()),
      { maxKeys: 3 },
    );
    const body = fc.oneof(
      fc.dictionary(key, fc.oneof(fc.jsonValue(), kinds, fc.emailAddress()), { maxKeys: 3 }),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await api.req({
          method: 'PUT',
          url: '/api/v1/me/notification-settings',
          cookie: c['petugas.koperasi'],
          body: JSON.stringify(payload),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 60 },
    );
    // What the random bodies set must not leak into the e-mail tests below.
    await api.deps.db.kysely
      .updateTable('users')
      .set({ email: null })
      .where('id', '=', id['petugas.koperasi']!)
      .execute();
    await api.deps.db.kysely.deleteFrom('notification_prefs').where('user_id', '=', id['petugas.koperasi']!).execute();
  });

  it('e-mails each notice in Indonesian (text and HTML) through SMTP, and gathers digest kinds into one daily mail', async () => {
    (api.deps.config as { smtpUrl: string | null }).smtpUrl = smtp.url;
    try {
      await api.req({ method: 'PUT', url: '/api/v1/settings/notifications', cookie: c.admin, body: { digestHour: 9 } });
      const res = await api.req({
        method: 'POST',
        url: '/api/v1/visits',
        cookie: c.admin,
        body: {
          cooperativeId: otherCoop,
          date: '2026-03-12',
          startTime: '10:00',
          purposes: ['MONITORING'],
          team: [{ userId: id['petugas.industri'], leader: true }, { userId: id['petugas.usahamikro'] }],
        },
      });
      const v = res.json();
      // petugas.industri: instant; petugas.usahamikro: visit.changed goes to the digest, assigned is instant.
      await api.req({
        method: 'PATCH',
        url: `/api/v1/visits/${v.id}`,
        cookie: c.admin,
        body: { version: v.version, startTime: '13:00' },
      });
      const sent = await deliverDueMail(api.deps);
      expect(sent).toEqual({ sent: 3, failed: 0 }); // industri: assigned + changed; usahamikro: assigned
      const toIndustri = smtp.mails.filter((m) => m.to === 'industri@dinas.example');
      expect(toIndustri.map((m) => m.subject).sort()).toEqual(
        [
          expect.stringMatching(/^\[Sambang\] Anda ditugaskan berkunjung ke /),
          expect.stringMatching(/^\[Sambang\] Rencana kunjungan ke .* diubah$/),
        ].sort(),
      );
      const assigned = toIndustri.find((m) => m.subject.includes('ditugaskan'))!;
      expect(assigned.text).toContain('Yth. Petugas');
      expect(assigned.text).toContain(`/kunjungan/${v.id}`);
      expect(assigned.html).toContain('Buka di Sambang');
      expect(smtp.mails.filter((m) => m.to === 'um@dinas.example').map((m) => m.subject)).toEqual([
        expect.stringContaining('ditugaskan'),
      ]);

      // 08:00 WIB: too early for the 09:00 digest; 09:00: one mail; again: nothing more.
      expect(await runDigest(api.deps)).toBe(0);
      clock = new Date('2026-03-02T02:00:00Z');
      expect(await runDigest(api.deps)).toBe(1);
      expect(await runDigest(api.deps)).toBe(0);
      await deliverDueMail(api.deps);
      const digest = smtp.mails.find((m) => m.subject.startsWith('[Sambang] Ringkasan harian'))!;
      expect(digest.to).toBe('um@dinas.example');
      expect(digest.text).toContain('Rencana kunjungan ke');
    } finally {
      (api.deps.config as { smtpUrl: string | null }).smtpUrl = null;
    }
  });

  it('retries a failing e-mail with backoff, then shows it as failed in the admin log', async () => {
    (api.deps.config as { smtpUrl: string | null }).smtpUrl = 'smtp://127.0.0.1:1';
    try {
      await api.req({
        method: 'POST',
        url: '/api/v1/visits',
        cookie: c.admin,
        body: {
          cooperativeId: otherCoop,
          date: '2026-03-13',
          purposes: ['MONITORING'],
          team: [{ userId: id['petugas.industri'], leader: true }],
        },
      });
      const failing = async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      };
      const waits = [1, 5, 30, 120, 720];
      expect(await deliverDueMail(api.deps, failing)).toEqual({ sent: 0, failed: 1 });
      for (const w of waits) {
        expect(await deliverDueMail(api.deps, failing)).toEqual({ sent: 0, failed: 0 }); // not yet due
        clock = new Date(clock.getTime() + w * 60_000);
        expect(await deliverDueMail(api.deps, failing)).toEqual({ sent: 0, failed: 1 });
      }
      clock = new Date(clock.getTime() + 24 * 3_600_000);
      expect(await deliverDueMail(api.deps, failing)).toEqual({ sent: 0, failed: 0 }); // given up: never silently retried
      c.admin = await api.login('admin'); // a day has passed on the clock
      c['petugas.industri'] = await api.login('petugas.industri');
      const log = (
        await api.req({ method: 'GET', url: '/api/v1/notifications/mail-log?status=failed', cookie: c.admin })
      ).json();
      expect(log.items).toHaveLength(1);
      expect(log.items[0]).toMatchObject({
        status: 'failed',
        attempts: 6,
        lastError: expect.stringContaining('ECONNREFUSED'),
        to: 'industri@dinas.example',
      });
      expect(
        (await api.req({ method: 'GET', url: '/api/v1/notifications/mail-log', cookie: c['petugas.industri'] }))
          .statusCode,
      ).toBe(403);
      // The admin sends it again; now it goes.
      expect(
        (
          await api.req({
            method: 'POST',
            url: `/api/v1/notifications/mail-log/${log.items[0].id}/retry`,
            cookie: c.admin,
          })
        ).statusCode,
      ).toBe(200);
      const delivered: string[] = [];
      expect(await deliverDueMail(api.deps, async (m) => void delivered.push(m.to))).toEqual({ sent: 1, failed: 0 });
      expect(delivered).toEqual(['industri@dinas.example']);
    } finally {
      (api.deps.config as { smtpUrl: string | null }).smtpUrl = null;
    }
  });

  it('serves a private calendar without a cookie, with the user’s visits; rotating ends the old address', async () => {
    const v = await api.req({
      method: 'POST',
      url: '/api/v1/visits',
      cookie: c['petugas.koperasi'],
      body: {
        cooperativeId: otherCoop,
        date: '2026-03-20',
        startTime: '08:30',
        endTime: '10:00',
        purposes: ['PEMBINAAN'],
        team: [{ userId: id['petugas.koperasi'], leader: true }],
      },
    });
    const { url } = (
      await api.req({ method: 'GET', url: '/api/v1/me/calendar', cookie: c['petugas.koperasi'] })
    ).json();
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/v1\/calendar\/[\w-]{20,}\.ics$/);
    const path = new URL(url).pathname;
    const feed = await api.req({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    const events = comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const mine = events.find((e) => e.uid === `visit-${v.json().id}@sambang`)!;
    expect(mine.summary).toMatch(/^Kunjungan: /);
    expect(mine.startDate.toJSDate().toISOString()).toBe('2026-03-20T01:30:00.000Z'); // 08:30 WIB
    expect(mine.endDate.toJSDate().toISOString()).toBe('2026-03-20T03:00:00.000Z');
    // Another officer's feed does not hold it.
    const other = (await api.req({ method: 'GET', url: '/api/v1/me/calendar', cookie: c['petugas.industri'] })).json()
      .url;
    expect((await api.req({ method: 'GET', url: new URL(other).pathname })).body).not.toContain(v.json().id);
    const rotated = (
      await api.req({ method: 'POST', url: '/api/v1/me/calendar/rotate', cookie: c['petugas.koperasi'] })
    ).json().url;
    expect(rotated).not.toBe(url);
    expect((await api.req({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await api.req({ method: 'GET', url: new URL(rotated).pathname })).statusCode).toBe(200);
  });

  it('reminds a follow-up’s owner 7 days before, on the day and when overdue — each once, and only its owner', async () => {
    const fid = randomUUID();
    const at = clock.toISOString();
    await api.deps.db.kysely
      .insertInto('follow_ups')
      .values({
        id: fid,
        cooperative_id: DEWI_ID,
        visit_id: null,
        concern_id: null,
        aspect: null,
        recommendation: 'Lengkapi buku daftar anggota',
        responsible_kind: 'COOPERATIVE',
        responsible_bidang: null,
        responsible_user_id: null,
        deadline: '2026-03-20',
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
    // The clock runs for weeks here (sessions expire): read the inboxes straight from the table.
    const of = async (who: string) =>
      (
        await api.deps.db.kysely
          .selectFrom('notifications')
          .select(['kind', 'link'])
          .where('user_id', '=', id[who]!)
          .orderBy('created_at', 'desc')
          .execute()
      ).filter((n) => n.link.includes(fid));
    const mine = async () => (await of('dewirengganis')).map((n) => n.kind);
    clock = new Date('2026-03-12T01:00:00Z'); // 8 days before: nothing
    await tick(api.deps);
    expect(await mine()).toEqual([]);
    clock = new Date('2026-03-13T01:00:00Z');
    await tick(api.deps);
    await tick(api.deps);
    expect(await mine()).toEqual(['follow_up.due_soon']);
    clock = new Date('2026-03-20T01:00:00Z');
    await tick(api.deps);
    clock = new Date('2026-03-21T01:00:00Z');
    await tick(api.deps);
    await tick(api.deps);
    expect(await mine()).toEqual(['follow_up.overdue', 'follow_up.due_today', 'follow_up.due_soon']);
    for (const other of USERS.filter((u) => u !== 'dewirengganis')) expect(await of(other)).toEqual([]);
  });

  it('tells a cooperative of its missed RAT, and Bidang Koperasi too — nobody else; old notices leave after 180 days', async () => {
    await api.deps.db.kysely
      .deleteFrom('annual_meetings')
      .where('cooperative_id', '=', DEWI_ID)
      .where('fiscal_year', '=', 2025)
      .execute();
    const old = randomUUID();
    await api.deps.db.kysely
      .insertInto('notifications')
      .values({
        id: old,
        user_id: id['petugas.koperasi']!,
        kind: 'visit.assigned',
        title: 'lama',
        body: 'lama',
        link: '/',
        wa_link: null,
        cooperative_id: null,
        dedupe_key: `event:${old}`,
        created_at: '2026-01-01T00:00:00.000Z',
        read_at: null,
        digest_state: null,
      })
      .execute();
    clock = new Date('2026-07-05T01:00:00Z'); // five days after the deadline of fiscal year 2025
    await tick(api.deps);
    const rows = await api.deps.db.kysely
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.title', 'notifications.link'])
      .where('dedupe_key', '=', `rat.missed:${DEWI_ID}:2025`)
      .execute();
    expect(rows.map((r) => r.username).sort()).toEqual(['dewirengganis', 'petugas.koperasi']);
    expect(rows[0]!.title).toBe('RAT tahun buku 2025 terlewat: Kopwan Dewi Rengganis');
    expect(rows[0]!.link).toBe(`/koperasi/${DEWI_ID}?tab=rat`);
    // ketua.lain hears of its own cooperative only (if its RAT was missed), never of Dewi Rengganis.
    const lain = await api.deps.db.kysely
      .selectFrom('notifications')
      .select('cooperative_id')
      .where('user_id', '=', id['ketua.lain']!)
      .execute();
    expect(lain.every((n) => n.cooperative_id === otherCoop)).toBe(true);
    // 2026-01-01 is more than 180 days before 2026-07-05.
    expect(
      await api.deps.db.kysely.selectFrom('notifications').select('id').where('id', '=', old).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('runs by itself once started (as the server does), and stops cleanly', async () => {
    const fid = randomUUID();
    const at = clock.toISOString();
    await api.deps.db.kysely
      .insertInto('follow_ups')
      .values({
        id: fid,
        cooperative_id: DEWI_ID,
        visit_id: null,
        concern_id: null,
        aspect: null,
        recommendation: 'Serahkan laporan RAT ke Dinas',
        responsible_kind: 'USER',
        responsible_bidang: null,
        responsible_user_id: id['petugas.usahamikro']!,
        deadline: '2026-07-05',
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
    const stop = startScheduler(api.deps, { everyMs: 200 });
    try {
      await expect
        .poll(
          async () =>
            (
              await api.deps.db.kysely
                .selectFrom('notifications')
                .select('kind')
                .where('dedupe_key', '=', `follow_up.due_today:${fid}:2026-07-05`)
                .execute()
            ).length,
          { timeout: 15_000 },
        )
        .toBe(1);
    } finally {
      await stop();
    }
  });
});
