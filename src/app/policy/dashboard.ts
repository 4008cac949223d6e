import { isAdmin, isLeader, isStaff, type Rule } from './rules.js';

/** The dashboard, the priority list and its weights, and the yearly recap. */
export const dashboardPolicy = {
  read: ((a) => isLeader(a)) as Rule<unknown>,
};

export const priorityPolicy = {
  read: ((a) => isStaff(a)) as Rule<unknown>,
  setWeights: ((a) => isAdmin(a)) as Rule<unknown>,
};

export const recapPolicy = {
  read: ((a) => isStaff(a)) as Rule<unknown>,
};

/** The tiers of government that supervise cooperatives, from the narrowest. */
export const AUTHORITY_LEVELS = ['KABUPATEN', 'PROVINSI', 'NASIONAL'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

/**
 * The area an office reaches (issue 11): a regency office its regency ('35.13'), a province office
 * its province ('35'), the national office the whole country (''). The system actor reaches everything.
 */
export interface OfficeReach {
  level: AuthorityLevel;
  code: string;
}

/** A region code of any depth: '' (the nation), '35' (province), '35.13' (regency), '35.13.07' (kecamatan). */
export function regionWithinReach(reach: OfficeReach, region: string): boolean {
  return reach.code === '' || region === reach.code || region.startsWith(`${reach.code}.`);
}

/**
 * Which cooperatives a region's figures (dashboard, priorities, recap) count: those located in the
 * region whose authority is at most the region's tier. A regency counts its own (KABUPATEN)
 * cooperatives; a province adds those under provincial authority; the nation counts every one. So a
 * province's row for a regency is exactly that regency's own dashboard.
 */
export function authoritiesOfRegion(region: string): AuthorityLevel[] {
  if (region === '') return [...AUTHORITY_LEVELS];
  if (/^\d{2}$/.test(region)) return ['KABUPATEN', 'PROVINSI'];
  return ['KABUPATEN'];
}
