import type { Tenants } from '../tenancy/tenants';
import type { StoppableWorker } from '../workers';
import type { SyncContext } from './context';
import { TrackingDispatcher } from './dispatch';
import { SellerOutboxWorker } from './outbox';
import { AccountPoller } from './poller';
import { SyncStatusBook } from './status';
import { StockPusher } from './stock-push';
import { sleep } from './timing';

/**
 * Starts and stops the sync workers of this instance as sellers and channel accounts come and go: one outbox
 * worker per seller (found through the registry set) and one poller per channel account. A poller is
 * restarted when its account's record changes (new credentials, a new base URL), which also ends a wait on
 * an account blocked for bad credentials.
 */
export class SyncService implements StoppableWorker {
  readonly name = 'sync';
  readonly status: SyncStatusBook;
  readonly pusher: StockPusher;
  readonly dispatcher: TrackingDispatcher;
  private readonly abort = new AbortController();
  private readonly pollers = new Map<string, { version: string; poller: AccountPoller }>();
  private readonly outboxes = new Map<string, SellerOutboxWorker>();
  private running: Promise<void> | null = null;

  constructor(
    readonly ctx: SyncContext,
    private readonly tenants: Pick<Tenants, 'sellerIds'>,
  ) {
    this.status = new SyncStatusBook(ctx.store.pool);
    this.pusher = new StockPusher(ctx, this.status);
    this.dispatcher = new TrackingDispatcher(ctx, this.status);
  }

  start(): this {
    this.running ??= this.loop();
    return this;
  }

  /** Lists sellers and accounts now instead of at the next discovery round. */
  async discover(): Promise<void> {
    const sellerIds = await (this.ctx.options.sellerIds ?? (() => this.tenants.sellerIds()))();
    const seen = new Set<string>();
    for (const sellerId of sellerIds) {
      if (this.abort.signal.aborted) return;
      if (!this.outboxes.has(sellerId)) {
        const worker = new SellerOutboxWorker(this.ctx, sellerId, this.pusher, this.dispatcher);
        this.outboxes.set(sellerId, worker);
        worker.start();
      }
      let records;
      try {
        records = await this.ctx.accounts.list(sellerId);
      } catch (error) {
        // One seller's unreadable record must not stop the others; its pollers keep running meanwhile.
        this.ctx.logger.error({ seller: sellerId, err: error }, 'channel accounts unreadable');
        for (const id of this.pollers.keys()) if (id.startsWith(`${sellerId}/`)) seen.add(id);
        continue;
      }
      for (const record of records) {
        if (record.demo && !this.ctx.options.demoAccounts) continue;
        const id = `${sellerId}/${record.id}`;
        seen.add(id);
        const current = this.pollers.get(id);
        if (current?.version === record.updatedAt) continue;
        if (current) await current.poller.stop();
        const poller = new AccountPoller(this.ctx, this.status, sellerId, record.id, () => this.outboxes.get(sellerId)?.ring());
        this.pollers.set(id, { version: record.updatedAt, poller });
        poller.start();
      }
    }
    for (const [id, entry] of this.pollers) {
      if (seen.has(id)) continue;
      this.pollers.delete(id);
      await entry.poller.stop();
    }
  }

  private async loop(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.discover();
      } catch (error) {
        this.ctx.logger.error({ err: error }, 'sync discovery failed');
      }
      await sleep(this.ctx.options.discoverMs, this.abort.signal);
    }
  }

  /** Pollers give their leases back; work in flight gets `stopTimeoutMs` to finish. */
  async stop(): Promise<void> {
    this.abort.abort();
    const everything = Promise.all([
      this.running,
      ...[...this.pollers.values()].map((entry) => entry.poller.stop()),
      ...[...this.outboxes.values()].map((worker) => worker.stop()),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.ctx.options.stopTimeoutMs);
    });
    const outcome = await Promise.race([everything.then(() => 'stopped' as const), gaveUp]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.ctx.logger.warn('sync workers still busy at shutdown; abandoning their work in flight');
    this.pollers.clear();
    this.outboxes.clear();
  }
}
