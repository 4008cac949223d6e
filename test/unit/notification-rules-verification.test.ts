import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VERIFICATION_KINDS,
  VERIFICATION_KIND_LABELS,
  type VerificationKind,
} from '../../src/domain/desk/verification.js';
import { FILING_TABS, type FilingFacts, verificationNotice } from '../../src/domain/notifications/messages.js';
import { type Candidate, filingCooperative, recipients, VERIFIERS } from '../../src/app/policy/notifications.js';

/** Who hears of a cooperative's filing for verification, and what the notice says (issues 13 and 14). */
const U = (
  id: string,
  role: Candidate['role'],
  bidang: string | null = null,
  cooperativeId: string | null = null,
  disabled = false,
): Candidate => ({ id, role, bidang, cooperativeId, disabled });
const USERS: Candidate[] = [
  U('admin', 'admin'),
  U('admin.off', 'admin', null, null, true),
  U('pimpinan', 'pimpinan'),
  U('kop1', 'petugas', 'koperasi'),
  U('kop2', 'petugas', 'koperasi'),
  U('um', 'petugas', 'usaha_mikro'),
  U('ind', 'petugas', 'perindustrian'),
  U('dewi', 'koperasi', null, 'c-dewi'),
  U('dewi.bendahara', 'koperasi', null, 'c-dewi'),
  U('lain', 'koperasi', null, 'c-lain'),
];

describe('verification recipients', () => {
  it.each([
    ['a filing, by a cooperative user', VERIFIERS, 'dewi', ['admin', 'kop1', 'kop2']],
    ['a filing, the verifying admin excluded', VERIFIERS, 'admin', ['kop1', 'kop2']],
    ['a return or verification by kop1', filingCooperative('c-dewi'), 'kop1', ['dewi', 'dewi.bendahara']],
    ['a verdict, one of the cooperative acting', filingCooperative('c-dewi'), 'dewi', ['dewi.bendahara']],
    ['a verdict for the other cooperative', filingCooperative('c-lain'), 'admin', ['lain']],
    ['a verdict for a cooperative with no accounts', filingCooperative('c-none'), 'kop1', []],
  ] as const)('%s → %j', (_what, audiences, actor, expected) => {
    expect(recipients(audiences, USERS, actor)).toEqual(expected);
  });

  it('never tells a koperasi account of a filing, nor the Dinas of a verdict, nor anyone of their own act', () => {
    fc.assert(
      fc.property(fc.constantFrom(...USERS.map((u) => u.id)), fc.constantFrom('c-dewi', 'c-lain'), (actor, coop) => {
        const toOfficers = recipients(VERIFIERS, USERS, actor);
        const toCoop = recipients(filingCooperative(coop), USERS, actor);
        const byId = new Map(USERS.map((u) => [u.id, u]));
        return (
          toOfficers.every(
            (id) => byId.get(id)!.role !== 'koperasi' && byId.get(id)!.role !== 'pimpinan' && !byId.get(id)!.disabled,
          ) &&
          toCoop.every((id) => byId.get(id)!.cooperativeId === coop && byId.get(id)!.role === 'koperasi') &&
          !toOfficers.includes(actor) &&
          !toCoop.includes(actor)
        );
      }),
    );
  });
});

describe('verification notices', () => {
  const facts = (kind: VerificationKind): FilingFacts => ({
    id: 'v1',
    kind,
    kindLabel: VERIFICATION_KIND_LABELS[kind],
    entityId: 'e1',
    cooperativeId: 'c-dewi',
    cooperativeName: 'KSP Dewi Rengganis',
    summary: 'RAT tahun buku 2025 pada 14 Februari 2026',
    by: 'Dewi',
  });

  it.each([
    ['ANNUAL_MEETING', '/koperasi/c-dewi?tab=rat'],
    ['YEARLY_FIGURES', '/koperasi/c-dewi?tab=data-tahunan'],
    ['FINANCIAL_STATEMENT', '/koperasi/c-dewi?tab=kesehatan'],
    ['FOLLOW_UP', '/koperasi/c-dewi?tab=aspirasi'],
    ['OFFICERS', '/koperasi/c-dewi?tab=profil'],
    ['DOCUMENT', '/koperasi/c-dewi?tab=dokumen'],
  ] as const)('%s: a verdict links to %s, the filing to the queue filtered to it', (kind, link) => {
    expect(verificationNotice('verification.returned', facts(kind), 'Notulen belum ditandatangani').link).toBe(link);
    expect(verificationNotice('verification.verified', facts(kind)).link).toBe(link);
    expect(verificationNotice('verification.pending', facts(kind)).link).toBe(`/verifikasi?kind=${kind}&coop=c-dewi`);
  });

  it('has a tab for every kind of filing', () => {
    expect(Object.keys(FILING_TABS).sort()).toEqual([...VERIFICATION_KINDS].sort());
  });

  it('says in Indonesian what waits, why it came back, and that it is verified', () => {
    const f = facts('ANNUAL_MEETING');
    const p = verificationNotice('verification.pending', f);
    expect(p.title).toBe('Menunggu verifikasi: Catatan RAT KSP Dewi Rengganis');
    expect(p.body).toContain(
      'KSP Dewi Rengganis mengajukan Catatan RAT untuk diverifikasi (oleh Dewi): "RAT tahun buku 2025',
    );
    const r = verificationNotice('verification.returned', f, 'Notulen belum ditandatangani');
    expect(r.title).toBe('Catatan RAT dikembalikan oleh Dinas');
    expect(r.body).toContain('Alasan: Notulen belum ditandatangani.');
    expect(verificationNotice('verification.verified', f).title).toBe('Catatan RAT telah diverifikasi');
    expect([p, r].every((n) => n.whatsapp === null)).toBe(true);
  });
});
