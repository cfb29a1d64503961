import { describe, expect, it } from 'vitest';
import { keyOf, openTestStore, orderInput, seedCatalog, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('a changed receiver or address', () => {
  it('updates the order and sets addressChanged, without touching stock', async () => {
    const s = store.forSeller(testSellerId('addr'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    expect((await s.orders.require(keyOf(input))).addressChanged).toBe(false);
    const ledgerBefore = await s.stock.ledger({ limit: 100 });

    const moved = { ...input, receiver: { ...input.receiver, address1: '부산 해운대구 센텀로 2', address2: undefined } };
    expect(await s.orders.ingest(moved)).toMatchObject({ status: 'ALLOCATED', replay: false });
    const order = await s.orders.require(keyOf(input));
    expect(order.addressChanged).toBe(true);
    expect(order.receiver).toMatchObject({ address1: '부산 해운대구 센텀로 2', address2: '' });
    expect(order.allocation).toEqual({ A: 1 });
    expect(await s.stock.ledger({ limit: 100 })).toEqual(ledgerBefore);

    // The same new address again is a replay.
    expect(await s.orders.ingest(moved)).toMatchObject({ replay: true });
  });

  it('is recorded on an order that already has a waybill', async () => {
    const s = store.forSeller(testSellerId('addrwb'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], waybill());
    await s.orders.ingest({ ...input, receiver: { ...input.receiver, name: '이영희', phone: '010-9999-0000' } });
    expect(await s.orders.require(keyOf(input))).toMatchObject({ state: 'WAYBILL_ISSUED', addressChanged: true, receiver: { name: '이영희' } });
    // No label was printed yet, so nothing printed carries the old address.
    expect(await s.alerts.get(`ADDRESS_CHANGED_AFTER_PRINT:${keyOf(input)}`)).toBeNull();
  });

  it('raises ADDRESS_CHANGED_AFTER_PRINT when a label was printed, closed when the waybill is voided', async () => {
    const s = store.forSeller(testSellerId('addrprint'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], waybill());
    await s.orders.setFlags(keyOf(input), { printed: true });
    await s.orders.ingest({ ...input, receiver: { ...input.receiver, zip: '48058', address1: '부산 해운대구 센텀로 2' } });
    expect(await s.alerts.get(`ADDRESS_CHANGED_AFTER_PRINT:${keyOf(input)}`)).toMatchObject({ severity: 'critical', subject: keyOf(input) });
    await s.orders.voidWaybill([keyOf(input)], 'w1', waybill().trackingNumber);
    expect(await s.alerts.get(`ADDRESS_CHANGED_AFTER_PRINT:${keyOf(input)}`)).toBeNull();
  });
});
