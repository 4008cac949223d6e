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
