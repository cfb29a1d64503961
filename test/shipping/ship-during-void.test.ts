import { describe, expect, it } from 'vitest';
import { ScanResponseSchema, ShipmentsResponseSchema } from '../../shared/api/waybills';
import { applied, call, getOrder, issue, postOrders, shippingSeller, startShippingServer } from '../waybills/support/harness';

// A seller's void records its job first and then asks the carrier to cancel the booking. While that call is
// out, the label is as good as dead: a scan or a bulk ship of it must not send the parcel on its way.
const server = await startShippingServer();

describe('shipping a parcel whose waybill is being voided', () => {
  it('is refused by a scan and by bulk ship, and the order stays unshipped', async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [key = ''] = await postOrders(server, seller, [{ id: 'void-race' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    // The void route's first step, with its carrier call still out (the lease keeps anyone else off it).
    const waybills = server.assembled.deps.shipping.waybills(seller.sellerId, 'owner');
    expect(await waybills.beginVoid(waybill?.id ?? '', '주소 변경', Date.now() + 60_000)).toMatchObject({ replay: false });

    const scanned = await call(server, 'POST', '/v1/scans', { key: seller.key, body: { code: waybill?.trackingNumber, mode: 'ship' } });
    expect(scanned.status, scanned.text).toBe(200);
    expect(ScanResponseSchema.parse(scanned.body)).toMatchObject({ result: 'refused', reason: 'VOIDED', orderKeys: [key] });

    const shipped = await call(server, 'POST', '/v1/shipments', { key: seller.key, body: { orderKeys: [key] } });
    expect(shipped.status, shipped.text).toBe(200);
    expect(ShipmentsResponseSchema.parse(shipped.body).results).toMatchObject([{ orderKey: key, result: 'error', error: { code: 'VOIDED' } }]);

    expect((await getOrder(server, seller, key)).state).toBe('WAYBILL_ISSUED');
    expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(1);
  });
});
