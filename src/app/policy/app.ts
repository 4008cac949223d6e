import type { Actor } from '../context.js';
import { requestPolicy, verificationPolicy } from './desk.js';
import { dashboardPolicy, priorityPolicy } from './dashboard.js';
import { cooperativePolicy } from './cooperatives.js';
import { concernPolicy } from './concerns.js';
import { recipients, VERIFIERS } from './notifications.js';
import { officePolicy } from './offices.js';
import { programPolicy } from './programs.js';
import { isCooperativeAccount, isLeadership, isOfficer, isStaff, isWriter } from './rules.js';
import { auditPolicy, userPolicy } from './users.js';
import { visitPolicy } from './visits.js';

/**
 * What the logged-in user may reach in the app as a whole (`abilities` on GET /auth/me and the login
 * answer): the menu, the route guards, the start page and the notification settings of the web app
 * come from here instead of a copy of the role rules. Record-level buttons use each record's `can`.
 */
export function appAbilities(a: Actor) {
  return {
    /** The Dinas' own screens: registry, visits, priorities, assessments, rubrics, programs, recap, documents. */
    office: isStaff(a),
    /** A cooperative's own portal: its cooperative, its concerns and follow-ups. */
    portal: isCooperativeAccount(a),
    dashboard: dashboardPolicy.read(a, null),
    priorities: priorityPolicy.read(a, null),
    audit: auditPolicy.readAll(a, null),
    manageUsers: userPolicy.manage(a, null),
    manageOffice: officePolicy.manage(a, null),
    createCooperatives: cooperativePolicy.create(a, null),
    /** Change a cooperative's data (a cooperative's account: its own). */
    editCooperatives: cooperativePolicy.update(a, { id: a.cooperativeId ?? '' }),
    /** XLSX imports create and change cooperatives and their figures. */
    importData: isWriter(a),
    planVisits: visitPolicy.plan(a, null),
    /** A petugas who plans a visit must be on its team: the plan form puts them on it. */
    joinsOwnVisits: isOfficer(a),
    approveVisits: visitPolicy.approve(a, null),
    handleConcerns: concernPolicy.handle(a, null),
    /** Write down a concern between visits (a cooperative's account: on its own cooperative). */
    raiseConcerns: concernPolicy.raise(a, { cooperativeId: a.cooperativeId ?? '', visitTeam: null }),
    /** Ask the Dinas for a visit or help (the cooperative desk). */
    askRequests: requestPolicy.create(a, null),
    managePrograms: programPolicy.manage(a, null),
    decideVerifications: verificationPolicy.decide(a, null),
    /** Field mode (the offline visit app) is for the officers who visit. */
    fieldMode: isOfficer(a),
    /** Notified of filings waiting for verification (the notification settings list that kind). */
    verifiesFilings:
      recipients(VERIFIERS, [
        {
          id: a.userId ?? '',
          role: a.role === 'system' ? 'admin' : a.role,
          bidang: a.bidang,
          cooperativeId: a.cooperativeId,
          disabled: false,
        },
      ]).length > 0,
    /** Where the app opens after login: the cooperative's own page, the dashboard (pimpinan) or the registry. */
    home: isCooperativeAccount(a) ? 'cooperative' : isLeadership(a) ? 'dashboard' : 'registry',
  } as const;
}
export type AppAbilities = ReturnType<typeof appAbilities>;
