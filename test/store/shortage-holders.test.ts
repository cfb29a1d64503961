import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('a count below what is reserved, among many allocated orders', () => {
  it('takes back exactly the newest orders holding the SKU, whatever the SKU is called and however many orders are allocated', async () => {
    const s = store.forSeller(testSellerId('holders'));
    const sku = 'A/"B"';
    await seedCatalog(s, { stock: { [sku]: 10, C: 1000 }, listings: { 'L-S': { [sku]: 1 }, 'L-C': { C: 1 }, 'L-SC': { [sku]: 1, C: 1 } } });
    // More ALLOCATED orders than one page of the state index, none holding the SKU but naming it in their text.
    const others = Array.from({ length: 520 }, () => orderInput([{ listingId: 'L-C', quantity: 1 }], { message: `not ${sku}` }));
    await Promise.all(others.map((input) => s.orders.ingest(input)));
    const at = (hour: number) => `2025-03-01T${String(hour).padStart(2, '0')}:00:00+09:00`;
    const holders = [3, 9, 5, 7, 1].map((hour) => orderInput([{ listingId: hour === 5 ? 'L-SC' : 'L-S', quantity: 2 }], { orderedAt: at(hour) }));
    for (const input of holders) await s.orders.ingest(input);
    const shipping = holders[0]!; // 03:00, with a waybill: counted as short, never taken back
    await s.orders.markWaybillIssued([keyOf(shipping)], waybill());

    const result = await s.stock.adjust(sku, 'set', 5);
    // Reserved 10 against 5 on hand: the 09:00, 07:00 and 05:00 orders go back (newest first), leaving 4 reserved.
    const [, nine, five, seven, one] = holders;
    expect(result).toMatchObject({ status: 'applied', onHand: 5, reserved: 4, heldOrders: [keyOf(nine!), keyOf(seven!), keyOf(five!)] });
    expect(await s.orders.require(keyOf(one!))).toMatchObject({ state: 'ALLOCATED' });
    expect(await s.orders.require(keyOf(five!))).toMatchObject({ state: 'HELD', heldReason: 'OUT_OF_STOCK', allocation: {} });
    expect(await counters(s, 'C')).toMatchObject({ reserved: 520 });
    expect((await s.orders.list({ status: 'ALLOCATED', limit: 1000 })).orders).toHaveLength(521);
  });
});
