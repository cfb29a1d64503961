import { describe, expect, it } from 'vitest';
import { RecordingBackend } from './support/backend';
import { demoSeller } from './support/demo-seller';
import { skipBrowserSuite, useBrowserHarness } from './support/harness';
import { eventually, sidebarReady, textOf } from './support/page-helpers';

describe.skipIf(skipBrowserSuite)('sidebar buttons in Chromium', () => {
  const harness = useBrowserHarness();

  async function openDemo(setup: (seller: ReturnType<typeof demoSeller>) => void = () => undefined) {
    const seller = demoSeller();
    seller.labelOrigin = harness().origin;
    setup(seller);
    const backend = new RecordingBackend(seller);
    const opened = await harness().open(backend);
    await sidebarReady(opened.page);
    return { ...opened, seller, backend };
  }

  it('shows the connection, the counts per state and the open alerts, most urgent first', async () => {
    const { page, backend, errors } = await openDemo((seller) => seller.alerts.reverse());
    expect(backend.calls[0]).toEqual({ name: 'getSidebarState', argument: {} });
    expect(await textOf(page, '#connection-text')).toBe('연결됨');
    expect(await textOf(page, '#connection-who')).toBe('하늘상점 · packer-1');
    expect(await textOf(page, '#last-sync')).toBe('마지막 동기화 2025-11-26 10:41');
    const tiles = await page.locator('#counts .tile').evaluateAll((items) => items.map((item) => [(item as HTMLElement).dataset['state'], item.querySelector('.tile-count')?.textContent]));
    expect(tiles).toEqual([['HELD', '3'], ['ALLOCATED', '12'], ['WAYBILL_ISSUED', '6'], ['SHIPPED', '36']]);
    expect(await textOf(page, '#counts-others')).toBe('배송완료 128 · 취소 4 · 반품 2');
    expect(await page.locator('#alerts .alert').evaluateAll((items) => items.map((item) => item.className))).toEqual(['alert alert-critical', 'alert alert-warning', 'alert alert-info']);
    expect(await textOf(page, '#alert-count')).toBe('3');
    expect(errors).toEqual([]);
  });

  it('송장 발급 issues waybills with the chosen carrier, then refreshes', async () => {
    const { page, backend, seller } = await openDemo((s) => s.check('smartstore:hanul:2025112612001', 'smartstore:hanul:2025112612002'));
    await page.selectOption('#carrier-select', 'hanjin');
    await page.click('#issue-button');
    await eventually(() => textOf(page, '#result')).toContain('송장 2건 발급, 실패 0건');
    expect(backend.callsOf('issueWaybills')).toEqual([{ name: 'issueWaybills', argument: { carrier: 'hanjin' } }]);
    expect(seller.order('smartstore:hanul:2025112612001').state).toBe('WAYBILL_ISSUED');
    await eventually(() => textOf(page, '#counts [data-state="WAYBILL_ISSUED"] .tile-count')).toBe('8');
    expect(backend.callsOf('refresh')).toHaveLength(1);
  });

  it('a double click on 송장 발급 sends one request', async () => {
    let release = () => undefined as void;
    const { page, backend } = await openDemo((s) => {
      s.check('smartstore:hanul:2025112612003');
      s.holdOnce('issueWaybills', new Promise<void>((resolve) => (release = resolve)));
    });
    await page.dblclick('#issue-button');
    await eventually(() => backend.callsOf('issueWaybills').length).toBe(1);
    expect(await page.locator('#issue-button').isDisabled()).toBe(true);
    release();
    await eventually(() => textOf(page, '#result')).toContain('송장 1건 발급');
    expect(backend.callsOf('issueWaybills')).toHaveLength(1);
    expect(await page.locator('#issue-button').isDisabled()).toBe(false);
  });

  it('일괄 출고 ships the checked rows and lists each refusal with its reason', async () => {
    const { page, backend, seller } = await openDemo((s) => s.check('coupang:hanul:31000021', 'coupang:hanul:31000022', 'cafe24:hanulmall:20251126-0000020'));
    await page.click('#ship-button');
    await eventually(() => textOf(page, '#result')).toContain('2건 출고, 실패 1건');
    expect(backend.callsOf('bulkShip')).toEqual([{ name: 'bulkShip', argument: {} }]);
    expect(await textOf(page, '#result .result-failures')).toBe('cafe24:hanulmall:20251126-0000020: 취소 요청된 주문입니다. 출고하지 마세요');
    expect(await page.locator('#result').getAttribute('data-kind')).toBe('warning');
    expect(seller.order('coupang:hanul:31000021').state).toBe('SHIPPED');
  });

  it('라벨 인쇄 opens a tab at once and sends it to the signed URL', async () => {
    const { page, backend } = await openDemo((s) => s.check('coupang:hanul:31000021', 'coupang:hanul:31000022'));
    const popup = page.waitForEvent('popup');
    await page.click('#print-button');
    const tab = await popup;
    await tab.waitForURL(/\/labels\/batch-1\.pdf\?sig=test$/);
    expect(backend.callsOf('printLabels')).toEqual([{ name: 'printLabels', argument: { carrier: 'cj' } }]);
    await eventually(() => textOf(page, '#result')).toBe('라벨 2장을 새 탭에서 열었습니다');
    await tab.close();
  });

  it('라벨 인쇄 offers a link when the browser blocked the pop-up', async () => {
    const { page, backend, seller } = await openDemo((s) => s.check('coupang:hanul:31000023'));
    await page.evaluate(() => {
      window.open = () => null;
    });
    await page.click('#print-button');
    await eventually(() => textOf(page, '#result .result-text')).toBe('팝업이 차단되었습니다. 링크를 눌러 라벨을 여세요');
    expect(await page.locator('#result a').getAttribute('href')).toBe(`${seller.labelOrigin}/labels/batch-1.pdf?sig=test`);
    expect(await page.locator('#result a').getAttribute('target')).toBe('_blank');
    expect(backend.callsOf('printLabels')).toHaveLength(1);
  });

  it('새로고침 refreshes and reports the rows updated', async () => {
    const { page, backend, seller } = await openDemo();
    await page.click('#refresh-button');
    await eventually(() => textOf(page, '#result')).toBe(`새로고침 완료: ${seller.orders.length}행 갱신`);
    expect(backend.callsOf('refresh')).toEqual([{ name: 'refresh', argument: {} }]);
    expect(await textOf(page, '#last-sync')).toBe('마지막 동기화 2025-11-26 10:42');
  });

  it('설정 opens the settings dialog', async () => {
    const { page, backend } = await openDemo();
    await page.click('#settings-button');
    await eventually(() => backend.names()).toContain('openSettings');
    expect(backend.callsOf('openSettings')).toEqual([{ name: 'openSettings', argument: {} }]);
  });

  it('확인 acknowledges one alert and removes it', async () => {
    const { page, backend, seller } = await openDemo();
    await page.locator('[data-alert-id="SHORTAGE:TEE-BLK-L"] button').click();
    await eventually(() => page.locator('#alerts .alert').count()).toBe(2);
    expect(backend.callsOf('ackAlert')).toEqual([{ name: 'ackAlert', argument: { id: 'SHORTAGE:TEE-BLK-L' } }]);
    expect(seller.alerts.map((alert) => alert.id)).not.toContain('SHORTAGE:TEE-BLK-L');
    expect(await textOf(page, '#alert-count')).toBe('2');
  });

  it('스캔 출고 switches to the scan station with the input focused', async () => {
    const { page } = await openDemo();
    await page.click('#scan-button');
    expect(await page.locator('#scan-panel').isVisible()).toBe(true);
    expect(await page.locator('#main-panel').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
    await page.click('#scan-exit');
    expect(await page.locator('#main-panel').isVisible()).toBe(true);
  });
});
