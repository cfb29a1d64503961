import { openQuantity, type Order } from '../../shared/order';
import type { ChannelAccountRecord } from '../channels/accounts';
import type { Connector, LineOutcome } from '../channels/connector';
import type { SellerStore } from '../store';
import { sellerKeys } from '../store/keys';
import type { SyncContext } from './context';

/**
 * Auto-confirm (발주확인) of allocated orders. Orders wait in `sync:confirm:<account>` from ingest until they
 * are confirmed, so an order held for stock is confirmed once it allocates. Results are per line; an order is
 * `confirmed` when all its open lines are. When Naver reports that the receiver changed, the order is read
 * again and its receiver updated. An order the channel keeps refusing is dropped after `confirmMaxAttempts`
 * with a SYNC_ERROR alert carrying the channel's text.
 */

const BATCH = 300;

function hasOpenCancelRequest(order: Order): boolean {
  return order.lines.some((line) => line.claim?.type === 'CANCEL' && line.claim.status === 'REQUESTED');
}

export async function confirmPending(ctx: SyncContext, seller: SellerStore, record: ChannelAccountRecord, connector: Connector): Promise<number> {
  const redis = ctx.store.pool.pick();
  const keys = sellerKeys(seller.sellerId);
  const setKey = keys.syncConfirm(record.id);
  const waiting = (await redis.sMembers(setKey)).sort().slice(0, BATCH);
  if (waiting.length === 0) return 0;
  const orders = new Map((await seller.orders.getMany(waiting)).map((order) => [order.key, order]));
  const done = waiting.filter((key) => {
    const order = orders.get(key);
    return !order || order.confirmed || order.state === 'CANCELLED' || order.state === 'RETURNED';
  });
  const ready = [...orders.values()].filter((order) => !done.includes(order.key) && order.state !== 'HELD' && !hasOpenCancelRequest(order));
  if (done.length > 0) await redis.sRem(setKey, done);
  if (ready.length === 0) return 0;

  const lineIds = ready.flatMap((order) => order.lines.filter((line) => openQuantity(line) > 0).map((line) => line.lineId));
  const outcomes = new Map((await connector.confirm(lineIds)).map((outcome) => [outcome.lineId, outcome]));
  const addressChanged: string[] = [];
  let confirmed = 0;
  for (const order of ready) {
    const results = order.lines.filter((line) => openQuantity(line) > 0).map((line): LineOutcome => outcomes.get(line.lineId) ?? { lineId: line.lineId, ok: false, code: 'NO_RESULT', message: 'no result' });
    const failed = results.filter((result): result is Extract<LineOutcome, { ok: false }> => !result.ok);
    if (failed.length === 0) {
      await seller.orders.setFlags(order.key, { confirmed: true });
      await redis.sRem(setKey, order.key);
      if (await redis.hDel(keys.syncConfirmAttempts(record.id), order.key)) await seller.alerts.close('SYNC_ERROR', order.key);
      confirmed += 1;
      if (results.some((result) => result.ok && result.detail?.receiverAddressChanged === true)) addressChanged.push(...results.map((result) => result.lineId));
      ctx.events.emit({ type: 'confirmed', sellerId: seller.sellerId, account: record.id, key: order.key, ok: true });
      continue;
    }
    const message = failed.map((failure) => failure.message).join('; ').slice(0, 500);
    const attempts = await redis.hIncrBy(keys.syncConfirmAttempts(record.id), order.key, 1);
    ctx.events.emit({ type: 'confirmed', sellerId: seller.sellerId, account: record.id, key: order.key, ok: false, message });
    if (attempts >= ctx.options.confirmMaxAttempts) {
      await redis.sRem(setKey, order.key);
      await redis.hDel(keys.syncConfirmAttempts(record.id), order.key);
      await seller.alerts.raise('SYNC_ERROR', 'warning', order.key, { account: record.id, orderKey: order.key, message: `발주확인 실패 (confirm failed): ${message}` });
    }
  }
  if (addressChanged.length > 0 && connector.fetchOrders) {
    for (const channelOrder of await connector.fetchOrders(addressChanged)) await seller.orders.ingest(channelOrder.order);
  }
  return confirmed;
}
