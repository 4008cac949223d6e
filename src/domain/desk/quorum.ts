/**
 * Quorum of a RAT: what the articles require when recorded, else half of the RAT's member total
 * plus one (DOMAIN.md §6). A RAT without quorum does not count as held.
 */
export function quorumOf(membersTotal: number, quorumRequired: number | null): number {
  return quorumRequired ?? Math.floor(membersTotal / 2) + 1;
}

export function hasQuorum(m: { membersPresent: number; membersTotal: number; quorumRequired: number | null }): boolean {
  return m.membersPresent >= quorumOf(m.membersTotal, m.quorumRequired);
}

/** The registry's member count against the RAT's: a mismatch is worth a question, not a refusal. */
export function memberCountMismatch(registryMembers: number, ratMembersTotal: number): boolean {
  return registryMembers > 0 && registryMembers !== ratMembersTotal;
}

/** Assets must equal liabilities plus equity; rounding of up to Rp1 is tolerated. */
export const BALANCE_TOLERANCE = 1;
export function isBalanced(totalAssets: number, totalLiabilitiesAndEquity: number): boolean {
  return Math.abs(totalAssets - totalLiabilitiesAndEquity) <= BALANCE_TOLERANCE;
}
