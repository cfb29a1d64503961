import type { SandboxCatalog } from './catalog';
import type { IdSource } from './ids';
import { SandboxError, type ClaimSection, type SandboxAddress, type SandboxChange, type SandboxClaim, type SandboxOrder, type SandboxProductOrder } from './model';

/**
 * Orders of one sandbox account and their change feed (channels.md §1.2–1.6).
 *
 * Lifecycle: PAYED + NOT_YET → confirm → OK → dispatch → DELIVERING (→ DELIVERED → PURCHASE_DECIDED).
 * Dispatch is refused before confirm, for an unknown carrier code and for a line already dispatched, so a
 * second dispatch with a different number is refused too. Every change appends a feed row; a line never has
 * two rows at the same millisecond, so (time, productOrderId) orders the feed strictly.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** 택배사 codes of Naver's table (channels.md §1.4, §5.1). */
export const NAVER_CARRIER_CODES = new Set(['CJGLS', 'HANJIN', 'HYUNDAI', 'EPOST', 'KGB', 'KDEXP', 'DAESIN', 'ILYANG', 'CHUNIL', 'HDEXP', 'CUPARCEL', 'CVSNET', 'CH1']);
export const DELIVERY_METHODS = new Set(['DELIVERY', 'DIRECT_DELIVERY', 'QUICK_SVC', 'VISIT_RECEIPT', 'NOTHING']);

export interface PlaceOrderInput {
  lines: { originProductNo: string; optionId?: string | null; quantity: number }[];
  receiver?: Partial<SandboxAddress>;
  ordererName?: string;
  memo?: string;
  /** Backdates the order (and its feed rows) to this instant. */
  at?: number;
  /** False: the order waits for payment (PAYMENT_WAITING) until pay(). */
  paid?: boolean;
  shippingDueDays?: number;
}

export interface PlacedOrder {
  orderId: string;
  productOrderIds: string[];
}

export type LineResult = { ok: true; receiverAddressChanged?: boolean } | { ok: false; code: string; message: string };

export interface DispatchRequestItem {
  productOrderId: string;
  deliveryMethod: string;
  deliveryCompanyCode?: string;
  trackingNumber?: string;
  dispatchDate: number;
}

export interface ClaimOptions {
  quantity?: number;
  reason?: string;
}

export interface FeedQuery {
  from: number;
  to: number;
  moreFrom?: number;
  moreSequence?: string;
  limit: number;
  type?: string;
}

const DEFAULT_RECEIVER: SandboxAddress = { name: '김철수', tel1: '010-1234-5678', baseAddress: '서울특별시 강남구 테헤란로 152', detailedAddress: '101동 1001호', zipCode: '06236' };

export class SandboxOrderBook {
  readonly orders = new Map<string, SandboxOrder>();
  readonly lines = new Map<string, SandboxProductOrder>();
  readonly changes: SandboxChange[] = [];
  private readonly lastChangeAt = new Map<string, number>();

  constructor(
    private readonly ids: IdSource,
    private readonly catalog: SandboxCatalog,
    private readonly now: () => number,
  ) {}

  place(input: PlaceOrderInput): PlacedOrder {
    if (input.lines.length === 0) throw new SandboxError('NO_LINES', 'an order needs at least one line');
    const resolved = input.lines.map((line) => {
      if (!Number.isInteger(line.quantity) || line.quantity < 1) throw new SandboxError('INVALID_QUANTITY', `quantity ${line.quantity} must be a positive integer`);
      const product = this.catalog.product(line.originProductNo);
      const option = this.catalog.option(product, line.optionId ?? null);
      return { product, option, quantity: line.quantity };
    });
    this.catalog.take(resolved.map((line) => ({ originProductNo: line.product.originProductNo, optionId: line.option?.id ?? null, quantity: line.quantity })));
    const at = input.at ?? this.now();
    const paid = input.paid ?? true;
    const order: SandboxOrder = {
      orderId: this.ids.next('order'),
      orderDate: at,
      paymentDate: paid ? at : null,
      ordererName: input.ordererName ?? '홍길동',
      ordererTel: '010-9876-5432',
      productOrderIds: [],
    };
    const address: SandboxAddress = { ...DEFAULT_RECEIVER, ...input.receiver };
    for (const { product, option, quantity } of resolved) {
      const line: SandboxProductOrder = {
        productOrderId: this.ids.next('productOrder'),
        orderId: order.orderId,
        productOrderStatus: paid ? 'PAYED' : 'PAYMENT_WAITING',
        placeOrderStatus: 'NOT_YET',
        originProductNo: product.originProductNo,
        channelProductNo: product.channelProductNo,
        optionId: option?.id ?? null,
        ...(option?.sellerManagerCode ? { optionManageCode: option.sellerManagerCode } : {}),
        ...(product.sellerManagementCode ? { sellerProductCode: product.sellerManagementCode } : {}),
        productName: product.name,
        ...(option ? { productOption: option.optionName2 ? `${option.optionName1} / ${option.optionName2}` : option.optionName1 } : {}),
        unitPrice: product.salePrice + (option?.price ?? 0),
        initialQuantity: quantity,
        remainQuantity: quantity,
        shippingDueDate: at + (input.shippingDueDays ?? 3) * DAY_MS,
        ...(input.memo ? { shippingMemo: input.memo } : {}),
        shippingAddress: { ...address },
        delivery: null,
        claimType: null,
        claimStatus: null,
        claims: {},
        receiverAddressChanged: false,
      };
      order.productOrderIds.push(line.productOrderId);
      this.lines.set(line.productOrderId, line);
    }
    this.orders.set(order.orderId, order);
    for (const id of order.productOrderIds) this.record(this.line(id), paid ? 'PAYED' : 'PAY_WAITING', at);
    return { orderId: order.orderId, productOrderIds: [...order.productOrderIds] };
  }

  pay(orderId: string): void {
    const order = this.order(orderId);
    order.paymentDate = this.now();
    for (const id of order.productOrderIds) {
      const line = this.line(id);
      if (line.productOrderStatus !== 'PAYMENT_WAITING') continue;
      line.productOrderStatus = 'PAYED';
      this.record(line, 'PAYED');
    }
  }

  confirm(productOrderId: string): LineResult {
    const line = this.lines.get(productOrderId);
    if (!line) return refuse('INVALID_PRODUCT_ORDER', '존재하지 않는 상품주문번호입니다.');
    if (line.productOrderStatus !== 'PAYED') return refuse('INVALID_STATUS', `발주확인할 수 없는 상태입니다. (${line.productOrderStatus})`);
    if (line.placeOrderStatus === 'OK') return refuse('ALREADY_CONFIRMED', '이미 발주확인된 상품주문입니다.');
    if (claimOpen(line, 'cancel')) return refuse('CLAIM_IN_PROGRESS', '취소 요청된 상품주문입니다.');
    line.placeOrderStatus = 'OK';
    line.placeOrderDate = this.now();
    return { ok: true, receiverAddressChanged: line.receiverAddressChanged };
  }

  dispatch(item: DispatchRequestItem): LineResult {
    const line = this.lines.get(item.productOrderId);
    if (!line) return refuse('INVALID_PRODUCT_ORDER', '존재하지 않는 상품주문번호입니다.');
    if (line.delivery || ['DELIVERING', 'DELIVERED', 'PURCHASE_DECIDED'].includes(line.productOrderStatus)) {
      return refuse('ALREADY_DISPATCHED', '이미 발송처리된 상품주문입니다. 송장 수정은 별도 API를 사용하세요.');
    }
    if (line.productOrderStatus !== 'PAYED') return refuse('INVALID_STATUS', `발송처리할 수 없는 상태입니다. (${line.productOrderStatus})`);
    if (claimOpen(line, 'cancel')) return refuse('CLAIM_IN_PROGRESS', '취소 요청된 상품주문입니다.');
    if (line.placeOrderStatus !== 'OK') return refuse('NOT_CONFIRMED', '발주확인 후 발송처리할 수 있습니다.');
    if (item.deliveryMethod === 'DELIVERY') {
      if (!item.deliveryCompanyCode || !NAVER_CARRIER_CODES.has(item.deliveryCompanyCode)) return refuse('INVALID_DELIVERY_COMPANY', `유효하지 않은 택배사 코드입니다. (${item.deliveryCompanyCode ?? ''})`);
      if (!item.trackingNumber || !/^[0-9]{8,20}$/.test(item.trackingNumber)) return refuse('INVALID_TRACKING_NUMBER', `유효하지 않은 송장번호입니다. (${item.trackingNumber ?? ''})`);
    }
    line.productOrderStatus = 'DELIVERING';
    line.delivery = { deliveryCompany: item.deliveryCompanyCode ?? '', trackingNumber: item.trackingNumber ?? '', deliveryMethod: item.deliveryMethod, sendDate: item.dispatchDate };
    this.record(line, 'DISPATCHED');
    return { ok: true };
  }

  deliver(productOrderId: string): void {
    const line = this.expectStatus(productOrderId, ['DELIVERING']);
    line.productOrderStatus = 'DELIVERED';
  }

  purchaseDecide(productOrderId: string): void {
    const line = this.expectStatus(productOrderId, ['DELIVERING', 'DELIVERED']);
    line.productOrderStatus = 'PURCHASE_DECIDED';
    this.record(line, 'PURCHASE_DECIDED');
  }

  changeAddress(orderId: string, address: Partial<SandboxAddress>): void {
    for (const id of this.order(orderId).productOrderIds) {
      const line = this.line(id);
      line.shippingAddress = { ...line.shippingAddress, ...address };
      line.receiverAddressChanged = true;
      this.record(line, 'DELIVERY_ADDRESS_CHANGED');
    }
  }

  requestClaim(productOrderId: string, section: ClaimSection, options: ClaimOptions = {}): void {
    const allowed = section === 'cancel' ? ['PAYED'] : ['DELIVERING', 'DELIVERED'];
    const line = this.expectStatus(productOrderId, allowed);
    if (line.claimStatus && isOpenStatus(line.claimStatus)) throw new SandboxError('CLAIM_IN_PROGRESS', `${productOrderId} already has a ${line.claimType} claim in progress`);
    const quantity = options.quantity ?? line.remainQuantity;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > line.remainQuantity) throw new SandboxError('INVALID_QUANTITY', `claim quantity ${quantity} must be 1 to ${line.remainQuantity}`);
    const status = `${SECTION_PREFIX[section]}_REQUEST`;
    line.claims[section] = { claimId: this.ids.next('claim'), claimStatus: status, requestQuantity: quantity, claimRequestDate: this.now(), reason: options.reason ?? '단순 변심' };
    this.setClaim(line, section, status);
    this.record(line, 'CLAIM_REQUESTED');
  }

  /** Returns and exchanges: the item is back at the seller. */
  collect(productOrderId: string, section: 'return' | 'exchange'): void {
    this.moveClaim(productOrderId, section, 'COLLECT_DONE', 'COLLECT_DONE');
  }

  completeClaim(productOrderId: string, section: ClaimSection): void {
    this.moveClaim(productOrderId, section, `${SECTION_PREFIX[section]}_DONE`, 'CLAIM_COMPLETED', (line, claim) => {
      claim.completedDate = this.now();
      if (section === 'exchange') {
        line.productOrderStatus = 'EXCHANGED';
        return;
      }
      line.remainQuantity -= claim.requestQuantity;
      if (section === 'cancel') this.catalog.give(line.originProductNo, line.optionId, claim.requestQuantity);
      if (line.remainQuantity === 0) line.productOrderStatus = section === 'cancel' ? 'CANCELED' : 'RETURNED';
    });
  }

  rejectClaim(productOrderId: string, section: ClaimSection): void {
    this.moveClaim(productOrderId, section, `${SECTION_PREFIX[section]}_REJECT`, 'CLAIM_REJECTED');
  }

  /** Feed rows in [from, to], after the page position, sorted by time then productOrderId. */
  feed(query: FeedQuery): { rows: SandboxChange[]; next: SandboxChange | null } {
    const matching = this.changes.filter((change) => {
      if (change.at < query.from || change.at > query.to) return false;
      if (query.type && change.lastChangedType !== query.type) return false;
      if (query.moreFrom !== undefined && query.moreSequence !== undefined) {
        return change.at > query.moreFrom || (change.at === query.moreFrom && change.productOrderId >= query.moreSequence);
      }
      return true;
    });
    return { rows: matching.slice(0, query.limit), next: matching[query.limit] ?? null };
  }

  line(productOrderId: string): SandboxProductOrder {
    const line = this.lines.get(productOrderId);
    if (!line) throw new SandboxError('UNKNOWN_PRODUCT_ORDER', `no product order ${productOrderId}`);
    return line;
  }

  order(orderId: string): SandboxOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new SandboxError('UNKNOWN_ORDER', `no order ${orderId}`);
    return order;
  }

  private expectStatus(productOrderId: string, statuses: string[]): SandboxProductOrder {
    const line = this.line(productOrderId);
    if (!statuses.includes(line.productOrderStatus)) throw new SandboxError('INVALID_STATUS', `${productOrderId} is ${line.productOrderStatus}, not ${statuses.join(' or ')}`);
    return line;
  }

  /** Moves an open claim to `status`, applies its effect on the line, and appends the feed row. */
  private moveClaim(productOrderId: string, section: ClaimSection, status: string, changeType: string, effect?: (line: SandboxProductOrder, claim: SandboxClaim) => void) {
    const line = this.line(productOrderId);
    const claim = line.claims[section];
    if (!claim || !isOpenStatus(claim.claimStatus)) throw new SandboxError('NO_OPEN_CLAIM', `${line.productOrderId} has no open ${section} claim`);
    claim.claimStatus = status;
    this.setClaim(line, section, status);
    effect?.(line, claim);
    this.record(line, changeType);
  }

  private setClaim(line: SandboxProductOrder, section: ClaimSection, status: string): void {
    line.claimType = section.toUpperCase();
    line.claimStatus = status;
  }

  private record(line: SandboxProductOrder, lastChangedType: string, at = this.now()): void {
    const previous = this.lastChangeAt.get(line.productOrderId);
    const when = previous !== undefined && at <= previous ? previous + 1 : at;
    this.lastChangeAt.set(line.productOrderId, when);
    const change: SandboxChange = {
      productOrderId: line.productOrderId,
      orderId: line.orderId,
      lastChangedType,
      at: when,
      paymentDate: this.order(line.orderId).paymentDate,
      productOrderStatus: line.productOrderStatus,
      claimType: line.claimType,
      claimStatus: line.claimStatus,
      receiverAddressChanged: line.receiverAddressChanged,
    };
    const last = this.changes[this.changes.length - 1];
    this.changes.push(change);
    if (last && (last.at > when || (last.at === when && last.productOrderId > change.productOrderId))) {
      this.changes.sort((a, b) => a.at - b.at || (a.productOrderId < b.productOrderId ? -1 : a.productOrderId > b.productOrderId ? 1 : 0));
    }
  }
}

const SECTION_PREFIX: Record<ClaimSection, string> = { cancel: 'CANCEL', return: 'RETURN', exchange: 'EXCHANGE' };

const CLOSED_CLAIM_STATUSES = new Set(['CANCEL_DONE', 'CANCEL_REJECT', 'RETURN_DONE', 'RETURN_REJECT', 'EXCHANGE_DONE', 'EXCHANGE_REJECT']);

/** COLLECT_DONE ends with _DONE but the return is still open, hence the explicit list. */
function isOpenStatus(status: string): boolean {
  return !CLOSED_CLAIM_STATUSES.has(status);
}

function claimOpen(line: SandboxProductOrder, section: ClaimSection): boolean {
  const claim = line.claims[section];
  return claim !== undefined && isOpenStatus(claim.claimStatus);
}

function refuse(code: string, message: string): LineResult {
  return { ok: false, code, message };
}
