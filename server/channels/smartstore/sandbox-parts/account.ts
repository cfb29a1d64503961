import { SandboxCatalog, type NewProduct } from './catalog';
import type { Credentials } from './auth';
import type { IdSource } from './ids';
import type { ClaimSection, SandboxAddress, SandboxProduct, SandboxProductOrder } from './model';
import { SandboxOrderBook, type ClaimOptions, type PlacedOrder, type PlaceOrderInput } from './orders';

/**
 * One SmartStore seller account in the sandbox: its products, orders and change feed, plus the control
 * API tests and demo mode use to act as buyers and as Naver (claims, address changes, deliveries).
 */

export interface CreatedProduct {
  originProductNo: string;
  channelProductNo: string;
  /** In the order given; empty for a product without options. */
  optionIds: string[];
  /** Sheetship listing ids: `originProductNo:optionId`, or `originProductNo` alone. */
  listingIds: string[];
}

export interface DispatchRecord {
  productOrderId: string;
  trackingNumber: string;
  deliveryCompanyCode: string;
  /** 'applied', or the refusal code. */
  result: string;
}

export interface GeneratorOptions {
  intervalMs: number;
  /** Units per line at most (never more than the option has). */
  maxQuantity?: number;
  random?: () => number;
  onOrder?: (order: PlacedOrder) => void;
}

/** Made-up buyers for generated orders, so demo orders do not all go to one address. */
const DEMO_BUYERS: Partial<SandboxAddress>[] = [
  { name: '김민준', tel1: '010-2345-6789', baseAddress: '서울특별시 마포구 월드컵북로 396', detailedAddress: '12층', zipCode: '03925' },
  { name: '이서연', tel1: '010-3456-7890', baseAddress: '경기도 성남시 분당구 판교역로 166', detailedAddress: 'A동 301호', zipCode: '13529' },
  { name: '박지호', tel1: '010-4567-8901', baseAddress: '부산광역시 해운대구 센텀중앙로 79', detailedAddress: '1502호', zipCode: '48058' },
  { name: '최유나', tel1: '010-5678-9012', baseAddress: '대전광역시 유성구 대학로 99', detailedAddress: '기숙사 B동', zipCode: '34134' },
  { name: '정하준', tel1: '010-6789-0123', baseAddress: '광주광역시 서구 상무중앙로 110', zipCode: '61945' },
];

export class SandboxAccount {
  readonly catalog: SandboxCatalog;
  readonly book: SandboxOrderBook;
  readonly dispatchLog: DispatchRecord[] = [];
  ipBlocked = false;
  private readonly generators = new Set<ReturnType<typeof setInterval>>();

  constructor(
    readonly credentials: Credentials,
    ids: IdSource,
    readonly now: () => number,
  ) {
    this.catalog = new SandboxCatalog(ids);
    this.book = new SandboxOrderBook(ids, this.catalog, now);
  }

  get clientId(): string {
    return this.credentials.clientId;
  }

  get clientSecret(): string {
    return this.credentials.clientSecret;
  }

  createProduct(input: NewProduct): CreatedProduct {
    const product = this.catalog.create(input);
    const optionIds = product.options?.map((option) => option.id) ?? [];
    return {
      originProductNo: product.originProductNo,
      channelProductNo: product.channelProductNo,
      optionIds,
      listingIds: optionIds.length > 0 ? optionIds.map((id) => `${product.originProductNo}:${id}`) : [product.originProductNo],
    };
  }

  product(originProductNo: string): SandboxProduct {
    return this.catalog.product(originProductNo);
  }

  stockOf(originProductNo: string, optionId: string | null = null): number {
    return this.catalog.stockOf(originProductNo, optionId);
  }

  /** Stock of a Sheetship listing id. */
  stockOfListing(listingId: string): number {
    const [product, option] = listingId.split(':');
    return this.catalog.stockOf(product ?? '', option ?? null);
  }

  setStock(originProductNo: string, optionId: string | null, quantity: number): void {
    this.catalog.setStock(originProductNo, optionId, quantity);
  }

  /** A buyer orders; refused with SandboxError SOLD_OUT when stock does not cover it. */
  placeOrder(input: PlaceOrderInput): PlacedOrder {
    return this.book.place(input);
  }

  pay(orderId: string): void {
    this.book.pay(orderId);
  }

  productOrder(productOrderId: string): Readonly<SandboxProductOrder> {
    return this.book.line(productOrderId);
  }

  productOrderIds(): string[] {
    return [...this.book.lines.keys()];
  }

  requestClaim(productOrderId: string, section: ClaimSection, options?: ClaimOptions): void {
    this.book.requestClaim(productOrderId, section, options);
  }

  collect(productOrderId: string, section: 'return' | 'exchange'): void {
    this.book.collect(productOrderId, section);
  }

  completeClaim(productOrderId: string, section: ClaimSection): void {
    this.book.completeClaim(productOrderId, section);
  }

  rejectClaim(productOrderId: string, section: ClaimSection): void {
    this.book.rejectClaim(productOrderId, section);
  }

  /** A buyer cancel before confirm, which Naver completes at once. */
  cancel(productOrderId: string, options?: ClaimOptions): void {
    this.book.requestClaim(productOrderId, 'cancel', options);
    this.book.completeClaim(productOrderId, 'cancel');
  }

  changeAddress(orderId: string, address: Partial<SandboxAddress>): void {
    this.book.changeAddress(orderId, address);
  }

  deliver(productOrderId: string): void {
    this.book.deliver(productOrderId);
  }

  purchaseDecide(productOrderId: string): void {
    this.book.purchaseDecide(productOrderId);
  }

  /** Applied dispatches of a line: 1 after a correct dispatch, whatever faults happened on the way. */
  appliedDispatches(productOrderId: string): number {
    return this.dispatchLog.filter((entry) => entry.productOrderId === productOrderId && entry.result === 'applied').length;
  }

  /**
   * Places an order on a random option that still has stock every interval, until stock runs out
   * everywhere (then it idles) or the returned stop function is called.
   */
  startOrderGenerator(options: GeneratorOptions): () => void {
    const random = options.random ?? Math.random;
    const timer = setInterval(() => {
      const candidates: { originProductNo: string; optionId: string | null; stock: number }[] = [];
      for (const product of this.catalog.products.values()) {
        if (product.options) {
          for (const option of product.options) if (option.usable && option.stockQuantity > 0) candidates.push({ originProductNo: product.originProductNo, optionId: option.id, stock: option.stockQuantity });
        } else if (product.stockQuantity > 0) candidates.push({ originProductNo: product.originProductNo, optionId: null, stock: product.stockQuantity });
      }
      const pick = candidates[Math.floor(random() * candidates.length)];
      if (!pick) return;
      const quantity = 1 + Math.floor(random() * Math.min(pick.stock, options.maxQuantity ?? 2));
      const receiver = DEMO_BUYERS[Math.floor(random() * DEMO_BUYERS.length)] ?? {};
      const order = this.placeOrder({ receiver, ordererName: receiver.name ?? '홍길동', lines: [{ originProductNo: pick.originProductNo, optionId: pick.optionId, quantity }] });
      options.onOrder?.(order);
    }, options.intervalMs);
    timer.unref();
    this.generators.add(timer);
    return () => {
      clearInterval(timer);
      this.generators.delete(timer);
    };
  }

  stopGenerators(): void {
    for (const timer of this.generators) clearInterval(timer);
    this.generators.clear();
  }
}
