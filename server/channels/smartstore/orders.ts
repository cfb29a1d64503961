import { normalizeTrackingNumber } from '../../../shared/carriers';
import { ChannelError, type LineOutcome, type Shipment } from '../connector';
import { MAX_CONFIRM_IDS, MAX_DISPATCH_ITEMS, MAX_QUERY_IDS, type NaverCommerceClient } from './client';
import { formatKst } from './dates';
import { parseDetails } from './map';
import { isAmbiguous } from './transport';
import type { DispatchItem, DispatchResponse, ProductOrderDetail } from './wire';

/**
 * Confirm (발주확인) and dispatch (발송처리) with per-line results (channels.md §1.3, §1.4).
 *
 * Both read the channel before trusting a failure: a line Naver already shows as confirmed, or as DELIVERING
 * with the same tracking number, is a success, whichever earlier call (maybe one whose answer was lost) did
 * it. Dispatch also reads before sending, because a second dispatch of the same line must never go out
 * (DESIGN "Dispatch checks the channel's current state before re-sending").
 */

const SHIPPED_STATUSES = new Set(['DELIVERING', 'DELIVERED', 'PURCHASE_DECIDED']);
/** Send-then-recheck rounds per dispatch batch when answers keep getting lost. */
const MAX_DISPATCH_ROUNDS = 4;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Current details of lines, by productOrderId; lines Naver does not know are absent. */
export async function readLines(client: NaverCommerceClient, lineIds: readonly string[]): Promise<Map<string, ProductOrderDetail>> {
  const found = new Map<string, ProductOrderDetail>();
  for (const ids of chunk([...new Set(lineIds)], MAX_QUERY_IDS)) {
    const { details } = parseDetails(await client.productOrders(ids));
    for (const detail of details) found.set(detail.productOrder.productOrderId, detail);
  }
  return found;
}

export async function confirmLines(client: NaverCommerceClient, lineIds: readonly string[]): Promise<LineOutcome[]> {
  const outcomes = new Map<string, LineOutcome>();
  for (const ids of chunk([...new Set(lineIds)], MAX_CONFIRM_IDS)) {
    let failed: Map<string, { code: string; message: string }>;
    try {
      const { data } = await client.confirm(ids);
      for (const info of data.successProductOrderInfos ?? []) {
        outcomes.set(info.productOrderId, { lineId: info.productOrderId, ok: true, detail: { receiverAddressChanged: info.isReceiverAddressChanged === true } });
      }
      failed = new Map((data.failProductOrderInfos ?? []).map((info) => [info.productOrderId, { code: info.code ?? 'FAILED', message: info.message ?? '' }]));
      for (const id of ids) if (!outcomes.has(id) && !failed.has(id)) failed.set(id, { code: 'NO_RESULT', message: 'Naver returned no result for this line' });
    } catch (error) {
      if (!(error instanceof ChannelError) || !(isAmbiguous(error) || error.kind === 'rejected')) throw error;
      failed = new Map(ids.map((id) => [id, { code: error.channelCode ?? error.kind, message: error.message }]));
    }
    if (failed.size === 0) continue;
    const current = await readLines(client, [...failed.keys()]);
    for (const [id, failure] of failed) {
      const detail = current.get(id);
      if (detail?.productOrder.placeOrderStatus === 'OK') outcomes.set(id, { lineId: id, ok: true, detail: { alreadyConfirmed: true } });
      else outcomes.set(id, { lineId: id, ok: false, code: failure.code, message: failure.message });
    }
  }
  return [...new Set(lineIds)].map((id) => outcomes.get(id) ?? { lineId: id, ok: false, code: 'NO_RESULT', message: 'not processed' });
}

interface Prepared {
  shipment: Shipment;
  item: DispatchItem;
}

export async function dispatchShipments(client: NaverCommerceClient, shipments: readonly Shipment[]): Promise<LineOutcome[]> {
  const outcomes = new Map<string, LineOutcome>();
  const prepared: Prepared[] = [];
  for (const shipment of shipments) {
    if (outcomes.has(shipment.lineId) || prepared.some((entry) => entry.shipment.lineId === shipment.lineId)) {
      outcomes.set(shipment.lineId, { lineId: shipment.lineId, ok: false, code: 'DUPLICATE_LINE', message: 'the line appears twice in one dispatch' });
      continue;
    }
    const problem = shipmentProblem(shipment);
    if (problem) {
      outcomes.set(shipment.lineId, { lineId: shipment.lineId, ok: false, code: 'INVALID_SHIPMENT', message: problem });
      continue;
    }
    prepared.push({ shipment, item: toDispatchItem(shipment) });
  }
  for (const batch of chunk(prepared.filter((entry) => !outcomes.has(entry.shipment.lineId)), MAX_DISPATCH_ITEMS)) {
    for (const [lineId, outcome] of await dispatchBatch(client, batch)) outcomes.set(lineId, outcome);
  }
  const order = [...new Set(shipments.map((shipment) => shipment.lineId))];
  return order.map((id) => outcomes.get(id) ?? { lineId: id, ok: false, code: 'NO_RESULT', message: 'not processed' });
}

function shipmentProblem(shipment: Shipment): string | null {
  if (!shipment.carrierCode.trim()) return `no SmartStore carrier code for carrier ${shipment.carrier}`;
  if (!/^[0-9A-Za-z]{4,30}$/.test(normalizeTrackingNumber(shipment.trackingNumber))) return `tracking number "${shipment.trackingNumber}" is not 4-30 letters or digits`;
  if (!Number.isFinite(Date.parse(shipment.dispatchedAt))) return `dispatchedAt "${shipment.dispatchedAt}" is not a date`;
  return null;
}

function toDispatchItem(shipment: Shipment): DispatchItem {
  return {
    productOrderId: shipment.lineId,
    deliveryMethod: 'DELIVERY',
    deliveryCompanyCode: shipment.carrierCode.trim(),
    trackingNumber: normalizeTrackingNumber(shipment.trackingNumber),
    dispatchDate: formatKst(Date.parse(shipment.dispatchedAt)),
  };
}

/**
 * Read, send what is not on the channel yet, and on an answer that never came (or a refusal) read again.
 * Each round sends only lines the channel does not show as dispatched, so no line is dispatched twice.
 */
async function dispatchBatch(client: NaverCommerceClient, batch: Prepared[]): Promise<Map<string, LineOutcome>> {
  const outcomes = new Map<string, LineOutcome>();
  let pending = batch;
  let lastAmbiguous: ChannelError | null = null;
  for (let round = 1; pending.length > 0; round += 1) {
    const current = await readLines(client, pending.map((entry) => entry.item.productOrderId));
    const toSend: Prepared[] = [];
    for (const entry of pending) {
      const settled = settledOutcome(entry.item, current.get(entry.item.productOrderId));
      if (settled) outcomes.set(entry.item.productOrderId, settled);
      else toSend.push(entry);
    }
    if (toSend.length === 0) break;
    if (round > MAX_DISPATCH_ROUNDS) {
      // Still unknown after several lost answers: say so per line; the dispatch worker retries later, reading first.
      for (const entry of toSend) outcomes.set(entry.item.productOrderId, failure(entry, lastAmbiguous?.channelCode ?? lastAmbiguous?.kind ?? 'UNKNOWN', lastAmbiguous?.message ?? 'no answer'));
      break;
    }
    let response: DispatchResponse;
    try {
      response = await client.dispatch(toSend.map((entry) => entry.item));
    } catch (error) {
      if (error instanceof ChannelError && error.kind === 'rejected') {
        for (const entry of toSend) outcomes.set(entry.item.productOrderId, failure(entry, error.channelCode ?? 'REJECTED', error.message));
        break;
      }
      if (!isAmbiguous(error)) throw error;
      lastAmbiguous = error as ChannelError;
      pending = toSend;
      continue;
    }
    const succeeded = new Set(response.data.successProductOrderIds ?? []);
    const refused = new Map((response.data.failProductOrderInfos ?? []).map((info) => [info.productOrderId, info]));
    const recheck: Prepared[] = [];
    for (const entry of toSend) {
      const id = entry.item.productOrderId;
      const refusal = refused.get(id);
      if (succeeded.has(id)) outcomes.set(id, { lineId: id, ok: true });
      else outcomes.set(id, refusal ? failure(entry, refusal.code ?? 'FAILED', refusal.message ?? '') : failure(entry, 'NO_RESULT', 'Naver returned no result for this line'));
      if (!succeeded.has(id)) recheck.push(entry);
    }
    // A refusal may mean "already dispatched" by an earlier call whose answer was lost: one more read settles it.
    if (recheck.length > 0) await settleRefusals(client, recheck, outcomes);
    break;
  }
  return outcomes;
}

/** Best effort: a failed read keeps Naver's refusal as the answer, and the worker's next attempt reads first anyway. */
async function settleRefusals(client: NaverCommerceClient, recheck: Prepared[], outcomes: Map<string, LineOutcome>): Promise<void> {
  let after: Map<string, ProductOrderDetail>;
  try {
    after = await readLines(client, recheck.map((entry) => entry.item.productOrderId));
  } catch (error) {
    if (error instanceof ChannelError) return;
    throw error;
  }
  for (const entry of recheck) {
    const settled = settledOutcome(entry.item, after.get(entry.item.productOrderId));
    if (settled?.ok) outcomes.set(entry.item.productOrderId, settled);
  }
}

/** A line already dispatched on the channel: accepted when the number matches, refused when it does not. */
function settledOutcome(item: DispatchItem, detail: ProductOrderDetail | undefined): LineOutcome | null {
  if (!detail) return { lineId: item.productOrderId, ok: false, code: 'NOT_FOUND', message: 'Naver does not know this product order' };
  if (!SHIPPED_STATUSES.has(detail.productOrder.productOrderStatus)) return null;
  const onChannel = normalizeTrackingNumber(detail.delivery?.trackingNumber ?? '');
  if (onChannel === item.trackingNumber) return { lineId: item.productOrderId, ok: true, detail: { alreadyDispatched: true } };
  return {
    lineId: item.productOrderId,
    ok: false,
    code: 'DISPATCHED_WITH_OTHER_NUMBER',
    message: `Naver already shows tracking number ${onChannel || '(none)'}; changing it needs Naver's tracking-change API`,
  };
}

function failure(entry: Prepared, code: string, message: string): LineOutcome {
  return { lineId: entry.item.productOrderId, ok: false, code, message };
}
