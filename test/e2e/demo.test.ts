import { describe, expect, it } from 'vitest';
import { ListOrdersResponseSchema, OrderResponseSchema } from '../../shared/api/orders';
import { IssueWaybillsResponseSchema, LabelsResponseSchema, ScanResponseSchema, ShipmentsResponseSchema } from '../../shared/api/waybills';
import { freePort } from '../../server/redis/launch';
import { call } from '../http/support/harness';
import { waitFor } from '../sync/support/harness';
import { buildServer, startServer, tempFolder } from './support/built-server';

/** Refusals a demo buyer's cancel can cause on the way (12 % of them cancel); anything else fails the test. */
const BUYER_CANCELLED = new Set(['CANCEL_REQUESTED', 'CANCELLED', 'VOIDED', 'NO_WAYBILL', 'INVALID_TRANSITION']);

describe('demo mode', () => {
  // The seller's day with the printed key and curl's requests only (docs/demo.md walks the same path).
  it('from a fresh start: orders, waybills, labels, a scan, bulk ship, and tracking accepted on the sandbox', async () => {
    const main = await buildServer();
    const started = Date.now();
    // Nothing configured, as after a fresh clone: no REDIS_URL (a private redis-server starts), no keys, no accounts.
    const { child, url } = await startServer(main, {
      SHEETSHIP_VAR_DIR: tempFolder(),
      SHEETSHIP_LOCAL_REDIS_PORT: String(await freePort()),
      SHEETSHIP_DEMO_ORDER_SECONDS: '1',
    });
    const key = await waitFor('the printed demo key', () => /Demo key: +(\S+)/.exec(child.stderr())?.[1], 30_000);
    await waitFor('the sandbox line', () => /Sandbox: +http:\/\/127\.0\.0\.1:\d+\/external/.test(child.stderr()), 30_000);
    // The console says what to try, with the real URL and key.
    expect(child.stderr()).toContain(`Try:        curl -s -H "Authorization: Bearer ${key}" "${url}/v1/orders?status=ALLOCATED"`);
    const hint = await waitFor('the first order hint', () => /\[demo\] next +issue a waybill for (\S+):\n +(curl .*\/v1\/waybills .*)\n/.exec(child.stderr()), 30_000);
    expect(hint[2]).toContain(`Bearer ${key}`);
    expect(hint[2]).toContain(`"orderKeys":["${hint[1]}"]`);

    // 1. The allocated orders (the sandbox's buyers keep ordering).
    const allocated = await waitFor(
      'allocated sandbox orders',
      async () => {
        const answer = await call({ url }, 'GET', '/v1/orders?status=ALLOCATED&channel=smartstore', { key });
        const page = ListOrdersResponseSchema.parse(answer.body);
        return page.orders.length >= 5 ? page.orders : null;
      },
      40_000,
    );
    // From a fresh start to the first orders in under a minute; the rest of the walk has its own waits.
    expect(Date.now() - started).toBeLessThan(60_000);
    for (const order of allocated) expect(order.key).toMatch(/^smartstore:demo-[ab]:\d+$/);
    expect(child.stderr()).toMatch(/\[demo\] order +smartstore:demo-[ab]:\d+/);
    expect(child.stderr()).toMatch(/\[demo\] stock +→ demo-[ab]:/);

    // 2. Waybills, one parcel per order, from the CJ sandbox (the demo seller's seeded contract).
    const issueAnswer = await call({ url }, 'POST', '/v1/waybills', { key, body: { carrier: 'cj', parcels: allocated.slice(0, 5).map((order) => ({ orderKeys: [order.key] })) } });
    expect(issueAnswer.status, issueAnswer.text).toBe(200);
    const issued = IssueWaybillsResponseSchema.parse(issueAnswer.body).results.flatMap((result) => {
      if (result.result === 'applied') return [{ orderKey: result.waybills[0]?.orderKeys[0] ?? '', trackingNumber: result.waybills[0]?.trackingNumber ?? '' }];
      expect(BUYER_CANCELLED.has(result.error.code), JSON.stringify(result)).toBe(true);
      return [];
    });
    expect(issued.length).toBeGreaterThanOrEqual(2);
    for (const waybill of issued) expect(waybill.trackingNumber).toMatch(/^\d{12}$/);

    // 3. The labels PDF from the signed link, without the key.
    const link = await waitFor('a labels link', async () => {
      const current = await stillIssued(url, key, issued.map((waybill) => waybill.orderKey));
      const answer = await call({ url }, 'POST', '/v1/labels', { key, body: { orderKeys: current } });
      return answer.status === 200 ? LabelsResponseSchema.parse(answer.body) : null;
    });
    const pdf = await fetch(link.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 4. A scan ships one parcel: the first whose buyer did not cancel meanwhile.
    let scanned: (typeof issued)[number] | undefined;
    for (const waybill of issued) {
      const answer = await call({ url }, 'POST', '/v1/scans', { key, body: { code: waybill.trackingNumber, mode: 'ship' } });
      expect(answer.status, answer.text).toBe(200);
      const scan = ScanResponseSchema.parse(answer.body);
      if (scan.result === 'shipped') {
        scanned = waybill;
        break;
      }
      expect(scan.result === 'refused' && BUYER_CANCELLED.has(scan.reason), JSON.stringify(scan)).toBe(true);
    }
    if (!scanned) throw new Error('no parcel could be scanned out');

    // 5. Bulk ship the rest.
    const rest = issued.filter((waybill) => waybill !== scanned).map((waybill) => waybill.orderKey);
    const shipAnswer = await call({ url }, 'POST', '/v1/shipments', { key, body: { orderKeys: rest } });
    expect(shipAnswer.status, shipAnswer.text).toBe(200);
    const shipped = ShipmentsResponseSchema.parse(shipAnswer.body).results.flatMap((result) => {
      if (result.result === 'applied') return [result.orderKey];
      expect(BUYER_CANCELLED.has(result.error.code), JSON.stringify(result)).toBe(true);
      return [];
    });
    expect(shipped.length).toBeGreaterThanOrEqual(1);

    // 6. Tracking reaches `accepted` on the sandbox, for the scanned and the bulk-shipped orders.
    for (const orderKey of [scanned.orderKey, ...shipped]) {
      const order = await waitFor(`tracking accepted for ${orderKey}`, async () => {
        const answer = await call({ url }, 'GET', `/v1/orders/${encodeURIComponent(orderKey)}`, { key });
        const found = OrderResponseSchema.parse(answer.body).order;
        return found.tracking.status === 'accepted' ? found : null;
      });
      expect(order).toMatchObject({ state: 'SHIPPED', tracking: { status: 'accepted', carrier: 'cj' } });
    }
    expect(child.stderr()).toMatch(/\[demo\] tracking smartstore:demo-[ab]:\d+: accepted/);

    child.process.kill('SIGTERM');
    expect(await child.exit).toBe(0);
  });
});

/** The orders of these that still carry a waybill (a buyer's cancel voids it meanwhile). */
async function stillIssued(url: string, key: string, orderKeys: string[]): Promise<string[]> {
  const states = await Promise.all(
    orderKeys.map(async (orderKey) => {
      const answer = await call({ url }, 'GET', `/v1/orders/${encodeURIComponent(orderKey)}`, { key });
      return OrderResponseSchema.parse(answer.body).order;
    }),
  );
  return states.filter((order) => order.state === 'WAYBILL_ISSUED').map((order) => order.key);
}
