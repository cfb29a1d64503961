import { validateTrackingNumber } from '../../shared/carriers';
import type { IssueWaybillsBody } from '../../shared/api/waybills';
import type { SellerStore } from '../store';
import { checkUnshippedWaybills } from '../alerts/unshipped';
import type { IssueOutcome } from './cj-issuer';
import { Refusal, isRefusal } from './refusal';
import type { ShippingRuntime } from './runtime';
import type { BatchParcel, WaybillStore } from './waybill-store';

/** CJ calls for different parcels run side by side, a few at a time. */
const CJ_PARALLEL = 4;

export interface IssuedParcel {
  index: number;
  orderKeys: string[];
  outcome: IssueOutcome;
}

function refused(code: string, params: Record<string, string | number>, status = 409): IssueOutcome {
  return { result: 'error', refusal: new Refusal(code, params, status) };
}

/** Runs `work` over `items` with at most `limit` in flight, keeping results in item order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Issues waybills for a batch of parcels of one carrier; a result per parcel, in the order given. A typed number
 * (manual) is checked for the carrier and attached; otherwise the carrier's source in the settings decides: the
 * contract range, or CJ's API. Every path is idempotent per (order, package): a repeat gets the same waybills.
 */
export async function issueWaybills(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, body: IssueWaybillsBody): Promise<IssuedParcel[]> {
  const { carrier } = body;
  const settings = await seller.settings.get();
  const source = settings.waybillSources[carrier] ?? 'range';
  const outcomes = new Map<number, IssueOutcome>();
  const batch: BatchParcel[] = [];
  const viaCj: BatchParcel[] = [];
  const claimed = new Map<string, number>();
  const typedNumbers = new Set<string>();

  body.parcels.forEach((parcel, index) => {
    const packages = parcel.packages ?? 1;
    const repeated = parcel.orderKeys.find((key) => claimed.has(key));
    if (repeated) return void outcomes.set(index, refused('DUPLICATE_PARCEL_ORDER', { key: repeated }, 422));
    for (const key of parcel.orderKeys) claimed.set(key, index);
    if (parcel.trackingNumber === undefined) {
      (source === 'cj' ? viaCj : batch).push({ index, orderKeys: parcel.orderKeys, packages });
      return;
    }
    if (packages > 1) return void outcomes.set(index, refused('MANUAL_ONE_BOX', {}, 422));
    const check = validateTrackingNumber(carrier, parcel.trackingNumber);
    if (!check.ok) return void outcomes.set(index, refused('INVALID_TRACKING_NUMBER', { carrier, trackingNumber: parcel.trackingNumber, problem: check.problem }, 422));
    if (typedNumbers.has(check.number)) return void outcomes.set(index, refused('TRACKING_NUMBER_TAKEN', { trackingNumber: check.number }));
    typedNumbers.add(check.number);
    batch.push({ index, orderKeys: parcel.orderKeys, packages: 1, trackingNumber: check.number });
  });

  if (batch.length > 0) {
    const reply = await waybills.issueBatch(carrier, settings.preRegisterTracking, batch);
    for (const result of reply.results) {
      outcomes.set(
        result.index,
        result.result === 'applied'
          ? { result: 'applied', replay: result.replay, waybills: result.waybills }
          : { result: 'error', refusal: new Refusal(result.error.code, result.error.params, result.error.code === 'ORDER_NOT_FOUND' ? 404 : 409) },
      );
    }
  }

  if (viaCj.length > 0) {
    let issuer: ReturnType<ShippingRuntime['cjIssuer']> | null = null;
    try {
      issuer = runtime.cjIssuer(seller, waybills, settings.carrierContracts.cj);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      for (const parcel of viaCj) outcomes.set(parcel.index, { result: 'error', refusal: error });
    }
    const contract = settings.carrierContracts.cj;
    if (issuer && contract) {
      const active = issuer;
      const results = await inParallel(viaCj, CJ_PARALLEL, (parcel) => active.issue(parcel, contract, settings.preRegisterTracking));
      viaCj.forEach((parcel, position) => outcomes.set(parcel.index, results[position] as IssueOutcome));
    }
  }

  await checkUnshippedWaybills(seller, settings.alerts.unshippedWaybillsMax);
  return body.parcels.map((parcel, index) => ({
    index,
    orderKeys: parcel.orderKeys,
    outcome: outcomes.get(index) ?? refused('INTERNAL', {}, 500),
  }));
}
