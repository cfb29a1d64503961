import { describe, expect, it } from 'vitest';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('partial cancel of a line', () => {
  it('moves only those units of an allocated order, and resumes what they cover', async () => {
    const s = store.forSeller(testSellerId('pcancel'));
    await seedCatalog(s, { stock: { A: 4, B: 8 }, listings: { 'L-AB': { A: 1, B: 2 }, 'L-B': { B: 1 } } });
    const input = orderInput([
      { listingId: 'L-AB', quantity: 3, lineId: 'p1' },
      { listingId: 'L-B', quantity: 1, lineId: 'p2' },
    ]);
    await s.orders.ingest(input);
    expect(await s.orders.require(keyOf(input))).toMatchObject({ state: 'ALLOCATED', allocation: { A: 3, B: 7 } });
    const waiting = orderInput([{ listingId: 'L-B', quantity: 2 }]);
    expect(await s.orders.ingest(waiting)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK' });

    expect(await s.orders.cancelLine(keyOf(input), 'p1', 1)).toMatchObject({ status: 'ALLOCATED' });
    const order = await s.orders.require(keyOf(input));
    expect(order.allocation).toEqual({ A: 2, B: 5 });
    expect(order.lines[0]).toMatchObject({ quantity: 3, cancelled: 1 });
    expect(await s.orders.require(keyOf(waiting))).toMatchObject({ state: 'ALLOCATED' });
    expect(await counters(s, 'B')).toMatchObject({ onHand: 8, reserved: 7 });
  });

  it('cancels the order when nothing is left, and refuses more than is open or an unknown line', async () => {
    const s = store.forSeller(testSellerId('pcancel2'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 2, lineId: 'q1' }]);
    await s.orders.ingest(input);
    expect((await expectRefusal(s.orders.cancelLine(keyOf(input), 'q1', 3), 'QUANTITY_EXCEEDED')).detail).toEqual(['q1', '2']);
    expect((await expectRefusal(s.orders.cancelLine(keyOf(input), 'q9', 1), 'UNKNOWN_LINE')).detail).toEqual(['q9']);
    await s.orders.cancelLine(keyOf(input), 'q1', 1);
    expect(await s.orders.cancelLine(keyOf(input), 'q1', 1)).toMatchObject({ status: 'CANCELLED' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0 });
    expect((await expectRefusal(s.orders.cancelLine(keyOf(input), 'q1', 1), 'INVALID_TRANSITION')).detail).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('lets a smaller held order fit', async () => {
    const s = store.forSeller(testSellerId('pcancel3'));
    await seedCatalog(s, { stock: { A: 2 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 3, lineId: 's1' }]);
    expect(await s.orders.ingest(input)).toMatchObject({ status: 'HELD' });
    expect(await s.orders.cancelLine(keyOf(input), 's1', 1)).toMatchObject({ status: 'ALLOCATED' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 2 });
  });
});
