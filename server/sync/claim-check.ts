import { isFileChannel, parseOrderKey } from '../../shared/ids';
import type { ChannelAccounts } from '../channels/accounts';
import { ChannelError, type ChannelClaim } from '../channels/connector';
import type { ChannelConnectors } from '../channels/connectors';
import type { Store } from '../store';
import { recordChannelClaims } from './claims';

/**
 * The check right before shipping: read the claim state of the orders' lines from their channels now, and
 * record it, so a cancel the buyer asked for a minute ago blocks the shipment (the store refuses to ship an
 * order with an open cancel request). The caller re-reads the orders afterwards.
 *
 * Orders of file channels, and orders of accounts Sheetship is not connected to, have no channel to ask and
 * pass unchecked. When a channel cannot be asked, the check throws ClaimCheckError naming the accounts, and
 * the caller decides; shipping an order whose cancel state is unknown is the mistake this check exists for.
 */

export type ClaimCheck = (sellerId: string, orderKeys: readonly string[]) => Promise<void>;

export class ClaimCheckError extends Error {
  readonly code = 'CLAIM_CHECK_FAILED';

  constructor(
    readonly accounts: string[],
    readonly reason: string,
  ) {
    super(`claim check failed for ${accounts.join(', ')}: ${reason}`);
    this.name = 'ClaimCheckError';
  }
}

export interface ClaimCheckDeps {
  store: Store;
  accounts: ChannelAccounts;
  connectors: ChannelConnectors;
}

export function createClaimCheck(deps: ClaimCheckDeps): ClaimCheck {
  return async (sellerId, orderKeys) => {
    const seller = deps.store.forSeller(sellerId, 'claim-check');
    const byAccount = new Map<string, string[]>();
    for (const key of new Set(orderKeys)) {
      const parts = parseOrderKey(key);
      if (!parts || isFileChannel(parts.channel)) continue;
      byAccount.set(parts.account, [...(byAccount.get(parts.account) ?? []), key]);
    }
    const failures: { account: string; reason: string }[] = [];
    for (const [account, keys] of byAccount) {
      const record = await deps.accounts.get(sellerId, account);
      if (!record) continue;
      const orders = (await seller.orders.getMany(keys)).filter((order) => order.channel === record.channel);
      const lineOwner = new Map(orders.flatMap((order) => order.lines.map((line) => [line.lineId, order.key] as const)));
      if (lineOwner.size === 0) continue;
      let claims: ChannelClaim[];
      try {
        const connector = await deps.connectors.forRecord(sellerId, record);
        claims = await connector.fetchClaims([...lineOwner.keys()]);
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        failures.push({ account, reason: error.message });
        continue;
      }
      const byOrder = new Map<string, ChannelClaim[]>();
      for (const claim of claims) {
        const key = lineOwner.get(claim.lineId);
        if (key) byOrder.set(key, [...(byOrder.get(key) ?? []), claim]);
      }
      for (const [key, orderClaims] of byOrder) await recordChannelClaims(seller, key, orderClaims);
    }
    if (failures.length > 0) throw new ClaimCheckError(failures.map((failure) => failure.account), failures.map((failure) => failure.reason).join('; '));
  };
}
