import { alertId } from '../../shared/alerts';
import type { Listing } from '../../shared/catalog';
import { isFileChannel, listingKey, parseListingKey } from '../../shared/ids';
import type { ChannelAccountRecord } from '../channels/accounts';
import { ChannelError, type StockOutcome, type StockUpdate } from '../channels/connector';
import type { SellerStore, Store } from '../store';
import { sellerKeys } from '../store/keys';
import type { SyncContext } from './context';
import type { SyncStatusBook } from './status';
import { sellerRetryQueue, type RetryQueue } from './retry-queue';

/**
 * Stock push: the absolute sellable quantity of every API-channel listing of the SKUs that changed, coalesced
 * per listing, skipping a listing whose value is what was last pushed to it (`ss:{s}:sync:pushed`, listing →
 * quantity). File channels (ohouse, manual) are skipped: their quantities go out through the export.
 *
 * A failed push forgets the listing's last value (the channel's state is unknown now) and goes into a retry
 * queue (`sync:push-retry`, listing → due time) with backoff; after `alertAfterAttempts` it raises
 * STOCK_PUSH_FAILED, which closes when a push succeeds again.
 *
 * Two instances may push the same listing at once, the older value last. So after a push the value is read
 * again and pushed once more when it moved: whoever pushes last also checks last.
 */

/** Thrown when an account's connector cannot be built (credentials unreadable); the caller leaves the work pending. */
export class ConnectorUnavailableError extends Error {
  constructor(
    readonly account: string,
    cause: unknown,
  ) {
    super(`channel account ${account}: connector unavailable (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'ConnectorUnavailableError';
  }
}

const RECHECK_ROUNDS = 3;

export class StockPusher {
  constructor(
    private readonly ctx: SyncContext,
    private readonly status: SyncStatusBook,
  ) {}

  private retries(sellerId: string): RetryQueue {
    return sellerRetryQueue(this.ctx.store.pool, sellerId, 'push', this.ctx.options.push);
  }

  /** Pushes every API-channel listing of these SKUs whose sellable quantity changed since its last push. */
  async pushSkus(sellerId: string, skus: readonly string[]): Promise<void> {
    if (skus.length === 0) return;
    const seller = this.ctx.store.forSeller(sellerId, 'sync');
    const keys = new Set<string>();
    for (const listings of await Promise.all([...new Set(skus)].map((sku) => seller.catalog.listingKeysOfSku(sku)))) for (const key of listings) keys.add(key);
    await this.pushListings(seller, [...keys]);
  }

  /** Listings whose retry is due. */
  async retryDue(sellerId: string): Promise<number> {
    const due = await this.retries(sellerId).due();
    if (due.length > 0) await this.pushListings(this.ctx.store.forSeller(sellerId, 'sync'), due);
    return due.length;
  }

  private async pushListings(seller: SellerStore, listingKeys: readonly string[], round = 1): Promise<void> {
    const redis = this.ctx.store.pool.pick();
    const keys = sellerKeys(seller.sellerId);
    const apiKeys = listingKeys.filter((key) => {
      const parts = parseListingKey(key);
      return parts !== null && !isFileChannel(parts.channel);
    });
    if (apiKeys.length === 0) return;
    const records = new Map((await this.ctx.accounts.list(seller.sellerId)).map((record) => [record.id, record]));
    const found = await seller.catalog.getListings(apiKeys);
    const gone = apiKeys.filter((key) => {
      const listing = found.get(key);
      const record = listing ? records.get(listing.account) : undefined;
      return !listing || !record || record.channel !== listing.channel || record.settings.pushStock === false || (record.demo && !this.ctx.options.demoAccounts);
    });
    // Unmapped since, or its account was removed or stopped pushing: nothing to retry.
    if (gone.length > 0) await this.forgetRetries(seller.sellerId, gone);
    const candidates = await seller.catalog.withSellable([...found.values()].filter((listing) => !gone.includes(listingKey(listing.channel, listing.account, listing.listingId))));
    if (candidates.length === 0) return;
    const lastPushed = await redis.hmGet(keys.syncPushed, candidates.map((listing) => keyOf(listing)));
    const due = candidates.filter((listing, index) => lastPushed[index] !== String(listing.sellable));
    const byAccount = new Map<string, Listing[]>();
    for (const listing of due) byAccount.set(listing.account, [...(byAccount.get(listing.account) ?? []), listing]);

    const pushed: Listing[] = [];
    for (const [account, listings] of byAccount) {
      const record = records.get(account);
      if (!record) continue;
      const outcomes = await this.send(seller.sellerId, record, listings);
      for (const listing of listings) {
        const outcome = outcomes.get(listing.listingId) ?? { listingId: listing.listingId, ok: false, code: 'NO_RESULT', message: 'the connector returned no result' };
        if (outcome.ok) {
          await this.succeeded(seller, listing);
          pushed.push(listing);
        } else {
          await this.failed(seller, listing, outcome.code, outcome.message);
        }
        this.ctx.events.emit({
          type: 'stock',
          sellerId: seller.sellerId,
          account,
          listingId: listing.listingId,
          quantity: listing.sellable,
          ok: outcome.ok,
          ...(outcome.ok ? {} : { message: outcome.message }),
        });
      }
      await this.status.touched(seller.sellerId, account, 'lastPushAt');
    }
    if (pushed.length > 0 && round < RECHECK_ROUNDS) {
      const now = await seller.catalog.withSellable(pushed);
      const moved = now.filter((listing, index) => listing.sellable !== pushed[index]?.sellable).map(keyOf);
      if (moved.length > 0) await this.pushListings(seller, moved, round + 1);
    }
  }

  private async send(sellerId: string, record: ChannelAccountRecord, listings: Listing[]): Promise<Map<string, StockOutcome>> {
    let connector;
    try {
      connector = await this.ctx.connectors.forRecord(sellerId, record);
    } catch (error) {
      throw new ConnectorUnavailableError(record.id, error);
    }
    const updates: StockUpdate[] = listings.map((listing) => ({ listingId: listing.listingId, quantity: listing.sellable, metadata: listing.metadata }));
    let outcomes: StockOutcome[];
    try {
      outcomes = await connector.setStock(updates);
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      outcomes = updates.map((update) => ({ listingId: update.listingId, ok: false, code: error.channelCode ?? error.kind, message: error.message }));
    }
    return new Map(outcomes.map((outcome) => [outcome.listingId, outcome]));
  }

  private async succeeded(seller: SellerStore, listing: Listing): Promise<void> {
    const key = keyOf(listing);
    await this.ctx.store.pool.pick().hSet(sellerKeys(seller.sellerId).syncPushed, key, String(listing.sellable));
    if (await this.retries(seller.sellerId).succeeded(key)) await seller.alerts.close('STOCK_PUSH_FAILED', key);
  }

  private async failed(seller: SellerStore, listing: Listing, code: string, message: string): Promise<void> {
    const key = keyOf(listing);
    // Whatever the channel holds now is unknown (the write may have been applied), so the next push must not be skipped.
    await this.ctx.store.pool.pick().hDel(sellerKeys(seller.sellerId).syncPushed, key);
    const attempts = await this.retries(seller.sellerId).failed(key, code, message);
    if (attempts.attempts >= this.ctx.options.push.alertAfterAttempts) {
      await seller.alerts.raise('STOCK_PUSH_FAILED', 'critical', key, {
        listing: key,
        account: listing.account,
        quantity: listing.sellable,
        code,
        message: attempts.message,
        attempts: attempts.attempts,
        since: attempts.since,
      });
    }
    this.ctx.logger.warn({ seller: seller.sellerId, listing: key, code, attempts: attempts.attempts }, 'stock push failed');
  }

  private async forgetRetries(sellerId: string, listingKeys: string[]): Promise<void> {
    await this.retries(sellerId).forget(listingKeys);
    await this.ctx.store.pool.pick().hDel(sellerKeys(sellerId).alerts, listingKeys.map((key) => alertId('STOCK_PUSH_FAILED', key)));
  }
}

function keyOf(listing: Pick<Listing, 'channel' | 'account' | 'listingId'>): string {
  return listingKey(listing.channel, listing.account, listing.listingId);
}

/**
 * Queues a push for these listings even if their value did not move here: the channel changed its own stock
 * (a sale it took for an order Sheetship held, a cancel it gave back), so what it shows may differ from what
 * was last pushed. The entries go through the outbox like any other stock change.
 */
export async function forcePush(store: Store, sellerId: string, listingKeys: readonly string[]): Promise<void> {
  if (listingKeys.length === 0) return;
  const seller = store.forSeller(sellerId, 'sync');
  const listings = await seller.catalog.getListings([...new Set(listingKeys)]);
  if (listings.size === 0) return;
  const redis = store.pool.pick();
  const keys = sellerKeys(sellerId);
  await redis.hDel(keys.syncPushed, [...listings.keys()]);
  const skus = new Set([...listings.values()].flatMap((listing) => listing.components.map((component) => component.sku)));
  for (const sku of skus) await redis.xAdd(keys.outbox, '*', { type: 'stock', sku });
}
