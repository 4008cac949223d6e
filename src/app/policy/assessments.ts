import type { Actor } from '../context.js';
import { documentPolicy } from './documents.js';
import {
  guardOwnCooperative,
  isAdmin,
  isCooperativeAccount,
  isStaff,
  isWriter,
  ownsCooperative,
  type Rule,
  scopeFilter,
} from './rules.js';

/** Petugas and admin assess; pimpinan reads all; a cooperative's account reads its own finalized assessments. */
export const assessmentPolicy = {
  assess: ((a) => isWriter(a)) as Rule<unknown>,
  read: ((a, r) => isStaff(a) || (ownsCooperative(a, r.cooperative.id) && r.status === 'FINAL')) as Rule<{
    cooperative: { id: string };
    status: string;
  }>,
  publishRubric: ((a) => isAdmin(a)) as Rule<unknown>,
  scope: (a: Actor, cooperativeColumn = 'a.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
  /** The list a cooperative's account may see: its own cooperative's finalized assessments only. */
  restrictList<Q extends { cooperativeId?: string; status?: 'DRAFT' | 'FINAL' }>(a: Actor, q: Q): Q {
    if (!isCooperativeAccount(a)) return q;
    if (q.cooperativeId) guardOwnCooperative(a, q.cooperativeId);
    return { ...q, cooperativeId: a.cooperativeId ?? '', status: 'FINAL' };
  },
};

/** What the actor may do with this assessment (`can` in the assessment's response). */
export function assessmentAbilities(a: Actor, r: { status: string }) {
  const assess = assessmentPolicy.assess(a, r);
  return {
    update: assess && r.status === 'DRAFT',
    finalize: assess && r.status === 'DRAFT',
    delete: assess && r.status === 'DRAFT',
    browse: isStaff(a),
    issueDocument: documentPolicy.issue(a, r),
  };
}

/** What the actor may do with the rubrics (`can` of the rubric list). */
export function rubricAbilities(a: Actor) {
  return { publish: assessmentPolicy.publishRubric(a, null) };
}
