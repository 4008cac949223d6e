/** What a RAT decides: the agenda items a record ticks, with their Indonesian names. */
export const AGENDA_ITEMS = [
  'accountabilityReport',
  'financialStatementsApproved',
  'supervisorsReport',
  'shuDistribution',
  'workPlanBudget',
  'elections',
] as const;
export type AgendaItem = (typeof AGENDA_ITEMS)[number];
export const AGENDA_LABELS: Record<AgendaItem, string> = {
  accountabilityReport: 'Laporan pertanggungjawaban pengurus',
  financialStatementsApproved: 'Pengesahan laporan keuangan',
  supervisorsReport: 'Laporan pengawas',
  shuDistribution: 'Pembagian SHU',
  workPlanBudget: 'Rencana kerja dan anggaran (RK/RAPB)',
  elections: 'Pemilihan pengurus/pengawas',
};
