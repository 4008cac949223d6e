import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers, DEFAULT_CHECKLIST } from '../../src/domain/visits/checklist.js';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../src/domain/visits/codes.js';
import { conflictsOf, doubleBookings } from '../../src/domain/visits/double-booking.js';
import { allowedNext, daysOverdue, isClosed, isOverdue, transition } from '../../src/domain/visits/follow-up.js';
import { imageSize, sniffImage } from '../../src/domain/visits/images.js';
import { canMoveVisit } from '../../src/domain/visits/visit-status.js';
import { proposalMove } from '../../src/domain/visits/unit-proposal.js';

const EVIDENCE = { note: 'PIRT sudah terbit dan salinannya diserahkan.' };

describe('follow-up state machine', () => {
  it.each([
    ['open', 'in_progress', true],
    ['open', 'done', true],
    ['open', 'cancelled', true],
    ['in_progress', 'done', true],
    ['in_progress', 'cancelled', true],
    ['in_progress', 'open', false],
    ['in_progress', 'in_progress', false],
    ['done', 'open', false],
    ['done', 'cancelled', false],
    ['cancelled', 'done', false],
    ['cancelled', 'in_progress', false],
  ] as [FollowUpStatus, FollowUpStatus, boolean][])('%s → %s allowed: %s', (from, to, ok) => {
    const r = transition(from, { to, evidence: EVIDENCE, reason: 'Tidak relevan lagi.' });
    expect(r.ok).toBe(ok);
  });

  it('refuses closing without evidence, and names the field', () => {
    for (const evidence of [
      undefined,
      null,
      {},
      { note: '' },
      { note: '   ' },
      { note: 'ok' },
      { note: null, photoId: 'x' },
    ]) {
      const r = transition('in_progress', { to: 'done', evidence });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.conflict).toBe(false);
        expect(r.fields['evidence.note']).toMatch(/Bukti tindak lanjut wajib diisi/);
      }
    }
  });

  it('keeps the evidence note trimmed with an optional photo and document', () => {
    const r = transition('open', {
      to: 'done',
      evidence: { note: '  Sudah dilatih.  ', photoId: 'p1', documentRef: ' ' },
    });
    expect(r).toEqual({
      ok: true,
      status: 'done',
      reason: null,
      note: null,
      evidence: { note: 'Sudah dilatih.', photoId: 'p1', documentRef: null },
    });
  });

  it('refuses cancelling without a reason', () => {
    const r = transition('open', { to: 'cancelled', reason: ' ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields.reason).toMatch(/Alasan pembatalan/);
  });

  it('reports a change to a closed follow-up as a conflict', () => {
    const r = transition('done', { to: 'in_progress' });
    expect(r).toMatchObject({ ok: false, conflict: true });
    if (!r.ok) expect(r.fields.status).toMatch(/sudah selesai/);
  });

  const status = fc.constantFrom(...FOLLOW_UP_STATUSES);
  const input = fc.record({
    to: status,
    evidence: fc.option(
      fc.record({ note: fc.option(fc.string(), { nil: null }), photoId: fc.option(fc.uuid(), { nil: null }) }),
      { nil: undefined },
    ),
    reason: fc.option(fc.string(), { nil: null }),
  });

  it('property: a closed follow-up never moves, whatever is sent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('done', 'cancelled' as const),
        input,
        (from, i) => !transition(from as FollowUpStatus, i).ok,
      ),
    );
  });

  it('property: every accepted change follows the graph, and done always carries a note of 5+ characters', () => {
    fc.assert(
      fc.property(status, input, (from, i) => {
        const r = transition(from, i);
        if (!r.ok) return true;
        if (!allowedNext(from).includes(r.status)) return false;
        if (r.status === 'done') return (r.evidence?.note.length ?? 0) >= 5;
        if (r.status === 'cancelled') return (r.reason?.length ?? 0) >= 5;
        return true;
      }),
    );
  });

  it('property: any sequence of changes ends closed at most once and never reopens', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 12 }), (steps) => {
        let s: FollowUpStatus = 'open';
        let closedAt = -1;
        steps.forEach((step, i) => {
          const r = transition(s, step);
          if (r.ok) {
            s = r.status;
            if (isClosed(s) && closedAt < 0) closedAt = i;
          }
        });
        return closedAt < 0 ? !isClosed(s) : isClosed(s);
      }),
    );
  });
});

describe('overdue', () => {
  it.each([
    ['open', '2025-03-31', '2025-03-31', false], // the deadline day itself is still in time
    ['open', '2025-03-31', '2025-04-01', true],
    ['in_progress', '2025-03-31', '2025-05-01', true],
    ['done', '2025-03-31', '2025-05-01', false],
    ['cancelled', '2025-03-31', '2025-05-01', false],
    ['open', '2025-12-31', '2026-01-01', true],
  ] as [FollowUpStatus, string, string, boolean][])(
    '%s, deadline %s, today %s → overdue %s',
    (status, deadline, today, expected) => {
      expect(isOverdue({ status, deadline }, today)).toBe(expected);
    },
  );

  it('counts whole days past the deadline', () => {
    expect(daysOverdue({ status: 'open', deadline: '2025-02-27' }, '2025-03-01')).toBe(2);
    expect(daysOverdue({ status: 'done', deadline: '2025-02-27' }, '2025-03-01')).toBe(0);
  });

  const day = fc
    .integer({ min: 0, max: 3650 })
    .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  it('property: overdue exactly when open or in progress and the deadline is before today', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FOLLOW_UP_STATUSES),
        day,
        day,
        (status, deadline, today) =>
          isOverdue({ status, deadline }, today) === (!isClosed(status) && deadline < today) &&
          daysOverdue({ status, deadline }, today) > 0 === isOverdue({ status, deadline }, today),
      ),
    );
  });
});

describe('double booking', () => {
  const v = (
    id: string,
    date: string,
    team: string[],
    status: 'planned' | 'approved' | 'done' | 'cancelled' = 'planned',
  ) => ({ id, date, team, status });

  it('flags an officer on two visits the same day, and nobody else', () => {
    const b = doubleBookings([
      v('a', '2025-01-19', ['u1', 'u2']),
      v('b', '2025-01-19', ['u2', 'u3']),
      v('c', '2025-01-20', ['u1']),
    ]);
    expect(b).toEqual([{ date: '2025-01-19', userId: 'u2', visitIds: ['a', 'b'] }]);
    expect(conflictsOf('a', b)).toEqual([{ userId: 'u2', otherVisitIds: ['b'] }]);
    expect(conflictsOf('c', b)).toEqual([]);
  });

  it('ignores cancelled visits and a user listed twice on one visit', () => {
    expect(doubleBookings([v('a', '2025-01-19', ['u1', 'u1']), v('b', '2025-01-19', ['u1'], 'cancelled')])).toEqual([]);
  });

  it('groups three visits of one officer into one booking', () => {
    expect(
      doubleBookings([v('c', '2025-02-01', ['u1']), v('a', '2025-02-01', ['u1']), v('b', '2025-02-01', ['u1'])]),
    ).toEqual([{ date: '2025-02-01', userId: 'u1', visitIds: ['a', 'b', 'c'] }]);
  });

  const visits = fc
    .array(
      fc.record({
        id: fc.uuid(),
        date: fc.constantFrom('2025-01-19', '2025-01-20', '2025-01-21'),
        status: fc.constantFrom('planned', 'approved', 'done', 'cancelled' as const),
        team: fc.array(fc.constantFrom<string>('u1', 'u2', 'u3', 'u4'), { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 12 },
    )
    .map((xs) => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i));

  it('property: a booking is reported exactly when an officer has 2+ live visits that day', () => {
    fc.assert(
      fc.property(visits, (vs) => {
        const b = doubleBookings(vs);
        for (const date of ['2025-01-19', '2025-01-20', '2025-01-21']) {
          for (const u of ['u1', 'u2', 'u3', 'u4']) {
            const live = vs
              .filter((x) => x.date === date && x.status !== 'cancelled' && x.team.includes(u))
              .map((x) => x.id)
              .sort();
            const found = b.find((x) => x.date === date && x.userId === u);
            if (live.length >= 2 ? JSON.stringify(found?.visitIds) !== JSON.stringify(live) : found !== undefined)
              return false;
          }
        }
        return true;
      }),
    );
  });

  it('property: the order of the input does not change the answer', () => {
    fc.assert(
      fc.property(
        visits,
        (vs) => JSON.stringify(doubleBookings(vs)) === JSON.stringify(doubleBookings([...vs].reverse())),
      ),
    );
  });
});

describe('visit and proposal statuses', () => {
  it('needs approval before a visit is done, and closes done and cancelled ones', () => {
    expect(canMoveVisit('planned', 'done')).toBe(false);
    expect(canMoveVisit('planned', 'approved')).toBe(true);
    expect(canMoveVisit('approved', 'done')).toBe(true);
    expect(canMoveVisit('approved', 'cancelled')).toBe(true);
    expect(canMoveVisit('done', 'cancelled')).toBe(false);
    expect(canMoveVisit('cancelled', 'planned')).toBe(false);
  });

  it('moves a business-unit proposal forward only, or drops it', () => {
    expect(proposalMove('idea', 'studied')).toBeNull();
    expect(proposalMove('studied', 'started')).toBeNull();
    expect(proposalMove('started', 'dropped')).toBeNull();
    expect(proposalMove('idea', 'started')).toMatch(/gagasan → dikaji → dimulai/);
    expect(proposalMove('dropped', 'idea')).toMatch(/tidak dilanjutkan/);
  });
});

describe('checklist and photos', () => {
  it('ships a provisional default checklist with unique indicator codes', () => {
    const codes = DEFAULT_CHECKLIST.areas.flatMap((a) => a.indicators.map((i) => i.code));
    expect(DEFAULT_CHECKLIST.provisional).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(checkAnswers(DEFAULT_CHECKLIST, { 'keuangan.shu': {}, 'x.y': {} })).toEqual({
      'checklist.x.y': 'Indikator tidak ada dalam daftar periksa.',
    });
  });

  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const jpeg = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0,
  ]);
  const webp = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.alloc(4),
    Buffer.from('WEBPVP8X'),
    Buffer.alloc(8),
    Buffer.from([0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00]),
  ]);

  it.each([
    ['PNG', png, 'image/png', { width: 1, height: 1 }],
    ['JPEG', jpeg, 'image/jpeg', { width: 640, height: 480 }],
    ['WebP', webp, 'image/webp', { width: 640, height: 480 }],
  ] as const)('recognises a %s by its magic bytes and reads its size', (_name, bytes, type, size) => {
    expect(sniffImage(bytes)).toBe(type);
    expect(imageSize(bytes, type)).toEqual(size);
  });

  it('recognises nothing else', () => {
    for (const b of [
      Buffer.from('GIF89a......'),
      Buffer.from('%PDF-1.7'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.alloc(0),
      Buffer.from([0xff, 0xd8]),
    ]) {
      expect(sniffImage(b)).toBeNull();
    }
  });

  it('property: random bytes that do not start with a known signature are never taken for an image', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const t = sniffImage(b);
        return (
          t === null ||
          (b[0] === 0xff && b[1] === 0xd8) ||
          b[0] === 0x89 ||
          String.fromCharCode(...b.subarray(0, 4)) === 'RIFF'
        );
      }),
    );
  });
});
