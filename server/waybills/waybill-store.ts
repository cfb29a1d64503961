import { z } from 'zod';
import { CARRIER_IDS, type CarrierId } from '../../shared/carriers';
import type { SellerContext } from '../store';
import {
  BeginVoidReplySchema,
  ClaimVoidsReplySchema,
  FailVoidReplySchema,
  CjBeginReplySchema,
  CjCompleteReplySchema,
  CjTakeOverReplySchema,
  IssueBatchReplySchema,
  PrintReplySchema,
  RangeViewSchema,
  StoredWaybillSchema,
  VerifyReplySchema,
  VoidReplySchema,
  type Issuance,
  type RangeView,
  type StoredWaybill,
} from './records';

/** Key names beside the store's own; they mirror server/store/lua/waybills.lua. */
export function waybillKeys(prefix: string) {
  return {
    waybill: (id: string) => `${prefix}waybill:${id}`,
    numbers: `${prefix}waybill-numbers`,
    orderWaybills: (orderKey: string) => `${prefix}order-waybills:${orderKey}`,
    range: (carrier: CarrierId) => `${prefix}range:${carrier}`,
    issuances: `${prefix}issuances`,
    /** Voids owed to the carrier: a job per waybill, and when each is next due (ms). */
    voidJob: (waybillId: string) => `${prefix}waybill-void:${waybillId}`,
    voidsDue: `${prefix}waybill-voids`,
    labelJob: (id: string) => `${prefix}label-job:${id}`,
    verifyOpen: (station: string) => `${prefix}verify-open:${station}`,
    verifyCount: (waybillId: string) => `${prefix}verify-count:${waybillId}`,
    /** Shipped orders whose tracking the channel has not accepted yet, by when they shipped (ms). */
    trackingWatch: `${prefix}tracking-watch`,
    /** The SHIPPED index's seq up to which shipped orders were put on the watch list. */
    trackingWatchCursor: `${prefix}tracking-watch-cursor`,
  };
}

export interface BatchParcel {
  index: number;
  orderKeys: string[];
  packages: number;
  trackingNumber?: string;
}

const SavedReply = z.object({ saved: z.boolean() });
const DroppedReply = z.object({ dropped: z.boolean() });

/** The waybill scripts and reads for one seller. Every write is one script; reads parse what Redis holds. */
export class WaybillStore {
  readonly keys: ReturnType<typeof waybillKeys>;

  constructor(readonly ctx: SellerContext) {
    this.keys = waybillKeys(ctx.keys.prefix);
  }

  /** Range and typed numbers for a batch of parcels of one carrier (issue_waybills.lua). */
  issueBatch(carrier: CarrierId, dispatchNow: boolean, parcels: readonly BatchParcel[]) {
    return this.ctx.callParsed('issue_waybills', [], [JSON.stringify({ carrier, dispatchNow, parcels })], IssueBatchReplySchema);
  }

  putRange(carrier: CarrierId, first: string, last: string, checkDigit: boolean): Promise<RangeView> {
    return this.ctx.callParsed('put_waybill_range', [], [JSON.stringify({ carrier, first, last, checkDigit })], RangeViewSchema);
  }

  async ranges(): Promise<{ carrier: CarrierId; range: RangeView }[]> {
    const redis = this.ctx.redis();
    const found = await Promise.all(CARRIER_IDS.map(async (carrier) => ({ carrier, raw: await redis.hmGet(this.keys.range(carrier), ['first', 'last', 'next']) })));
    return found.flatMap(({ carrier, raw: [first, last, next] }) => {
      if (!first || !last || !next) return [];
      const size = Number(last) - Number(first) + 1;
      return [{ carrier, range: { first, last, next, size, remaining: Math.max(0, Number(last) - Number(next) + 1) } }];
    });
  }

  cjBegin(input: { issuanceId: string; orderKeys: string[]; packages: number; token: string; leaseUntil: number }) {
    return this.ctx.callParsed('cj_begin_parcel', [], [JSON.stringify(input)], CjBeginReplySchema);
  }

  /** False when the lease was lost: the caller must stop without calling the carrier again. */
  async cjSave(record: Issuance): Promise<boolean> {
    return (await this.ctx.callParsed('cj_save_issuance', [], [JSON.stringify(record)], SavedReply)).saved;
  }

  cjTakeOver(issuanceId: string, token: string, leaseUntil: number) {
    return this.ctx.callParsed('cj_take_over', [], [JSON.stringify({ issuanceId, token, leaseUntil })], CjTakeOverReplySchema);
  }

  cjComplete(record: Issuance, dispatchNow: boolean) {
    const args = { issuanceId: record.id, token: record.token, dispatchNow, ...(record.sortCode ? { sortCode: record.sortCode } : {}) };
    return this.ctx.callParsed('cj_complete_parcel', [], [JSON.stringify(args)], CjCompleteReplySchema);
  }

  async cjDrop(record: Issuance): Promise<boolean> {
    return (await this.ctx.callParsed('cj_drop_issuance', [], [JSON.stringify({ issuanceId: record.id, token: record.token })], DroppedReply)).dropped;
  }

  /** Issuances whose lease ran out by `nowMs`: a crashed or failed holder left them. */
  async expiredIssuances(nowMs: number): Promise<string[]> {
    return this.ctx.redis().zRangeByScore(this.keys.issuances, '-inf', nowMs);
  }

  voidRecord(waybillId: string, reason: string) {
    return this.ctx.callParsed('void_waybill_record', [], [JSON.stringify({ waybillId, reason })], VoidReplySchema);
  }

  /** A seller's void, recorded (leased to the caller until `leaseUntil`) before the carrier is called. */
  beginVoid(waybillId: string, reason: string, leaseUntil: number) {
    return this.ctx.callParsed('begin_waybill_void', [], [JSON.stringify({ waybillId, reason, leaseUntil })], BeginVoidReplySchema);
  }

  /** Due void jobs (only these waybills' when given), each leased to the caller until `leaseUntil`. */
  async claimVoids(leaseUntil: number, limit: number, waybillIds?: readonly string[], heldUntil?: number) {
    const args = { leaseUntil, limit, ...(waybillIds ? { waybillIds } : {}), ...(heldUntil === undefined ? {} : { heldUntil }) };
    return (await this.ctx.callParsed('claim_waybill_voids', [], [JSON.stringify(args)], ClaimVoidsReplySchema)).claimed;
  }

  failVoid(input: { waybillId: string; leaseUntil: number; code: string; detail: string; retryAt: number; alertAfter: number; dropManual: boolean }) {
    return this.ctx.callParsed('fail_waybill_void', [], [JSON.stringify(input)], FailVoidReplySchema);
  }

  /** Voids still owed to the carrier, with when each is next due (ms). */
  async pendingVoids(): Promise<{ waybillId: string; dueAt: number }[]> {
    const entries = await this.ctx.redis().zRangeWithScores(this.keys.voidsDue, 0, -1);
    return entries.map((entry) => ({ waybillId: entry.value, dueAt: entry.score }));
  }

  print(printId: string, waybillIds: readonly string[], ttlMs: number) {
    return this.ctx.callParsed('print_labels', [], [JSON.stringify({ printId, waybillIds, ttlMs })], PrintReplySchema);
  }

  verifyItem(waybillId: string, sku: string, expected: Record<string, number>) {
    return this.ctx.callParsed('verify_item', [], [JSON.stringify({ waybillId, sku, expected })], VerifyReplySchema);
  }

  async get(id: string): Promise<StoredWaybill | null> {
    return (await this.getMany([id]))[0] ?? null;
  }

  /** In the order asked; unknown ids are left out. */
  async getMany(ids: readonly string[]): Promise<StoredWaybill[]> {
    if (ids.length === 0) return [];
    const raws = await this.ctx.redis().mGet(ids.map((id) => this.keys.waybill(id)));
    return raws.flatMap((raw) => (raw ? [StoredWaybillSchema.parse(JSON.parse(raw))] : []));
  }

  /** The waybill a label's barcode names, voided or not. */
  async byNumber(number: string): Promise<StoredWaybill | null> {
    const id = await this.ctx.redis().hGet(this.keys.numbers, number);
    return id ? this.get(id) : null;
  }

  /** Every waybill the order ever carried, oldest first, voided ones included. */
  async forOrder(orderKey: string): Promise<StoredWaybill[]> {
    const ids = await this.ctx.redis().lRange(this.keys.orderWaybills(orderKey), 0, -1);
    return this.getMany([...new Set(ids)]);
  }
}
