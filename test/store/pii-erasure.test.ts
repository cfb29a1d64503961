import { describe, expect, it } from 'vitest';
import type { Receiver } from '../../shared/order';
import { sellerKeys } from '../../server/store/keys';
import { counters, expectInvalid, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const DAY = 24 * 3_600_000;
let now = Date.parse('2025-01-01T00:00:00.000Z');
const store = await openTestStore({ clock: () => new Date(now) });

function receiver(name: string, phone: string): Receiver {
  return { name, phone, zip: '04321', address1: `${name}의 집 1`, address2: `${name} 101호` };
}

describe('buyer data erasure', () => {
  it('erases closed orders older than the cut-off everywhere, and keeps recent and open orders as they are', async () => {
    now = Date.parse('2025-01-01T00:00:00.000Z');
    const s = store.forSeller(testSellerId('pii'));
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const shipped = orderInput([{ listingId: 'L-A', quantity: 2 }], { receiver: receiver('오래된고객', '010-1111-2222'), message: '오래된 메모' });
    const cancelled = orderInput([{ listingId: 'L-A', quantity: 1 }], { receiver: receiver('취소한고객', '010-3333-4444') });
    await s.orders.ingest(shipped);
    await s.orders.markWaybillIssued([keyOf(shipped)], waybill('w1'));
    await s.orders.ship([keyOf(shipped)]);
    await s.orders.ingest(cancelled);
    await s.orders.cancel(keyOf(cancelled), 'buyer changed mind');
    // A worker's alert that quotes the buyer.
    await s.alerts.raise('SYNC_ERROR', 'warning', keyOf(shipped), { account: 'main', orderKey: keyOf(shipped), message: '오래된고객 010-1111-2222 확인 실패' });
    // A tracking dispatch still retried, with the channel's error text.
    const dispatchAttempts = { attempts: 3, since: '2025-01-01T00:00:00.000Z', code: 'REJECTED', message: '수취인 오래된고객 불일치' };
    await store.pool.pick().hSet(sellerKeys(s.sellerId).syncDispatchAttempts, keyOf(shipped), JSON.stringify(dispatchAttempts));

    now += 100 * DAY;
    const recent = orderInput([{ listingId: 'L-A', quantity: 1 }], { receiver: receiver('최근고객', '010-5555-6666') });
    const open = orderInput([{ listingId: 'L-A', quantity: 1 }], { receiver: receiver('대기고객', '010-7777-8888') });
    await s.orders.ingest(recent);
    await s.orders.markWaybillIssued([keyOf(recent)], waybill('w2'));
    await s.orders.ship([keyOf(recent)]);
    await s.orders.ingest(open);
    const before = await s.orders.require(keyOf(shipped));

    expect(await s.privacy.eraseOlderThan(90 * DAY, 1)).toBe(2);

    const erased = await s.orders.require(keyOf(shipped));
    expect(erased).toEqual({
      ...before,
      receiver: { name: '', phone: '', zip: '', address1: '', address2: '' },
      message: undefined,
      piiErasedAt: new Date(now).toISOString(),
      seq: expect.any(Number),
      updatedAt: new Date(now).toISOString(),
    });
    expect(erased.seq).toBeGreaterThan(before.seq);
    expect(await s.orders.require(keyOf(cancelled))).toMatchObject({ state: 'CANCELLED', piiErasedAt: expect.any(String), receiver: { name: '' } });
    expect(await s.orders.require(keyOf(recent))).toMatchObject({ receiver: recent.receiver });
    expect((await s.orders.require(keyOf(open))).piiErasedAt).toBeUndefined();
    expect(await s.alerts.get(`SYNC_ERROR:${keyOf(shipped)}`)).toMatchObject({ detail: { account: 'main', orderKey: keyOf(shipped), message: '' } });
    expect(JSON.parse((await store.pool.pick().hGet(sellerKeys(s.sellerId).syncDispatchAttempts, keyOf(shipped))) ?? '')).toEqual({ ...dispatchAttempts, message: '' });

    const dump = JSON.stringify(await sellerDump(store, s.sellerId));
    for (const gone of ['오래된고객', '010-1111-2222', '01011112222', '오래된 메모', '취소한고객', '010-3333-4444']) expect(dump).not.toContain(gone);
    // Delivered after its erasure, the order does not join the index again: there is nothing left to erase.
    await s.orders.setFlags(keyOf(shipped), { delivered: true });
    expect(await store.pool.pick().zScore(sellerKeys(s.sellerId).closedOrders, keyOf(shipped))).toBeNull();
    for (const kept of ['최근고객', '010-5555-6666', '대기고객', '010-7777-8888']) expect(dump).toContain(kept);
    // Stock history is untouched: the ledger still explains the counters.
    const { onHand, reserved, safety, quarantine } = await counters(s, 'A');
    expect(await s.stock.ledgerTotals('A')).toEqual({ onHand, reserved, safety, quarantine });

    // Again: nothing to do, nothing written.
    const settled = await sellerDump(store, s.sellerId);
    expect(await s.privacy.eraseOlderThan(90 * DAY)).toBe(0);
    expect(await sellerDump(store, s.sellerId)).toEqual(settled);
  });

  it('keeps an erased order erased when the channel sends it again, and still refuses to ship it twice', async () => {
    now = Date.parse('2025-03-01T00:00:00.000Z');
    const s = store.forSeller(testSellerId('piiagain'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }], { receiver: receiver('다시온고객', '010-9999-0000') });
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], waybill('w1'));
    await s.orders.ship([keyOf(input)]);
    now += 91 * DAY;
    expect(await s.privacy.eraseOlderThan(90 * DAY)).toBe(1);

    expect(await s.orders.ingest(input)).toMatchObject({ status: 'SHIPPED' });
    expect((await s.orders.require(keyOf(input))).receiver.name).toBe('');
    await expectRefusal(s.orders.ship([keyOf(input)]), 'INVALID_TRANSITION');
    // A return after the erasure closes the order again; erasing it again changes nothing of the order.
    await s.orders.returnUnits(keyOf(input));
    const returned = await s.orders.require(keyOf(input));
    now += 91 * DAY;
    expect(await s.privacy.eraseOlderThan(90 * DAY)).toBe(0);
    expect(await s.orders.require(keyOf(input))).toEqual(returned);
    expect(await store.pool.pick().zCard(sellerKeys(s.sellerId).closedOrders)).toBe(0);
  });

  it('indexes closed orders stored before the index existed, by when they closed', async () => {
    now = Date.parse('2024-06-15T09:30:00.250Z');
    const s = store.forSeller(testSellerId('piilegacy'));
    const keys = sellerKeys(s.sellerId);
    const redis = store.pool.pick();
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const inputs = [0, 1, 2].map((i) => orderInput([{ listingId: 'L-A', quantity: 1 }], { receiver: receiver(`예전고객${i}`, `010-1000-000${i}`) }));
    for (const input of inputs) await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(inputs[0]!)], waybill('w1'));
    await s.orders.ship([keyOf(inputs[0]!)]);
    now += DAY;
    await s.orders.cancel(keyOf(inputs[1]!));
    // As data from before the index: no entries, no progress.
    await redis.del([keys.closedOrders, keys.closedOrdersBackfill]);
    now += 200 * DAY;
    expect(await s.privacy.eraseOlderThan(90 * DAY)).toBe(0);

    expect(await s.privacy.indexClosedOrders(1)).toBe(2);
    expect(await redis.zRangeWithScores(keys.closedOrders, 0, -1)).toEqual([
      { value: keyOf(inputs[0]!), score: Date.parse('2024-06-15T09:30:00.250Z') },
      { value: keyOf(inputs[1]!), score: Date.parse('2024-06-16T09:30:00.250Z') },
    ]);
    expect(await redis.hGet(keys.closedOrdersBackfill, 'done')).toBe('1');
    expect(await s.privacy.indexClosedOrders()).toBe(0);
    expect(await s.privacy.eraseOlderThan(90 * DAY)).toBe(2);
    expect((await s.orders.require(keyOf(inputs[2]!))).receiver.name).toBe('예전고객2');
  });

  it('refuses a bad cut-off or batch, naming the field', async () => {
    const s = store.forSeller(testSellerId('piibad'));
    await expectInvalid(s.privacy.erase(new Date(Number.NaN)), 'closedBefore');
    await expectInvalid(s.privacy.erase(new Date(), 0), 'batch');
  });
});
