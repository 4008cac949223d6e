import { type HasRole, isCooperativeAccount, isOfficer } from './rules.js';

/**
 * Who receives a notice (issue 14), and what a user's private calendar feed shows. Moved here from
 * src/domain/notifications so that every rule about who sees what lives in the policies. Pure: the candidate users in, user ids out.
 * A cooperative's notices reach only that cooperative's own accounts; Dinas-only notices never
 * reach a koperasi account; disabled accounts and the person who made the change get nothing.
 */
export interface Candidate {
  id: string;
  role: 'admin' | 'pimpinan' | 'petugas' | 'koperasi';
  bidang: string | null;
  cooperativeId: string | null;
  disabled: boolean;
}

export type Audience =
  /** Named Dinas accounts (a visit's team, a recommendation's officer). */
  | { kind: 'users'; ids: readonly string[] }
  /** Every account of a role among the Dinas (pimpinan for approvals). */
  | { kind: 'role'; role: 'admin' | 'pimpinan' | 'petugas' }
  /** Every petugas of a bidang. */
  | { kind: 'bidang'; bidang: string }
  /** The accounts of one cooperative. */
  | { kind: 'cooperative'; cooperativeId: string };

function reaches(a: Audience, u: Candidate): boolean {
  switch (a.kind) {
    case 'users':
      return !isCooperativeAccount(u) && a.ids.includes(u.id);
    case 'role':
      return u.role === a.role;
    case 'bidang':
      return isOfficer(u) && u.bidang === a.bidang;
    case 'cooperative':
      return isCooperativeAccount(u) && u.cooperativeId === a.cooperativeId;
  }
}

export function recipients(
  audiences: readonly Audience[],
  users: readonly Candidate[],
  exclude: string | null = null,
): string[] {
  const out = new Set<string>();
  for (const u of users) {
    if (u.disabled || u.id === exclude) continue;
    if (audiences.some((a) => reaches(a, u))) out.add(u.id);
  }
  return [...out].sort();
}

/** The owner of a recommendation as an audience: the officer, the bidang, or the cooperative. */
export function followUpOwner(f: {
  responsibleKind: string;
  responsibleBidang: string | null;
  responsibleUserId: string | null;
  cooperativeId: string;
}): Audience {
  if (f.responsibleKind === 'USER' && f.responsibleUserId) return { kind: 'users', ids: [f.responsibleUserId] };
  if (f.responsibleKind === 'BIDANG' && f.responsibleBidang) return { kind: 'bidang', bidang: f.responsibleBidang };
  return { kind: 'cooperative', cooperativeId: f.cooperativeId };
}

/**
 * The officers who verify what a cooperative files: Bidang Koperasi's petugas (the desk a portal
 * concern also goes to) and the admins. The pimpinan do not decide filings, so are not told.
 */
export const VERIFIERS: readonly Audience[] = [
  { kind: 'bidang', bidang: 'koperasi' },
  { kind: 'role', role: 'admin' },
];

/** A filing's verdict goes to the accounts of the cooperative that filed it, and to no other. */
export const filingCooperative = (cooperativeId: string): Audience[] => [{ kind: 'cooperative', cooperativeId }];

/** A user's calendar feed (read with the feed's secret token, not a session). */
export const calendarPolicy = {
  /** A cooperative's account follows its cooperative's visits and the follow-ups its cooperative must do; '' when it has none. */
  cooperativeOf: (u: HasRole & { cooperative_id: string | null }) =>
    isCooperativeAccount(u) ? (u.cooperative_id ?? '') : null,
  /** A petugas also follows the follow-ups given to their bidang. */
  bidangOf: (u: HasRole & { bidang: string | null }) => (isOfficer(u) ? u.bidang : null),
};
