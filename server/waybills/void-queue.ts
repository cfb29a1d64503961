import type { Logger } from 'pino';
import { isCjError } from '../carriers/cj';
import type { SellerStore } from '../store';
import type { StoredWaybill, VoidJob } from './records';
import { Refusal, isRefusal, scriptRefusal } from './refusal';
import type { ShippingRuntime } from './runtime';
import type { WaybillStore } from './waybill-store';

/** How many due voids one round takes per seller; the rest wait for the next round. */
const ROUND_LIMIT = 50;

export type VoidOutcome = { waybillId: string; result: 'voided'; waybill: StoredWaybill } | { waybillId: string; result: 'failed'; refusal: Refusal };

/**
 * Cancels a waybill's carrier booking (CJ `CnclBook`); nothing to do for a range or typed number. A parcel the
 * driver already scanned is refused as PICKED_UP, a carrier that does not answer as CARRIER_ERROR.
 */
export async function cancelCarrierBooking(runtime: ShippingRuntime, seller: SellerStore, record: StoredWaybill): Promise<void> {
  if (!record.booking) return;
  const client = runtime.cjClients.for((await seller.settings.get()).carrierContracts.cj);
  let outcome;
  try {
    outcome = await client.cancelBooking(record.booking);
  } catch (error) {
    if (isCjError(error)) throw new Refusal('CARRIER_ERROR', { detail: error.details.detail ?? error.message }, 502);
    throw error;
  }
  if (outcome.kind === 'refused') throw new Refusal('PICKED_UP', { trackingNumber: record.trackingNumber });
}

/** The carrier's booking is gone (or there was none): the record is voided and its orders lose it. */
export async function finishVoid(waybills: WaybillStore, id: string, reason: string): Promise<StoredWaybill> {
  const reply = await waybills.voidRecord(id, reason);
  if ('error' in reply) throw scriptRefusal(reply.error);
  return reply.waybill;
}

/** When a failed void is tried again: doubling from the base with each attempt, up to the max. */
function voidRetryAt(runtime: ShippingRuntime, attempts: number): number {
  const { voidRetryBaseMs, voidRetryMaxMs } = runtime.options;
  return runtime.now() + Math.min(voidRetryMaxMs, voidRetryBaseMs * 2 ** Math.min(attempts, 20));
}

/**
 * Writes a failed carrier call back to its void job, under the lease it was taken with: retried later
 * (WAYBILL_VOID_FAILED once it keeps failing), or, with `dropManual`, dropped if it was the seller's own void.
 */
export async function recordVoidFailure(runtime: ShippingRuntime, waybills: WaybillStore, job: VoidJob, leaseUntil: number, refusal: Refusal, dropManual: boolean): Promise<void> {
  await waybills.failVoid({
    waybillId: job.waybillId,
    leaseUntil,
    code: refusal.code,
    detail: String(refusal.params.detail ?? refusal.code).slice(0, 500),
    retryAt: voidRetryAt(runtime, job.attempts + 1),
    alertAfter: runtime.options.voidAlertAfter,
    dropManual,
  });
}

/** Settles one claimed void: the carrier booking is cancelled, then the record voided; a failure goes back to the job. */
async function settle(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, claimed: { job: VoidJob; waybill: StoredWaybill }, leaseUntil: number): Promise<VoidOutcome> {
  const { job, waybill } = claimed;
  try {
    await cancelCarrierBooking(runtime, seller, waybill);
    return { waybillId: waybill.id, result: 'voided', waybill: await finishVoid(waybills, waybill.id, job.reason) };
  } catch (error) {
    const refusal = isRefusal(error) ? error : new Refusal('INTERNAL', { detail: error instanceof Error ? error.message : String(error) }, 500);
    await recordVoidFailure(runtime, waybills, job, leaseUntil, refusal, false);
    return { waybillId: waybill.id, result: 'failed', refusal };
  }
}

/**
 * Works off one seller's due voids (only these waybills' when given): the API's cancel runs it at once for the
 * order's waybills (with the `heldUntil` its cancel queued them under, so no worker took them in between), and
 * the void worker runs it for everything due (new jobs from channel claims, retries, and jobs whose holder
 * died mid-call). Jobs are leased one at a time, just before their carrier call: a lease taken for a whole
 * batch would run out behind a slow carrier, and another instance would then cancel the same booking too.
 * `stopping` is asked between jobs, so a shutdown does not wait for a whole round of carrier calls.
 */
export async function runDueVoids(
  runtime: ShippingRuntime,
  sellerId: string,
  actor: string,
  only: { waybillIds?: readonly string[]; heldUntil?: number; stopping?: () => boolean } = {},
): Promise<VoidOutcome[]> {
  const { waybillIds, heldUntil, stopping = () => false } = only;
  if (waybillIds && waybillIds.length === 0) return [];
  const waybills = runtime.waybills(sellerId, actor);
  const seller = runtime.store.forSeller(sellerId, actor);
  const outcomes: VoidOutcome[] = [];
  while (outcomes.length < ROUND_LIMIT && !stopping()) {
    const leaseUntil = runtime.now() + runtime.options.issueLeaseMs;
    const [item] = await waybills.claimVoids(leaseUntil, 1, waybillIds, heldUntil);
    if (!item) break;
    outcomes.push(await settle(runtime, seller, waybills, item, leaseUntil));
  }
  return outcomes;
}

/** The void worker's round for one seller; failures are in the jobs and alerts, and logged here. */
export async function voidRound(runtime: ShippingRuntime, sellerId: string, logger: Logger, stopping: () => boolean): Promise<void> {
  const outcomes = await runDueVoids(runtime, sellerId, 'void-worker', { stopping });
  for (const outcome of outcomes) {
    if (outcome.result === 'voided') logger.info({ sellerId, waybillId: outcome.waybillId, trackingNumber: outcome.waybill.trackingNumber }, 'waybill voided');
    else logger.warn({ sellerId, waybillId: outcome.waybillId, code: outcome.refusal.code, params: outcome.refusal.params }, 'waybill void failed; retrying later');
  }
}
