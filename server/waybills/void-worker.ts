import type { Logger } from 'pino';
import { periodicPerSeller } from '../alerts/periodic';
import type { StoppableWorker } from '../workers';
import type { ShippingRuntime } from './runtime';
import { voidRound } from './void-queue';

export interface VoidWorkerOptions {
  runtime: ShippingRuntime;
  sellerIds: () => Promise<string[]>;
  intervalMs: number;
  logger: Logger;
}

/**
 * Works off every seller's due waybill voids each round: the voids a channel claim queued when it cancelled an
 * order, the retries of voids the carrier did not take, and voids whose caller died mid-call (their lease ran
 * out). One seller's failure is logged and the others still run.
 */
export function startVoidWorker(options: VoidWorkerOptions): StoppableWorker {
  const { runtime, logger } = options;
  return periodicPerSeller('waybill-voids', options.intervalMs, options.sellerIds, (sellerId, stopping) => voidRound(runtime, sellerId, logger, stopping), logger, 'waybill voids failed for a seller');
}
