import { describe, expect, it } from 'vitest';
import { orderKeyOf, listingKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from './support/harness';

const harness = await startSyncHarness();
const { sandbox, store } = harness;

describe('the poller', () => {
  it('ingests each sandbox order once, with its deadline and receiver, and confirms allocated orders on the channel', async () => {
    const shop = sandbox.account();
    const account = await harness.connect(shop);
    await stockSkus(harness, { 'TEE-W': 10, 'TEE-B': 10 });
    const product = sandboxProduct(shop, [5, 5]);
    await harness.map(account.id, product.listingIds, [{ 'TEE-W': 1 }, { 'TEE-B': 1 }]);

    const placed = [
      shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 2 }], receiver: { name: '박지호', tel1: '010-4567-8901', zipCode: '48058', baseAddress: '부산광역시 해운대구 센텀중앙로 79' } }),
      shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }, { originProductNo: product.originProductNo, optionId: product.optionIds[1] ?? null, quantity: 1 }] }),
    ];
    const keys = placed.map((order) => orderKeyOf(account.id, order.orderId));
    const orders = await waitFor('both orders confirmed', async () => {
      const found = await store.orders.getMany(keys);
      return found.length === 2 && found.every((order) => order.confirmed) ? found : null;
    });
    expect(orders.map((order) => order.state)).toEqual(['ALLOCATED', 'ALLOCATED']);
    expect(orders[0]).toMatchObject({ receiver: { name: '박지호', address1: '부산광역시 해운대구 센텀중앙로 79', zip: '48058' }, lines: [{ quantity: 2, listingId: product.listingIds[0] }] });
    const line = shop.productOrder(placed[0]?.productOrderIds[0] ?? '');
    expect(Date.parse(orders[0]?.dueAt ?? '')).toBe(line.shippingDueDate);
    for (const order of placed) for (const id of order.productOrderIds) expect(shop.productOrder(id).placeOrderStatus).toBe('OK');
    expect(await store.catalog.getSku('TEE-W')).toMatchObject({ reserved: 3 });

    // Polls keep reading the overlap window; nothing is created twice.
    await waitFor('a few more polls', () => harness.events.filter((event) => event.type === 'cursor').length >= 1 && sandbox.faults.requests('last-changed-statuses') > 10);
    const created = harness.events.filter((event) => event.type === 'ingested' && event.created && keys.includes(event.key));
    expect(created.map((event) => (event.type === 'ingested' ? event.key : '')).sort()).toEqual([...keys].sort());
  });

  it('holds an order of an unmapped listing and names the channel product and option in the alert', async () => {
    const shop = sandbox.addAccount();
    const account = await harness.connect(shop);
    const product = shop.createProduct({ name: '린넨 셔츠', options: [{ name: '블루', name2: 'L', stock: 3 }] });
    const placed = shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    const key = orderKeyOf(account.id, placed.orderId);
    const order = await waitFor('the unmapped order', () => store.orders.get(key));
    expect(order).toMatchObject({ state: 'HELD', heldReason: 'UNMAPPED', confirmed: false });
    const listing = listingKeyOf(account.id, product.listingIds[0] ?? '');
    expect(await store.alerts.get(`UNMAPPED_LISTING:${listing}`)).toMatchObject({ detail: { listing, productName: '린넨 셔츠', optionName: '블루 / L', orderKey: key } });
    expect(shop.productOrder(placed.productOrderIds[0] ?? '').placeOrderStatus).toBe('NOT_YET');

    // Mapped once, the held order allocates and is confirmed like any other.
    await stockSkus(harness, { LINEN: 4 });
    await harness.map(account.id, product.listingIds, [{ LINEN: 1 }]);
    await waitFor('confirmed after mapping', async () => (await store.orders.get(key))?.confirmed);
    expect(await store.orders.get(key)).toMatchObject({ state: 'ALLOCATED' });
  });

  it('updates the receiver when the buyer changes the address', async () => {
    const mugs = await harness.listed(sandbox.addAccount(), 'MUG', 5, '머그컵');
    const { key, orderId } = mugs.order();
    await waitFor('the order', () => store.orders.get(key));
    mugs.shop.changeAddress(orderId, { baseAddress: '대전광역시 유성구 대학로 99', detailedAddress: '기숙사 B동', zipCode: '34134' });
    const changed = await waitFor('the new address', async () => {
      const order = await store.orders.get(key);
      return order?.addressChanged ? order : null;
    });
    expect(changed.receiver).toMatchObject({ address1: '대전광역시 유성구 대학로 99', address2: '기숙사 B동', zip: '34134' });
  });

  it('leaves orders unconfirmed on an account with auto-confirm off', async () => {
    const caps = await harness.listed(sandbox.addAccount(), 'CAP', 5, '모자', { autoConfirm: false });
    const { key, lineId } = caps.order();
    await waitFor('the order', () => store.orders.get(key));
    // Several more polls pass without a confirm call for this account's line.
    const polls = sandbox.faults.requests('last-changed-statuses');
    await waitFor('more polls', () => sandbox.faults.requests('last-changed-statuses') > polls + 6);
    expect(await store.orders.get(key)).toMatchObject({ state: 'ALLOCATED', confirmed: false });
    expect(caps.shop.productOrder(lineId).placeOrderStatus).toBe('NOT_YET');
  });

  it('leaves out orders the channel shows as shipped before the account was connected', async () => {
    const shop = sandbox.addAccount();
    const product = sandboxProduct(shop, [5], '연필');
    const line = { originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 };
    const shippedBefore = shop.placeOrder({ lines: [line] });
    const open = shop.placeOrder({ lines: [line] });
    const shippedLine = shippedBefore.productOrderIds[0] ?? '';
    shop.book.confirm(shippedLine);
    expect(shop.book.dispatch({ productOrderId: shippedLine, deliveryMethod: 'DELIVERY', deliveryCompanyCode: 'CJGLS', trackingNumber: '612300000001', dispatchDate: Date.now() })).toEqual({ ok: true });

    const account = await harness.connect(shop);
    await waitFor('the open order', () => store.orders.get(orderKeyOf(account.id, open.orderId)));
    await waitFor('a poll after it', () => harness.events.some((event) => event.type === 'cursor' && event.account === account.id));
    expect(await store.orders.get(orderKeyOf(account.id, shippedBefore.orderId))).toBeNull();
  });
});
