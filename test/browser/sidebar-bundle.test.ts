import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersLayout } from '../../shared/sheets/layouts';
import { call, type TestSeller } from '../http/support/harness';
import { rowOf } from '../addon/support/rows';
import { startServerProcess, type ServerProcess } from '../addon/support/server-process';
import { readyToShip, seedShop } from '../addon/support/shop';
import { buildAddonBundle, loadBundle, type LoadedBundle } from '../bundle/support/bundle';
import { RecordingBackend } from './support/backend';
import { BundleBackend } from './support/bundle-backend';
import { skipBrowserSuite, useBrowserHarness } from './support/harness';
import { eventually, sidebarReady, textOf } from './support/page-helpers';

describe.skipIf(skipBrowserSuite)('the sidebar in Chromium, backed by the built add-on and a real server', () => {
  const harness = useBrowserHarness();
  let built: { dir: string; remove(): void };
  let server: ServerProcess;
  let seller: TestSeller;
  let bundle: LoadedBundle;
  let shop: { allocated: string[]; held: string };

  beforeAll(async () => {
    [built, server] = await Promise.all([buildAddonBundle(), startServerProcess()]);
    seller = await server.seller('하늘상점');
    shop = await seedShop(server, seller);
    await readyToShip(server, seller);
    bundle = loadBundle(built.dir);
    bundle.call('saveConnectionSettings', { serverUrl: server.url, apiKey: seller.key, language: 'ko' });
    bundle.call('refresh', {});
  });
  afterAll(async () => {
    await bundle.gas.UrlFetchApp.close();
    built.remove();
  });

  async function openSidebar() {
    const backend = new RecordingBackend(new BundleBackend(bundle));
    const opened = await harness().open(backend);
    await sidebarReady(opened.page);
    return { ...opened, backend };
  }

  function check(...keys: string[]): void {
    const sheet = bundle.gas.spreadsheet!.sheet('주문');
    for (const row of sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().keys()) sheet.grid.cell(row + 2, 1).value = false;
    for (const key of keys) sheet.grid.cell(rowOf(sheet, ordersLayout, key), 1).value = true;
  }

  it('shows the connection, the counts from the sheet and the open alerts from the server', async () => {
    const { page, errors, backend } = await openSidebar();
    expect(backend.names()[0]).toBe('getSidebarState');
    expect(await textOf(page, '#connection-text')).toBe('연결됨');
    expect(await textOf(page, '#connection-who')).toBe('하늘상점 · owner');
    expect(await textOf(page, '#counts [data-state="ALLOCATED"] .tile-count')).toBe('3');
    expect(await textOf(page, '#counts [data-state="HELD"] .tile-count')).toBe('1');
    expect(await textOf(page, '#alerts')).toContain('manual:main:NEW-LISTING');
    expect(await textOf(page, '#last-sync')).toMatch(/^마지막 동기화 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(errors).toEqual([]);
  });

  it('새로고침 runs the add-on refresh and reports it', async () => {
    const { page, backend } = await openSidebar();
    await page.click('#refresh-button');
    await eventually(() => textOf(page, '#result')).toMatch(/^새로고침 완료: \d+행 갱신$/);
    expect(backend.callsOf('refresh')).toEqual([{ name: 'refresh', argument: {} }]);
  });

  it('the action buttons call their add-on functions, and "nothing checked" is a readable error', async () => {
    check();
    const { page, backend } = await openSidebar();
    for (const [button, name] of [
      ['#issue-button', 'issueWaybills'],
      ['#ship-button', 'bulkShip'],
    ] as const) {
      await page.click(button);
      await eventually(() => backend.callsOf(name).length).toBe(1);
      await eventually(() => textOf(page, '#result')).toBe('주문 시트에서 체크된 행이 없습니다');
    }
    expect(backend.callsOf('issueWaybills')[0]?.argument).toEqual({ carrier: 'cj' });
    const popup = page.waitForEvent('popup');
    await page.click('#print-button');
    await (await popup).close();
    await eventually(() => backend.callsOf('printLabels').length).toBe(1);
    await eventually(() => textOf(page, '#result')).toBe('주문 시트에서 체크된 행이 없습니다');
  });

  it('송장 발급 then 일괄 출고 go through the real routes, and the counts follow', async () => {
    check(shop.allocated[0]!, shop.allocated[1]!);
    const { page, backend } = await openSidebar();
    await page.selectOption('#carrier-select', 'hanjin');
    await page.click('#issue-button');
    await eventually(() => textOf(page, '#result')).toBe('송장 2건 발급, 실패 0건');
    expect(backend.callsOf('issueWaybills')).toEqual([{ name: 'issueWaybills', argument: { carrier: 'hanjin' } }]);
    await eventually(() => textOf(page, '#counts [data-state="WAYBILL_ISSUED"] .tile-count')).toBe('2');
    const popup = page.waitForEvent('popup');
    await page.click('#print-button');
    const tab = await popup;
    await tab.waitForURL(new RegExp(`^${server.url}/v1/labels/`));
    await tab.close();
    await eventually(() => textOf(page, '#result')).toBe('라벨 2장을 새 탭에서 열었습니다');
    check(shop.allocated[0]!);
    await page.click('#ship-button');
    await eventually(() => textOf(page, '#result')).toBe('1건 출고, 실패 0건');
    await eventually(() => textOf(page, '#counts [data-state="SHIPPED"] .tile-count')).toBe('1');
  });

  it('스캔 출고 shows an ok scan in green and a second scan of the same box refused', async () => {
    check(shop.allocated[2]!);
    const issued = bundle.call('issueWaybills', { carrier: 'hanjin' }) as { ok: true; value: { results: { trackingNumber?: string }[] } };
    const number = issued.value.results[0]?.trackingNumber ?? '';
    const { page, backend } = await openSidebar();
    await page.click('#scan-button');
    await page.fill('#scan-input', number);
    await page.press('#scan-input', 'Enter');
    await eventually(() => page.locator('#scan-list .scan-entry').first().getAttribute('class')).toContain('scan-ok');
    await page.fill('#scan-input', number);
    await page.press('#scan-input', 'Enter');
    await eventually(() => page.locator('#scan-list .scan-refused').count()).toBe(1);
    expect(await textOf(page, '#scan-list .scan-refused .scan-text')).toBe('이미 출고된 송장입니다 (이중 출고 방지)');
    expect(backend.callsOf('scan').map((entry) => entry.argument)).toEqual([
      { code: number, mode: 'ship' },
      { code: number, mode: 'ship' },
    ]);
  });

  it('확인 acknowledges the alert on the server', async () => {
    const { page, backend } = await openSidebar();
    const item = page.locator('#alerts .alert', { hasText: 'NEW-LISTING' });
    const id = await item.getAttribute('data-alert-id');
    await item.locator('button').click();
    await eventually(() => page.locator('#alerts .alert', { hasText: 'NEW-LISTING' }).count()).toBe(0);
    expect(backend.callsOf('ackAlert')).toEqual([{ name: 'ackAlert', argument: { id } }]);
    const alerts = (await call(server, 'GET', '/v1/alerts', { key: seller.key })).body as { alerts: { id: string; acknowledged: boolean }[] };
    expect(alerts.alerts.find((alert) => alert.id === id)?.acknowledged).toBe(true);
  });

  it('the settings dialog tests the connection through the add-on; a wrong key is explained', async () => {
    const backend = new RecordingBackend(new BundleBackend(bundle));
    const { page } = await harness().open(backend, { file: 'Settings.html', width: 480, height: 440 });
    await page.locator('#api-key-stored:not(:empty)').waitFor();
    expect(await page.inputValue('#server-url')).toBe(server.url);
    await page.fill('#api-key', 'ssk_0000000000000000_wrong');
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('API 키가 없거나 올바르지 않습니다');
    await page.fill('#api-key', '');
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('연결 성공: 하늘상점 (키 owner)');
    expect(backend.callsOf('testConnection').map((entry) => entry.argument)).toEqual([{ serverUrl: server.url, apiKey: 'ssk_0000000000000000_wrong' }, { serverUrl: server.url }]);
  });
});
