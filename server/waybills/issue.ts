import { validateTrackingNumber } from '../../shared/carriers';
import type { IssueWaybillsBody } from '../../shared/api/waybills';
import type { SellerSettings } from '../../shared/settings';
import type { SellerStore } from '../store';
import { checkUnshippedWaybills } from '../alerts/unshipped';
import type { CjIssuer, IssueOutcome } from './cj-issuer';
import { Refusal, isRefusal, scriptRefusal } from './refusal';
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
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index];
      if (item !== undefined) results[index] = await work(item);
    }
  });
  await Promise.all(lanes);
  return results;
}

interface SortedParcels {
  /** Parcels answered already: refused before any script runs. */
  outcomes: Map<number, IssueOutcome>;
  /** Range and typed numbers: one script for all of them. */
  batch: BatchParcel[];
  /** CJ API numbers: carrier calls per parcel. */
  viaCj: BatchParcel[];
}

/** Checks what needs no Redis (typed numbers, orders named twice) and sorts the rest by where the number comes from. */
function sortParcels(body: IssueWaybillsBody, source: 'range' | 'cj'): SortedParcels {
  const sorted: SortedParcels = { outcomes: new Map(), batch: [], viaCj: [] };
  const claimed = new Set<string>();
  const typedNumbers = new Set<string>();
  for (const [index, parcel] of body.parcels.entries()) {
    const packages = parcel.packages ?? 1;
    const repeated = parcel.orderKeys.find((key) => claimed.has(key));
    for (const key of parcel.orderKeys) claimed.add(key);
    const check = parcel.trackingNumber === undefined ? null : validateTrackingNumber(body.carrier, parcel.trackingNumber);
    const refusal = repeated
      ? refused('DUPLICATE_PARCEL_ORDER', { key: repeated }, 422)
      : !check
        ? null
        : packages > 1
          ? refused('MANUAL_ONE_BOX', {}, 422)
          : !check.ok
            ? refused('INVALID_TRACKING_NUMBER', { carrier: body.carrier, trackingNumber: parcel.trackingNumber ?? '', problem: check.problem }, 422)
            : typedNumbers.has(check.number)
              ? refused('TRACKING_NUMBER_TAKEN', { trackingNumber: check.number })
              : null;
    if (refusal) sorted.outcomes.set(index, refusal);
    else if (!check) (source === 'cj' ? sorted.viaCj : sorted.batch).push({ index, orderKeys: parcel.orderKeys, packages });
    else {
      typedNumbers.add(check.number);
      sorted.batch.push({ index, orderKeys: parcel.orderKeys, packages: 1, trackingNumber: check.number });
    }
  }
  return sorted;
}

async function issueViaCj(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, parcels: readonly BatchParcel[], settings: SellerSettings): Promise<IssueOutcome[]> {
  const contract = settings.carrierContracts.cj;
  let issuer: CjIssuer;
  try {
    if (!contract) throw new Refusal('NO_CONTRACT', { carrier: 'cj' }, 422);
    issuer = runtime.cjIssuer(seller, waybills, contract);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return parcels.map(() => ({ result: 'error', refusal: error }));
  }
  return inParallel(parcels, CJ_PARALLEL, (parcel) => issuer.issue(parcel, contract, settings.preRegisterTracking));
}

/**
 * Issues waybills for a batch of parcels of one carrier; a result per parcel, in the order given. A typed number
 * (manual) is checked for the carrier and attached; otherwise the carrier's source in the settings decides: the
 * contract range, or CJ's API. Every path is idempotent per (order, package): a repeat gets the same waybills.
 */
export async function issueWaybills(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, body: IssueWaybillsBody): Promise<IssuedParcel[]> {
  const settings = await seller.settings.get();
  const { outcomes, batch, viaCj } = sortParcels(body, settings.waybillSources[body.carrier] ?? 'range');
  if (batch.length > 0) {
    const reply = await waybills.issueBatch(body.carrier, settings.preRegisterTracking, batch);
    for (const result of reply.results) {
      outcomes.set(
        result.index,
        result.result === 'applied'
          ? { result: 'applied', replay: result.replay, waybills: result.waybills }
          : { result: 'error', refusal: scriptRefusal(result.error) },
      );
    }
  }
  if (viaCj.length > 0) {
    const results = await issueViaCj(runtime, seller, waybills, viaCj, settings);
    viaCj.forEach((parcel, position) => outcomes.set(parcel.index, results[position] ?? refused('INTERNAL', {}, 500)));
  }
  await checkUnshippedWaybills(seller, settings.alerts.unshippedWaybillsMax);
  return body.parcels.map((parcel, index) => ({ index, orderKeys: parcel.orderKeys, outcome: outcomes.get(index) ?? refused('INTERNAL', {}, 500) }));
}
