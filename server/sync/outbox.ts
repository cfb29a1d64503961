import { z } from 'zod';
import { sellerKeys } from '../store/keys';
import type { SyncContext } from './context';
import type { TrackingDispatcher } from './dispatch';
import type { StockPusher } from './stock-push';
import { ConnectorUnavailableError } from './stock-push';
import { Bell, backoffMs, sleep } from './timing';

/**
 * One seller's outbox (`ss:{s}:outbox`), read through a consumer group that every server instance joins, so
 * each entry is handled by one instance. Entries are acknowledged only after their work is done or handed to
 * a retry queue in Redis (at least once). Entries another consumer took and never acknowledged (it died) are
 * claimed after `claimIdleMs` with XAUTOCLAIM. Stock entries of one batch are coalesced into one push per
 * listing; dispatch entries go to the tracking dispatcher. Due retries of both run from the same loop.
 */

interface Entry {
  id: string;
  message: Record<string, string>;
}

const RETRY_SWEEP_MS = 500;
const CONSUMER_CLEANUP_MS = 10 * 60_000;
const CONSUMER_GONE_MS = 24 * 3_600_000;
const ConsumerInfo = z.array(z.object({ name: z.string(), pending: z.coerce.number(), idle: z.coerce.number() }).loose());

export class SellerOutboxWorker {
  private readonly abort = new AbortController();
  private readonly bell = new Bell();
  private running: Promise<void> | null = null;
  private groupReady = false;
  private lastUnavailableLog = 0;
  private lastCleanup = 0;

  constructor(
    private readonly ctx: SyncContext,
    readonly sellerId: string,
    private readonly pusher: StockPusher,
    private readonly dispatcher: TrackingDispatcher,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Wakes the loop now (a local poll just ingested orders for this seller). */
  ring(): void {
    this.bell.ring();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private get outbox(): string {
    return sellerKeys(this.sellerId).outbox;
  }

  private async loop(): Promise<void> {
    const { idleMinMs, idleMaxMs, claimIdleMs } = this.ctx.options.outbox;
    const signal = this.abort.signal;
    let idle = idleMinMs;
    let lastClaim = 0;
    let lastRetry = 0;
    let failures = 0;
    // This consumer's own unacknowledged entries (a batch that failed, or a restart under the same name) are
    // read again first, after the backoff, instead of waiting for XAUTOCLAIM's idle time.
    let ownPending = true;
    while (!signal.aborted) {
      try {
        if (!(await this.ensureGroup())) {
          await this.bell.wait(idleMaxMs, signal);
          continue;
        }
        let handled = 0;
        if (Date.now() - lastClaim >= claimIdleMs / 2) {
          lastClaim = Date.now();
          handled += await this.claimStale();
        }
        if (ownPending) {
          const again = await this.readOwnPending();
          ownPending = again > 0;
          handled += again;
        }
        handled += await this.readNew();
        if (Date.now() - lastRetry >= RETRY_SWEEP_MS) {
          lastRetry = Date.now();
          handled += (await this.pusher.retryDue(this.sellerId)) + (await this.dispatcher.retryDue(this.sellerId));
        }
        failures = 0;
        if (handled > 0) {
          idle = idleMinMs;
          continue;
        }
        await this.bell.wait(idle, signal);
        idle = Math.min(idle * 2, idleMaxMs);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof Error && error.message.startsWith('NOGROUP')) {
          // The stream was deleted (a demo reset, a seller wiped): make the group again.
          this.groupReady = false;
          continue;
        }
        failures += 1;
        // An instance that cannot build a connector (another master key) leaves its entries to the others:
        // reading them again would keep them fresh, and XAUTOCLAIM would never hand them over.
        ownPending = !(error instanceof ConnectorUnavailableError);
        this.report(error);
        await sleep(backoffMs(failures, 500, 30_000), signal);
      }
    }
  }

  private report(error: unknown): void {
    if (error instanceof ConnectorUnavailableError) {
      // Another instance with the right master key will take these entries over; say so once a minute.
      if (Date.now() - this.lastUnavailableLog < 60_000) return;
      this.lastUnavailableLog = Date.now();
    }
    this.ctx.logger.error({ seller: this.sellerId, err: error }, 'outbox work failed; entries stay pending');
  }

  /** False while the seller has no outbox yet: the worker writes no key of a seller on its own. */
  private async ensureGroup(): Promise<boolean> {
    if (this.groupReady) return true;
    try {
      // From the start of the stream: stock pushes are absolute and dispatches check the order first, so old
      // entries cost a little time and lose nothing.
      await this.ctx.store.pool.pick().xGroupCreate(this.outbox, this.ctx.options.outbox.group, '0');
    } catch (error) {
      if (error instanceof Error && /requires the key to exist/i.test(error.message)) return false;
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
    this.groupReady = true;
    return true;
  }

  private async readNew(): Promise<number> {
    const { group, batch } = this.ctx.options.outbox;
    const reply = await this.ctx.store.pool.pick().xReadGroup(group, this.ctx.options.instanceId, { key: this.outbox, id: '>' }, { COUNT: batch });
    const entries = (reply ?? []).flatMap((stream) => stream.messages);
    return this.handle(entries);
  }

  /** Entries delivered to this consumer and never acknowledged; one deleted by retention meanwhile is just acknowledged. */
  private async readOwnPending(): Promise<number> {
    const { group, batch } = this.ctx.options.outbox;
    const redis = this.ctx.store.pool.pick();
    const reply = await redis.xReadGroup(group, this.ctx.options.instanceId, { key: this.outbox, id: '0' }, { COUNT: batch });
    const delivered: readonly (Entry | null)[] = (reply ?? []).flatMap((stream) => stream.messages);
    const live = delivered.filter((entry): entry is Entry => entry !== null && entry.message !== null);
    const gone = delivered.filter((entry) => entry !== null && entry.message === null).map((entry) => entry?.id ?? '');
    if (gone.length > 0) await redis.xAck(this.outbox, group, gone);
    return (await this.handle(live)) + gone.length;
  }

  private async claimStale(): Promise<number> {
    const { group, batch, claimIdleMs } = this.ctx.options.outbox;
    const reply = await this.ctx.store.pool.pick().xAutoClaim(this.outbox, group, this.ctx.options.instanceId, claimIdleMs, '0-0', { COUNT: batch });
    const handled = await this.handle(reply.messages.filter((entry): entry is Entry => entry !== null));
    if (Date.now() - this.lastCleanup >= CONSUMER_CLEANUP_MS) {
      this.lastCleanup = Date.now();
      await this.forgetGoneConsumers();
    }
    return handled;
  }

  /** Every instance that ever ran joined the group under its own name; those long gone with nothing pending are dropped. */
  private async forgetGoneConsumers(): Promise<void> {
    const { group } = this.ctx.options.outbox;
    const redis = this.ctx.store.pool.pick();
    const consumers = ConsumerInfo.parse(await redis.xInfoConsumers(this.outbox, group));
    for (const consumer of consumers) {
      if (consumer.name === this.ctx.options.instanceId || consumer.pending > 0 || consumer.idle < CONSUMER_GONE_MS) continue;
      await redis.xGroupDelConsumer(this.outbox, group, consumer.name);
    }
  }

  private async handle(entries: readonly Entry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const skus = new Set<string>();
    const orders: string[] = [];
    for (const entry of entries) {
      if (entry.message.type === 'stock' && entry.message.sku) skus.add(entry.message.sku);
      else if (entry.message.type === 'dispatch' && entry.message.order) orders.push(entry.message.order);
    }
    await this.pusher.pushSkus(this.sellerId, [...skus]);
    await this.dispatcher.dispatchOrders(this.sellerId, orders);
    await this.ctx.store.pool.pick().xAck(this.outbox, this.ctx.options.outbox.group, entries.map((entry) => entry.id));
    return entries.length;
  }
}
