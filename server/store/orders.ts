import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Channel } from '../../shared/ids';
import { OrderInputSchema, OrderSchema, type Claim, type Order, type OrderInput } from '../../shared/order';
import { acceptOrderInput } from '../../shared/order-input-fast';
import { ORDER_STATES, OrderStateSchema, type OrderState } from '../../shared/state-machine';
import type { TrackingLine, TrackingStatusSchema } from '../../shared/order';
import { luaArray, type SellerContext } from './context';
import { StoreError } from './errors';
import type { IngestBatcher, IngestResult } from './ingest-batch';
import {
  CancelInputSchema,
  CancelLineInputSchema,
  ClaimCallSchema,
  FlagsInputSchema,
  HoldInputSchema,
  MarkWaybillInputSchema,
  OrderQuerySchema,
  OrderRefSchema,
  ReturnInputSchema,
  ShipInputSchema,
  VoidWaybillInputSchema,
} from './inputs';
import { validated } from './validate';

export type { IngestResult };

const StatusReply = z.object({ key: z.string(), status: OrderStateSchema }).loose();
const OrdersReply = z.object({ orders: luaArray(z.object({ key: z.string(), status: OrderStateSchema })), replay: z.boolean().optional() });
const CancelReply = z.object({ key: z.string(), status: OrderStateSchema, voids: luaArray(z.string()), replay: z.boolean() });
const ClaimReply = z.object({ key: z.string(), status: OrderStateSchema, applied: z.boolean() });
const FlagsReply = z.object({ key: z.string(), status: OrderStateSchema, changed: z.boolean() });

export interface OrderQuery {
  status?: OrderState;
  channel?: Channel;
  /** Exclusive lower bound on `seq`: the `nextCursor` or `syncToken` of an earlier page. */
  after?: number;
  limit: number;
}

export interface OrderPage {
  orders: Order[];
  /** Pass back as `after` to continue; null when nothing more changed yet. */
  nextCursor: number | null;
  /** The highest seq seen; an incremental refresh starts after it. */
  syncToken: number;
}

export interface WaybillAttachment {
  waybillId: string;
  carrier: string;
  trackingNumber: string;
  dispatchNow: boolean;
}

/**
 * Orders: ingestion and every state change, each one atomic script. Caller data is validated first; bad input
 * throws StoreValidationError naming the field, and a refusal by the state machine or stock throws StoreError.
 */
export class OrderStore {
  constructor(
    private readonly ctx: SellerContext,
    private readonly ingests: IngestBatcher,
  ) {}

  /**
   * Idempotent per line; backorders resume oldest first by `orderedAt` (or when first seen). Ingests issued
   * together share one call to Redis (server/store/ingest-batch.ts) and still run in the order issued, each
   * with its own result or refusal.
   */
  ingest(order: OrderInput): Promise<IngestResult> {
    // Not async: the batcher's promise is handed back as it is, without another one wrapped around it.
    let input: OrderInput;
    try {
      // The hand-written check takes the common order at a fraction of zod's cost; zod decides the rest.
      input = acceptOrderInput(order) ?? validated(OrderInputSchema, order);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.ingests.ingest(this.ctx.sellerId, this.ctx.actor, input);
  }

  /**
   * For inputs that are already the output of OrderInputSchema, alone or inside a larger schema (the HTTP
   * route parses its body with it): the same as `ingest` for each, in order, without parsing them again.
   * Anything else goes through `ingest`. Each outcome is settled, never thrown.
   */
  ingestParsed(inputs: readonly OrderInput[]): Promise<PromiseSettledResult<IngestResult>[]> {
    return Promise.allSettled(inputs.map((input) => this.ingests.ingest(this.ctx.sellerId, this.ctx.actor, input)));
  }

  /** MANUAL by default; ADDRESS when the carrier refused the address (the order waits for a corrected one). */
  async hold(key: string, note = '', reason: 'MANUAL' | 'ADDRESS' = 'MANUAL'): Promise<{ key: string; status: OrderState }> {
    validated(HoldInputSchema, { key, note, reason });
    return this.ctx.callParsed('hold_order', [this.ctx.keys.order(key)], [key, note, reason], StatusReply);
  }

  async release(key: string): Promise<{ key: string; status: OrderState }> {
    validated(OrderRefSchema, { key });
    return this.ctx.callParsed('release_order', [this.ctx.keys.order(key)], [key], StatusReply);
  }

  /**
   * A cancelled order is a replay (`replay: true`). `voids`: the waybills still attached, each queued in the same
   * step to be voided at the carrier (server/waybills/void-queue.ts settles them).
   */
  /**
   * `voidsHeldUntil` (ms): the voids the cancel queues stay leased to this caller until then, for a caller that
   * settles them itself at once (claimVoids with the same `heldUntil`); otherwise they are due now.
   */
  async cancel(key: string, reason = '', voidsHeldUntil?: number): Promise<{ key: string; status: OrderState; voids: string[]; replay: boolean }> {
    validated(CancelInputSchema, { key, reason });
    const args = voidsHeldUntil === undefined ? [key, reason] : [key, reason, String(Math.trunc(voidsHeldUntil))];
    return this.ctx.callParsed('cancel_order', [this.ctx.keys.order(key)], args, CancelReply);
  }

  async cancelLine(key: string, lineId: string, quantity: number, reason = ''): Promise<{ key: string; status: OrderState }> {
    validated(CancelLineInputSchema, { key, lineId, quantity, reason });
    return this.ctx.callParsed('cancel_line', [this.ctx.keys.order(key)], [key, lineId, String(quantity), reason], StatusReply);
  }

  /** The whole order, or `quantity` units of one line. Restock or quarantine follows the seller's setting. */
  async returnUnits(key: string, line?: { lineId: string; quantity: number }): Promise<{ key: string; status: OrderState }> {
    validated(ReturnInputSchema, line ? { key, line } : { key });
    const args = [key, line?.lineId ?? '', String(line?.quantity ?? 0), DEFAULT_SETTINGS.returnPolicy];
    return this.ctx.callParsed('return_line', [this.ctx.keys.order(key)], args, StatusReply);
  }

  /** One parcel: all its orders ship, or none. */
  async ship(keys: readonly string[], options: { station?: string; requirePacked?: boolean } = {}): Promise<{ key: string; status: OrderState }[]> {
    const input = validated(ShipInputSchema, { keys, station: options.station ?? '', requirePacked: options.requirePacked ?? false });
    const payload = JSON.stringify({ orderKeys: input.keys, station: input.station, requirePacked: input.requirePacked });
    return (await this.ctx.callParsed('ship_orders', [], [payload], OrdersReply)).orders;
  }

  async markWaybillIssued(keys: readonly string[], waybill: WaybillAttachment): Promise<{ orders: { key: string; status: OrderState }[]; replay: boolean }> {
    validated(MarkWaybillInputSchema, { keys, waybill });
    const reply = await this.ctx.callParsed('mark_waybill_issued', [], [JSON.stringify({ orderKeys: keys, ...waybill })], OrdersReply);
    return { orders: reply.orders, replay: reply.replay ?? false };
  }

  async voidWaybill(keys: readonly string[], waybillId: string, trackingNumber: string): Promise<{ key: string; status: OrderState }[]> {
    validated(VoidWaybillInputSchema, { keys, waybillId, trackingNumber });
    const payload = JSON.stringify({ orderKeys: keys, waybillId, trackingNumber });
    return (await this.ctx.callParsed('void_waybill', [], [payload], OrdersReply)).orders;
  }

  /** A channel claim, applied once per claimId. */
  /** A channel claim, applied once per (claimId, type, status); `applied: false` is a replay. */
  async recordClaim(key: string, claim: Omit<Claim, 'at'> & { claimId: string }): Promise<{ key: string; status: OrderState; applied: boolean }> {
    const input = validated(ClaimCallSchema, { key, claim });
    return this.ctx.callParsed('record_claim', [this.ctx.keys.order(key)], [key, JSON.stringify(input.claim), DEFAULT_SETTINGS.returnPolicy], ClaimReply);
  }

  async setFlags(
    key: string,
    flags: { confirmed?: boolean; packed?: boolean; delivered?: boolean; printed?: true; tracking?: { status: z.infer<typeof TrackingStatusSchema>; message?: string; lines?: TrackingLine[] } },
  ): Promise<{ key: string; status: OrderState; changed: boolean }> {
    const input = validated(FlagsInputSchema, { key, flags });
    return this.ctx.callParsed('set_order_flags', [this.ctx.keys.order(key)], [key, JSON.stringify(input.flags)], FlagsReply);
  }

  async get(key: string): Promise<Order | null> {
    return (await this.getMany([key]))[0] ?? null;
  }

  /** In the order asked; unknown keys are left out. */
  async getMany(keys: readonly string[]): Promise<Order[]> {
    if (keys.length === 0) return [];
    const raws = await this.ctx.redis().mGet(keys.map((key) => this.ctx.keys.order(key)));
    return raws.flatMap((raw) => (raw ? [OrderSchema.parse(JSON.parse(raw))] : []));
  }

  async require(key: string): Promise<Order> {
    const order = await this.get(key);
    if (!order) throw new StoreError('ORDER_NOT_FOUND', [key]);
    return order;
  }

  /**
   * Orders in the order they last changed (ascending seq). A page ends at a seq, so an order that changes
   * while someone pages moves past the cursor and is seen again rather than skipped. Each order is in the
   * index of its state, scored by its seq; without a status filter the indexes are read side by side.
   */
  async list(orderQuery: OrderQuery): Promise<OrderPage> {
    const query = validated(OrderQuerySchema, orderQuery);
    const states = query.status ? [query.status] : ORDER_STATES;
    const redis = this.ctx.redis();
    const orders: Order[] = [];
    let after = query.after ?? 0;
    let exhausted = false;
    // A channel filter may skip most of a page; keep reading, but only so far in one request.
    for (let round = 0; round < 20 && orders.length < query.limit; round++) {
      const from = after;
      const chunks = await Promise.all(
        states.map(async (state) => {
          const chunk = await redis.zRangeWithScores(this.ctx.keys.stateIndex(state), `(${from}`, '+inf', { BY: 'SCORE', LIMIT: { offset: 0, count: query.limit } });
          return chunk.map((entry) => ({ key: entry.value, score: entry.score, state }));
        }),
      );
      // The first `limit` entries after the cursor over every index are among each index's first `limit`.
      const entries = chunks.flat().sort((a, b) => a.score - b.score).slice(0, query.limit);
      if (entries.length === 0) {
        exhausted = true;
        break;
      }
      const found = new Map((await this.getMany(entries.map((entry) => entry.key))).map((order) => [order.key, order]));
      // The cursor follows the indexes' scores, not the orders' own seq: an order that changed since the
      // indexes were read has a higher seq and will be met again further on.
      for (const entry of entries) {
        if (orders.length >= query.limit) break;
        after = entry.score;
        const order = found.get(entry.key);
        if (order && order.state === entry.state && (!query.channel || order.channel === query.channel)) orders.push(order);
      }
      if (entries.length < query.limit) {
        exhausted = orders.length < query.limit;
        break;
      }
    }
    return { orders, nextCursor: exhausted ? null : after, syncToken: after };
  }
}
