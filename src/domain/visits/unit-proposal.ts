import type { ProposalStatus } from './codes.js';

/** A proposed business unit: idea → studied → started, or dropped (with a reason) before it ends. */
const NEXT: Record<ProposalStatus, readonly ProposalStatus[]> = {
  idea: ['studied', 'dropped'],
  studied: ['started', 'dropped'],
  started: ['dropped'],
  dropped: [],
};

/** Where a proposal may go from its status (the web app offers these moves). */
export function nextProposalStatuses(from: ProposalStatus): readonly ProposalStatus[] {
  return NEXT[from];
}

export function proposalMove(from: ProposalStatus, to: ProposalStatus): string | null {
  if (from === to) return null;
  if (NEXT[from].includes(to)) return null;
  if (from === 'dropped') return 'Usulan ini sudah tidak dilanjutkan.';
  return `Status usulan tidak dapat diubah dari "${from}" ke "${to}"; urutannya gagasan → dikaji → dimulai.`;
}
