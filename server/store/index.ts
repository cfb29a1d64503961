import { AlertStore } from './alerts';
import { CatalogStore } from './catalog';
import { SellerContext, type Clock } from './context';
import { IngestBatcher } from './ingest-batch';
import { OrderStore } from './orders';
import { RedisPool, ScriptRunner } from './redis';
import { SettingsStore } from './settings';
import { StockStore } from './stock';

export { STORE_ERRORS, StoreError, StoreValidationError, type StoreErrorCode, type ValidationIssue } from './errors';
export type { Clock } from './context';

/** One seller's view of the store, acting as `actor` (an API key label or a worker name). */
export interface SellerStore {
  sellerId: string;
  catalog: CatalogStore;
  orders: OrderStore;
  stock: StockStore;
  alerts: AlertStore;
  settings: SettingsStore;
}

export class Store {
  private readonly ingests: IngestBatcher;

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
    const ctx = new SellerContext(this.runner, this.pool, sellerId, actor, this.clock);
    return {
      sellerId,
      catalog: new CatalogStore(ctx),
      orders: new OrderStore(ctx, this.ingests),
      stock: new StockStore(ctx),
      alerts: new AlertStore(ctx),
      settings: new SettingsStore(ctx),
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
