import { orderKey, listingKey } from '../../shared/ids';
import { openQuantity } from '../../shared/order';
import type { ChannelAccountRecord } from '../channels/accounts';
import type { ChannelOrder, PollResult } from '../channels/connector';
import { StoreError, type SellerStore } from '../store';
import { sellerKeys } from '../store/keys';
import { recordChannelClaims } from './claims';
import type { SyncContext } from './context';
import { forcePush } from './stock-push';

/**
 * One poll's orders into the store, through the same idempotent ingest as POST /v1/orders: a line already
 * known changes nothing, a changed receiver updates the order (addressChanged), an unmapped listing holds the
 * order and raises UNMAPPED_LISTING naming the channel's product and option. Then the channel's claims, the
 * 발주확인 it already shows, and the orders to confirm on it.
 */

export interface IngestSummary {
  created: number;
  updated: number;
  replays: number;
  failed: number;
  /** Orders the channel shows as shipped already and Sheetship never saw: not ingested. */
  skipped: number;
}

export async function ingestPoll(ctx: SyncContext, seller: SellerStore, record: ChannelAccountRecord, result: PollResult, autoConfirm: boolean): Promise<IngestSummary> {
  const summary: IngestSummary = { created: 0, updated: 0, replays: 0, failed: 0, skipped: 0 };
  for (const channelOrder of result.orders) {
    const outcome = await ingestOne(ctx, seller, record, channelOrder, autoConfirm);
    summary[outcome] += 1;
  }
  for (const entry of result.unreadable ?? []) {
    const subject = orderKey(record.channel, record.id, entry.orderId ?? entry.lineId ?? 'unknown');
    await seller.alerts.raise('SYNC_ERROR', 'warning', subject, { account: record.id, orderId: entry.orderId ?? '', lineId: entry.lineId ?? '', message: entry.problem });
    ctx.logger.warn({ seller: seller.sellerId, account: record.id, orderId: entry.orderId, problem: entry.problem }, 'channel order unreadable');
  }
  return summary;
}

async function ingestOne(ctx: SyncContext, seller: SellerStore, record: ChannelAccountRecord, channelOrder: ChannelOrder, autoConfirm: boolean): Promise<keyof IngestSummary> {
  const input = channelOrder.order;
  const key = orderKey(input.channel, input.account, input.orderId);
  // Shipped from the channel's own console before Sheetship knew it (the first poll reads back
  // `lookbackHours`): it left the warehouse already, so it must not reserve stock now.
  const dispatched = new Set(channelOrder.dispatched.map((line) => line.lineId));
  if (input.lines.every((line) => dispatched.has(line.lineId)) && !(await seller.orders.get(key))) return 'skipped';
  let ingested;
  try {
    ingested = await seller.orders.ingest(input);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    // Lines added after a waybill (ORDER_LOCKED): the seller has to look at it.
    await seller.alerts.raise('SYNC_ERROR', 'warning', key, { account: record.id, orderKey: key, message: error.message });
    ctx.logger.warn({ seller: seller.sellerId, key, code: error.code }, 'channel order refused by the store');
    return 'failed';
  }
  // An earlier read of this order failed (unreadable, or refused); it reads fine now.
  if (!ingested.replay) await seller.alerts.close('SYNC_ERROR', key);
  ctx.events.emit({
    type: 'ingested',
    sellerId: seller.sellerId,
    account: record.id,
    key,
    status: ingested.status,
    reason: ingested.reason,
    created: ingested.created,
    replay: ingested.replay,
    lines: input.lines.length,
  });

  const problems = await recordChannelClaims(seller, key, channelOrder.claims, ctx.events);
  for (const problem of problems) ctx.logger.warn({ seller: seller.sellerId, key, lineId: problem.lineId, problem: problem.problem }, 'channel claim not recorded');

  // The channel took stock for this sale (or gave it back on a cancel) without Sheetship's stock moving, when
  // the order is held or the claim only closed it: push the listings again so the channel shows our figure.
  const cancelled = channelOrder.claims.some((claim) => claim.type === 'CANCEL' && claim.status === 'DONE');
  if (ingested.status === 'HELD' || cancelled) {
    await forcePush(ctx.store, seller.sellerId, input.lines.map((line) => listingKey(input.channel, input.account, line.listingId)));
  }

  const stored = await seller.orders.get(key);
  if (stored && !stored.confirmed) {
    const onChannel = new Set(channelOrder.confirmedLineIds);
    const open = stored.lines.filter((line) => openQuantity(line) > 0);
    if (open.length > 0 && open.every((line) => onChannel.has(line.lineId))) await seller.orders.setFlags(key, { confirmed: true });
    else if (autoConfirm && stored.state !== 'CANCELLED') await ctx.store.pool.pick().sAdd(sellerKeys(seller.sellerId).syncConfirm(record.id), key);
  }
  return ingested.created ? 'created' : ingested.replay ? 'replays' : 'updated';
}
