import { forbidden } from '../../domain/errors.js';
import type { Actor } from '../context.js';
import {
  isCooperativeAccount,
  isLeadership,
  isOfficer,
  isStaff,
  isWriter,
  ownsCooperative,
  type Rule,
  scopeFilter,
  scopeOf,
} from './rules.js';

/**
 * The cooperative desk: what a cooperative files for verification, its requests to the Dinas, its
 * announced RATs and its document shelf.
 */
export const verificationPolicy = {
  /** Staff see the whole queue; a cooperative sees the state of what it filed. */
  read: ((a, v) => isStaff(a) || ownsCooperative(a, v.cooperativeId)) as Rule<{ cooperativeId: string }>,
  decide: ((a) => isWriter(a)) as Rule<unknown>,
  /** What a cooperative enters waits for the Dinas to verify it; staff entries count at once. */
  mustBeVerified: (a: Actor) => isCooperativeAccount(a),
  /** A cooperative's account sees only its own cooperative's queue. */
  restrictList<Q extends { cooperativeId?: string }>(a: Actor, q: Q): Q {
    const s = scopeOf(a);
    if (s.kind !== 'cooperative') return q;
    if (q.cooperativeId && q.cooperativeId !== s.cooperativeId)
      throw forbidden('Anda hanya dapat melihat data koperasi Anda sendiri.');
    return { ...q, cooperativeId: s.cooperativeId };
  },
  scope: (a: Actor, cooperativeColumn = 'v.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

export const requestPolicy = {
  /** A cooperative asks for itself; the Dinas writers may record a request on its behalf. Pimpinan does not. */
  create: ((a) => !isLeadership(a)) as Rule<unknown>,
  /** Turning a request into a planned visit. */
  plan: ((a) => isWriter(a)) as Rule<unknown>,
  /** Closing a request (handled or declined) with a note to the cooperative. */
  close: ((a) => isWriter(a)) as Rule<unknown>,
  /** A petugas's queue defaults to their own bidang; a cooperative's list is never split by bidang. */
  defaultBidang: (a: Actor) => (isOfficer(a) ? a.bidang : null),
  filtersByBidang: (a: Actor) => !isCooperativeAccount(a),
  scope: (a: Actor, cooperativeColumn = 'r.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

export const ratAnnouncementPolicy = {
  linkVisit: ((a) => isWriter(a)) as Rule<unknown>,
  scope: (a: Actor, cooperativeColumn = 'a.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

/** What the actor may do at the desk: verify filings, plan requested visits, attend announced RATs. */
export function deskAbilities(a: Actor) {
  return {
    decide: verificationPolicy.decide(a, null),
    planVisit: requestPolicy.plan(a, null),
    linkVisit: ratAnnouncementPolicy.linkVisit(a, null),
  };
}
