import { describe, expect, it } from 'vitest';
import { expectInvalid, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId } from '../support/store';

const store = await openTestStore();
const BAD_QUANTITIES = [0, -1, 1.5, Number.NaN, 100_000_000];

describe('quantities that are not positive whole numbers', () => {
  it('are refused in an order line, and nothing is written', async () => {
    const sellerId = testSellerId('badqty');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const before = await sellerDump(store, sellerId);
    for (const quantity of BAD_QUANTITIES) {
      await expectInvalid(s.orders.ingest(orderInput([{ listingId: 'L-A', quantity: 1 }, { listingId: 'L-A', quantity }])), 'lines[1].quantity');
    }
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('are refused for partial cancels, returns and claims on a line', async () => {
    const sellerId = testSellerId('badqty2');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 2, lineId: 'l1' }]);
    await s.orders.ingest(input);
    const before = await sellerDump(store, sellerId);
    for (const quantity of BAD_QUANTITIES) {
      await expectInvalid(s.orders.cancelLine(keyOf(input), 'l1', quantity), 'quantity');
      await expectInvalid(s.orders.returnUnits(keyOf(input), { lineId: 'l1', quantity }), 'line.quantity');
    }
    await expectInvalid(s.orders.recordClaim(keyOf(input), { claimId: 'c', type: 'CANCEL', status: 'DONE', quantity: 0, lineId: 'l1' }), 'claim.quantity');
    await expectInvalid(s.orders.recordClaim(keyOf(input), { claimId: 'c', type: 'CANCEL', status: 'DONE', quantity: -1, lineId: 'l1' }), 'claim.quantity');
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('are refused for stock adjustments: inbound needs >= 1, count and safety >= 0, all whole', async () => {
    const sellerId = testSellerId('badqty3');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 } });
    const before = await sellerDump(store, sellerId);
    for (const quantity of BAD_QUANTITIES) await expectInvalid(s.stock.adjust('A', 'inbound', quantity), 'quantity');
    for (const quantity of [-1, 1.5, Number.NaN]) {
      await expectInvalid(s.stock.adjust('A', 'set', quantity), 'quantity');
      await expectInvalid(s.stock.adjust('A', 'safety', quantity), 'quantity');
    }
    await expectInvalid(s.stock.adjust('A', 'set', 3, -1), 'expected');
    await expectInvalid(s.stock.adjust('A', 'nonsense' as never, 3), 'kind');
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('are refused in listing components and SKU safety', async () => {
    const sellerId = testSellerId('badqty4');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 } });
    const before = await sellerDump(store, sellerId);
    for (const qty of [0, -2, 0.5]) {
      await expectInvalid(s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L', components: [{ sku: 'A', qty }] }]), '[0].components[0].qty');
    }
    await expectInvalid(s.catalog.upsertSkus([{ sku: 'A', name: 'a', safety: -1 }]), '[0].safety');
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });
});
