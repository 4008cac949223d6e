/**
 * Who may do what to which record, in one place: one module per resource, sharing rules.ts.
 * See ARCHITECTURE.md, "Who may do what".
 */
export * from './rules.js';
export * from './reach.js';
export * from './cooperatives.js';
export * from './users.js';
export * from './offices.js';
export * from './programs.js';
export * from './visits.js';
export * from './concerns.js';
export * from './follow-ups.js';
export * from './unit-development.js';
export * from './assessments.js';
export * from './documents.js';
export * from './desk.js';
export * from './jobs.js';
export * from './imports.js';
export * from './dashboard.js';
export * from './sync.js';
export * from './notifications.js';
export * from './app.js';
