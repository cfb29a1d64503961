import { describe, expect, it } from 'vitest';
import { Store } from '../../server/store';
import { expectInvalid, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, testRedisUrl, testSellerId } from '../support/store';

const store = await openTestStore();

describe('alerts', () => {
  it('are acknowledged by someone and stay open until their condition clears', async () => {
    const sellerId = testSellerId('ack');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 0 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    const id = `HELD_ORDER:${keyOf(input)}`;

    const packer = store.forSeller(sellerId, 'packer-1');
    expect(await packer.alerts.acknowledge(id)).toMatchObject({ id, acknowledged: true, acknowledgedBy: 'packer-1' });
    expect(await s.alerts.get(id)).toMatchObject({ acknowledged: true });
    await s.stock.adjust('A', 'inbound', 1);
    expect(await s.alerts.get(id)).toBeNull();
    await expectRefusal(s.alerts.acknowledge(id), 'ALERT_NOT_FOUND');
  });

  it('raised again keep their opening time and acknowledgement', async () => {
    let now = Date.parse('2025-03-01T00:00:00Z');
    const clocked = await Store.open(testRedisUrl(), { connections: 1, clock: () => new Date(now) });
    try {
      const s = clocked.forSeller(testSellerId('raise'));
      await s.alerts.raise('CHANNEL_ERROR', 'warning', 'smartstore:main', { message: 'HTTP 503' });
      await s.alerts.acknowledge('CHANNEL_ERROR:smartstore:main');
      now += 60_000;
      await s.alerts.raise('CHANNEL_ERROR', 'critical', 'smartstore:main', { message: 'HTTP 401' });
      expect(await s.alerts.get('CHANNEL_ERROR:smartstore:main')).toEqual({
        id: 'CHANNEL_ERROR:smartstore:main',
        type: 'CHANNEL_ERROR',
        severity: 'critical',
        subject: 'smartstore:main',
        detail: { message: 'HTTP 401' },
        openedAt: '2025-03-01T00:00:00.000Z',
        updatedAt: '2025-03-01T00:01:00.000Z',
        acknowledged: true,
        acknowledgedBy: 'system',
      });
      await s.alerts.close('CHANNEL_ERROR', 'smartstore:main');
      expect(await s.alerts.list()).toEqual([]);
      await expectInvalid(s.alerts.raise('NOT_A_TYPE' as never, 'warning', 'x', {}), 'type');
    } finally {
      await clocked.close();
    }
  });
});
