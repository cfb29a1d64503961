import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ChannelAccountResponseSchema } from '../../shared/api/channels';
import { ListWaybillsResponseSchema, ScanResponseSchema } from '../../shared/api/waybills';
import { startSmartStoreSandbox } from '../../server/channels/smartstore/sandbox';
import { startSync } from '../../server/sync';
import { orderKeyOf, sandboxProduct, waitFor } from '../sync/support/harness';
import { applied, call, getOrder, issue, shippingSeller, startShippingServer } from './support/harness';

// The channel path: a buyer's cancel on SmartStore (the sandbox) reaches the order through the poller, or through
// the claim check a scan makes; either way the order's CJ waybill is voided at CJ by the void worker.
const server = await startShippingServer({ voidWorkerMs: 100 });
const sandbox = await startSmartStoreSandbox();
const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
const shop = sandbox.account();
const connected = await call(server, 'POST', '/v1/channels', {
  key: seller.key,
  body: { channel: 'smartstore', name: '샌드박스', baseUrl: sandbox.url, credentials: { clientId: shop.clientId, clientSecret: shop.clientSecret } },
});
expect(connected.status, connected.text).toBe(201);
const account = ChannelAccountResponseSchema.parse(connected.body).account;
const product = sandboxProduct(shop, [50], '에코백');
const mapped = await call(server, 'PUT', '/v1/listings', {
  key: seller.key,
  body: { listings: product.listingIds.map((listingId) => ({ channel: 'smartstore', account: account.id, listingId, components: [{ sku: 'A', qty: 1 }] })) },
});
expect(mapped.status, mapped.text).toBe(200);

const { deps } = server.assembled;
const sync = startSync(
  { store: server.store, tenants: deps.tenants, accounts: deps.channelAccounts, connectors: deps.connectors, logger: deps.logger },
  { pollIntervalMs: 150, leaseMs: 3_000, discoverMs: 100, sellerIds: async () => [seller.sellerId], outbox: { group: `test-${randomBytes(4).toString('hex')}` } },
);
let syncStopped = false;
afterAll(async () => {
  if (!syncStopped) await sync.stop();
  await sandbox.stop();
});

/** A buyer's order on the sandbox, ingested and allocated, then issued a CJ waybill through the API. */
async function issuedOrder() {
  const placed = shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
  const key = orderKeyOf(account.id, placed.orderId);
  await waitFor('the order allocated', async () => (await server.store.forSeller(seller.sellerId, 'test').orders.get(key))?.state === 'ALLOCATED');
  const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
  expect(server.cj.state.liveBookingCount(waybill?.trackingNumber ?? '')).toBe(1);
  return { key, lineId: placed.productOrderIds[0] ?? '', number: waybill?.trackingNumber ?? '', waybillId: waybill?.id ?? '' };
}

async function voided(key: string, waybillId: string): Promise<boolean> {
  const answer = await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(key)}`, { key: seller.key });
  return ListWaybillsResponseSchema.parse(answer.body).waybills.some((waybill) => waybill.id === waybillId && waybill.voided);
}

describe('a channel cancel of an order with a waybill', () => {
  it('through the poller: the order is cancelled and its CJ booking cancelled, the waybill voided', async () => {
    const { key, lineId, number, waybillId } = await issuedOrder();
    shop.requestClaim(lineId, 'cancel');
    shop.completeClaim(lineId, 'cancel');
    await waitFor('the waybill voided', () => voided(key, waybillId));
    expect(await getOrder(server, seller, key)).toMatchObject({ state: 'CANCELLED', allocation: {} });
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
  });

  it('through the claim check of a scan (the poller has not seen it yet): the scan is refused and the waybill voided', async () => {
    const { key, lineId, number, waybillId } = await issuedOrder();
    await sync.stop();
    syncStopped = true;
    shop.requestClaim(lineId, 'cancel');
    shop.completeClaim(lineId, 'cancel');
    const scan = await call(server, 'POST', '/v1/scans', { key: seller.key, body: { code: number, mode: 'ship' } });
    expect(scan.status, scan.text).toBe(200);
    expect(ScanResponseSchema.parse(scan.body)).toMatchObject({ result: 'refused', reason: 'CANCELLED' });
    await waitFor('the waybill voided', () => voided(key, waybillId));
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
    expect((await getOrder(server, seller, key)).state).toBe('CANCELLED');
  });
});
