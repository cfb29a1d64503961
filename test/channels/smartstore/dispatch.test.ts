import { describe, expect, it } from 'vitest';
import { carrierCode } from '../../../shared/carriers';
import type { Shipment } from '../../../server/channels/connector';
import type { SandboxAccount } from '../../../server/channels/smartstore/sandbox';
import { channelError, productWithOptions, smartStoreHarness, type FakeClock } from './harness';

function confirmedLines(account: SandboxAccount, count: number, confirm = true): string[] {
  const product = productWithOptions(account, [1_000]);
  return Array.from({ length: count }, () => {
    const id = account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] }).productOrderIds[0] ?? '';
    if (confirm) account.book.confirm(id);
    return id;
  });
}

function shipment(lineId: string, trackingNumber: string, clock: FakeClock, carrier: Shipment['carrier'] = 'cj'): Shipment {
  return { lineId, carrier, carrierCode: carrierCode(carrier, 'smartstore') ?? '', trackingNumber, dispatchedAt: new Date(clock.now()).toISOString() };
}

/** 발송처리: ≤ 30 per call, per-line accepted or rejected with Naver's message, never sent twice. */
describe('smartstore dispatch', () => {
  it('registers tracking with DELIVERY, the table carrier code, a normalized number and a +09:00 dispatchDate', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const [lineId = ''] = confirmedLines(account, 1);
    const outcomes = await connector.dispatch([shipment(lineId, '6012-3456-7890', clock, 'lotte')]);
    expect(outcomes).toEqual([{ lineId, ok: true }]);
    expect(account.productOrder(lineId)).toMatchObject({
      productOrderStatus: 'DELIVERING',
      delivery: { deliveryCompany: 'HYUNDAI', trackingNumber: '601234567890', deliveryMethod: 'DELIVERY', sendDate: clock.now() },
    });
  });

  it('answers per line: refused before confirm, refused for an unknown carrier code, accepted otherwise', async () => {
    const { account, connector, clock } = await smartStoreHarness();
    const [confirmed = '', other = ''] = confirmedLines(account, 2);
    const [unconfirmed = ''] = confirmedLines(account, 1, false);
    const outcomes = await connector.dispatch([
      shipment(confirmed, '123456789012', clock),
      shipment(unconfirmed, '123456789013', clock),
      { ...shipment(other, '123456789014', clock), carrierCode: 'NOSUCH' },
    ]);
    expect(outcomes).toEqual([
      { lineId: confirmed, ok: true },
      { lineId: unconfirmed, ok: false, code: 'NOT_CONFIRMED', message: '발주확인 후 발송처리할 수 있습니다.' },
      { lineId: other, ok: false, code: 'INVALID_DELIVERY_COMPANY', message: '유효하지 않은 택배사 코드입니다. (NOSUCH)' },
    ]);
  });

  it('never sends a line again: the same number is accepted as is, another number is refused', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const [lineId = ''] = confirmedLines(account, 1);
    await connector.dispatch([shipment(lineId, '123456789012', clock)]);
    const again = await connector.dispatch([shipment(lineId, '1234-5678-9012', clock)]);
    expect(again).toEqual([{ lineId, ok: true, detail: { alreadyDispatched: true } }]);
    const changed = await connector.dispatch([shipment(lineId, '999988887777', clock)]);
    expect(changed[0]).toMatchObject({ lineId, ok: false, code: 'DISPATCHED_WITH_OTHER_NUMBER' });
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(1);
    expect(account.dispatchLog).toEqual([{ productOrderId: lineId, trackingNumber: '123456789012', deliveryCompanyCode: 'CJGLS', result: 'applied' }]);
  });

  it('the sandbox itself refuses a second dispatch with a different number', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const [lineId = ''] = confirmedLines(account, 1);
    await connector.dispatch([shipment(lineId, '123456789012', clock)]);
    const response = await connector.client.dispatch([{ productOrderId: lineId, deliveryMethod: 'DELIVERY', deliveryCompanyCode: 'CJGLS', trackingNumber: '999988887777', dispatchDate: '2026-03-02T10:00:00.000+09:00' }]);
    expect(response.data.failProductOrderInfos).toEqual([{ productOrderId: lineId, code: 'ALREADY_DISPATCHED', message: expect.stringContaining('이미 발송처리') }]);
    expect(account.appliedDispatches(lineId)).toBe(1);
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(2);
  });

  it('applied then lost: the answer is dropped, the line is read back as dispatched and not sent again', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const lines = confirmedLines(account, 3);
    sandbox.faults.inject({ kind: 'applied_then_lost', endpoint: 'product-orders/dispatch' });
    const outcomes = await connector.dispatch(lines.map((lineId, index) => shipment(lineId, `12345678901${index}`, clock)));
    expect(outcomes).toEqual(lines.map((lineId) => ({ lineId, ok: true, detail: { alreadyDispatched: true } })));
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(1);
    for (const lineId of lines) expect(account.appliedDispatches(lineId)).toBe(1);
    expect(account.dispatchLog.filter((entry) => entry.result !== 'applied')).toEqual([]);
  });

  it('a 5xx before anything was applied is followed by a read and one more send', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const [lineId = ''] = confirmedLines(account, 1);
    sandbox.faults.inject({ kind: 'server', endpoint: 'product-orders/dispatch' });
    expect(await connector.dispatch([shipment(lineId, '123456789012', clock)])).toEqual([{ lineId, ok: true }]);
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(2);
    expect(account.appliedDispatches(lineId)).toBe(1);
  });

  it('an answer that keeps getting lost ends as a per-line failure, still dispatched at most once', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness({ connector: { timeoutMs: 200 } });
    const [lineId = ''] = confirmedLines(account, 1);
    sandbox.faults.inject({ kind: 'timeout', endpoint: 'product-orders/dispatch', times: 10, delayMs: 30_000 });
    const [outcome] = await connector.dispatch([shipment(lineId, '123456789012', clock)]);
    expect(outcome).toMatchObject({ lineId, ok: false });
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(4);
    expect(account.appliedDispatches(lineId)).toBe(0);
  });

  it('splits 31 shipments into calls of at most 30', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const lines = confirmedLines(account, 31);
    const outcomes = await connector.dispatch(lines.map((lineId, index) => shipment(lineId, String(500000000000 + index), clock)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(31);
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(2);
  });

  it('refuses locally, without calling Naver, a line given twice or a tracking number that is not one', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const [twice = '', bad = ''] = confirmedLines(account, 2);
    const outcomes = await connector.dispatch([shipment(twice, '123456789012', clock), shipment(twice, '123456789013', clock), shipment(bad, '12-3', clock)]);
    expect(outcomes).toEqual([
      { lineId: twice, ok: false, code: 'DUPLICATE_LINE', message: 'the line appears twice in one dispatch' },
      { lineId: bad, ok: false, code: 'INVALID_SHIPMENT', message: 'tracking number "12-3" is not 4-30 letters or digits' },
    ]);
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(0);
  });

  it('takes the carrier code from the shared table, or the seller override, when a shipment names none', async () => {
    const { account, connect, clock } = await smartStoreHarness();
    const [plain = '', overridden = ''] = confirmedLines(account, 2);
    await connect(account).dispatch([{ ...shipment(plain, '123456789012', clock, 'logen'), carrierCode: '' }]);
    await connect(account, { carrierCodeOverrides: { smartstore: { kdexp: 'DAESIN' } } }).dispatch([{ ...shipment(overridden, '123456789013', clock, 'kdexp'), carrierCode: ' ' }]);
    expect(account.productOrder(plain).delivery?.deliveryCompany).toBe('KGB');
    expect(account.productOrder(overridden).delivery?.deliveryCompany).toBe('DAESIN');
  });

  it('a 403 IP_NOT_ALLOWED is raised at once, never retried', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    const [lineId = ''] = confirmedLines(account, 1);
    await connector.fetchClaims([lineId]);
    account.ipBlocked = true;
    const error = await channelError(connector.dispatch([shipment(lineId, '123456789012', clock)]));
    expect(error.kind).toBe('ip_not_allowed');
    expect(sandbox.faults.requests('product-orders/dispatch')).toBe(0);
    expect(sandbox.faults.requests('product-orders/query')).toBe(2);
  });
});
