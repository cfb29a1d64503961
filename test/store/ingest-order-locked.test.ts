import { describe, expect, it } from 'vitest';
import { expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('lines added after a waybill', () => {
  it('are refused with ORDER_LOCKED and nothing is written', async () => {
    const sellerId = testSellerId('locked');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1, lineId: 'k1' }]);
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], waybill());
    const more = { ...input, lines: [...input.lines, { lineId: 'k2', listingId: 'L-A', quantity: 1 }] };
    // Even with a changed address in the same message: the message is refused as a whole.
    const moved = { ...more, receiver: { ...input.receiver, address1: '다른 주소 1' } };

    const before = await sellerDump(store, sellerId);
    const refusal = await expectRefusal(s.orders.ingest(moved), 'ORDER_LOCKED');
    expect(refusal.detail).toEqual(['WAYBILL_ISSUED']);
    expect(await sellerDump(store, sellerId)).toEqual(before);

    await s.orders.ship([keyOf(input)]);
    await expectRefusal(s.orders.ingest(more), 'ORDER_LOCKED');
  });
});
