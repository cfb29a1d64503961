import { describe, expect, it } from 'vitest';
import { HOUR_MS, pollAll, productWithOptions, smartStoreHarness } from './harness';

/** 발주확인: ≤ 30 per call, a result per line, and a line confirmed by a lost call counts as confirmed. */
describe('smartstore confirm', () => {
  it('answers per line: confirmed, unknown, cancelled', async () => {
    const { account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const line = { originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 };
    const good = account.placeOrder({ lines: [line] }).productOrderIds[0] ?? '';
    const cancelled = account.placeOrder({ lines: [line] }).productOrderIds[0] ?? '';
    account.cancel(cancelled);
    const outcomes = await connector.confirm([good, '2026109999999', cancelled]);
    expect(outcomes).toEqual([
      { lineId: good, ok: true, detail: { receiverAddressChanged: false } },
      { lineId: '2026109999999', ok: false, code: 'INVALID_PRODUCT_ORDER', message: '존재하지 않는 상품주문번호입니다.' },
      { lineId: cancelled, ok: false, code: 'INVALID_STATUS', message: '발주확인할 수 없는 상태입니다. (CANCELED)' },
    ]);
    expect(account.productOrder(good).placeOrderStatus).toBe('OK');
  });

  it('reports isReceiverAddressChanged, and the re-read order carries the new receiver', async () => {
    const { account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const placed = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    account.changeAddress(placed.orderId, { name: '이영희', baseAddress: '부산광역시 해운대구 센텀로 1', detailedAddress: '2층', zipCode: '48058' });
    const [outcome] = await connector.confirm(placed.productOrderIds);
    expect(outcome).toEqual({ lineId: placed.productOrderIds[0], ok: true, detail: { receiverAddressChanged: true } });
    const [order] = await connector.fetchOrders(placed.productOrderIds);
    expect(order?.order.receiver).toMatchObject({ name: '이영희', address1: '부산광역시 해운대구 센텀로 1', address2: '2층', zip: '48058' });
  });

  it('an address change in the feed marks the order addressChanged', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const placed = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    const first = await pollAll(connector, null, new Date(clock.now() - HOUR_MS));
    expect(first.orders[0]?.addressChanged).toBe(false);
    clock.advance(1_000);
    account.changeAddress(placed.orderId, { baseAddress: '대구광역시 중구 동성로 2' });
    const second = await pollAll(connector, first.cursor, new Date(0));
    expect(second.orders).toHaveLength(1);
    expect(second.orders[0]?.addressChanged).toBe(true);
    expect(second.orders[0]?.order.receiver.address1).toBe('대구광역시 중구 동성로 2');
  });

  it('sends at most 30 ids per call', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [100]);
    const ids = Array.from({ length: 65 }, () => account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] }).productOrderIds[0] ?? '');
    const outcomes = await connector.confirm(ids);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(sandbox.faults.requests('product-orders/confirm')).toBe(3);
  });

  it('a confirm whose answer was lost is retried, refused as already confirmed, and read back as confirmed', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [10]);
    const ids = [1, 2].map(() => account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] }).productOrderIds[0] ?? '');
    sandbox.faults.inject({ kind: 'applied_then_lost', endpoint: 'product-orders/confirm' });
    const outcomes = await connector.confirm(ids);
    expect(outcomes).toEqual(ids.map((lineId) => ({ lineId, ok: true, detail: { alreadyConfirmed: true } })));
    expect(sandbox.faults.requests('product-orders/confirm')).toBe(2);
  });

  it('the sandbox refuses more than 30 ids with invalidInputs', async () => {
    const { sandbox, connector } = await smartStoreHarness();
    const token = await connector.client.tokens.get();
    const response = await fetch(`${sandbox.url}/v1/pay-order/seller/product-orders/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ productOrderIds: Array.from({ length: 31 }, (_, index) => String(index)) }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ invalidInputs: [{ name: 'productOrderIds', type: 'Size' }] });
  });
});
