/**
 * Table types of the visits capability (issue 4): programs, visits and teams, attendance,
 * notes, checklist, photos, concerns, follow-ups, business-unit needs and mentoring.
 * Conventions as in schema.ts.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the visits capability
export interface VisitTables {}
