import { sellerPrefix } from '../store/keys';
import type { Store } from '../store';
import { tenancyKeys } from '../tenancy/redis-keys';

/**
 * Demo mode starts fresh: the sandbox forgets everything when the process ends, so the demo seller's orders,
 * catalog, ledger, alerts, channel accounts and sync state go too. Its record and key labels stay, so the
 * printed demo key keeps working.
 */
export async function resetDemoSeller(store: Store, sellerId: string): Promise<number> {
  const keep = new Set([tenancyKeys.seller(sellerId), tenancyKeys.keyLabels(sellerId)]);
  const redis = store.pool.pick();
  let removed = 0;
  for await (const batch of redis.scanIterator({ MATCH: `${sellerPrefix(sellerId)}*`, COUNT: 500 })) {
    const doomed = batch.filter((key) => !keep.has(key));
    if (doomed.length > 0) removed += await redis.del(doomed);
  }
  return removed;
}
