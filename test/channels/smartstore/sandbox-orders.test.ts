import { describe, expect, it, vi } from 'vitest';
import { SandboxError, seededRandom } from '../../../server/channels/smartstore/sandbox';
import { productWithOptions, smartStoreHarness } from './harness';

/** The sandbox's own order book: the buyer side used by tests and by demo mode. */
describe('smartstore sandbox orders', () => {
  it('places random orders on options with stock until the stock is gone, never overselling', async () => {
    const { account } = await smartStoreHarness();
    const product = productWithOptions(account, [3, 2]);
    const mug = account.createProduct({ name: '머그컵', stock: 2 });
    const placed: string[] = [];
    const stop = account.startOrderGenerator({ intervalMs: 2, maxQuantity: 2, random: seededRandom(5), onOrder: (order) => placed.push(order.orderId) });
    await vi.waitFor(() => expect(account.stockOf(product.originProductNo, product.optionIds[0]) + account.stockOf(product.originProductNo, product.optionIds[1]) + account.stockOf(mug.originProductNo)).toBe(0), { timeout: 10_000 });
    stop();
    const units = account.productOrderIds().reduce((sum, id) => sum + account.productOrder(id).initialQuantity, 0);
    expect(units).toBe(7);
    expect(placed.length).toBe(account.book.orders.size);
  });

  it('takes stock for every line of an order or for none', async () => {
    const { account } = await smartStoreHarness();
    const product = productWithOptions(account, [1, 5]);
    const order = () =>
      account.placeOrder({
        lines: [
          { originProductNo: product.originProductNo, optionId: product.optionIds[1] ?? null, quantity: 2 },
          { originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 },
        ],
      });
    order();
    expect(order).toThrow(SandboxError);
    expect(product.optionIds.map((id) => account.stockOf(product.originProductNo, id))).toEqual([0, 3]);
  });

  it('refuses claims that do not fit the line', async () => {
    const { account } = await smartStoreHarness();
    const product = productWithOptions(account, [5]);
    const lineId = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 2 }] }).productOrderIds[0] ?? '';
    expect(() => account.requestClaim(lineId, 'return')).toThrow(/PAYED, not DELIVERING or DELIVERED/);
    expect(() => account.requestClaim(lineId, 'cancel', { quantity: 3 })).toThrow(/1 to 2/);
    account.requestClaim(lineId, 'cancel', { quantity: 1 });
    expect(() => account.requestClaim(lineId, 'cancel')).toThrow(/in progress/);
    account.completeClaim(lineId, 'cancel');
    expect(account.productOrder(lineId)).toMatchObject({ productOrderStatus: 'PAYED', remainQuantity: 1, claimStatus: 'CANCEL_DONE' });
    expect(account.stockOf(product.originProductNo, product.optionIds[0])).toBe(4);
  });
});
