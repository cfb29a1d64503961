import { describe, expect, it } from 'vitest';
import { expectInvalid, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('malformed orders', () => {
  it('are refused with the field named, and nothing is written', async () => {
    const sellerId = testSellerId('badorder');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const good = orderInput([{ listingId: 'L-A', quantity: 1, lineId: 'x' }]);
    const before = await sellerDump(store, sellerId);

    const issues = await expectInvalid(s.orders.ingest({ ...good, lines: [] }), 'lines');
    expect(issues[0]?.message).toBe('an order needs at least one line');
    const twice = await expectInvalid(s.orders.ingest({ ...good, lines: [good.lines[0]!, { ...good.lines[0]!, quantity: 2 }] }), 'lines');
    expect(twice[0]?.message).toBe('has a duplicate lineId');
    await expectInvalid(s.orders.ingest({ ...good, channel: 'amazon' as never }), 'channel');
    await expectInvalid(s.orders.ingest({ ...good, account: 'has:colon' }), 'account');
    await expectInvalid(s.orders.ingest({ ...good, orderId: '' }), 'orderId');
    await expectInvalid(s.orders.ingest({ ...good, orderedAt: 'yesterday' }), 'orderedAt');
    await expectInvalid(s.orders.ingest({ ...good, receiver: { ...good.receiver, phone: 'call me' } }), 'receiver.phone');
    await expectInvalid(s.orders.ingest({ ...good, receiver: { ...good.receiver, address1: '   ' } }), 'receiver.address1');
    await expectInvalid(s.orders.ingest({ ...good, lines: [{ ...good.lines[0]!, listingId: 'has space' }] }), 'lines[0].listingId');
    await expectInvalid(s.orders.ingest({ ...good, extra: 1 } as never), '');
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('bad keys and lists of keys are refused before any script runs', async () => {
    const sellerId = testSellerId('badkeys');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], waybill());
    const before = await sellerDump(store, sellerId);

    await expectInvalid(s.orders.ship([]), 'keys');
    const twice = await expectInvalid(s.orders.ship([keyOf(input), keyOf(input)]), 'keys[1]');
    expect(twice[0]?.message).toContain('repeats item 0');
    await expectInvalid(s.orders.ship(['not-a-key']), 'keys[0]');
    await expectInvalid(s.orders.cancel('nochannel:main:1'), 'key');
    await expectInvalid(s.orders.markWaybillIssued([keyOf(input)], { waybillId: '', carrier: 'cj', trackingNumber: '1', dispatchNow: false }), 'waybill.waybillId');
    await expectInvalid(s.orders.setFlags(keyOf(input), { tracking: { status: 'lost' as never } }), 'flags.tracking.status');
    await expectInvalid(s.orders.list({ limit: 0 }), 'limit');
    await expectInvalid(s.orders.list({ limit: 10, after: -1 }), 'after');
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });
});
