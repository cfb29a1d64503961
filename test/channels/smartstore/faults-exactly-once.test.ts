import { describe, expect, it } from 'vitest';
import { ChannelError, type LineOutcome, type Shipment } from '../../../server/channels/connector';
import type { SmartStoreConnector } from '../../../server/channels/smartstore/connector';
import { FAULT_KINDS } from '../../../server/channels/smartstore/sandbox';
import { HOUR_MS, productWithOptions, smartStoreHarness } from './harness';

/**
 * One in five calls fails, in every way the sandbox can fail (before or after applying the request). Driven the
 * way the sync workers drive a connector (retry a thrown poll from the same cursor, retry failed lines), every
 * order arrives exactly once and every line ends dispatched exactly once with its own number.
 */

async function untilDone<T>(label: string, attempt: () => Promise<T | null>): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    try {
      const result = await attempt();
      if (result !== null) return result;
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
    }
  }
  throw new Error(`${label}: not done after 200 tries`);
}

async function settleLines(label: string, lineIds: string[], send: (ids: string[]) => Promise<LineOutcome[]>): Promise<number> {
  let pending = lineIds;
  let rounds = 0;
  await untilDone(label, async () => {
    rounds += 1;
    const outcomes = await send(pending);
    pending = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.lineId);
    return pending.length === 0 ? true : null;
  });
  return rounds;
}

async function pollCaughtUp(connector: SmartStoreConnector, cursor: string | null, since: Date, seen: Map<string, number>): Promise<string> {
  let current = cursor;
  await untilDone('poll', async () => {
    const result = await connector.pollOrders(current, since);
    for (const order of result.orders) for (const line of order.order.lines) seen.set(line.lineId, (seen.get(line.lineId) ?? 0) + 1);
    current = result.cursor;
    return result.more ? null : true;
  });
  if (current === null) throw new Error('no cursor');
  return current;
}

describe('smartstore under 20% mixed faults', () => {
  it.each([7, 42, 2026])('every order arrives once and every dispatch is applied once (seed %i)', async (seed) => {
    const { sandbox, account, connector, clock } = await smartStoreHarness({ connector: { timeoutMs: 150, feed: { pageSize: 10 } } });
    const product = productWithOptions(account, [10_000, 10_000, 10_000]);
    const since = new Date(clock.now() - HOUR_MS);
    sandbox.faults.randomly({ rate: 0.2, kinds: [...FAULT_KINDS].filter((kind) => kind !== 'ip_not_allowed' && kind !== 'unauthorized'), seed, delayMs: 20_000 });
    // On top of chance: the first dispatch and the first confirm are applied and their answers lost, whatever the seed.
    sandbox.faults.inject({ kind: 'applied_then_lost', endpoint: 'product-orders/dispatch' });
    sandbox.faults.inject({ kind: 'applied_then_lost', endpoint: 'product-orders/confirm' });

    const seen = new Map<string, number>();
    let cursor: string | null = null;
    for (let round = 0; round < 8; round += 1) {
      for (let index = 0; index < 25; index += 1) {
        account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[index % 3] ?? null, quantity: 1 + (index % 2) }] });
      }
      clock.advance(5_000);
      cursor = await pollCaughtUp(connector, cursor, since, seen);
    }
    const all = account.productOrderIds();
    expect(all).toHaveLength(200);
    expect([...seen.keys()].sort()).toEqual([...all].sort());
    expect([...seen.values()].every((count) => count === 1)).toBe(true);

    await settleLines('confirm', all, (ids) => connector.confirm(ids));
    const numbers = new Map(all.map((lineId, index) => [lineId, String(600000000000 + index)]));
    const shipment = (lineId: string): Shipment => ({ lineId, carrier: 'cj', carrierCode: 'CJGLS', trackingNumber: numbers.get(lineId) ?? '', dispatchedAt: new Date(clock.now()).toISOString() });
    await settleLines('dispatch', all, (ids) => connector.dispatch(ids.map(shipment)));

    for (const lineId of all) {
      expect(account.productOrder(lineId)).toMatchObject({ placeOrderStatus: 'OK', productOrderStatus: 'DELIVERING', delivery: { trackingNumber: numbers.get(lineId) } });
      expect(account.appliedDispatches(lineId)).toBe(1);
    }
    expect(account.dispatchLog.filter((entry) => entry.result === 'ALREADY_DISPATCHED')).toEqual([]);
    // The mix really happened, lost dispatch answers included.
    expect(sandbox.faults.faults()).toBeGreaterThan(0.15 * sandbox.faults.requests());
    expect(sandbox.faults.faults('product-orders/dispatch', 'applied_then_lost')).toBeGreaterThan(0);
    for (const kind of ['rate_limit', 'quota', 'server', 'timeout', 'malformed', 'applied_then_lost'] as const) expect(sandbox.faults.faults(undefined, kind)).toBeGreaterThan(0);
  });
});
