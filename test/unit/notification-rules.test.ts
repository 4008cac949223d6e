import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPrefs, mergePrefs, NOTICE_KINDS } from '../../src/domain/notifications/kinds.js';
import { followUpNotice, ratNotice, visitNotice, waLink, waPhone } from '../../src/domain/notifications/messages.js';
import { type Audience, type Candidate, followUpOwner, recipients } from '../../src/app/policy/notifications.js';
import { daysBetween } from '../../src/domain/dates.js';
import {
  digestDue,
  followUpStage,
  nextMailAttempt,
  ratStage,
  ratYearInView,
} from '../../src/domain/notifications/reminders.js';
import { ratDeadline } from '../../src/domain/rat/compliance.js';

describe('follow-up reminder stage', () => {
  it.each([
    ['open', '2026-03-20', '2026-03-10', null],
    ['open', '2026-03-17', '2026-03-10', 'due_soon'], // exactly 7 days
    ['in_progress', '2026-03-11', '2026-03-10', 'due_soon'],
    ['open', '2026-03-10', '2026-03-10', 'due_today'],
    ['open', '2026-03-09', '2026-03-10', 'overdue'],
    ['open', '2026-02-08', '2026-03-10', 'overdue'], // 30 days late
    ['open', '2026-02-07', '2026-03-10', null], // older than the window: no flood of old news
    ['done', '2026-03-09', '2026-03-10', null],
    ['cancelled', '2026-03-10', '2026-03-10', null],
  ])('%s, deadline %s, today %s → %s', (status, deadline, today, stage) => {
    expect(followUpStage({ status, deadline }, today)).toBe(stage);
  });

  it('moves only forward as days pass: due_soon → due_today → overdue, never back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), (offset) => {
        const deadline = '2026-06-15';
        const order = [null, 'due_soon', 'due_today', 'overdue'];
        const today = new Date(Date.parse('2026-06-15T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
        const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const a = followUpStage({ status: 'open', deadline }, today);
        const b = followUpStage({ status: 'open', deadline }, tomorrow);
        // Forward only, except leaving the overdue window (back to silence), which happens once.
        return order.indexOf(b) >= order.indexOf(a) || (a === 'overdue' && b === null && offset === 30);
      }),
    );
  });
});

describe('RAT reminder stage', () => {
  it.each([
    ['2026-06-30', '2026-05-01', false, 60],
    ['2026-06-30', '2026-04-30', false, null], // 61 days before
    ['2026-06-30', '2026-05-31', false, 30],
    ['2026-06-30', '2026-06-23', false, 7],
    ['2026-06-30', '2026-06-30', false, 7],
    ['2026-06-30', '2026-07-01', false, 'missed'],
    ['2026-06-30', '2026-07-30', false, 'missed'],
    ['2026-06-30', '2026-07-31', false, null], // older than the 30-day window: no flood of old news
    ['2026-06-30', '2026-06-23', true, null], // held
  ])('deadline %s, today %s, held %s → %s', (deadline, today, held, stage) => {
    expect(ratStage(deadline, today, held)).toBe(stage);
  });

  it('looks at last year until a month after its deadline, then at this year', () => {
    const d = (y: number) => ratDeadline(y);
    expect(ratYearInView('2026-05-01', d)).toBe(2025);
    expect(ratYearInView('2026-07-30', d)).toBe(2025);
    expect(ratYearInView('2026-08-01', d)).toBe(2026);
  });
});

describe('recipients', () => {
  const users: Candidate[] = [
    { id: 'adm', role: 'admin', bidang: null, cooperativeId: null, disabled: false },
    { id: 'pim', role: 'pimpinan', bidang: null, cooperativeId: null, disabled: false },
    { id: 'pk1', role: 'petugas', bidang: 'koperasi', cooperativeId: null, disabled: false },
    { id: 'pk2', role: 'petugas', bidang: 'koperasi', cooperativeId: null, disabled: true },
    { id: 'pum', role: 'petugas', bidang: 'usaha_mikro', cooperativeId: null, disabled: false },
    { id: 'kA', role: 'koperasi', bidang: null, cooperativeId: 'A', disabled: false },
    { id: 'kB', role: 'koperasi', bidang: null, cooperativeId: 'B', disabled: false },
  ];
  it.each<[string, Audience[], string | null, string[]]>([
    ['a team', [{ kind: 'users', ids: ['pk1', 'pum'] }], null, ['pk1', 'pum']],
    ['a team, without the one who changed it', [{ kind: 'users', ids: ['pk1', 'pum'] }], 'pk1', ['pum']],
    ['a team naming a koperasi account (never reached this way)', [{ kind: 'users', ids: ['kA'] }], null, []],
    ['the pimpinan', [{ kind: 'role', role: 'pimpinan' }], null, ['pim']],
    ['a bidang: its active petugas only', [{ kind: 'bidang', bidang: 'koperasi' }], null, ['pk1']],
    ['a cooperative: its own accounts only', [{ kind: 'cooperative', cooperativeId: 'A' }], null, ['kA']],
    [
      'missed RAT: cooperative and Bidang Koperasi',
      [
        { kind: 'cooperative', cooperativeId: 'B' },
        { kind: 'bidang', bidang: 'koperasi' },
      ],
      null,
      ['kB', 'pk1'],
    ],
  ])('%s', (_name, audiences, exclude, expected) => {
    expect(recipients(audiences, users, exclude)).toEqual(expected);
  });

  const candidate = fc.record({
    id: fc.uuid(),
    role: fc.constantFrom('admin', 'pimpinan', 'petugas', 'koperasi') as fc.Arbitrary<Candidate['role']>,
    bidang: fc.constantFrom(null, 'koperasi', 'usaha_mikro'),
    cooperativeId: fc.constantFrom(null, 'A', 'B', 'C'),
    disabled: fc.boolean(),
  });
  const audience: fc.Arbitrary<Audience> = fc.oneof(
    fc.record({
      kind: fc.constant('role' as const),
      role: fc.constantFrom('admin' as const, 'pimpinan' as const, 'petugas' as const),
    }),
    fc.record({ kind: fc.constant('bidang' as const), bidang: fc.constantFrom('koperasi', 'usaha_mikro') }),
    fc.record({ kind: fc.constant('cooperative' as const), cooperativeId: fc.constantFrom('A', 'B', 'C') }),
  );

  it('never reaches a cooperative account of another cooperative, a disabled account, or the actor', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.array(audience, { maxLength: 3 }), (us, auds) => {
        const exclude = us[0]?.id ?? null;
        const out = new Set(recipients(auds, us, exclude));
        const coops = new Set(auds.flatMap((a) => (a.kind === 'cooperative' ? [a.cooperativeId] : [])));
        return us.every((u) => {
          if (!out.has(u.id)) return true;
          if (u.disabled || u.id === exclude) return false;
          if (u.role === 'koperasi') return u.cooperativeId !== null && coops.has(u.cooperativeId);
          return true;
        });
      }),
    );
  });

  it('names the owner of a recommendation', () => {
    expect(
      followUpOwner({ responsibleKind: 'USER', responsibleBidang: null, responsibleUserId: 'u1', cooperativeId: 'A' }),
    ).toEqual({ kind: 'users', ids: ['u1'] });
    expect(
      followUpOwner({
        responsibleKind: 'BIDANG',
        responsibleBidang: 'perindustrian',
        responsibleUserId: null,
        cooperativeId: 'A',
      }),
    ).toEqual({ kind: 'bidang', bidang: 'perindustrian' });
    expect(
      followUpOwner({
        responsibleKind: 'COOPERATIVE',
        responsibleBidang: null,
        responsibleUserId: null,
        cooperativeId: 'A',
      }),
    ).toEqual({ kind: 'cooperative', cooperativeId: 'A' });
  });
});

describe('messages', () => {
  const visit = {
    id: 'v1',
    cooperativeName: 'Kopwan Melati',
    date: '2026-03-10',
    startTime: '09:00',
    leaderName: 'Budi',
    cooperativePhone: '0812-3456-7890',
    chairName: 'Ibu Sari',
  };
  it('says what, when, and links to the visit', () => {
    const n = visitNotice('visit.assigned', visit, { by: 'Admin' });
    expect(n.title).toBe('Anda ditugaskan berkunjung ke Kopwan Melati');
    expect(n.body).toContain('10 Maret 2026 pukul 09:00 WIB');
    expect(n.link).toBe('/kunjungan/v1');
    expect(n.whatsapp?.text).toContain('Yth. Ibu Sari Kopwan Melati');
  });
  it('counts days in follow-up reminders', () => {
    const f = {
      id: 'f1',
      cooperativeId: 'c9',
      cooperativeName: 'KUD Makmur',
      recommendation: 'Perbarui buku anggota',
      deadline: '2026-03-17',
      cooperativePhone: null,
      chairName: null,
      responsibleKind: 'USER',
    };
    expect(followUpNotice('due_soon', f, '2026-03-10').title).toBe('Tindak lanjut jatuh tempo 7 hari lagi: KUD Makmur');
    expect(followUpNotice('overdue', f, '2026-03-20').title).toBe('Tindak lanjut terlambat 3 hari: KUD Makmur');
    expect(followUpNotice('overdue', f, '2026-03-20').link).toBe('/tindak-lanjut?coop=c9&focus=f1');
  });
  it('words a missed RAT', () => {
    const n = ratNotice('missed', {
      cooperativeId: 'c1',
      cooperativeName: 'KSU Maju',
      fiscalYear: 2025,
      deadline: '2026-06-30',
      cooperativePhone: null,
      chairName: null,
    });
    expect(n.kind).toBe('rat.missed');
    expect(n.body).toContain('30 Juni 2026');
  });
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['(0335) 123456', '62335123456'],
    ['12', null],
    ['', null],
  ])('wa.me number of %s → %s', (input, out) => {
    expect(waPhone(input)).toBe(out);
  });
  it('writes the message into the wa.me link', () => {
    expect(waLink('081234567890', 'Halo Bu, RAT?')).toBe('https://wa.me/6281234567890?text=Halo%20Bu%2C%20RAT%3F');
  });
});

describe('preferences, digest hour and mail backoff', () => {
  it('defaults every kind to one e-mail per notice and ignores junk', () => {
    expect(Object.values(defaultPrefs()).every((c) => c === 'instant')).toBe(true);
    const p = mergePrefs({ 'rat.upcoming': 'digest', nope: 'off', 'visit.assigned': 'loud' });
    expect(p['rat.upcoming']).toBe('digest');
    expect(p['visit.assigned']).toBe('instant');
    expect(Object.keys(p)).toEqual([...NOTICE_KINDS]);
  });
  it('sends the digest once the hour has come', () => {
    expect(digestDue(6, 7)).toBe(false);
    expect(digestDue(7, 7)).toBe(true);
    expect(digestDue(23, 7)).toBe(true);
  });
  it('retries a failed mail 5 times with growing waits, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6].map(nextMailAttempt)).toEqual([1, 5, 30, 120, 720, null]);
  });
  it('counts days across months and years', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });
});
