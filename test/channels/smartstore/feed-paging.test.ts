import { describe, expect, it } from 'vitest';
import { HOUR_MS, pollAll, productWithOptions, smartStoreHarness } from './harness';

/** The change feed read across moreSequence page boundaries, including rows that share one timestamp. */
describe('smartstore feed paging', () => {
  it('follows moreFrom/moreSequence until the feed has no more, each line once', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness({ connector: { feed: { pageSize: 7 } } });
    const product = productWithOptions(account, [100, 100]);
    const since = new Date(clock.now() - HOUR_MS);
    const placed = [];
    // Frozen clock: all 20 orders change in the same millisecond, so only productOrderId orders them.
    for (let index = 0; index < 20; index += 1) placed.push(account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[index % 2] ?? null, quantity: 1 }] }));
    const { orders } = await pollAll(connector, null, since);
    const lineIds = orders.flatMap((order) => order.order.lines.map((line) => line.lineId));
    expect(lineIds.sort()).toEqual(placed.flatMap((order) => order.productOrderIds).sort());
    const feedCalls = sandbox.requests.filter((request) => request.endpoint === 'last-changed-statuses');
    expect(feedCalls).toHaveLength(3);
    expect(feedCalls.map((call) => call.query.get('moreSequence'))).toEqual([null, placed[7]?.productOrderIds[0], placed[14]?.productOrderIds[0]]);
    expect(feedCalls.every((call) => call.query.get('limitCount') === '7')).toBe(true);
  });

  it('hands back with more=true after the page budget and resumes inside the window from the cursor', async () => {
    const { account, connector, clock } = await smartStoreHarness({ connector: { feed: { pageSize: 5, maxPagesPerPoll: 2 } } });
    const product = productWithOptions(account, [100]);
    const since = new Date(clock.now() - HOUR_MS);
    for (let index = 0; index < 23; index += 1) account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    const first = await connector.pollOrders(null, since);
    expect(first.more).toBe(true);
    expect(first.orders).toHaveLength(10);
    const rest = await pollAll(connector, first.cursor, since);
    const all = [...first.orders, ...rest.orders].map((order) => order.order.orderId);
    expect(new Set(all).size).toBe(23);
    expect(all).toHaveLength(23);
  });

  it('groups the lines of one order and reads details in batches of at most 300', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness({ connector: { feed: { pageSize: 300, maxPagesPerPoll: 10 } } });
    const product = productWithOptions(account, [10_000, 10_000]);
    const since = new Date(clock.now() - HOUR_MS);
    for (let index = 0; index < 350; index += 1) {
      account.placeOrder({
        lines: [
          { originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 },
          { originProductNo: product.originProductNo, optionId: product.optionIds[1] ?? null, quantity: 2 },
        ],
      });
    }
    const { orders } = await pollAll(connector, null, since);
    expect(orders.reduce((sum, order) => sum + order.order.lines.length, 0)).toBe(700);
    expect(new Set(orders.map((order) => order.order.orderId)).size).toBe(350);
    const queries = sandbox.faults.requests('product-orders/query');
    expect(queries).toBe(3);
    expect(sandbox.requests.filter((request) => request.endpoint === 'last-changed-statuses')).toHaveLength(3);
  });

  it('encodes the +09:00 offset as %2B; a bare + would reach Naver as a space and be refused', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    await connector.pollOrders(null, new Date(clock.now() - HOUR_MS));
    const call = sandbox.requests.find((request) => request.endpoint === 'last-changed-statuses');
    expect(call?.rawQuery).toMatch(/lastChangedFrom=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}\.\d{3}%2B09%3A00/);
    const token = await connector.client.tokens.get();
    const bare = await fetch(`${sandbox.url}/v1/pay-order/seller/product-orders/last-changed-statuses?lastChangedFrom=2026-03-02T09:00:00.000+09:00`, { headers: { authorization: `Bearer ${token}` } });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ invalidInputs: [{ name: 'lastChangedFrom' }] });
    expect(account.clientId).toBeTruthy();
  });
});
