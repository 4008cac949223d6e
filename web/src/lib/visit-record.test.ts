import { describe, expect, it } from 'vitest';
import { checkDraft, isDirty, patchOf, rebaseDraft, visitRights, type VisitDraft } from './visit-record';

const base = (): VisitDraft => ({
  attendance: [{ name: 'Siti Aminah', role: 'pengurus', gender: 'P' }],
  findings: { kelembagaan: 'RAT tepat waktu.', usaha: null, keuangan: null, pengawasanInternal: null },
  checklist: {
    'kelembagaan.rat': { result: 'SESUAI', note: null },
    'keuangan.pembukuan': { result: 'CUKUP', note: 'Manual.' },
  },
  gps: null,
  businessUnitIds: ['u1'],
});

describe('patchOf', () => {
  it('is null when nothing changed, including whitespace and blank new rows', () => {
    const d = base();
    d.findings.kelembagaan = '  RAT tepat waktu.  ';
    d.attendance.push({ name: '   ', role: 'anggota', gender: 'L' });
    expect(patchOf(base(), d, 3)).toBeNull();
    expect(isDirty(base(), d)).toBe(false);
  });

  it('sends only the changed parts, with a removed checklist answer as null', () => {
    const d = base();
    d.findings.usaha = 'Unit simpan pinjam berjalan.';
    delete d.checklist['kelembagaan.rat'];
    d.checklist['usaha.perizinan'] = { result: 'TIDAK_SESUAI', note: ' PIRT belum ada ' };
    expect(patchOf(base(), d, 3)).toEqual({
      version: 3,
      findings: { usaha: 'Unit simpan pinjam berjalan.' },
      checklist: { 'kelembagaan.rat': null, 'usaha.perizinan': { result: 'TIDAK_SESUAI', note: 'PIRT belum ada' } },
    });
  });

  it('sends the whole attendance list, trimmed, and units only when the set changed', () => {
    const d = base();
    d.attendance.push({ name: ' Budi  Santoso ', role: 'anggota', gender: 'L' });
    d.businessUnitIds = ['u1'];
    expect(patchOf(base(), d, 1)).toEqual({
      version: 1,
      attendance: [
        { name: 'Siti Aminah', role: 'pengurus', gender: 'P' },
        { name: 'Budi Santoso', role: 'anggota', gender: 'L' },
      ],
    });
    d.businessUnitIds = ['u2', 'u1'];
    expect(patchOf(base(), d, 1)?.businessUnitIds).toEqual(['u2', 'u1']);
  });
});

describe('rebaseDraft', () => {
  it('keeps what the user changed and takes the server for the rest', () => {
    const old = base();
    const mine = base();
    mine.findings.usaha = 'Catatan saya.';
    mine.checklist['keuangan.pembukuan'] = { result: 'SESUAI', note: null };
    const server = base();
    server.findings.keuangan = 'Catatan rekan.';
    server.findings.usaha = 'Catatan rekan tentang usaha.';
    server.checklist['kelembagaan.rat'] = { result: 'CUKUP', note: 'Terlambat seminggu.' };
    server.attendance.push({ name: 'Rekan Menambah', role: 'pengawas', gender: 'L' });
    server.gps = { lat: -7.9, lng: 113.4, accuracy: 10, at: null };

    const out = rebaseDraft(old, mine, server);
    expect(out.findings).toEqual({
      kelembagaan: 'RAT tepat waktu.',
      usaha: 'Catatan saya.',
      keuangan: 'Catatan rekan.',
      pengawasanInternal: null,
    });
    expect(out.checklist).toEqual({
      'kelembagaan.rat': { result: 'CUKUP', note: 'Terlambat seminggu.' },
      'keuangan.pembukuan': { result: 'SESUAI', note: null },
    });
    expect(out.attendance).toHaveLength(2);
    expect(out.gps).toEqual(server.gps);
    // What remains to send is exactly the user's own change.
    expect(patchOf(server, out, 9)).toEqual({
      version: 9,
      findings: { usaha: 'Catatan saya.' },
      checklist: { 'keuangan.pembukuan': { result: 'SESUAI', note: null } },
    });
  });

  it('keeps an answer the user removed removed', () => {
    const mine = base();
    delete mine.checklist['kelembagaan.rat'];
    const out = rebaseDraft(base(), mine, base());
    expect(out.checklist['kelembagaan.rat']).toBeUndefined();
  });
});

describe('checkDraft', () => {
  it('flags a one-letter name by its row', () => {
    const d = base();
    d.attendance.push({ name: 'A', role: 'anggota', gender: 'L' });
    expect(checkDraft(d)).toEqual({ 'attendance.1.name': 'Nama minimal 2 karakter.' });
  });
});

describe('visitRights', () => {
  // The visit's `can` is the server's policy (test/api/abilities.test.ts); here: how it meets the status.
  const teamOfficer = { update: true, approve: false, cancel: true, writeReport: true };
  const leader = { update: false, approve: true, cancel: true, writeReport: true };
  const reader = { update: false, approve: false, cancel: false, writeReport: false };
  it('lets a team petugas record and complete an approved visit, not approve it', () => {
    const r = visitRights({ can: teamOfficer, status: 'approved', date: '2025-01-19' }, '2025-02-01');
    expect(r).toMatchObject({ edit: true, editPlan: true, complete: true, approve: false, cancel: true });
  });
  it('gives pimpinan approval and cancellation but no editing', () => {
    const r = visitRights({ can: leader, status: 'planned', date: '2025-01-19' }, '2025-02-01');
    expect(r).toMatchObject({ edit: false, approve: true, cancel: true, complete: false });
  });
  it('offers approval only while planned, cancellation only while open', () => {
    expect(visitRights({ can: leader, status: 'approved', date: '2025-01-19' }, '2025-02-01').approve).toBe(false);
    expect(visitRights({ can: leader, status: 'done', date: '2025-01-19' }, '2025-02-01').cancel).toBe(false);
  });
  it('leaves readers and cancelled visits read-only', () => {
    expect(visitRights({ can: reader, status: 'approved', date: '2025-01-19' }, '2025-02-01').edit).toBe(false);
    const cancelled = visitRights({ can: teamOfficer, status: 'cancelled', date: '2025-01-19' }, '2025-02-01');
    expect(cancelled).toMatchObject({ edit: false, editPlan: false, cancel: false, complete: false });
  });
  it('does not offer completing a visit dated in the future', () => {
    expect(visitRights({ can: teamOfficer, status: 'approved', date: '2025-03-01' }, '2025-02-01').complete).toBe(
      false,
    );
  });
});
