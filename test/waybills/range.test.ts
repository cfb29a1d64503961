import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { mod7CheckDigit } from '../../shared/carriers';
import { Store } from '../../server/store';
import { sellerDump, testRedisUrl } from '../support/store';
import { alerts, applied, call, issue, postOrders, refusedCode, shippingSeller, startShippingServer } from './support/harness';

const server = await startShippingServer();

describe('number ranges', () => {
  it('appends the mod-7 check digit for Lotte and hands out bodies in order, never twice across stores', async () => {
    const seller = await shippingSeller(server);
    const put = await call(server, 'PUT', '/v1/waybill-ranges/lotte', { key: seller.key, body: { first: '12345678901', last: '12345679000' } });
    expect(put.body).toEqual({ range: { carrier: 'lotte', first: '12345678901', last: '12345679000', used: 0, remaining: 100 } });
    const keys = await postOrders(server, seller, [{ id: 'r1' }, { id: 'r2' }]);
    const [first] = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [keys[0] ?? ''] }] }))[0]).waybills;
    // carriers.md's worked example: body 12345678901 → check digit 3.
    expect(first).toMatchObject({ trackingNumber: '123456789013', source: 'range', package: 1, packages: 1, printCount: 0, voided: false });

    // A second server process (another Store on the same Redis) continues the same counter.
    const other = await Store.open(testRedisUrl());
    try {
      const body = '12345678902';
      const [second] = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [keys[1] ?? ''] }] }))[0]).waybills;
      expect(second?.trackingNumber).toBe(`${body}${mod7CheckDigit(body)}`);
    } finally {
      await other.close();
    }

    // Registering the same range again changes nothing; an overlapping one continues after what was used.
    await call(server, 'PUT', '/v1/waybill-ranges/lotte', { key: seller.key, body: { first: '12345678901', last: '12345679000' } });
    const again = await call(server, 'PUT', '/v1/waybill-ranges/lotte', { key: seller.key, body: { first: '12345678850', last: '12345679500' } });
    expect(again.body).toEqual({ range: { carrier: 'lotte', first: '12345678850', last: '12345679500', used: 53, remaining: 598 } });
  });

  it('raises RANGE_LOW under 10% left, refuses a batch the range cannot cover whole, and writes nothing of it', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/hanjin', { key: seller.key, body: { first: '70000000000', last: '70000000019' } });
    const keys = await postOrders(server, seller, Array.from({ length: 22 }, (_, index) => ({ id: `x${index}` })));
    const eighteen = keys.slice(0, 18).map((key) => ({ orderKeys: [key] }));
    expect((await issue(server, seller, { carrier: 'hanjin', parcels: eighteen })).every((result) => result.result === 'applied')).toBe(true);
    // 2 of 20 left is 10%: not yet under it.
    expect((await alerts(server, seller)).some((alert) => alert.type === 'RANGE_LOW')).toBe(false);
    applied((await issue(server, seller, { carrier: 'hanjin', parcels: [{ orderKeys: [keys[18] ?? ''] }] }))[0]);
    expect(await alerts(server, seller)).toContainEqual(expect.objectContaining({ type: 'RANGE_LOW', subject: 'hanjin', detail: { carrier: 'hanjin', remaining: 1, size: 20 } }));

    const before = await sellerDump(server.store, seller.sellerId);
    const three = keys.slice(19, 22).map((key) => ({ orderKeys: [key] }));
    const results = await issue(server, seller, { carrier: 'hanjin', parcels: three });
    expect(results.map(refusedCode)).toEqual(['RANGE_EXHAUSTED', 'RANGE_EXHAUSTED', 'RANGE_EXHAUSTED']);
    expect(results[0]).toMatchObject({ error: { message: 'hanjin 송장번호 대역이 모자랍니다 (남은 번호 1개, 필요 3개). 새 대역을 등록하세요' } });
    expect(await sellerDump(server.store, seller.sellerId)).toEqual(before);

    // A new range covers them, and the alert closes.
    await call(server, 'PUT', '/v1/waybill-ranges/hanjin', { key: seller.key, body: { first: '71000000000', last: '71000000999' } });
    expect((await issue(server, seller, { carrier: 'hanjin', parcels: three })).every((result) => result.result === 'applied')).toBe(true);
    expect((await alerts(server, seller)).some((alert) => alert.type === 'RANGE_LOW')).toBe(false);
  });

  it('says which range is missing, and refuses a range whose numbers the carrier cannot have', async () => {
    const seller = await shippingSeller(server);
    const [key] = await postOrders(server, seller, [{ id: 'n1' }]);
    expect(refusedCode((await issue(server, seller, { carrier: 'logen', parcels: [{ orderKeys: [key ?? ''] }] }))[0])).toBe('NO_RANGE');
    const bad = await call(server, 'PUT', '/v1/waybill-ranges/logen', { key: seller.key, body: { first: '123456789012', last: '123456789999' } });
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(bad.body).error.message).toBe('입력값이 올바르지 않습니다: first makes 12-digit numbers; logen numbers have 11 digits');
    // A whole number where the body belongs: the check digit would be missing.
    const whole = await call(server, 'PUT', '/v1/waybill-ranges/logen', { key: seller.key, body: { first: '12345678903', last: '12345678999' } });
    expect(ErrorBodySchema.parse(whole.body).error.message).toBe('입력값이 올바르지 않습니다: first must be the 10-digit body without the check digit, which is appended');
    const backwards = await call(server, 'PUT', '/v1/waybill-ranges/logen', { key: seller.key, body: { first: '1234567899', last: '1234567800' } });
    expect(ErrorBodySchema.parse(backwards.body).error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'last' }] } });
  });
});
