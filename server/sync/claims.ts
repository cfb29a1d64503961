import type { ChannelClaim } from '../channels/connector';
import { StoreError, type SellerStore } from '../store';
import type { SyncEvents } from './events';

/**
 * Channel claims (cancels, returns, exchanges) into the store's `claim` field. record_claim.lua applies each
 * (claimId, type, status) once, so the same claim read on every poll changes nothing after the first time,
 * while the same claim moving on (requested, then done) is applied at each step.
 */

/**
 * A claim's identity on the channel: its line, its kind and when it was requested. Naver gives a line at most
 * one open claim of a kind at a time, and a later claim of the same kind has a later request time.
 */
export function claimIdOf(claim: Pick<ChannelClaim, 'lineId' | 'type' | 'at'>): string {
  return `${claim.lineId}|${claim.type}|${claim.at ?? 'undated'}`;
}

export interface ClaimProblem {
  lineId: string;
  problem: string;
}

/** Records every claim of one order; refusals (a line the store does not know) are returned, not thrown. */
export async function recordChannelClaims(seller: SellerStore, orderKey: string, claims: readonly ChannelClaim[], events?: SyncEvents): Promise<ClaimProblem[]> {
  const problems: ClaimProblem[] = [];
  for (const claim of claims) {
    // A completed claim of no units moves nothing; the store refuses it as input.
    if (claim.status === 'DONE' && claim.quantity < 1) continue;
    try {
      const result = await seller.orders.recordClaim(orderKey, {
        claimId: claimIdOf(claim),
        type: claim.type,
        status: claim.status,
        quantity: claim.quantity,
        lineId: claim.lineId,
        ...(claim.reason ? { reason: claim.reason } : {}),
      });
      if (result.applied) {
        events?.emit({ type: 'claim', sellerId: seller.sellerId, key: orderKey, lineId: claim.lineId, claim: `${claim.type} ${claim.status}`, applied: true, status: result.status });
      }
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      problems.push({ lineId: claim.lineId, problem: error.message });
    }
  }
  return problems;
}
