import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDueVoids } from '../../server/waybills/void-queue';
import { DEFAULT_SHIPPING_OPTIONS, ShippingRuntime } from '../../server/waybills/runtime';
import { openTestStore } from '../support/store';
import { CJ_ENDPOINTS } from '../../server/carriers/cj';
import { waitFor } from '../sync/support/harness';
import { applied, call, issue, postOrders, shippingSeller, startShippingServer } from './support/harness';

// The void of a cancelled order's waybill is in Redis before any carrier call, in the same step as the cancel;
// a server that dies before or during the carrier call leaves it there, and another process (a fresh Store and
// runtime on the same Redis, as after a restart) settles it once the dead holder's lease ran out.
const server = await startShippingServer();
const restarted = await openTestStore();
// Long enough that the test's own calls finish inside it on a loaded machine.
const LEASE_MS = 2_000;
const runtimeAfterRestart = new ShippingRuntime(restarted, { cjBaseUrl: server.cj.url, ...DEFAULT_SHIPPING_OPTIONS, issueLeaseMs: LEASE_MS, voidRetryBaseMs: 50, voidRetryMaxMs: 200 }, randomBytes(32));

describe('crash safety of waybill voids', () => {
  it('the cancel itself records the void; nothing is lost if no carrier call follows', async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [key = ''] = await postOrders(server, seller, [{ id: 'crash-cancel' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    const number = waybill?.trackingNumber ?? '';
    // The store's cancel only (the process "dies" before the route would call CJ).
    const cancelled = await server.store.forSeller(seller.sellerId, 'test').orders.cancel(key, 'buyer');
    expect(cancelled.voids).toEqual([waybill?.id]);
    const store = runtimeAfterRestart.waybills(seller.sellerId, 'test');
    expect((await store.pendingVoids()).map((entry) => entry.waybillId)).toEqual([waybill?.id]);
    expect(server.cj.state.liveBookingCount(number)).toBe(1);

    // The new process's first CJ token may be refused as too soon after the old one's; the void is retried.
    await waitFor('the void settled by the new process', async () => {
      const outcomes = await runDueVoids(runtimeAfterRestart, seller.sellerId, 'void-worker');
      return outcomes.some((outcome) => outcome.result === 'voided' && outcome.waybillId === waybill?.id);
    });
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
    expect(await store.pendingVoids()).toEqual([]);
  });

  it("the API's cancel holds its voids for itself, so the worker cannot take them between the cancel and the carrier call", async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [key = ''] = await postOrders(server, seller, [{ id: 'held-void' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    const heldUntil = Date.now() + 60_000;
    const cancelled = await server.store.forSeller(seller.sellerId, 'owner').orders.cancel(key, 'buyer', heldUntil);
    expect(cancelled.voids).toEqual([waybill?.id]);
    // A worker's round finds nothing due; the holder takes it with its hold, and the booking is cancelled.
    expect(await runDueVoids(runtimeAfterRestart, seller.sellerId, 'void-worker')).toEqual([]);
    expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(1);
    // The holder is the server that issued the waybill (its CJ token is the live one).
    const outcomes = await runDueVoids(server.assembled.deps.shipping, seller.sellerId, 'owner', { waybillIds: cancelled.voids, heldUntil });
    expect(outcomes).toMatchObject([{ waybillId: waybill?.id, result: 'voided' }]);
    expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(0);
  });

  it('a void claimed by a process that died mid-call is taken over after its lease, and a seller void too', async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [cancelledKey = '', voidedKey = ''] = await postOrders(server, seller, [
      { id: 'crash-held', receiver: { name: '이영희', phone: '010-2222-3333', zip: '04524', address1: '서울 중구 세종대로 110', address2: '' } },
      { id: 'crash-manual' },
    ]);
    const results = await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [cancelledKey] }, { orderKeys: [voidedKey] }] });
    const [one] = applied(results[0]).waybills;
    const [two] = applied(results[1]).waybills;
    await server.store.forSeller(seller.sellerId, 'test').orders.cancel(cancelledKey, 'buyer');
    const dead = runtimeAfterRestart.waybills(seller.sellerId, 'dead-process');
    // The dead process had leased the cancel's void and recorded a seller's void, then called nobody.
    expect(await dead.claimVoids(Date.now() + LEASE_MS, 10)).toHaveLength(1);
    const begun = await dead.beginVoid(two?.id ?? '', '주소 변경', Date.now() + LEASE_MS);
    expect(begun).toMatchObject({ replay: false, job: { origin: 'manual' } });
    // While the leases hold, nobody else calls the carrier for them.
    expect(await runDueVoids(runtimeAfterRestart, seller.sellerId, 'void-worker')).toEqual([]);

    await waitFor('both voids settled after the leases', async () => {
      await runDueVoids(runtimeAfterRestart, seller.sellerId, 'void-worker');
      const records = await dead.getMany([one?.id ?? '', two?.id ?? '']);
      return records.every((record) => record.voided);
    });
    expect(server.cj.state.liveBookingCount(one?.trackingNumber ?? '')).toBe(0);
    expect(server.cj.state.liveBookingCount(two?.trackingNumber ?? '')).toBe(0);
    expect((await dead.get(two?.id ?? ''))?.voidReason).toBe('주소 변경');
    expect((await server.store.forSeller(seller.sellerId, 'test').orders.require(voidedKey)).state).toBe('ALLOCATED');
  });

  it("a seller's void of a waybill whose void job someone holds is refused until that lease ends, so CJ gets one cancel at a time", async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [key = ''] = await postOrders(server, seller, [{ id: 'busy-void' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    await server.store.forSeller(seller.sellerId, 'test').orders.cancel(key, 'buyer');
    // Another process has claimed the cancel's void and is calling CJ for it.
    const worker = runtimeAfterRestart.waybills(seller.sellerId, 'void-worker');
    expect(await worker.claimVoids(Date.now() + 60_000, 10)).toHaveLength(1);
    const cancelsBefore = server.cj.state.requests('CnclBook').length;

    const refused = await call(server, 'POST', `/v1/waybills/${waybill?.id}/void`, { key: seller.key, body: { reason: '주소 변경' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'VOID_IN_PROGRESS' } });
    expect(server.cj.state.requests('CnclBook')).toHaveLength(cancelsBefore);
    expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(1);
    // The holder's lease stands and its job is still queued.
    expect((await runtimeAfterRestart.waybills(seller.sellerId, 'test').pendingVoids()).map((entry) => entry.waybillId)).toEqual([waybill?.id]);
  });

  it("a seller's void takes a job nobody holds, such as one waiting for its retry", async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [key = ''] = await postOrders(server, seller, [{ id: 'retry-void' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    await server.store.forSeller(seller.sellerId, 'test').orders.cancel(key, 'buyer');
    const worker = runtimeAfterRestart.waybills(seller.sellerId, 'void-worker');
    const leaseUntil = Date.now() + 60_000;
    expect(await worker.claimVoids(leaseUntil, 10)).toHaveLength(1);
    // The worker's carrier call failed; the job waits a minute for its retry, leased to nobody.
    await worker.failVoid({ waybillId: waybill?.id ?? '', leaseUntil, code: 'CARRIER_ERROR', detail: 'timeout', retryAt: Date.now() + 60_000, alertAfter: 3, dropManual: false });

    const voided = await call(server, 'POST', `/v1/waybills/${waybill?.id}/void`, { key: seller.key, body: { reason: '주소 변경' } });
    expect(voided.status).toBe(200);
    expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(0);
    expect(await worker.pendingVoids()).toEqual([]);
  });

  it('leases each void just before its carrier call, so behind a slow carrier no other runner cancels the same booking', async () => {
    // Time stands still unless the test moves it; the leases are judged by it, in Redis and in the runner.
    let now = Date.now() + 1_000;
    const clocked = await openTestStore({ clock: () => new Date(now) });
    // The server's CJ token is shared through Redis, so this runner asks CJ for none.
    const runtime = new ShippingRuntime(clocked, { cjBaseUrl: server.cj.url, ...DEFAULT_SHIPPING_OPTIONS, issueLeaseMs: 1_000 }, randomBytes(32), () => now, server.assembled.deps.secrets);
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const keys = await postOrders(server, seller, [{ id: 'slow-void-1' }, { id: 'slow-void-2' }]);
    const results = await issue(server, seller, { carrier: 'cj', parcels: keys.map((key) => ({ orderKeys: [key] })) });
    const numbers = results.map((result) => applied(result).waybills[0]?.trackingNumber ?? '');
    for (const key of keys) await server.store.forSeller(seller.sellerId, 'test').orders.cancel(key, 'buyer');

    const cancels = () => server.cj.state.requests(CJ_ENDPOINTS.cancel).length;
    const before = cancels();
    server.cj.control.inject({ kind: 'slow', endpoint: CJ_ENDPOINTS.cancel, delayMs: 1_500, times: 2 });
    const first = runDueVoids(runtime, seller.sellerId, 'runner-a');
    await waitFor("runner A's first cancel at CJ", () => cancels() === before + 1);
    now += 600;
    await waitFor("runner A's second cancel at CJ", () => cancels() === before + 2);
    // 1,200 ms after runner A began: one lease taken then for both jobs would have run out by now.
    now += 600;
    expect(await runDueVoids(runtime, seller.sellerId, 'runner-b')).toEqual([]);
    expect((await first).map((outcome) => outcome.result)).toEqual(['voided', 'voided']);
    expect(cancels()).toBe(before + 2);
    for (const number of numbers) expect(server.cj.state.liveBookingCount(number)).toBe(0);
  });

  it('a runner asked to stop ends between two voids, and leaves the rest queued', async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const keys = await postOrders(server, seller, [{ id: 'stop-void-1' }, { id: 'stop-void-2' }]);
    await issue(server, seller, { carrier: 'cj', parcels: keys.map((key) => ({ orderKeys: [key] })) });
    for (const key of keys) await server.store.forSeller(seller.sellerId, 'test').orders.cancel(key, 'buyer');
    let asked = 0;
    const outcomes = await runDueVoids(server.assembled.deps.shipping, seller.sellerId, 'void-worker', { stopping: () => asked++ > 0 });
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['voided']);
    expect(await server.assembled.deps.shipping.waybills(seller.sellerId, 'test').pendingVoids()).toHaveLength(1);
  });
});
