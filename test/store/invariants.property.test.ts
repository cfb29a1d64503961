import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SellerStore } from '../../server/store';
import { StoreError } from '../../server/store';
import { sellerKeys } from '../../server/store/keys';
import type { OrderInput } from '../../shared/order';
import { RESERVING_STATES } from '../../shared/state-machine';
import { openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

// Four SKUs and set products that share components. L-X starts unmapped (a `map` step maps it); L-D is
// mapped automatically by its lines' seller code.
const SKUS = ['A', 'B', 'C', 'D'] as const;
const LISTINGS: Record<string, Record<string, number>> = { 'L-A': { A: 1 }, 'L-B': { B: 1 }, 'L-AB': { A: 1, B: 2 }, 'L-BC': { B: 1, C: 1 }, 'L-C2': { C: 2 } };
const LISTING_IDS = ['L-A', 'L-B', 'L-AB', 'L-BC', 'L-C2', 'L-X', 'L-D'] as const;
const ORDERS = 5;
const SLOTS = 3;

const orderIndex = fc.integer({ min: 0, max: ORDERS - 1 });
const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const sku = fc.constantFrom(...SKUS);
const CLAIM_KINDS = [
  ['CANCEL', 'REQUESTED'],
  ['CANCEL', 'DONE'],
  ['CANCEL', 'REJECTED'],
  ['RETURN', 'DONE'],
  ['RETURN', 'REQUESTED'],
  ['EXCHANGE', 'DONE'],
] as const;

const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('ingest' as const), o: orderIndex, lines: fc.integer({ min: 1, max: SLOTS }), moved: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('replayIngest' as const), o: orderIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('hold' as const), o: orderIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), o: orderIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cancel' as const), o: orderIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cancelLine' as const), o: orderIndex, slot, qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('mark' as const), o: orderIndex, w: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), o: orderIndex, w: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('ship' as const), o: orderIndex }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delivered' as const), o: orderIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('return' as const), o: orderIndex, slot: fc.option(slot), qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('inbound' as const), sku, qty: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('count' as const), sku, qty: fc.integer({ min: 0, max: 12 }), stale: fc.boolean() }) },
  // A count below what is reserved: the shortage path.
  { weight: 2, arbitrary: fc.record({ t: fc.constant('countBelow' as const), sku, below: fc.integer({ min: 1, max: 4 }) }) },
  // Inbound of exactly what a SHORTAGE misses (plus `extra`): the path that closes it by itself.
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cover' as const), extra: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('safety' as const), sku, qty: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('returnPolicy' as const), quarantine: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('claim' as const), o: orderIndex, kind: fc.integer({ min: 0, max: CLAIM_KINDS.length - 1 }), slot: fc.option(slot), qty: fc.integer({ min: 1, max: 3 }), id: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replayClaim' as const), o: orderIndex }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('map' as const), to: fc.constantFrom('A', 'B', 'D') }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('trim' as const) }) },
  // Moves an order one step along its happy path, so sequences reach shipping, delivery and returns.
  { weight: 12, arbitrary: fc.record({ t: fc.constant('advance' as const), o: orderIndex, partial: fc.boolean() }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Per run: what each order's lines are (the channel's facts stay fixed; only how many have arrived varies). */
const listingChoice = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...LISTING_IDS.filter((id) => id !== 'L-X')) }, { weight: 1, arbitrary: fc.constant('L-X') });
const lineTable = fc.array(fc.array(fc.record({ listing: listingChoice, qty: fc.integer({ min: 1, max: 2 }) }), { minLength: SLOTS, maxLength: SLOTS }), {
  minLength: ORDERS,
  maxLength: ORDERS,
});
const initialStock = fc.array(fc.integer({ min: 3, max: 24 }), { minLength: SKUS.length, maxLength: SKUS.length });
const firstLineCounts = fc.array(fc.integer({ min: 1, max: SLOTS }), { minLength: ORDERS, maxLength: ORDERS });

interface Run {
  s: SellerStore;
  lines: { listing: string; qty: number }[][];
  sent: (OrderInput | undefined)[];
  claims: (Parameters<SellerStore['orders']['recordClaim']>[1] | undefined)[];
  runId: string;
}

const keyOfOrder = (o: number) => `manual:main:p${o}`;

function inputFor(run: Run, o: number, lineCount: number, moved: boolean): OrderInput {
  const lines = run.lines[o]!.slice(0, lineCount).map((line, index) => ({
    lineId: `p${o}-${index}`,
    listingId: line.listing,
    quantity: line.qty,
    ...(line.listing === 'L-D' ? { sellerCode: 'D' } : {}),
  }));
  const base = orderInput([], { orderId: `p${o}`, orderedAt: new Date(Date.UTC(2025, 0, 1, 0, o)).toISOString() });
  return { ...base, lines, receiver: moved ? { ...base.receiver, address1: '부산 해운대구 센텀로 2' } : base.receiver };
}

/** Runs one step; returns whether it must have written nothing (a refusal or a replay). */
async function apply(run: Run, next: Step): Promise<{ unchanged: boolean }> {
  const { s } = run;
  try {
    switch (next.t) {
      case 'ingest': {
        const input = inputFor(run, next.o, next.lines, next.moved);
        const result = await s.orders.ingest(input);
        run.sent[next.o] = input;
        return { unchanged: result.replay };
      }
      case 'replayIngest': {
        const input = run.sent[next.o];
        if (!input) return { unchanged: true };
        const result = await s.orders.ingest(input);
        expect(result.replay).toBe(true);
        return { unchanged: true };
      }
      case 'hold': {
        const result = await s.orders.hold(keyOfOrder(next.o));
        return { unchanged: 'replay' in result && result.replay === true };
      }
      case 'release':
        await s.orders.release(keyOfOrder(next.o));
        return { unchanged: false };
      case 'cancel':
        return { unchanged: (await s.orders.cancel(keyOfOrder(next.o))).replay };
      case 'cancelLine':
        await s.orders.cancelLine(keyOfOrder(next.o), `p${next.o}-${next.slot}`, next.qty);
        return { unchanged: false };
      case 'mark': {
        const result = await s.orders.markWaybillIssued([keyOfOrder(next.o)], { waybillId: `w${next.o}-${next.w}`, carrier: 'cj', trackingNumber: `7000000${next.o}${next.w}`, dispatchNow: false });
        return { unchanged: result.replay };
      }
      case 'void': {
        const before = await s.orders.get(keyOfOrder(next.o));
        await s.orders.voidWaybill([keyOfOrder(next.o)], `w${next.o}-${next.w}`, `7000000${next.o}${next.w}`);
        return { unchanged: !before?.waybillIds?.includes(`w${next.o}-${next.w}`) };
      }
      case 'ship':
        await s.orders.ship([keyOfOrder(next.o)]);
        return { unchanged: false };
      case 'delivered':
        await s.orders.setFlags(keyOfOrder(next.o), { delivered: true });
        return { unchanged: false };
      case 'return':
        await s.orders.returnUnits(keyOfOrder(next.o), next.slot === null ? undefined : { lineId: `p${next.o}-${next.slot}`, quantity: next.qty });
        return { unchanged: false };
      case 'inbound':
        await s.stock.adjust(next.sku, 'inbound', next.qty);
        return { unchanged: false };
      case 'count': {
        const current = (await s.catalog.getSku(next.sku))!.onHand;
        const result = await s.stock.adjust(next.sku, 'set', next.qty, next.stale ? current + 1 : current);
        expect(result.status).toBe(next.stale ? 'conflict' : 'applied');
        return { unchanged: next.stale };
      }
      case 'countBelow': {
        // Below what orders with waybills hold, which a shortage cannot take back: a SHORTAGE when there are any.
        const current = (await s.catalog.getSku(next.sku))!;
        const orders = await s.orders.getMany(Array.from({ length: ORDERS }, (_, o) => keyOfOrder(o)));
        const withWaybills = orders.filter((order) => order.state === 'WAYBILL_ISSUED').reduce((sum, order) => sum + (order.allocation[next.sku] ?? 0), 0);
        await s.stock.adjust(next.sku, 'set', Math.max(0, (withWaybills || current.reserved) - next.below), current.onHand);
        return { unchanged: false };
      }
      case 'cover': {
        const shortage = (await s.alerts.list()).find((alert) => alert.type === 'SHORTAGE');
        if (!shortage) return { unchanged: true };
        await s.stock.adjust(shortage.subject, 'inbound', Number(shortage.detail.missing) + next.extra);
        return { unchanged: false };
      }
      case 'safety':
        await s.stock.adjust(next.sku, 'safety', next.qty);
        return { unchanged: false };
      case 'returnPolicy':
        await s.settings.patch({ returnPolicy: next.quarantine ? 'quarantine' : 'restock' });
        return { unchanged: false };
      case 'claim': {
        const [type, status] = CLAIM_KINDS[next.kind]!;
        const claim = {
          claimId: `c${next.o}-${next.id}`,
          type,
          status,
          ...(next.slot === null ? { quantity: 0 } : { quantity: next.qty, lineId: `p${next.o}-${next.slot}` }),
        };
        const result = await s.orders.recordClaim(keyOfOrder(next.o), claim);
        run.claims[next.o] = claim;
        return { unchanged: !result.applied };
      }
      case 'replayClaim': {
        const claim = run.claims[next.o];
        if (!claim) return { unchanged: true };
        const result = await s.orders.recordClaim(keyOfOrder(next.o), claim);
        expect(result.applied).toBe(false);
        return { unchanged: true };
      }
      case 'map': {
        const [result] = await s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L-X', components: [{ sku: next.to, qty: 1 }] }]);
        expect(result?.status).not.toBe('error');
        return { unchanged: false };
      }
      case 'trim':
        await s.stock.trim(new Date(Date.now() + 1000), new Date(0));
        return { unchanged: false };
      case 'advance': {
        const order = await s.orders.get(keyOfOrder(next.o));
        const waybill = { o: next.o, w: 0 };
        if (order?.state === 'ALLOCATED') return apply(run, { t: 'mark', ...waybill });
        if (order?.state === 'WAYBILL_ISSUED') return apply(run, { t: 'ship', o: next.o });
        if (order?.state === 'SHIPPED' && !next.partial) return apply(run, { t: 'delivered', o: next.o });
        if (order?.state === 'SHIPPED' || order?.state === 'DELIVERED') return apply(run, { t: 'return', o: next.o, slot: next.partial ? 0 : null, qty: 1 });
        return { unchanged: true };
      }
    }
  } catch (error) {
    // Refusals are business rules; anything else (a validation error, a crash) is a failure.
    if (error instanceof StoreError) return { unchanged: true };
    throw error;
  }
}

/** What a refusal or a replay must leave exactly as it was. */
async function snapshot(run: Run): Promise<unknown> {
  const redis = store.pool.pick();
  const keys = sellerKeys(run.runId);
  return Promise.all([
    ...SKUS.map((code) => redis.hGetAll(keys.sku(code))),
    redis.mGet(Array.from({ length: ORDERS }, (_, o) => keys.order(keyOfOrder(o)))),
    redis.xLen(keys.ledger),
    redis.xLen(keys.outbox),
    redis.hGetAll(keys.alerts),
    redis.get(keys.seq),
  ]);
}

async function checkInvariants(run: Run): Promise<void> {
  const { s } = run;
  const orders = await s.orders.getMany(Array.from({ length: ORDERS }, (_, o) => keyOfOrder(o)));
  const alerts = new Set((await s.alerts.list()).map((alert) => alert.id));
  const allocated: Record<string, number> = {};
  for (const order of orders) {
    const reserving = RESERVING_STATES.includes(order.state);
    if (!reserving) expect(order.allocation, `${order.key} in ${order.state} reserves nothing`).toEqual({});
    else {
      // What it reserves is exactly its open units times the components each line was reserved under.
      const expected: Record<string, number> = {};
      for (const line of order.lines) {
        for (const component of line.components ?? []) expected[component.sku] = (expected[component.sku] ?? 0) + component.qty * (line.quantity - line.cancelled);
      }
      for (const code of Object.keys(expected)) if (expected[code] === 0) delete expected[code];
      expect(order.allocation, `${order.key}: allocation = open units x components`).toEqual(expected);
    }
    expect(order.heldReason === null, `${order.key}: held reason iff HELD`).toBe(order.state !== 'HELD');
    for (const [code, units] of Object.entries(order.allocation)) {
      expect(units).toBeGreaterThan(0);
      allocated[code] = (allocated[code] ?? 0) + units;
    }
  }
  for (const code of SKUS) {
    const sku = (await s.catalog.getSku(code))!;
    for (const counter of ['onHand', 'reserved', 'safety', 'quarantine'] as const) expect(sku[counter], `${code}.${counter}`).toBeGreaterThanOrEqual(0);
    const shortage = alerts.has(`SHORTAGE:${code}`);
    expect(sku.reserved > sku.onHand, `${code}: reserved > onHand exactly while SHORTAGE is open`).toBe(shortage);
    expect(sku.reserved, `${code}: reserved = sum of allocations`).toBe(allocated[code] ?? 0);
    expect(await s.stock.ledgerTotals(code), `${code}: ledger columns sum to counters`).toEqual({ onHand: sku.onHand, reserved: sku.reserved, safety: sku.safety, quarantine: sku.quarantine });
  }
}

describe('stock invariants under random operation sequences', () => {
  it('hold after every step, and refusals and replays write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(lineTable, initialStock, firstLineCounts, fc.array(step, { minLength: 5, maxLength: 40 }), async (lines, stock, lineCounts, steps) => {
        const runId = testSellerId('prop');
        const s = store.forSeller(runId);
        await seedCatalog(s, { stock: Object.fromEntries(SKUS.map((code, index) => [code, stock[index]!])), listings: LISTINGS });
        const run: Run = { s, lines, sent: [], claims: [], runId };
        const opening = lineCounts.map((count, o): Step => ({ t: 'ingest', o, lines: count, moved: false }));
        for (const next of [...opening, ...steps]) {
          const before = await snapshot(run);
          const { unchanged } = await apply(run, next);
          if (unchanged) expect(await snapshot(run), `${JSON.stringify(next)} wrote something`).toEqual(before);
          await checkInvariants(run);
        }
      }),
      { numRuns: 40 },
    );
  });
});
