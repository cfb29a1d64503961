import { AlertStore } from './alerts';
import { CatalogStore } from './catalog';
import { SellerContext, type Clock } from './context';
import { IngestBatcher } from './ingest-batch';
import { OrderStore } from './orders';
import { PrivacyStore } from './privacy';
import { RedisPool, ScriptRunner } from './redis';
import { SettingsStore } from './settings';
import { StockStore } from './stock';
import { SyncStateStore } from './sync';

export { STORE_ERRORS, StoreError, StoreValidationError, type StoreErrorCode, type ValidationIssue } from './errors';
export type { Clock, SellerContext } from './context';
export { luaArray } from './context';

/** One seller's view of the store, acting as `actor` (an API key label or a worker name). */
export interface SellerStore {
  sellerId: string;
  catalog: CatalogStore;
  orders: OrderStore;
  stock: StockStore;
  alerts: AlertStore;
  settings: SettingsStore;
  /** The poller's lease and fenced cursor per channel account. */
  sync: SyncStateStore;
  /** Buyer data erasure of orders closed long ago. */
  privacy: PrivacyStore;
}

/** Seller views kept for reuse: they hold no state of their own, and a request makes one each time. */
const SELLER_VIEWS = 1024;

export class Store {
  private readonly ingests: IngestBatcher;
  private readonly sellerViews = new Map<string, SellerStore>();

  private constructor(
    readonly pool: RedisPool,
    private readonly runner: ScriptRunner,
    private readonly clock: Clock,
  ) {
    this.ingests = new IngestBatcher(runner, pool, clock);
  }

  static async open(url: string, options: { connections?: number; clock?: Clock } = {}): Promise<Store> {
    const pool = await RedisPool.connect(url, options.connections ?? 4);
    const runner = new ScriptRunner(pool);
    await runner.load();
    return new Store(pool, runner, options.clock ?? (() => new Date()));
  }

  forSeller(sellerId: string, actor = 'system'): SellerStore {
    const viewKey = `${sellerId}\n${actor}`;
    const known = this.sellerViews.get(viewKey);
    if (known) return known;
    const ctx = new SellerContext(this.runner, this.pool, sellerId, actor, this.clock);
    const view: SellerStore = {
      sellerId,
      catalog: new CatalogStore(ctx),
      orders: new OrderStore(ctx, this.ingests),
      stock: new StockStore(ctx),
      alerts: new AlertStore(ctx),
      settings: new SettingsStore(ctx),
      sync: new SyncStateStore(ctx),
      privacy: new PrivacyStore(ctx),
    };
    if (this.sellerViews.size >= SELLER_VIEWS) this.sellerViews.clear();
    this.sellerViews.set(viewKey, view);
    return view;
  }

  /** Ingest calls sent to Redis and the orders in them, since the store opened. */
  ingestStats(): { batches: number; orders: number } {
    return { ...this.ingests.stats };
  }

  /** The seller's keys, scripts and clock, for modules beside the store that run their own scripts (waybills, scans). */
  sellerContext(sellerId: string, actor = 'system'): SellerContext {
    return new SellerContext(this.runner, this.pool, sellerId, actor, this.clock);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
