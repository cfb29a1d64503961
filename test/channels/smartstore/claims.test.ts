import { describe, expect, it } from 'vitest';
import { formatKst } from '../../../server/channels/smartstore/dates';
import { HOUR_MS, pollAll, productWithOptions, smartStoreHarness } from './harness';

/** Cancels, returns and exchanges as the poll and the pre-ship check see them, partial quantities included. */
describe('smartstore claims and order mapping', () => {
  it('maps listing ids, seller codes, quantities and the dispatch deadline', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const shirt = productWithOptions(account, [10, 10], ['SKU-RED-M', undefined]);
    const mug = account.createProduct({ name: '머그컵', stock: 5, sellerManagementCode: 'MUG-1' });
    const placed = account.placeOrder({
      shippingDueDays: 2,
      memo: '문 앞에 놓아주세요',
      lines: [
        { originProductNo: shirt.originProductNo, optionId: shirt.optionIds[0] ?? null, quantity: 2 },
        { originProductNo: shirt.originProductNo, optionId: shirt.optionIds[1] ?? null, quantity: 1 },
        { originProductNo: mug.originProductNo, quantity: 3 },
      ],
    });
    const { orders } = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    expect(orders).toHaveLength(1);
    const [order] = orders;
    expect(order?.order).toMatchObject({
      channel: 'smartstore',
      orderId: placed.orderId,
      dueAt: formatKst(clock.now() + 2 * 24 * HOUR_MS),
      orderedAt: formatKst(clock.now()),
      message: '문 앞에 놓아주세요',
    });
    expect(order?.order.lines).toEqual([
      { lineId: placed.productOrderIds[0], listingId: `${shirt.originProductNo}:${shirt.optionIds[0]}`, quantity: 2, sellerCode: 'SKU-RED-M', productName: '오가닉 코튼 티셔츠', optionName: '옵션1' },
      { lineId: placed.productOrderIds[1], listingId: `${shirt.originProductNo}:${shirt.optionIds[1]}`, quantity: 1, productName: '오가닉 코튼 티셔츠', optionName: '옵션2' },
      { lineId: placed.productOrderIds[2], listingId: mug.originProductNo, quantity: 3, sellerCode: 'MUG-1', productName: '머그컵' },
    ]);
  });

  it('leaves out orders waiting for payment until they are paid', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const placed = account.placeOrder({ paid: false, lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    const first = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    expect(first.orders).toEqual([]);
    clock.advance(1_000);
    account.pay(placed.orderId);
    const second = await pollAll(connector, first.cursor, new Date(0));
    expect(second.orders.map((order) => order.order.orderId)).toEqual([placed.orderId]);
  });

  it('a partial cancel: requested, then done, with the requested quantity only', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const placed = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 3 }] });
    const lineId = placed.productOrderIds[0] ?? '';
    const first = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    expect(first.orders[0]?.claims).toEqual([]);
    clock.advance(1_000);
    account.requestClaim(lineId, 'cancel', { quantity: 2, reason: '색상 변경' });
    const requested = await pollAll(connector, first.cursor, new Date(0));
    expect(requested.orders[0]?.claims).toEqual([{ orderId: placed.orderId, lineId, type: 'CANCEL', status: 'REQUESTED', quantity: 2, reason: '색상 변경', at: formatKst(clock.now()) }]);
    expect(requested.orders[0]?.order.lines[0]?.quantity).toBe(3);
    clock.advance(1_000);
    account.completeClaim(lineId, 'cancel');
    const done = await pollAll(connector, requested.cursor, new Date(0));
    expect(done.orders[0]?.claims).toMatchObject([{ type: 'CANCEL', status: 'DONE', quantity: 2 }]);
    expect(account.stockOf(product.originProductNo, product.optionIds[0])).toBe(9);
    expect(await connector.fetchClaims([lineId])).toMatchObject([{ lineId, type: 'CANCEL', status: 'DONE', quantity: 2 }]);
  });

  it('a cancel request blocks confirm and dispatch on the channel; the pre-ship check sees it', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const lineId = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] }).productOrderIds[0] ?? '';
    account.book.confirm(lineId);
    account.requestClaim(lineId, 'cancel');
    expect(await connector.fetchClaims([lineId])).toMatchObject([{ type: 'CANCEL', status: 'REQUESTED', quantity: 1 }]);
    const [outcome] = await connector.dispatch([{ lineId, carrier: 'cj', carrierCode: 'CJGLS', trackingNumber: '123456789012', dispatchedAt: new Date(clock.now()).toISOString() }]);
    expect(outcome).toMatchObject({ ok: false, code: 'CLAIM_IN_PROGRESS' });
    account.rejectClaim(lineId, 'cancel');
    expect(await connector.fetchClaims([lineId])).toMatchObject([{ type: 'CANCEL', status: 'REJECTED' }]);
  });

  it('returns and exchanges after dispatch, partial and whole', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [10, 10]);
    const placed = account.placeOrder({
      lines: [
        { originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 2 },
        { originProductNo: product.originProductNo, optionId: product.optionIds[1] ?? null, quantity: 1 },
      ],
    });
    const [returned = '', exchanged = ''] = placed.productOrderIds;
    await connector.confirm(placed.productOrderIds);
    await connector.dispatch(placed.productOrderIds.map((lineId, index) => ({ lineId, carrier: 'hanjin', carrierCode: 'HANJIN', trackingNumber: `40000000000${index}`, dispatchedAt: new Date(clock.now()).toISOString() })));
    const first = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    clock.advance(1_000);
    account.requestClaim(returned, 'return', { quantity: 1 });
    account.requestClaim(exchanged, 'exchange');
    account.collect(returned, 'return');
    const requested = await pollAll(connector, first.cursor, new Date(0));
    expect(requested.orders[0]?.claims).toMatchObject([
      { lineId: returned, type: 'RETURN', status: 'REQUESTED', quantity: 1 },
      { lineId: exchanged, type: 'EXCHANGE', status: 'REQUESTED', quantity: 1 },
    ]);
    clock.advance(1_000);
    account.completeClaim(returned, 'return');
    account.completeClaim(exchanged, 'exchange');
    const done = await pollAll(connector, requested.cursor, new Date(0));
    expect(done.orders[0]?.claims).toMatchObject([
      { lineId: returned, type: 'RETURN', status: 'DONE', quantity: 1 },
      { lineId: exchanged, type: 'EXCHANGE', status: 'DONE', quantity: 1 },
    ]);
    expect(done.orders[0]?.dispatched).toEqual([{ lineId: returned, trackingNumber: '400000000000' }, { lineId: exchanged, trackingNumber: '400000000001' }]);
  });
});
