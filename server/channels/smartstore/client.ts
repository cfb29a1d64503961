import type { z } from 'zod';
import { ChannelError } from '../connector';
import type { FetchLike } from '../http-client';
import { formatKst } from './dates';
import { clientSecretSign, TokenCache } from './token';
import { DEFAULT_RETRY, systemClock, Transport, type Clock, type RetryPolicy } from './transport';
import {
  ConfirmResponseSchema,
  DispatchResponseSchema,
  LastChangedResponseSchema,
  OriginProductResponseSchema,
  ProductOrdersResponseSchema,
  TokenResponseSchema,
  type ConfirmResponse,
  type DispatchItem,
  type DispatchResponse,
  type LastChangedResponse,
  type MultiUpdateItem,
  type OptionStockRequest,
  type OriginProductResponse,
} from './wire';

/**
 * The Naver Commerce API, one method per call, each parsed at the boundary (channels.md §1). Batching,
 * paging, idempotency and mapping live above this, in feed.ts, orders.ts, stock.ts and map.ts.
 */

export const NAVER_BASE_URL = 'https://api.commerce.naver.com/external';
export const MAX_QUERY_IDS = 300;
export const MAX_CONFIRM_IDS = 30;
export const MAX_DISPATCH_ITEMS = 30;
export const MAX_FEED_LIMIT = 300;

export interface NaverClientOptions {
  /** `https://api.commerce.naver.com/external` unless pointing at a sandbox. */
  baseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Naver's account_id, for an app acting for another seller (token type SELLER). Empty: type SELF. */
  accountId?: string;
  fetch?: FetchLike;
  clock?: Clock;
  /** Per request, body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Subtracted from the signing timestamp, because the gateway refuses timestamps from its future. */
  signSkewMs?: number;
  random?: () => number;
}

export interface FeedQuery {
  lastChangedFrom: number;
  lastChangedTo?: number;
  /** The page position Naver returned (`more`), passed back as it came. */
  more?: { moreFrom: string; moreSequence: string };
  limitCount?: number;
}

export class NaverCommerceClient {
  readonly transport: Transport;
  readonly tokens: TokenCache;
  private readonly clock: Clock;

  constructor(private readonly options: NaverClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.transport = new Transport({
      baseUrl: options.baseUrl ?? NAVER_BASE_URL,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      clock: this.clock,
      timeoutMs: options.timeoutMs ?? 20_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      random: options.random ?? Math.random,
    });
    this.tokens = new TokenCache(() => this.issueToken(), () => this.clock.now());
  }

  private async issueToken() {
    const timestamp = this.clock.now() - (this.options.signSkewMs ?? 3_000);
    const form: Record<string, string> = {
      client_id: this.options.clientId,
      timestamp: String(timestamp),
      grant_type: 'client_credentials',
      client_secret_sign: clientSecretSign(this.options.clientId, this.options.clientSecret, timestamp),
      type: this.options.accountId ? 'SELLER' : 'SELF',
    };
    if (this.options.accountId) form.account_id = this.options.accountId;
    let body: unknown;
    try {
      body = await this.transport.call({ api: 'token', method: 'POST', path: '/v1/oauth2/token', form, repeatable: true });
    } catch (error) {
      // A refused credential is an auth problem for the seller to fix, whatever status the gateway chose.
      if (error instanceof ChannelError && error.kind === 'rejected') throw new ChannelError('auth', error.message, undefined, error.channelCode);
      throw error;
    }
    const token = parse(TokenResponseSchema, body, 'token');
    return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
  }

  async lastChangedStatuses(query: FeedQuery): Promise<LastChangedResponse> {
    const body = await this.transport.call({
      api: 'last-changed-statuses',
      method: 'GET',
      path: '/v1/pay-order/seller/product-orders/last-changed-statuses',
      query: {
        lastChangedFrom: query.more?.moreFrom ?? formatKst(query.lastChangedFrom),
        lastChangedTo: query.lastChangedTo === undefined ? undefined : formatKst(query.lastChangedTo),
        moreSequence: query.more?.moreSequence,
        limitCount: query.limitCount === undefined ? undefined : String(query.limitCount),
      },
      repeatable: true,
      tokens: this.tokens,
    });
    return parse(LastChangedResponseSchema, body ?? {}, 'last-changed-statuses');
  }

  /** Raw entries: each is parsed on its own by the mapper, so one unreadable order does not hide the rest. */
  async productOrders(productOrderIds: readonly string[]): Promise<unknown[]> {
    checkBatch('productOrderIds', productOrderIds.length, MAX_QUERY_IDS);
    const body = await this.transport.call({
      api: 'product-orders/query',
      method: 'POST',
      path: '/v1/pay-order/seller/product-orders/query',
      json: { productOrderIds, quantityClaimCompatibility: true },
      repeatable: true,
      tokens: this.tokens,
    });
    return parse(ProductOrdersResponseSchema, body ?? {}, 'product-orders/query').data ?? [];
  }

  /** Confirming twice cannot act twice (the second is refused or a no-op), so it is retried like a read. */
  async confirm(productOrderIds: readonly string[]): Promise<ConfirmResponse> {
    checkBatch('productOrderIds', productOrderIds.length, MAX_CONFIRM_IDS);
    const body = await this.transport.call({
      api: 'product-orders/confirm',
      method: 'POST',
      path: '/v1/pay-order/seller/product-orders/confirm',
      json: { productOrderIds },
      repeatable: true,
      tokens: this.tokens,
    });
    return parse(ConfirmResponseSchema, body, 'product-orders/confirm');
  }

  /** Not repeated on an ambiguous failure: the caller re-reads the orders first (orders.ts). */
  async dispatch(items: readonly DispatchItem[]): Promise<DispatchResponse> {
    checkBatch('dispatchProductOrders', items.length, MAX_DISPATCH_ITEMS);
    const body = await this.transport.call({
      api: 'product-orders/dispatch',
      method: 'POST',
      path: '/v1/pay-order/seller/product-orders/dispatch',
      json: { dispatchProductOrders: items },
      repeatable: false,
      tokens: this.tokens,
    });
    return parse(DispatchResponseSchema, body, 'product-orders/dispatch');
  }

  async originProduct(originProductNo: string): Promise<OriginProductResponse> {
    const body = await this.transport.call({
      api: 'origin-products/get',
      method: 'GET',
      path: `/v2/products/origin-products/${encodeURIComponent(originProductNo)}`,
      repeatable: true,
      tokens: this.tokens,
    });
    return parse(OriginProductResponseSchema, body, 'origin-products/get');
  }

  /** Absolute quantities, so repeating it is harmless. */
  async putOptionStock(originProductNo: string, request: OptionStockRequest): Promise<void> {
    await this.transport.call({
      api: 'origin-products/option-stock',
      method: 'PUT',
      path: `/v1/products/origin-products/${encodeURIComponent(originProductNo)}/option-stock`,
      json: request,
      repeatable: true,
      tokens: this.tokens,
    });
  }

  async multiUpdate(items: readonly MultiUpdateItem[]): Promise<void> {
    await this.transport.call({
      api: 'origin-products/multi-update',
      method: 'PATCH',
      path: '/v1/products/origin-products/multi-update',
      json: { multiProductUpdateRequestVos: items },
      repeatable: true,
      tokens: this.tokens,
    });
  }
}

function checkBatch(field: string, size: number, max: number): void {
  if (size < 1 || size > max) throw new RangeError(`${field}: ${size} items; Naver takes 1 to ${max} per call`);
}

function parse<T>(schema: z.ZodType<T>, body: unknown, api: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ChannelError('bad_response', `${api}: unexpected response shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
