import type { Logger } from 'pino';
import { recoverIssuances } from '../waybills/recovery';
import type { ShippingRuntime } from '../waybills/runtime';
import { evaluateSellerAlerts } from './evaluate';
import { periodicPerSeller } from './periodic';

export interface ShippingWorkerOptions {
  runtime: ShippingRuntime;
  sellerIds: () => Promise<string[]>;
  intervalMs: number;
  logger: Logger;
}

/**
 * The shipping upkeep, for every seller on each round: abandoned CJ issuances are settled first (at start-up that
 * is the recovery after a crash), then the time- and count-based alerts are derived. One seller's failure is
 * logged and the others still run.
 */
export function startShippingWorker(options: ShippingWorkerOptions) {
  const { runtime, logger } = options;
  const upkeep = async (sellerId: string): Promise<void> => {
    await recoverIssuances(runtime, sellerId, logger);
    await evaluateSellerAlerts(runtime.store.forSeller(sellerId, 'alerts'), runtime.waybills(sellerId, 'alerts'), runtime.now());
  };
  return periodicPerSeller('shipping-upkeep', options.intervalMs, options.sellerIds, upkeep, logger, 'shipping upkeep failed for a seller');
}
