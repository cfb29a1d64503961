import { describe, expect, it } from 'vitest';
import { validateTrackingNumber } from '../../shared/carriers';
import { applied, call, issue, postOrders, shippingSeller, startShippingServer } from './support/harness';

const server = await startShippingServer();

describe('concurrent issuance', () => {
  it('20 concurrent issue calls for the same 100 orders give exactly 100 waybills with unique, valid numbers', async () => {
    const seller = await shippingSeller(server);
    expect((await call(server, 'PUT', '/v1/waybill-ranges/lotte', { key: seller.key, body: { first: '40246360001', last: '40246460000' } })).status).toBe(200);
    const keys = await postOrders(server, seller, Array.from({ length: 100 }, (_, index) => ({ id: `c${index}` })));
    const parcels = keys.map((key) => ({ orderKeys: [key] }));

    const answers = await Promise.all(Array.from({ length: 20 }, () => issue(server, seller, { carrier: 'lotte', parcels })));

    // Every call answers every parcel with the same waybill; exactly one call minted each of them.
    const byOrder = new Map<string, string>();
    let minted = 0;
    for (const results of answers) {
      results.forEach((result, index) => {
        const { waybills, replay } = applied(result);
        expect(waybills).toHaveLength(1);
        const [waybill] = waybills;
        const key = keys[index] ?? '';
        expect(waybill?.orderKeys).toEqual([key]);
        const seen = byOrder.get(key);
        if (seen) expect(waybill?.trackingNumber).toBe(seen);
        else byOrder.set(key, waybill?.trackingNumber ?? '');
        if (!replay) minted += 1;
      });
    }
    expect(minted).toBe(100);
    const numbers = [...byOrder.values()];
    expect(new Set(numbers).size).toBe(100);
    for (const number of numbers) expect(validateTrackingNumber('lotte', number)).toEqual({ ok: true, number });

    const ranges = await call(server, 'GET', '/v1/waybill-ranges', { key: seller.key });
    expect(ranges.body).toEqual({ ranges: [{ carrier: 'lotte', first: '40246360001', last: '40246460000', used: 100, remaining: 99_900 }] });
  });

  it('합포장: concurrent calls give each group of orders to one receiver one number for all its orders', async () => {
    const seller = await shippingSeller(server);
    expect((await call(server, 'PUT', '/v1/waybill-ranges/hanjin', { key: seller.key, body: { first: '50000000000', last: '50000009999' } })).status).toBe(200);
    const groups = await Promise.all(
      Array.from({ length: 10 }, (_, group) => {
        const receiver = { name: `받는분${group}`, phone: `010-2000-${String(group).padStart(4, '0')}`, zip: '04524', address1: `서울 중구 세종대로 ${group + 1}`, address2: '' };
        return postOrders(server, seller, [0, 1, 2].map((item) => ({ id: `g${group}-${item}`, receiver })));
      }),
    );
    const parcels = groups.map((orderKeys) => ({ orderKeys }));
    const answers = await Promise.all(Array.from({ length: 20 }, () => issue(server, seller, { carrier: 'hanjin', parcels })));

    const numbers = new Set<string>();
    for (const results of answers) {
      results.forEach((result, index) => {
        const [waybill, extra] = applied(result).waybills;
        expect(extra).toBeUndefined();
        expect(waybill?.orderKeys.sort()).toEqual([...(groups[index] ?? [])].sort());
        numbers.add(waybill?.trackingNumber ?? '');
      });
    }
    expect(numbers.size).toBe(10);
    // Every order of a group carries the group's one waybill.
    for (const group of groups) {
      const orders = await Promise.all(group.map((key) => call(server, 'GET', `/v1/orders/${encodeURIComponent(key)}`, { key: seller.key })));
      const tracking = orders.map((answer) => (answer.body as { order: { tracking: { trackingNumber: string }; state: string } }).order);
      expect(new Set(tracking.map((order) => order.tracking.trackingNumber)).size).toBe(1);
      expect(tracking.every((order) => order.state === 'WAYBILL_ISSUED')).toBe(true);
    }
  });
});
