import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/alerts';
import type { SellerSettingsPatch } from '../../shared/settings';
import { evaluateSellerAlerts } from '../../server/alerts/evaluate';
import { markTrackingUploaded } from '../../server/shipping/tracking-uploaded';
import type { SellerStore } from '../../server/store';
import { WaybillStore } from '../../server/waybills/waybill-store';
import { keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();
const MINUTE = 60_000;
const kst = (text: string) => Date.parse(`${text}+09:00`);

async function seller(settings: SellerSettingsPatch): Promise<{ s: SellerStore; waybills: WaybillStore }> {
  const id = testSellerId('alerts');
  const s = store.forSeller(id, 'test');
  await seedCatalog(s, { stock: { A: 100 }, listings: { 'L-A': { A: 1 } } });
  await s.settings.patch(settings);
  return { s, waybills: new WaybillStore(store.sellerContext(id, 'test')) };
}

async function evaluate(s: SellerStore, waybills: WaybillStore, at: number): Promise<Alert[]> {
  await evaluateSellerAlerts(s, waybills, at);
  return s.alerts.list();
}

const ofType = (alerts: Alert[], type: Alert['type']) => alerts.filter((alert) => alert.type === type);

let typed = 0;
/** Attaches a typed CJ number to one order, as POST /v1/waybills does. */
async function issueTyped(waybills: WaybillStore, key: string): Promise<void> {
  typed += 1;
  const reply = await waybills.issueBatch('cj', false, [{ index: 0, orderKeys: [key], packages: 1, trackingNumber: `6${String(typed).padStart(11, '0')}` }]);
  expect(reply.results[0]?.result).toBe('applied');
}

describe('time- and count-based alerts', () => {
  it('CUTOFF_RISK: orders without a waybill from the lead time before today’s cutoff, critical after it, none on a holiday', async () => {
    const { s, waybills } = await seller({ cutoffs: { cj: '16:00' }, alerts: { cutoffLeadMinutes: 60 } });
    const [first, second] = [orderInput([{ listingId: 'L-A', quantity: 1 }]), orderInput([{ listingId: 'L-A', quantity: 1 }])];
    await s.orders.ingest(first);
    await s.orders.ingest(second);

    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T14:30:00')), 'CUTOFF_RISK')).toEqual([]);
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T15:10:00')), 'CUTOFF_RISK')).toEqual([
      expect.objectContaining({ subject: 'cj', severity: 'warning', detail: expect.objectContaining({ cutoff: '16:00', count: 2, passed: false, minutesLeft: 50, carrierName: 'CJ대한통운' }) }),
    ]);
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T16:30:00')), 'CUTOFF_RISK')).toEqual([expect.objectContaining({ severity: 'critical', detail: expect.objectContaining({ passed: true }) })]);

    await issueTyped(waybills, keyOf(first));
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T16:31:00')), 'CUTOFF_RISK')[0]?.detail).toMatchObject({ count: 1 });
    // The next morning is before the lead time again; a CJ holiday has no cutoff at all.
    expect(ofType(await evaluate(s, waybills, kst('2024-05-03T09:00:00')), 'CUTOFF_RISK')).toEqual([]);
    await s.settings.patch({ holidays: [{ date: '2024-05-03', carriers: ['cj'] }] });
    expect(ofType(await evaluate(s, waybills, kst('2024-05-03T15:30:00')), 'CUTOFF_RISK')).toEqual([]);
    await s.settings.patch({ holidays: [{ date: '2024-05-03', carriers: ['lotte'] }] });
    expect(ofType(await evaluate(s, waybills, kst('2024-05-03T15:30:00')), 'CUTOFF_RISK')).toHaveLength(1);
    await issueTyped(waybills, keyOf(second));
    expect(ofType(await evaluate(s, waybills, kst('2024-05-03T15:31:00')), 'CUTOFF_RISK')).toEqual([]);
  });

  it('DEADLINE_RISK: near the channel’s dispatch deadline (warning), past it (critical), gone once shipped', async () => {
    const { s, waybills } = await seller({ alerts: { deadlineLeadMinutes: 240 } });
    const order = orderInput([{ listingId: 'L-A', quantity: 1 }], { dueAt: '2024-05-02T18:00:00+09:00' });
    await s.orders.ingest(order);
    const key = keyOf(order);
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T13:00:00')), 'DEADLINE_RISK')).toEqual([]);
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T14:30:00')), 'DEADLINE_RISK')).toEqual([expect.objectContaining({ subject: key, severity: 'warning' })]);
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T18:30:00')), 'DEADLINE_RISK')).toEqual([expect.objectContaining({ severity: 'critical', detail: expect.objectContaining({ passed: true }) })]);
    await issueTyped(waybills, key);
    await s.orders.ship([key]);
    expect(ofType(await evaluate(s, waybills, kst('2024-05-02T18:31:00')), 'DEADLINE_RISK')).toEqual([]);
  });

  it('TRACKING_MISSING (송장 누락): shipped orders the channel has not accepted after the grace time, with its message', async () => {
    const { s, waybills } = await seller({ alerts: { trackingGraceMinutes: 60 } });
    const order = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(order);
    const key = keyOf(order);
    await issueTyped(waybills, key);
    await s.orders.ship([key]);
    const shippedAt = Date.now();
    expect(ofType(await evaluate(s, waybills, shippedAt + 30 * MINUTE), 'TRACKING_MISSING')).toEqual([]);
    await s.orders.setFlags(key, { tracking: { status: 'rejected', message: '택배사 코드가 올바르지 않습니다' } });
    expect(ofType(await evaluate(s, waybills, shippedAt + 61 * MINUTE), 'TRACKING_MISSING')).toEqual([
      expect.objectContaining({ subject: key, severity: 'critical', detail: expect.objectContaining({ status: 'rejected', message: '택배사 코드가 올바르지 않습니다' }) }),
    ]);
    await s.orders.setFlags(key, { tracking: { status: 'accepted' } });
    expect(ofType(await evaluate(s, waybills, shippedAt + 120 * MINUTE), 'TRACKING_MISSING')).toEqual([]);
    expect(await waybills.ctx.redis().zCard(waybills.keys.trackingWatch)).toBe(0);
  });

  it('TRACKING_MISSING for 오늘의집: raised until the seller marks the upload done (업로드 완료), never after it', async () => {
    const { s, waybills } = await seller({ alerts: { trackingGraceMinutes: 60 } });
    // The seller code equals the SKU, so the file channel's lines map themselves.
    const [late, early] = [0, 1].map(() => orderInput([{ listingId: 'A', sellerCode: 'A', quantity: 1 }], { channel: 'ohouse' }));
    const keys = [keyOf(late!), keyOf(early!)];
    for (const [index, order] of [late!, early!].entries()) {
      expect((await s.orders.ingest(order)).status).toBe('ALLOCATED');
      await issueTyped(waybills, keys[index]!);
    }
    await s.orders.ship(keys);
    const shippedAt = Date.now();
    expect(await markTrackingUploaded(s, [keys[1]!])).toEqual([{ orderKey: keys[1], result: 'applied' }]);
    expect(ofType(await evaluate(s, waybills, shippedAt + 61 * MINUTE), 'TRACKING_MISSING').map((alert) => alert.subject)).toEqual([keys[0]]);
    expect(await markTrackingUploaded(s, [keys[0]!])).toEqual([{ orderKey: keys[0], result: 'applied' }]);
    expect(ofType(await evaluate(s, waybills, shippedAt + 62 * MINUTE), 'TRACKING_MISSING')).toEqual([]);
    expect(ofType(await evaluate(s, waybills, shippedAt + 24 * 60 * MINUTE), 'TRACKING_MISSING')).toEqual([]);
  });

  it('UNSHIPPED_WAYBILLS over the limit, and stale address alerts close', async () => {
    const { s, waybills } = await seller({ alerts: { unshippedWaybillsMax: 1 } });
    const [shipped, waiting] = [orderInput([{ listingId: 'L-A', quantity: 1 }]), orderInput([{ listingId: 'L-A', quantity: 1 }])];
    for (const order of [shipped, waiting]) {
      await s.orders.ingest(order);
      await issueTyped(waybills, keyOf(order));
    }
    const now = Date.now();
    expect(ofType(await evaluate(s, waybills, now), 'UNSHIPPED_WAYBILLS')).toEqual([expect.objectContaining({ subject: 'cj', detail: { carrier: 'cj', count: 2, max: 1 } })]);
    await s.orders.ship([keyOf(shipped)]);
    expect(ofType(await evaluate(s, waybills, now), 'UNSHIPPED_WAYBILLS')).toEqual([]);

    // Raised while the order was held for its address; the seller fixed it and released the order.
    await s.alerts.raise('UNDELIVERABLE_ADDRESS', 'critical', keyOf(waiting), { orderKey: keyOf(waiting) });
    expect(ofType(await evaluate(s, waybills, now), 'UNDELIVERABLE_ADDRESS')).toEqual([]);
  });
});
