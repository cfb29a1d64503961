import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { WaybillResponseSchema } from '../../shared/api/waybills';
import { alerts, applied, call, getOrder, issue, postOrders, RECEIVER, refusedCode, shippingSeller, startShippingServer } from './support/harness';

const server = await startShippingServer();
const cjSeller = () => shippingSeller(server, { waybillSources: { cj: 'cj' } });
const bookingsOf = (number: string) => server.cj.state.bookingRows().filter((row) => row.booking.INVC_NO === number);

describe('CJ DX API issuance (sandbox)', () => {
  it('refines, issues one number per box and books each box once, with the sort code on the waybill', async () => {
    const seller = await cjSeller();
    const [one, two] = await postOrders(server, seller, [{ id: 'cj1' }, { id: 'cj2', quantity: 2, message: '문 앞에 놓아주세요' }]);
    const tokensBefore = server.cj.state.tokenRequests();
    const results = await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [one ?? ''] }, { orderKeys: [two ?? ''], packages: 2 }] });
    const waybills = results.flatMap((result) => applied(result).waybills);
    expect(waybills.map((waybill) => [waybill.source, waybill.package, waybill.packages])).toEqual([
      ['cj', 1, 1],
      ['cj', 1, 2],
      ['cj', 2, 2],
    ]);
    for (const waybill of waybills) {
      expect(waybill.trackingNumber).toMatch(/^\d{12}$/);
      expect(waybill.sortCode?.code).toMatch(/^\d[A-Z]\d\d$/);
      expect(server.cj.state.liveBookingCount(waybill.trackingNumber)).toBe(1);
      const [row] = bookingsOf(waybill.trackingNumber);
      expect(row?.booking).toMatchObject({ RCVR_NM: '김철수', RCVR_ADDR: RECEIVER.address1, SENDR_NM: '시트쉽상회', CUST_ID: '30586154' });
    }
    expect(bookingsOf(waybills[1]?.trackingNumber ?? '')[0]?.booking).toMatchObject({ REMARK_1: '문 앞에 놓아주세요', ARRAY: [{ GDS_NM: '상품 A', GDS_QTY: '2' }] });
    expect(server.cj.state.tokenRequests() - tokensBefore).toBeLessThanOrEqual(1);

    // A repeat books nothing more and asks for no number.
    const issued = server.cj.state.issuedInvoices().length;
    const again = await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [one ?? ''] }, { orderKeys: [two ?? ''], packages: 2 }] });
    expect(again.every((result) => result.result === 'applied' && result.replay)).toBe(true);
    expect(server.cj.state.issuedInvoices()).toHaveLength(issued);
  });

  it('holds an order CJ cannot deliver to (-20009) with an alert, and books nothing for it', async () => {
    const seller = await cjSeller();
    const [key] = await postOrders(server, seller, [{ id: 'dokdo', receiver: { ...RECEIVER, address1: '경상북도 울릉군 울릉읍 독도리 1' } }]);
    const invoices = server.cj.state.issuedInvoices().length;
    const results = await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] });
    expect(refusedCode(results[0])).toBe('UNDELIVERABLE_ADDRESS');
    expect(await getOrder(server, seller, key ?? '')).toMatchObject({ state: 'HELD', heldReason: 'ADDRESS', allocation: {} });
    expect(await alerts(server, seller)).toContainEqual(expect.objectContaining({ type: 'UNDELIVERABLE_ADDRESS', subject: key, severity: 'critical' }));
    expect(server.cj.state.issuedInvoices()).toHaveLength(invoices);
  });

  it('void cancels the booking and the order goes back to ALLOCATED; a re-issue books anew under a new CUST_USE_NO', async () => {
    const seller = await cjSeller();
    const [key] = await postOrders(server, seller, [{ id: 'revoid' }]);
    const [first] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills;
    const number = first?.trackingNumber ?? '';
    const voided = await call(server, 'POST', `/v1/waybills/${first?.id}/void`, { key: seller.key, body: { reason: '주소 변경' } });
    expect(voided.status, voided.text).toBe(200);
    expect(WaybillResponseSchema.parse(voided.body).waybill).toMatchObject({ voided: true, voidReason: '주소 변경', trackingNumber: number });
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
    expect(await getOrder(server, seller, key ?? '')).toMatchObject({ state: 'ALLOCATED', tracking: { status: 'none' } });
    // Voiding again is a replay.
    expect((await call(server, 'POST', `/v1/waybills/${first?.id}/void`, { key: seller.key, body: { reason: '다시' } })).body).toMatchObject({ waybill: { voidReason: '주소 변경' } });

    const [second] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills;
    expect(second?.trackingNumber).not.toBe(number);
    expect(server.cj.state.liveBookingCount(second?.trackingNumber ?? '')).toBe(1);
    const useNumbers = [...bookingsOf(number), ...bookingsOf(second?.trackingNumber ?? '')].map((row) => row.booking.CUST_USE_NO);
    expect(new Set(useNumbers).size).toBe(2);
  });

  it('refuses to void a parcel the driver has picked up, and changes nothing', async () => {
    const seller = await cjSeller();
    const [key] = await postOrders(server, seller, [{ id: 'picked' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills;
    expect(server.cj.control.markPickedUp({ invoiceNo: waybill?.trackingNumber ?? '' })).toBe(1);
    const refused = await call(server, 'POST', `/v1/waybills/${waybill?.id}/void`, { key: seller.key, body: { reason: '실수' } });
    expect(refused.status).toBe(409);
    expect(ErrorBodySchema.parse(refused.body).error.code).toBe('PICKED_UP');
    expect((await getOrder(server, seller, key ?? '')).state).toBe('WAYBILL_ISSUED');
  });

  it('a RegBook whose answer was lost is cancelled, then booked again: one live booking for the box', async () => {
    const seller = await cjSeller();
    const [key] = await postOrders(server, seller, [{ id: 'lost' }]);
    server.cj.control.inject({ kind: 'appliedThenLost', endpoint: 'RegBook' });
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills;
    const rows = bookingsOf(waybill?.trackingNumber ?? '');
    expect(rows.map((row) => row.booking.CUST_USE_NO.slice(-2))).toEqual(['-1', '-2']);
    expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(1);
  });

  it('concurrent calls for the same parcels book each box once', async () => {
    const seller = await cjSeller();
    const keys = await postOrders(server, seller, Array.from({ length: 10 }, (_, index) => ({ id: `cc${index}`, receiver: { ...RECEIVER, address2: `${index}호` } })));
    const parcels = keys.map((key) => ({ orderKeys: [key] }));
    const answers = await Promise.all(Array.from({ length: 5 }, () => issue(server, seller, { carrier: 'cj', parcels })));
    const numbers = new Set(answers.flatMap((results) => results.flatMap((result) => applied(result).waybills.map((waybill) => waybill.trackingNumber))));
    expect(numbers.size).toBe(10);
    for (const number of numbers) expect(bookingsOf(number)).toHaveLength(1);
  });

  it('needs a CJ contract with the billing business number', async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' }, carrierContracts: { cj: null } });
    const [key] = await postOrders(server, seller, [{ id: 'nocontract' }]);
    expect(refusedCode((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0])).toBe('NO_CONTRACT');
    const wrong = await call(server, 'PATCH', '/v1/settings', { key: seller.key, body: { waybillSources: { lotte: 'cj' } } });
    expect(ErrorBodySchema.parse(wrong.body).error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'waybillSources.lotte' }] } });
  });
});
