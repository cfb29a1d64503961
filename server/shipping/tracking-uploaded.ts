import { isFileChannel } from '../../shared/ids';
import type { SellerStore } from '../store';
import { Refusal } from '../waybills/refusal';

export type UploadedResult = { orderKey: string; result: 'applied' } | { orderKey: string; result: 'error'; refusal: Refusal };

/**
 * File channels (오늘의집, manual): the seller uploaded the exported tracking file to the channel's console, so
 * the channel has the numbers. Their tracking becomes accepted, which closes 송장 누락. Only shipped orders of
 * file channels qualify; an API channel's acceptance comes from the channel itself.
 */
export async function markTrackingUploaded(seller: SellerStore, orderKeys: readonly string[]): Promise<UploadedResult[]> {
  const orders = new Map((await seller.orders.getMany(orderKeys)).map((order) => [order.key, order]));
  const results: UploadedResult[] = [];
  for (const key of orderKeys) {
    const order = orders.get(key);
    const refusal = !order
      ? new Refusal('ORDER_NOT_FOUND', { key }, 404)
      : !isFileChannel(order.channel)
        ? new Refusal('NOT_FILE_CHANNEL', { key }, 422)
        : (order.state !== 'SHIPPED' && order.state !== 'DELIVERED') || !order.tracking.trackingNumber
          ? new Refusal('NOT_SHIPPED', { key })
          : null;
    if (refusal) {
      results.push({ orderKey: key, result: 'error', refusal });
      continue;
    }
    await seller.orders.setFlags(key, { tracking: { status: 'accepted' } });
    results.push({ orderKey: key, result: 'applied' });
  }
  return results;
}
