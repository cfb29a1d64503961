import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { SellerStore, Store } from '../store';
import { periodicPerSeller } from '../alerts/periodic';
import type { StoppableWorker } from '../workers';

/** How long data is kept (DESIGN "Redis rules": retention). `piiMs` null: buyer data is never erased. */
export interface RetentionPolicy {
  ledgerMs: number;
  outboxMs: number;
  piiMs: number | null;
}

export interface RetentionWorkerOptions {
  store: Store;
  sellerIds: () => Promise<string[]>;
  policy: RetentionPolicy;
  intervalMs: number;
  logger: Logger;
  /** The app's metrics registry (server/http/metrics.ts), so /metrics shows the counts. */
  registry: Registry;
}

interface SellerSweep {
  folded: number;
  outboxTrimmed: number;
  indexed: number;
  erased: number;
}

const KINDS = ['ledger_folded', 'outbox_trimmed', 'orders_indexed', 'orders_erased'] as const;

/** One seller's retention: ledger and outbox by age, then buyer data of orders closed long ago. */
async function sweepSeller(seller: SellerStore, policy: RetentionPolicy): Promise<SellerSweep> {
  const { folded, outboxTrimmed } = await seller.stock.trimOlderThan({ ledgerMs: policy.ledgerMs, outboxMs: policy.outboxMs });
  if (policy.piiMs === null) return { folded, outboxTrimmed, indexed: 0, erased: 0 };
  const indexed = await seller.privacy.indexClosedOrders();
  const erased = await seller.privacy.eraseOlderThan(policy.piiMs);
  return { folded, outboxTrimmed, indexed, erased };
}

/**
 * Retention for every seller, at once and then about every `intervalMs` (±10%, so instances drift apart).
 * Every step is an atomic, idempotent script in bounded batches, so instances running it at the same time
 * only share the work. One seller's failure is logged and counted; the others still run. Logs carry counts
 * and seller ids only, never buyer data.
 */
export function startRetentionWorker(options: RetentionWorkerOptions): StoppableWorker {
  const { store, policy, logger } = options;
  const items = new Counter({
    name: 'sheetship_retention_items_total',
    help: 'Retention work done: ledger entries folded, outbox entries trimmed, closed orders indexed, orders whose buyer data was erased',
    labelNames: ['kind'],
    registers: [options.registry],
  });
  for (const kind of KINDS) items.inc({ kind }, 0);
  const failures = new Counter({ name: 'sheetship_retention_failures_total', help: 'Sellers whose retention run failed', registers: [options.registry] });
  let totals: SellerSweep = { folded: 0, outboxTrimmed: 0, indexed: 0, erased: 0 };
  const sweep = async (sellerId: string): Promise<void> => {
    const done = await sweepSeller(store.forSeller(sellerId, 'retention'), policy);
    items.inc({ kind: 'ledger_folded' }, done.folded);
    items.inc({ kind: 'outbox_trimmed' }, done.outboxTrimmed);
    items.inc({ kind: 'orders_indexed' }, done.indexed);
    items.inc({ kind: 'orders_erased' }, done.erased);
    for (const field of ['folded', 'outboxTrimmed', 'indexed', 'erased'] as const) totals[field] += done[field];
    if (done.folded + done.outboxTrimmed + done.indexed + done.erased > 0) logger.info({ seller: sellerId, ...done }, 'retention applied');
  };
  return periodicPerSeller('retention', options.intervalMs, options.sellerIds, sweep, logger, 'retention failed for a seller', {
    jitter: 0.1,
    onFailure: () => failures.inc(),
    onRound: (sellers) => {
      logger.info({ sellers, ...totals }, 'retention round done');
      totals = { folded: 0, outboxTrimmed: 0, indexed: 0, erased: 0 };
    },
  });
}
