import { describe, expect, it } from 'vitest';
import { applied, getOrder, issue, postOrders, refusedCode, shippingSeller, startShippingServer } from './support/harness';

const server = await startShippingServer();

describe('typed (manual) tracking numbers', () => {
  it('are validated for the carrier, stored without separators, and attached through the same idempotent path', async () => {
    const seller = await shippingSeller(server);
    const [one, two, three] = await postOrders(server, seller, [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }]);
    const typed = await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [one ?? ''], trackingNumber: '1234-5678-9013' }] });
    const [waybill] = applied(typed[0]).waybills;
    expect(waybill).toMatchObject({ carrier: 'lotte', trackingNumber: '123456789013', source: 'manual', orderKeys: [one] });
    expect(await getOrder(server, seller, one ?? '')).toMatchObject({ state: 'WAYBILL_ISSUED', tracking: { carrier: 'lotte', trackingNumber: '123456789013' } });

    // Pasted again: the same waybill, nothing new.
    const again = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [one ?? ''], trackingNumber: '123456789013' }] }))[0]);
    expect(again).toMatchObject({ replay: true, waybills: [{ id: waybill?.id }] });

    const refused = await issue(server, seller, {
      carrier: 'lotte',
      parcels: [
        { orderKeys: [two ?? ''], trackingNumber: '123456789014' },
        { orderKeys: [two ?? ''], trackingNumber: '123456789013' },
        { orderKeys: [three ?? ''], trackingNumber: '123456789013' },
        { orderKeys: [one ?? ''], trackingNumber: '400000000002' },
      ],
    });
    expect(refused.map(refusedCode)).toEqual(['INVALID_TRACKING_NUMBER', 'DUPLICATE_PARCEL_ORDER', 'TRACKING_NUMBER_TAKEN', 'ALREADY_ISSUED']);
    expect(refused[0]).toMatchObject({ error: { message: 'lotte 송장번호로 쓸 수 없습니다: 123456789014 (CHECK_DIGIT)' } });
    expect(refused[3]).toMatchObject({ error: { message: expect.stringContaining('123456789013') } });
    expect((await getOrder(server, seller, two ?? '')).state).toBe('ALLOCATED');

    // CJ numbers have no check digit to fail; a wrong length does.
    expect(applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [two ?? ''], trackingNumber: '6012 3456 7890' }] }))[0]).waybills[0]).toMatchObject({ trackingNumber: '601234567890' });
    expect(refusedCode((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [three ?? ''], trackingNumber: '60123456789' }] }))[0])).toBe('INVALID_TRACKING_NUMBER');
    expect(refusedCode((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [three ?? ''], packages: 2, trackingNumber: '601234567891' }] }))[0])).toBe('MANUAL_ONE_BOX');
  });
});
