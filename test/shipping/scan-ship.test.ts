import { describe, expect, it } from 'vitest';
import { ScanResponseSchema } from '../../shared/api/waybills';
import type { ClaimCheck } from '../../server/shipping/claim-check';
import type { TestSeller } from '../http/support/harness';
import { applied, call, getOrder, issue, postOrders, shippingSeller, startShippingServer, type ShippingServer } from '../waybills/support/harness';

/** A channel whose buyers cancel: the claim check records a cancel request for orders named in `cancelling`. */
const cancelling = new Set<string>();
let claimChecks = 0;
let channelDown = false;
let server: ShippingServer;
const claimCheck: ClaimCheck = async (sellerId, orderKeys) => {
  claimChecks += 1;
  if (channelDown) throw new Error('the channel did not answer');
  const orders = server.store.forSeller(sellerId, 'claim-check').orders;
  for (const key of orderKeys) if (cancelling.has(key)) await orders.recordClaim(key, { claimId: `cancel-${key}`, type: 'CANCEL', status: 'REQUESTED', quantity: 1 });
};
server = await startShippingServer({ claimCheck });

async function scan(seller: TestSeller, code: string, mode: 'ship' | 'verify' = 'ship', station?: string) {
  const answer = await call(server, 'POST', '/v1/scans', { key: seller.key, body: { code, mode, ...(station ? { station } : {}) } });
  expect(answer.status, answer.text).toBe(200);
  return ScanResponseSchema.parse(answer.body);
}

/** Orders with their own range-issued waybills; returns keys and numbers. */
async function issued(seller: TestSeller, ids: string[]): Promise<{ keys: string[]; numbers: string[] }> {
  const keys = await postOrders(server, seller, ids.map((id) => ({ id })));
  const results = await issue(server, seller, { carrier: 'cj', parcels: keys.map((key) => ({ orderKeys: [key] })) });
  return { keys, numbers: results.map((result) => applied(result).waybills[0]?.trackingNumber ?? '') };
}

async function rangeSeller(settings = {}) {
  const seller = await shippingSeller(server, settings);
  await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '620000000000', last: '620000099999' } });
  return seller;
}

describe('scan-to-ship', () => {
  it('ships the parcel of a scanned waybill once, recording who and where; a second scan is ALREADY_SHIPPED', async () => {
    const seller = await rangeSeller();
    const { keys, numbers } = await issued(seller, ['s1']);
    const before = claimChecks;
    const shipped = await scan(seller, `${numbers[0]?.slice(0, 4)}-${numbers[0]?.slice(4, 8)}-${numbers[0]?.slice(8)}`, 'ship', '포장대-2');
    expect(shipped).toMatchObject({ result: 'shipped', orderKeys: keys, trackingNumber: numbers[0], message: `출고 완료: ${numbers[0]}` });
    expect(claimChecks).toBe(before + 1);
    expect(await getOrder(server, seller, keys[0] ?? '')).toMatchObject({ state: 'SHIPPED', shippedBy: 'owner', shippedStation: '포장대-2', tracking: { status: 'pending' } });
    const stock = await call(server, 'GET', '/v1/inventory', { key: seller.key });
    expect(stock.body).toMatchObject({ skus: [{ sku: 'A', onHand: 999, reserved: 0 }, { sku: 'B', onHand: 1000 }] });

    const twice = await scan(seller, numbers[0] ?? '');
    expect(twice).toMatchObject({ result: 'refused', reason: 'ALREADY_SHIPPED', message: `이미 출고된 송장입니다 (이중 출고 방지): ${numbers[0]}` });
    expect((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body).toMatchObject({ skus: [{ sku: 'A', onHand: 999 }, { sku: 'B' }] });
  });

  it('of many simultaneous scans of one parcel exactly one ships it', async () => {
    const seller = await rangeSeller();
    const { numbers } = await issued(seller, ['race']);
    const answers = await Promise.all(Array.from({ length: 8 }, () => scan(seller, numbers[0] ?? '')));
    expect(answers.filter((answer) => answer.result === 'shipped')).toHaveLength(1);
    expect(answers.filter((answer) => answer.result === 'refused' && answer.reason === 'ALREADY_SHIPPED')).toHaveLength(7);
  });

  it('refuses each case with its own reason and message, and ships none of them', async () => {
    const seller = await rangeSeller();
    const { keys, numbers } = await issued(seller, ['cr', 'cd', 'vd', 'cc', 'down']);
    const [requested, cancelled, voided, channelCancel, unreachable] = keys;
    const s = server.store.forSeller(seller.sellerId);
    await s.orders.recordClaim(requested ?? '', { claimId: 'x', type: 'CANCEL', status: 'REQUESTED', quantity: 1 });
    await s.orders.cancel(cancelled ?? '', 'buyer');
    const voidedWaybill = (await s.orders.require(voided ?? '')).waybillIds?.[0] ?? '';
    expect((await call(server, 'POST', `/v1/waybills/${voidedWaybill}/void`, { key: seller.key, body: { reason: 'x' } })).status).toBe(200);
    cancelling.add(channelCancel ?? '');

    const answers = {
      unknown: await scan(seller, '999999999999'),
      requested: await scan(seller, numbers[0] ?? ''),
      cancelled: await scan(seller, numbers[1] ?? ''),
      voided: await scan(seller, numbers[2] ?? ''),
      channel: await scan(seller, numbers[3] ?? ''),
    };
    channelDown = true;
    const down = await scan(seller, numbers[4] ?? '');
    channelDown = false;
    expect(answers.unknown).toMatchObject({ result: 'refused', reason: 'UNKNOWN_BARCODE', message: '알 수 없는 바코드입니다: 999999999999' });
    expect(answers.requested).toMatchObject({ result: 'refused', reason: 'CANCEL_REQUESTED', orderKeys: [requested] });
    expect(answers.cancelled).toMatchObject({ result: 'refused', reason: 'CANCELLED', message: `취소된 주문입니다. 출고하지 마세요: ${cancelled}` });
    expect(answers.voided).toMatchObject({ result: 'refused', reason: 'VOIDED' });
    // The claim check found the cancel the buyer made on the channel a moment ago.
    expect(answers.channel).toMatchObject({ result: 'refused', reason: 'CANCEL_REQUESTED', orderKeys: [channelCancel] });
    expect(down).toMatchObject({ result: 'refused', reason: 'CLAIM_CHECK_FAILED' });
    for (const key of keys) expect((await getOrder(server, seller, key ?? '')).state).not.toBe('SHIPPED');
    // Once the channel answers again, the parcel ships.
    expect(await scan(seller, numbers[4] ?? '')).toMatchObject({ result: 'shipped', orderKeys: [unreachable] });
  });

  it('refuses a held order, and an unverified parcel when settings require verification', async () => {
    const seller = await rangeSeller({ requirePackedToShip: true });
    const { numbers } = await issued(seller, ['np']);
    expect(await scan(seller, numbers[0] ?? '')).toMatchObject({ result: 'refused', reason: 'NOT_PACKED', message: `검수가 끝나지 않은 상자입니다. 상품을 먼저 스캔하세요: ${numbers[0]}` });

    // No flow leads to a held order that carries a live waybill today (WAYBILL_ISSUED cannot become HELD); the
    // refusal guards against one appearing, so that state is written directly.
    const [key] = await postOrders(server, seller, [{ id: 'held' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills;
    const redis = server.store.pool.pick();
    const orderKey = `ss:{${seller.sellerId}}:order:${key}`;
    const stored = JSON.parse((await redis.get(orderKey)) ?? '{}') as Record<string, unknown>;
    await redis.set(orderKey, JSON.stringify({ ...stored, state: 'HELD', heldReason: 'MANUAL', heldDetail: 'test' }));
    expect(await scan(seller, waybill?.trackingNumber ?? '')).toMatchObject({ result: 'refused', reason: 'HELD', message: `보류된 주문입니다. 출고하지 마세요: ${key}` });
  });

  it('refuses a parcel whose units a stock count no longer finds on the shelf (NOT_READY)', async () => {
    const seller = await rangeSeller();
    const { keys, numbers } = await issued(seller, ['counted']);
    const count = await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'A', kind: 'set', quantity: 0 }] } });
    expect(count.status).toBe(200);
    expect(await scan(seller, numbers[0] ?? '')).toMatchObject({ result: 'refused', reason: 'NOT_READY', orderKeys: keys, message: '실재고가 부족해 출고할 수 없습니다: A' });
    expect((await getOrder(server, seller, keys[0] ?? '')).state).toBe('WAYBILL_ISSUED');
  });
});
