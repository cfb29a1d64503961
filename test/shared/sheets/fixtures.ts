import type { Alert } from '../../../shared/alerts';
import type { Listing, Sku } from '../../../shared/catalog';
import { listingKey, orderKey } from '../../../shared/ids';
import type { Order } from '../../../shared/order';
import type { SheetData } from '../../../shared/sheets/data';
import { ORDER_STATES } from '../../../shared/state-machine';

const BASE_MS = Date.parse('2024-05-01T00:00:00Z');

function isoAt(minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString();
}

/** A realistic order: a Naver-style numeric order id with a leading zero, a phone, a zip with a leading zero. */
export function makeOrder(index: number, overrides: Partial<Order> = {}): Order {
  const orderId = `0${2024050100000 + index}`;
  const state = ORDER_STATES[index % ORDER_STATES.length] ?? 'ALLOCATED';
  return {
    key: orderKey('smartstore', 'main', orderId),
    channel: 'smartstore',
    account: 'main',
    orderId,
    state,
    heldReason: state === 'HELD' ? 'OUT_OF_STOCK' : null,
    heldDetail: state === 'HELD' ? `SKU-${index % 50} 1개 부족` : null,
    lines: [
      { lineId: `${orderId}-1`, listingId: `9000${index % 50}`, quantity: 1 + (index % 3), productName: `무선 이어폰 ${index % 50}`, optionName: '화이트', cancelled: 0, returned: 0 },
    ],
    receiver: { name: `김철수${index}`, phone: '010-1234-5678', zip: '06234', address1: '서울 강남구 테헤란로 1', address2: `${index}호` },
    message: index % 10 === 0 ? '부재 시 문 앞' : undefined,
    orderedAt: isoAt(index),
    dueAt: isoAt(index + 2 * 24 * 60),
    confirmed: true,
    claim: null,
    tracking: state === 'SHIPPED' || state === 'DELIVERED' ? { status: 'accepted', carrier: 'cj', trackingNumber: `0${String(6000000000 + index)}` } : { status: 'none' },
    packed: false,
    addressChanged: false,
    allocation: {},
    createdAt: isoAt(index),
    updatedAt: isoAt(index + 5),
    seq: index + 1,
    ...overrides,
  };
}

export function makeOrders(count: number): Order[] {
  return Array.from({ length: count }, (_, index) => makeOrder(index));
}

export function makeSku(index: number, overrides: Partial<Sku> = {}): Sku {
  const onHand = 10 + (index % 7);
  const reserved = index % 5;
  const safety = 2;
  return { sku: `SKU-${index}`, name: `무선 이어폰 ${index}`, barcode: `880${String(1000000000 + index)}`, onHand, reserved, safety, quarantine: 0, available: Math.max(0, onHand - reserved - safety), ...overrides };
}

export function makeListing(index: number, overrides: Partial<Listing> = {}): Listing {
  return {
    channel: 'smartstore',
    account: 'main',
    listingId: `9000${index}`,
    components: [{ sku: `SKU-${index}`, qty: 1 }],
    metadata: { productName: `무선 이어폰 ${index}` },
    sellable: 5,
    autoMapped: index % 2 === 0,
    ...overrides,
  };
}

export function makeAlert(type: Alert['type'], subject: string, detail: Alert['detail'] = {}, overrides: Partial<Alert> = {}): Alert {
  return {
    id: `${type}:${subject}`,
    type,
    severity: 'warning',
    subject,
    detail,
    openedAt: isoAt(0),
    updatedAt: isoAt(1),
    acknowledged: false,
    ...overrides,
  };
}

export function unmappedAlert(listingId: string, productName: string): Alert {
  return makeAlert('UNMAPPED_LISTING', listingKey('coupang', 'main', listingId), { productName }, { severity: 'critical' });
}

export function sheetData(partial: Partial<SheetData> = {}): SheetData {
  return { complete: true, orders: [], skus: [], listings: [], alerts: [], cursor: null, ...partial };
}

/**
 * A server stand-in with a change cursor, like `updatedSince`: complete lists for null, otherwise only what
 * changed after the cursor. Every change bumps a sequence, as the store's `seq` does.
 */
export class FixtureSource {
  private seq = 0;
  private readonly orders = new Map<string, { order: Order; seq: number }>();
  private readonly skus = new Map<string, { sku: Sku; seq: number }>();
  private readonly listings = new Map<string, { listing: Listing; seq: number }>();
  alerts: Alert[] = [];
  fetches: (string | null)[] = [];
  failWith: Error | null = null;

  putOrders(orders: readonly Order[]): void {
    for (const order of orders) this.orders.set(order.key, { order, seq: ++this.seq });
  }
  updateOrder(key: string, change: (order: Order) => Order): Order {
    const current = this.orders.get(key);
    if (!current) throw new Error(`no order ${key}`);
    const order = change(current.order);
    this.orders.set(key, { order, seq: ++this.seq });
    return order;
  }
  removeOrder(key: string): void {
    this.orders.delete(key);
  }
  putSkus(skus: readonly Sku[]): void {
    for (const sku of skus) this.skus.set(sku.sku, { sku, seq: ++this.seq });
  }
  putListings(listings: readonly Listing[]): void {
    for (const listing of listings) this.listings.set(listingKey(listing.channel, listing.account, listing.listingId), { listing, seq: ++this.seq });
  }

  fetch(request: { updatedSince: string | null }): SheetData {
    this.fetches.push(request.updatedSince);
    if (this.failWith) throw this.failWith;
    const since = request.updatedSince === null ? -1 : Number(request.updatedSince);
    const changed = <T>(entries: Iterable<{ seq: number } & T>): T[] => [...entries].filter((entry) => entry.seq > since);
    return {
      complete: request.updatedSince === null,
      orders: changed(this.orders.values()).map((entry) => entry.order),
      skus: changed(this.skus.values()).map((entry) => entry.sku),
      listings: changed(this.listings.values()).map((entry) => entry.listing),
      alerts: [...this.alerts],
      cursor: String(this.seq),
    };
  }
}

/** A seller's whole picture: `orderCount` orders, 300 SKUs and listings, a shortage and an unmapped listing. */
export function populatedSource(orderCount: number): FixtureSource {
  const source = new FixtureSource();
  source.putOrders(makeOrders(orderCount));
  source.putSkus(Array.from({ length: 300 }, (_, index) => makeSku(index)));
  source.putListings(Array.from({ length: 300 }, (_, index) => makeListing(index)));
  source.alerts = [makeAlert('SHORTAGE', 'SKU-1', { missing: 2 }), unmappedAlert('777', '미매핑 상품')];
  return source;
}
