import { SkuCodeSchema } from '../../../shared/ids';
import { OrderInputSchema, type OrderInput, type OrderLineInput, type Receiver } from '../../../shared/order';
import type { ChannelClaim, ChannelOrder, UnreadableOrder as Unreadable } from '../connector';
import { formatKst, normalizeWireDate, parseWireDate } from './dates';
import { ProductOrderDetailSchema, type ClaimDetail, type ProductOrderDetail } from './wire';

/**
 * Naver product orders (one per line) → the connector's domain shapes (channels.md §1.2, §1.5, §1.6, §5.2).
 *
 * - listingId is `originProductNo:optionCombinationId`, or `originProductNo` for a product without options;
 *   the order line names them `originalProductId` and `optionCode`.
 * - The line's quantity is what was ordered (initialQuantity). Partial claims arrive as claims with their
 *   requestQuantity, so units are never subtracted twice.
 * - Lines not paid yet (PAYMENT_WAITING) or dropped unpaid are not orders to ship and are left out.
 */

const NOT_AN_ORDER_YET = new Set(['PAYMENT_WAITING', 'CANCELED_BY_NOPAYMENT']);
const DISPATCHED_STATUSES = new Set(['DELIVERING', 'DELIVERED', 'PURCHASE_DECIDED', 'EXCHANGED', 'RETURNED']);

export interface MappedOrders {
  orders: ChannelOrder[];
  unreadable: Unreadable[];
}

export function listingIdOf(productOrder: ProductOrderDetail['productOrder']): string | null {
  const product = productOrder.originalProductId;
  if (!product) return null;
  return productOrder.optionCode ? `${product}:${productOrder.optionCode}` : product;
}

/** `{originProductNo, optionId}` of a listing id, or null when it does not look like one of ours. */
export function parseListingId(listingId: string): { originProductNo: string; optionId: string | null } | null {
  const match = /^([^:\s]+)(?::([^:\s]+))?$/.exec(listingId);
  if (!match?.[1]) return null;
  return { originProductNo: match[1], optionId: match[2] ?? null };
}

/** Parses raw detail entries one by one; an entry that does not read becomes an Unreadable, never an exception. */
export function parseDetails(entries: readonly unknown[]): { details: ProductOrderDetail[]; unreadable: Unreadable[] } {
  const details: ProductOrderDetail[] = [];
  const unreadable: Unreadable[] = [];
  for (const entry of entries) {
    const parsed = ProductOrderDetailSchema.safeParse(entry);
    if (parsed.success) {
      details.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    unreadable.push({ ...idsOf(entry), problem: `product order does not parse at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` });
  }
  return { details, unreadable };
}

/**
 * Groups lines by order. `addressChangedOrders` names orders whose feed rows said the receiver changed; the
 * receiver itself is always taken from the fresh details.
 */
export function mapOrders(account: string, entries: readonly unknown[], addressChangedOrders: ReadonlySet<string> = new Set()): MappedOrders {
  const { details, unreadable } = parseDetails(entries);
  const byOrder = new Map<string, ProductOrderDetail[]>();
  for (const detail of details) {
    if (NOT_AN_ORDER_YET.has(detail.productOrder.productOrderStatus)) continue;
    const lines = byOrder.get(detail.order.orderId) ?? [];
    lines.push(detail);
    byOrder.set(detail.order.orderId, lines);
  }
  const orders: ChannelOrder[] = [];
  for (const [orderId, lines] of byOrder) {
    const mapped = mapOrder(account, orderId, lines, addressChangedOrders.has(orderId));
    if ('problem' in mapped) unreadable.push(mapped);
    else orders.push(mapped);
  }
  return { orders, unreadable };
}

function mapOrder(account: string, orderId: string, lines: ProductOrderDetail[], addressChanged: boolean): ChannelOrder | Unreadable {
  const first = lines[0];
  if (!first) return { orderId, problem: 'no lines' };
  const orderLines: OrderLineInput[] = [];
  for (const { productOrder } of lines) {
    const listingId = listingIdOf(productOrder);
    if (!listingId) return { orderId, lineId: productOrder.productOrderId, problem: 'the line names no originalProductId' };
    const sellerCode = sellerCodeOf(productOrder);
    orderLines.push({
      lineId: productOrder.productOrderId,
      listingId,
      quantity: orderedQuantity(productOrder),
      ...(sellerCode ? { sellerCode } : {}),
      ...(productOrder.productName ? { productName: productOrder.productName.slice(0, 300) } : {}),
      ...(productOrder.productOption ? { optionName: productOrder.productOption.slice(0, 300) } : {}),
    });
  }
  const address = lines.map((line) => line.productOrder.shippingAddress).find((candidate) => candidate) ?? null;
  const receiver = receiverOf(address);
  if (typeof receiver === 'string') return { orderId, problem: receiver };
  const orderedAt = normalizeWireDate(first.order.orderDate) ?? normalizeWireDate(first.order.paymentDate);
  const dueAt = earliest(lines.map((line) => line.productOrder.shippingDueDate));
  const memo = lines.map((line) => line.productOrder.shippingMemo).find((text) => text && text.trim());
  const input: OrderInput = {
    channel: 'smartstore',
    account,
    orderId,
    ...(orderedAt ? { orderedAt } : {}),
    ...(dueAt ? { dueAt } : {}),
    lines: orderLines,
    receiver,
    ...(memo ? { message: memo.slice(0, 500) } : {}),
  };
  const checked = OrderInputSchema.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { orderId, problem: `the order does not fit the order schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return {
    order: checked.data,
    confirmedLineIds: lines.filter((line) => line.productOrder.placeOrderStatus === 'OK').map((line) => line.productOrder.productOrderId),
    dispatched: lines.flatMap(dispatchedOf),
    claims: lines.flatMap(claimsOf),
    addressChanged,
  };
}

function orderedQuantity(productOrder: ProductOrderDetail['productOrder']): number {
  const initial = productOrder.initialQuantity ?? 0;
  return initial > 0 ? initial : productOrder.quantity;
}

/** The option's seller code, or the product's for a product without options; only when it can be a SKU code. */
function sellerCodeOf(productOrder: ProductOrderDetail['productOrder']): string | undefined {
  const code = productOrder.optionManageCode?.trim() || (productOrder.optionCode ? '' : productOrder.sellerProductCode?.trim());
  return code && SkuCodeSchema.safeParse(code).success ? code : undefined;
}

/** The receiver, or why there is none: an order that cannot be labelled is reported, never filled with made-up data. */
function receiverOf(address: NonNullable<ProductOrderDetail['productOrder']['shippingAddress']> | null): Receiver | string {
  if (!address) return 'the order has no shipping address';
  if (!address.name?.trim()) return 'the shipping address has no receiver name';
  if (!address.baseAddress?.trim()) return 'the shipping address has no baseAddress';
  const phone = [address.tel1, address.tel2].map((tel) => tel?.trim()).find((tel) => tel && /^[0-9+()\- ]{4,20}$/.test(tel));
  if (!phone) return 'the shipping address has no usable phone number (tel1, tel2)';
  return {
    name: address.name.trim().slice(0, 100),
    phone,
    zip: (address.zipCode ?? '').replace(/[^0-9-]/g, '').slice(0, 10),
    address1: address.baseAddress.trim().slice(0, 300),
    ...(address.detailedAddress?.trim() ? { address2: address.detailedAddress.trim().slice(0, 300) } : {}),
  };
}

function earliest(values: (string | null | undefined)[]): string | undefined {
  const times = values.map(parseWireDate).filter((ms): ms is number => ms !== null);
  if (times.length === 0) return undefined;
  return formatKst(Math.min(...times));
}

function dispatchedOf(detail: ProductOrderDetail): { lineId: string; trackingNumber: string }[] {
  const trackingNumber = detail.delivery?.trackingNumber?.trim();
  if (!trackingNumber || !DISPATCHED_STATUSES.has(detail.productOrder.productOrderStatus)) return [];
  return [{ lineId: detail.productOrder.productOrderId, trackingNumber }];
}

/** Wire claim status → domain status. COLLECTING and COLLECT_DONE belong to returns and exchanges alike. */
const CLAIM_STATUS: Record<string, ChannelClaim['status']> = {
  CANCEL_REQUEST: 'REQUESTED',
  CANCELING: 'REQUESTED',
  CANCEL_DONE: 'DONE',
  CANCEL_REJECT: 'REJECTED',
  ADMIN_CANCELING: 'REQUESTED',
  ADMIN_CANCEL_DONE: 'DONE',
  ADMIN_CANCEL_REJECT: 'REJECTED',
  RETURN_REQUEST: 'REQUESTED',
  COLLECTING: 'REQUESTED',
  COLLECT_DONE: 'REQUESTED',
  RETURN_DONE: 'DONE',
  RETURN_REJECT: 'REJECTED',
  EXCHANGE_REQUEST: 'REQUESTED',
  EXCHANGE_REDELIVERING: 'REQUESTED',
  EXCHANGE_DONE: 'DONE',
  EXCHANGE_REJECT: 'REJECTED',
};

/**
 * One claim per claim section present (cancel, return, exchange). COLLECTING and COLLECT_DONE are shared by
 * returns and exchanges, so the section decides the type. A line CANCELED with no cancel section is a whole
 * cancel, done.
 */
export function claimsOf(detail: ProductOrderDetail): ChannelClaim[] {
  const { productOrder, order } = detail;
  const claims: ChannelClaim[] = [];
  const sections: [ChannelClaim['type'], ClaimDetail | null | undefined][] = [
    ['CANCEL', detail.cancel],
    ['RETURN', detail.return],
    ['EXCHANGE', detail.exchange],
  ];
  for (const [type, section] of sections) {
    if (!section) continue;
    const wireStatus = section.claimStatus ?? (productOrder.claimType && claimTypeMatches(productOrder.claimType, type) ? productOrder.claimStatus : null);
    const status = wireStatus ? CLAIM_STATUS[wireStatus] : undefined;
    if (!status) continue;
    const reason = section.cancelReason ?? section.returnReason ?? section.exchangeReason;
    const at = normalizeWireDate(section.claimRequestDate);
    claims.push({
      orderId: order.orderId,
      lineId: productOrder.productOrderId,
      type,
      status,
      quantity: claimQuantity(section.requestQuantity, productOrder),
      ...(reason ? { reason: reason.slice(0, 500) } : {}),
      ...(at ? { at } : {}),
    });
  }
  if (claims.length === 0 && productOrder.productOrderStatus === 'CANCELED') {
    claims.push({ orderId: order.orderId, lineId: productOrder.productOrderId, type: 'CANCEL', status: 'DONE', quantity: orderedQuantity(productOrder) });
  }
  return claims;
}

function claimTypeMatches(wireType: string, type: ChannelClaim['type']): boolean {
  return wireType === type || (wireType === 'ADMIN_CANCEL' && type === 'CANCEL');
}

function claimQuantity(requestQuantity: number | null | undefined, productOrder: ProductOrderDetail['productOrder']): number {
  const ordered = orderedQuantity(productOrder);
  if (requestQuantity === null || requestQuantity === undefined || requestQuantity <= 0) return ordered;
  return Math.min(requestQuantity, ordered);
}

function idsOf(entry: unknown): { orderId?: string; lineId?: string } {
  if (typeof entry !== 'object' || entry === null) return {};
  const record = entry as { order?: { orderId?: unknown }; productOrder?: { productOrderId?: unknown } };
  const orderId = record.order?.orderId;
  const lineId = record.productOrder?.productOrderId;
  return {
    ...(typeof orderId === 'string' || typeof orderId === 'number' ? { orderId: String(orderId) } : {}),
    ...(typeof lineId === 'string' || typeof lineId === 'number' ? { lineId: String(lineId) } : {}),
  };
}
