import { describe, expect, it } from 'vitest';
import { HOUR_MS, pollAll, productWithOptions, smartStoreHarness } from './harness';

const DAY_MS = 24 * HOUR_MS;

/** A gap longer than a day is read as consecutive windows of at most 24 h; the feed refuses wider ones. */
describe('smartstore feed windows', () => {
  it('splits a 3-day gap into 24 h windows and finds every order in it', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [100]);
    const since = clock.now() - 3 * DAY_MS;
    const ages = [71 * HOUR_MS, 48 * HOUR_MS, 47 * HOUR_MS, 24 * HOUR_MS, 23 * HOUR_MS, HOUR_MS, 0];
    const placed = ages.map((age) => account.placeOrder({ at: clock.now() - age, lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] }));
    const { orders } = await pollAll(connector, null, new Date(since));
    expect(orders.map((order) => order.order.orderId).sort()).toEqual(placed.map((order) => order.orderId).sort());
    const windows = sandbox.requests.filter((request) => request.endpoint === 'last-changed-statuses');
    for (const call of windows) {
      const from = Date.parse(call.query.get('lastChangedFrom') ?? '');
      const to = call.query.get('lastChangedTo');
      expect(to === null ? 0 : Date.parse(to) - from).toBeLessThanOrEqual(DAY_MS);
    }
    // Two explicit 24 h slices, then the open window up to now.
    expect(windows.map((call) => call.query.get('lastChangedTo') !== null)).toEqual([true, true, false]);
    expect(Date.parse(windows[0]?.query.get('lastChangedFrom') ?? '')).toBe(since);
  });

  it('the sandbox refuses a window wider than 24 h, naming the field', async () => {
    const { sandbox, connector, clock } = await smartStoreHarness();
    const token = await connector.client.tokens.get();
    const from = new Date(clock.now() - 25 * HOUR_MS).toISOString();
    const to = new Date(clock.now()).toISOString();
    const response = await fetch(`${sandbox.url}/v1/pay-order/seller/product-orders/last-changed-statuses?${new URLSearchParams({ lastChangedFrom: from, lastChangedTo: to })}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BadRequest', invalidInputs: [{ name: 'lastChangedTo' }] });
  });

  it('re-reads a few minutes of overlap, so a change that shows up late is still found, and nothing twice', async () => {
    const { account, connector, clock } = await smartStoreHarness({ connector: { feed: { overlapMs: 5 * 60 * 1000 } } });
    const product = productWithOptions(account, [100]);
    const line = { originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 };
    const first = account.placeOrder({ lines: [line] });
    const firstPoll = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    expect(firstPoll.orders.map((order) => order.order.orderId)).toEqual([first.orderId]);
    clock.advance(60_000);
    // Committed with a timestamp 2 minutes back: before the end of the previous read, inside the overlap.
    const late = account.placeOrder({ at: clock.now() - 2 * 60_000, lines: [line] });
    const fresh = account.placeOrder({ lines: [line] });
    const second = await pollAll(connector, firstPoll.cursor, new Date(0));
    expect(second.orders.map((order) => order.order.orderId).sort()).toEqual([late.orderId, fresh.orderId].sort());
    clock.advance(60_000);
    const third = await pollAll(connector, second.cursor, new Date(0));
    expect(third.orders).toEqual([]);
  });

  it('a change of a line already seen (dispatch) brings the line back with its new state', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [100]);
    const placed = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    const lineId = placed.productOrderIds[0] ?? '';
    const first = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    clock.advance(1_000);
    await connector.confirm([lineId]);
    await connector.dispatch([{ lineId, carrier: 'cj', carrierCode: 'CJGLS', trackingNumber: '5566-7788-9900', dispatchedAt: new Date(clock.now()).toISOString() }]);
    clock.advance(1_000);
    const second = await pollAll(connector, first.cursor, new Date(0));
    expect(second.orders).toHaveLength(1);
    expect(second.orders[0]).toMatchObject({ confirmedLineIds: [lineId], dispatched: [{ lineId, trackingNumber: '556677889900' }] });
  });
});
