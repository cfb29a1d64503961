import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sellerKeys } from '../store/keys';
import type { RedisPool } from '../store/redis';

export type IngestOutcome = 'created' | 'updated' | 'replay' | 'error';

/** Figures summed over every registered seller at scrape time. */
export interface BacklogSource {
  sellerIds(): Promise<string[]>;
  pool: RedisPool;
}

async function sumPerSeller(source: BacklogSource, read: (pool: RedisPool, sellerId: string) => Promise<number>): Promise<number> {
  const ids = await source.sellerIds();
  const counts = await Promise.all(ids.map((id) => read(source.pool, id)));
  return counts.reduce((total, count) => total + count, 0);
}

/**
 * Prometheus metrics of one app. Each app has its own registry, so several apps in one process (tests, the
 * bench) never share counters.
 */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  readonly ordersIngested: Counter<'outcome'>;

  constructor(backlog: BacklogSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'sheetship_' });
    this.requests = new Counter({
      name: 'sheetship_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'sheetship_http_request_duration_seconds',
      help: 'HTTP request latency by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.ordersIngested = new Counter({
      name: 'sheetship_orders_ingested_total',
      help: 'Orders posted to /v1/orders by outcome (created, updated, replay, error)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'sheetship_held_orders',
      help: 'Orders in HELD, over all sellers',
      registers: [this.registry],
      async collect() {
        this.set(await sumPerSeller(backlog, (pool, id) => pool.pick().zCard(sellerKeys(id).stateIndex('HELD'))));
      },
    });
    new Gauge({
      name: 'sheetship_outbox_depth',
      help: 'Entries in the sellers\u2019 outbox streams (stock pushes and tracking dispatches), over all sellers',
      registers: [this.registry],
      async collect() {
        this.set(await sumPerSeller(backlog, (pool, id) => pool.pick().xLen(sellerKeys(id).outbox)));
      },
    });
  }
}
