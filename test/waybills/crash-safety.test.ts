import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IssueWaybillsResponseSchema } from '../../shared/api/waybills';
import { CJ_ENDPOINTS, startCjSandbox } from '../../server/carriers/cj';
import { OrderResponseSchema } from '../../shared/api/orders';
import { provisionSeller, type TestSeller } from '../http/support/harness';
import { cleanEnv, REPO_ROOT, runToEnd, spawnChild, type Child } from '../server/support/child';
import { isolatedRedisUrl, openTestStore } from '../support/store';
import { sellerPrefix } from '../../server/store/keys';
import { CJ_CUSTOMER, postOrders, SENDER } from './support/harness';
import { ListWaybillsResponseSchema } from '../../shared/api/waybills';

// A real server process, killed with SIGKILL between CJ's answer to RegBook and the save of that answer (the
// test-only SHEETSHIP_TEST_CJ_SAVE_DELAY_MS holds it there), or while CJ holds its CnclBook call unanswered,
// then started again.
const cj = await startCjSandbox({ customers: [CJ_CUSTOMER] });
mkdirSync(join(REPO_ROOT, 'dist'), { recursive: true });
// Its own build folder inside the repository (so node_modules resolve), never shared with other test files.
const dist = mkdtempSync(join(REPO_ROOT, 'dist', 'crash-'));
const varDir = mkdtempSync(join(tmpdir(), 'sheetship-crash-'));
const children: Child[] = [];
afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  await cj.stop();
  rmSync(dist, { recursive: true, force: true });
  rmSync(varDir, { recursive: true, force: true });
});

const adminKey = randomBytes(24).toString('hex');
const masterKey = randomBytes(32).toString('hex');
const redisUrl = await isolatedRedisUrl();
// Read-only looks at what the server processes left in Redis.
const store = await openTestStore({ url: redisUrl });
const Listening = z.object({ msg: z.literal('listening'), url: z.string(), pid: z.int() });

async function startServer(env: Record<string, string>): Promise<{ url: string; pid: number; child: Child }> {
  const child = spawnChild(
    'node',
    [join(dist, 'server', 'main.js')],
    cleanEnv({
      PORT: '0',
      REDIS_URL: redisUrl,
      SHEETSHIP_ADMIN_KEY: adminKey,
      SHEETSHIP_MASTER_KEY: masterKey,
      SHEETSHIP_DEMO: '0',
      SHEETSHIP_VAR_DIR: varDir,
      SHEETSHIP_CJ_URL: cj.url,
      SHEETSHIP_ISSUE_LEASE_SECONDS: '2',
      LOG_LEVEL: 'info',
      ...env,
    }),
  );
  children.push(child);
  const listening = Listening.parse(await child.logLine((entry) => entry.msg === 'listening', 60_000));
  return { url: listening.url, pid: listening.pid, child };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function issueCall(url: string, seller: TestSeller, orderKeys: string[]): Promise<Response> {
  return fetch(`${url}/v1/waybills`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seller.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ carrier: 'cj', parcels: [{ orderKeys }] }),
  });
}

async function issuedNumber(url: string, seller: TestSeller, orderKeys: string[]): Promise<string> {
  const answer = await issueCall(url, seller, orderKeys);
  expect(answer.status).toBe(200);
  const [result] = IssueWaybillsResponseSchema.parse(await answer.json()).results;
  if (result?.result !== 'applied') throw new Error(JSON.stringify(result));
  return result.waybills[0]?.trackingNumber ?? '';
}

/** The order carries exactly one waybill, with this number, and no other waybill anywhere has it. */
async function expectOneWaybill(url: string, seller: TestSeller, orderKey: string, number: string): Promise<void> {
  const answer = await fetch(`${url}/v1/waybills?orderKey=${encodeURIComponent(orderKey)}`, { headers: { authorization: `Bearer ${seller.key}` } });
  const { waybills } = ListWaybillsResponseSchema.parse(await answer.json());
  expect(waybills.map((waybill) => [waybill.trackingNumber, waybill.voided])).toEqual([[number, false]]);
  expect(new Set(cj.state.issuedInvoices()).size).toBe(cj.state.issuedInvoices().length);
}

/** Starts a server that will stall after RegBook, issues, waits until CJ holds the booking, and kills it. */
async function crashAfterBooking(seller: TestSeller | null, orderKey: (server: { url: string }, seller: TestSeller) => Promise<string>, leaseSeconds = 2) {
  const server = await startServer({ SHEETSHIP_TEST_CJ_SAVE_DELAY_MS: '600000', SHEETSHIP_UPKEEP_SECONDS: '3600', SHEETSHIP_ISSUE_LEASE_SECONDS: String(leaseSeconds) });
  const owner = seller ?? (await provisionSeller({ url: server.url, adminKey }));
  const key = await orderKey(server, owner);
  const live = cj.state.liveBookings().length;
  const pending = issueCall(server.url, owner, [key]).catch(() => null);
  await until(() => cj.state.liveBookings().length === live + 1, 'the booking at CJ');
  process.kill(server.pid, 'SIGKILL');
  expect(await pending).toBeNull();
  await server.child.exit;
  return { seller: owner, key, number: cj.state.liveBookings().at(-1)?.booking.INVC_NO ?? '' };
}

describe('crash safety of CJ issuance and voids', () => {
  it('builds the server', async () => {
    const build = await runToEnd('node', ['build/build.mjs', 'server'], cleanEnv({ SHEETSHIP_DIST: dist }));
    expect(build.code, build.stderr).toBe(0);
  });

  let seller: TestSeller | null = null;
  const newOrder = async (server: { url: string }, owner: TestSeller, id: string): Promise<string> => {
    const settings = await fetch(`${server.url}/v1/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${owner.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ carrierContracts: { cj: SENDER }, waybillSources: { cj: 'cj' } }),
    });
    expect(settings.status).toBe(200);
    for (const [method, path, body] of [
      ['PUT', '/v1/skus', { skus: [{ sku: 'A', name: '상품 A' }] }],
      ['PUT', '/v1/listings', { listings: [{ channel: 'manual', account: 'main', listingId: 'L-A', components: [{ sku: 'A', qty: 1 }] }] }],
      ['POST', '/v1/inventory/adjustments', { adjustments: [{ sku: 'A', kind: 'inbound', quantity: 5 }] }],
    ] as const) {
      const answer = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${owner.key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
    }
    const [key] = await postOrders(server, owner, [{ id }]);
    return key ?? '';
  };

  it('on restart, the recovery cancels the booking whose result was never saved; a new issue books once', async () => {
    const crashed = await crashAfterBooking(seller, (server, owner) => newOrder(server, owner, 'crash-1'));
    seller = crashed.seller;
    expect(cj.state.liveBookingCount(crashed.number)).toBe(1);

    const restarted = await startServer({ SHEETSHIP_UPKEEP_SECONDS: '1' });
    await until(() => cj.state.liveBookingCount(crashed.number) === 0, 'the recovery to cancel the orphaned booking');
    const number = await issuedNumber(restarted.url, seller, [crashed.key]);
    expect(cj.state.liveBookings().map((row) => row.booking.INVC_NO)).toEqual([number]);
    await expectOneWaybill(restarted.url, seller, crashed.key, number);
    process.kill(restarted.pid, 'SIGTERM');
    await restarted.child.exit;
  });

  it('an issue call after a restart settles the abandoned attempt before it books the box again', async () => {
    // The crashed server's lease outlives the restart, so the restarted server's first recovery round leaves the
    // issuance alone and no later round comes: the issue call waits the lease out and settles the attempt itself.
    const crashed = await crashAfterBooking(seller, (server, owner) => newOrder(server, owner, 'crash-2'), 15);
    const restarted = await startServer({ SHEETSHIP_UPKEEP_SECONDS: '3600' });
    const number = await issuedNumber(restarted.url, crashed.seller, [crashed.key]);
    // The box keeps its number; the crashed attempt's booking was cancelled and attempt 2 booked.
    expect(number).toBe(crashed.number);
    const rows = cj.state.bookingRows().filter((row) => row.booking.INVC_NO === number);
    expect(rows.map((row) => row.booking.CUST_USE_NO.slice(-2))).toEqual(['-1', '-2']);
    expect(cj.state.liveBookingCount(number)).toBe(1);
    const again = await issuedNumber(restarted.url, crashed.seller, [crashed.key]);
    expect(again).toBe(number);
    expect(cj.state.liveBookingCount(number)).toBe(1);
    await expectOneWaybill(restarted.url, crashed.seller, crashed.key, number);
    process.kill(restarted.pid, 'SIGTERM');
    await restarted.child.exit;
  });

  it("a cancel whose CJ call dies with its process: after a restart the void worker cancels the booking once the dead call's lease runs out", async () => {
    const server = await startServer({ SHEETSHIP_UPKEEP_SECONDS: '3600', SHEETSHIP_VOID_SECONDS: '1' });
    const owner = seller ?? (await provisionSeller({ url: server.url, adminKey }));
    seller = owner;
    const key = await newOrder(server, owner, 'void-crash');
    const number = await issuedNumber(server.url, owner, [key]);
    expect(cj.state.liveBookingCount(number)).toBe(1);

    // CJ takes the cancel call and never answers it (nor applies it); the process is killed while it waits.
    const cancelsBefore = cj.state.requests(CJ_ENDPOINTS.cancel).length;
    cj.control.inject({ kind: 'timeout', endpoint: CJ_ENDPOINTS.cancel });
    const pending = fetch(`${server.url}/v1/orders/${encodeURIComponent(key)}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'buyer' }),
    }).catch(() => null);
    await until(() => cj.state.requests(CJ_ENDPOINTS.cancel).length === cancelsBefore + 1, 'the cancel call at CJ');
    process.kill(server.pid, 'SIGKILL');
    expect(await pending).toBeNull();
    await server.child.exit;
    expect(cj.state.liveBookingCount(number)).toBe(1);

    const restarted = await startServer({ SHEETSHIP_UPKEEP_SECONDS: '3600', SHEETSHIP_VOID_SECONDS: '1' });
    await until(() => cj.state.liveBookingCount(number) === 0, 'the void worker to cancel the booking');
    const order = OrderResponseSchema.parse(await (await fetch(`${restarted.url}/v1/orders/${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${owner.key}` } })).json()).order;
    expect(order.state).toBe('CANCELLED');
    const listed = await fetch(`${restarted.url}/v1/waybills?orderKey=${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${owner.key}` } });
    expect(ListWaybillsResponseSchema.parse(await listed.json()).waybills.map((waybill) => [waybill.trackingNumber, waybill.voided])).toEqual([[number, true]]);
    // The job is gone with the void, so no later round can call CJ again: two cancel calls in all, the one that
    // died unanswered and the worker's, which CJ applied.
    expect(await store.pool.pick().zCard(`${sellerPrefix(owner.sellerId)}waybill-voids`)).toBe(0);
    expect(cj.state.requests(CJ_ENDPOINTS.cancel).slice(cancelsBefore).map((request) => request.fault)).toEqual(['timeout', null]);
    process.kill(restarted.pid, 'SIGTERM');
    await restarted.child.exit;
  });
});
