import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RecordingBackend, type GasBackend } from './support/backend';
import { demoSeller } from './support/demo-seller';
import { skipBrowserSuite, useBrowserHarness } from './support/harness';
import { eventually, recordTones, sidebarReady, textOf, TONE, tonesHeard } from './support/page-helpers';
import type { SellerBackend } from './support/seller-backend';

/** Holds every scan until the test lets it through, counting how many wait at once. */
class ScanGate implements GasBackend {
  readonly waiting: (() => void)[] = [];
  maxWaiting = 0;

  constructor(private readonly inner: GasBackend) {}

  call(name: string, argument: unknown): unknown {
    if (name !== 'scan') return this.inner.call(name, argument);
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(this.inner.call(name, argument)));
      this.maxWaiting = Math.max(this.maxWaiting, this.waiting.length);
    });
  }

  releaseAll(): number {
    const released = this.waiting.splice(0);
    for (const release of released) release();
    return released.length;
  }
}

async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

function entries(page: Page) {
  return page.locator('#scan-list .scan-entry').evaluateAll((items) =>
    items.map((item) => {
      const row = item as HTMLElement;
      return { seq: Number(row.dataset['seq']), code: row.querySelector('.scan-code')?.textContent, status: row.dataset['status'], reason: row.dataset['reason'], text: row.querySelector('.scan-text')?.textContent };
    }),
  );
}

describe.skipIf(skipBrowserSuite)('scan station in Chromium', () => {
  const harness = useBrowserHarness();

  async function openScanStation(wrap: (seller: SellerBackend) => GasBackend = (seller) => seller) {
    const seller = demoSeller();
    const backend = new RecordingBackend(wrap(seller));
    const opened = await harness().open(backend, { beforeLoad: (page) => page.addInitScript(recordTones) });
    await sidebarReady(opened.page);
    await opened.page.click('#scan-button');
    return { ...opened, seller, backend };
  }

  it('acknowledges a scan at once, then shows the shipment in green with its sound', async () => {
    let release = () => undefined as void;
    const { page, backend, seller, errors } = await openScanStation((s) => {
      s.holdOnce('scan', new Promise<void>((resolve) => (release = resolve)));
      return s;
    });
    await scan(page, '600000000101');
    // Before the server answers: the scan is listed, marked pending, and the click was heard.
    await eventually(() => entries(page)).toEqual([{ seq: 1, code: '600000000101', status: 'sending', reason: '', text: '확인 중…' }]);
    expect(await tonesHeard(page)).toEqual([TONE.ack]);
    release();
    await eventually(() => entries(page)).toEqual([{ seq: 1, code: '600000000101', status: 'ok', reason: 'OK', text: '출고 완료' }]);
    expect(await page.locator('#scan-list .scan-entry').getAttribute('class')).toContain('scan-ok');
    expect(await page.locator('#scan-last').getAttribute('class')).toContain('scan-ok');
    expect(await textOf(page, '#scan-last .scan-last-text')).toBe('출고 완료');
    expect(await tonesHeard(page)).toEqual([TONE.ack, TONE.ok, 1320]);
    expect(backend.callsOf('scan')).toEqual([{ name: 'scan', argument: { code: '600000000101', mode: 'ship' } }]);
    expect(seller.order('coupang:hanul:31000021').state).toBe('SHIPPED');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
    expect(errors).toEqual([]);
  });

  it('shows a refused scan in red with the reason in Korean and the refusal sound', async () => {
    const { page } = await openScanStation();
    await scan(page, '600000000301');
    await eventually(() => entries(page)).toEqual([{ seq: 1, code: '600000000301', status: 'refused', reason: 'CANCEL_REQUESTED', text: '취소 요청된 주문입니다. 출고하지 마세요' }]);
    expect(await page.locator('#scan-list .scan-entry').getAttribute('class')).toContain('scan-refused');
    expect(await page.locator('#scan-last').getAttribute('class')).toContain('scan-refused');
    expect(await tonesHeard(page)).toEqual([TONE.ack, TONE.refused, 160]);
    await scan(page, 'NOT-A-WAYBILL');
    await eventually(() => textOf(page, '#scan-last .scan-last-text')).toBe('알 수 없는 바코드입니다');
    expect(await textOf(page, '#scan-tally')).toBe('성공 0 · 거부 2 · 대기 0');
  });

  it('twenty scans in a burst are all processed in scan order, at most three at a time', async () => {
    let gate = new ScanGate(demoSeller());
    const { page, backend, seller } = await openScanStation((s) => (gate = new ScanGate(s)));
    // Fifteen parcels ready to ship, and five codes nobody knows, interleaved.
    const ready = seller.orders.filter((order) => order.state === 'ALLOCATED').slice(0, 10);
    ready.forEach((order, index) => {
      order.state = 'WAYBILL_ISSUED';
      order.trackingNumber = `7000000000${String(index).padStart(2, '0')}`;
    });
    const parcels = seller.orders.filter((order) => order.state === 'WAYBILL_ISSUED' && !order.cancelRequested).map((order) => order.trackingNumber ?? '');
    expect(parcels).toHaveLength(15);
    const codes = Array.from({ length: 20 }, (_, index) => (index % 4 === 3 ? `UNKNOWN-${index}` : (parcels.shift() ?? '')));
    for (const code of codes) await scan(page, code);
    await eventually(() => page.locator('#scan-list .scan-entry').count()).toBe(20);
    await eventually(() => gate.waiting.length).toBe(3);
    let released = 0;
    while (released < 20) {
      await eventually(() => gate.waiting.length).toBeGreaterThan(0);
      released += gate.releaseAll();
    }
    await eventually(() => page.locator('#scan-list .scan-entry[data-status="waiting"], #scan-list .scan-entry[data-status="sending"]').count()).toBe(0);
    expect(gate.maxWaiting).toBe(3);
    expect(backend.callsOf('scan').map((call) => (call.argument as { code: string }).code)).toEqual(codes);
    const shown = (await entries(page)).reverse();
    expect(shown.map((entry) => entry.code)).toEqual(codes);
    expect(shown.map((entry) => entry.seq)).toEqual(codes.map((_, index) => index + 1));
    expect(shown.map((entry) => entry.reason)).toEqual(codes.map((code) => (code.startsWith('UNKNOWN') ? 'UNKNOWN_BARCODE' : 'OK')));
    expect(await textOf(page, '#scan-tally')).toBe('성공 15 · 거부 5 · 대기 0');
    // Shipping changed the orders, so the sheets are refreshed once the queue is empty.
    await eventually(() => backend.callsOf('refresh').length).toBe(1);
  });

  it('a double scan of one parcel ships it once and refuses the second scan', async () => {
    const { page, seller } = await openScanStation();
    await scan(page, '600000000102');
    await scan(page, '600000000102');
    await eventually(() => entries(page).then((rows) => rows.map((row) => [row.seq, row.reason]))).toEqual([
      [2, 'ALREADY_SHIPPED'],
      [1, 'OK'],
    ]);
    expect((await entries(page))[0]?.text).toBe('이미 출고된 송장입니다 (이중 출고 방지)');
    expect(seller.order('coupang:hanul:31000022').state).toBe('SHIPPED');
  });

  it('verify mode checks the items of a parcel until it is packed, refusing a wrong item and an over-scan', async () => {
    const { page, backend, seller } = await openScanStation();
    await page.click('label[for="scan-mode-verify"]');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
    expect(await page.locator('#scan-input').getAttribute('placeholder')).toBe('송장, 그다음 상품 바코드를 스캔하세요');
    for (const code of ['600000000104', '8801234567890', '8801111111111', '8801234567890', '8801234567890', '8809876543210']) await scan(page, code);
    await eventually(() => entries(page).then((rows) => rows.map((row) => row.reason).reverse())).toEqual(['OK', 'OK', 'WRONG_ITEM', 'OK', 'OVER_SCAN', 'PACKED']);
    const rows = (await entries(page)).reverse();
    expect(rows[2]?.text).toBe('이 상자에 없는 상품입니다');
    expect(rows[4]?.text).toBe('주문 수량보다 많이 스캔했습니다 · 2/3');
    expect(rows[5]?.text).toBe('검수 완료, 포장 끝 · 3/3');
    expect(backend.callsOf('scan').every((call) => (call.argument as { mode: string }).mode === 'verify')).toBe(true);
    expect(seller.order('coupang:hanul:31000024').packed).toBe(true);
  });

  it('keeps the focus on the scan input after clicks elsewhere in the panel', async () => {
    const { page } = await openScanStation();
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.click('#scan-tally');
    await eventually(focused).toBe('scan-input');
    // The mode that is already on: no change event, yet the radio took the focus.
    await page.click('label[for="scan-mode-ship"]');
    await eventually(focused).toBe('scan-input');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await eventually(focused).toBe('scan-input');
  });

  it('shows a failed scan call as a readable error', async () => {
    const { page } = await openScanStation((s) => {
      s.failOnce('scan', { code: 'error.UNAUTHORIZED', params: {} });
      return s;
    });
    await scan(page, '600000000101');
    await eventually(() => entries(page)).toEqual([{ seq: 1, code: '600000000101', status: 'error', reason: 'error.UNAUTHORIZED', text: 'API 키가 없거나 올바르지 않습니다' }]);
    expect(await tonesHeard(page)).toEqual([TONE.ack, TONE.error, 330]);
  });
});
