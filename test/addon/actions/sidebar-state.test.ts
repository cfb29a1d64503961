import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { USER_KEYS } from '../../../addon/api/connection';
import { freePort } from '../../../server/redis/launch';
import { columnPosition } from '../../../shared/sheets/layout';
import { ordersLayout } from '../../../shared/sheets/layouts';
import type { TestSeller } from '../../http/support/harness';
import type { GasEnvironment } from '../../support/gas';
import { cellOf } from '../sheets/harness';
import { connectedGas } from '../support/addon-env';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { seedShop } from '../support/shop';

let server: ServerProcess;
let seller: TestSeller;
let shop: { allocated: string[]; held: string };
let gas: GasEnvironment;

beforeAll(async () => {
  server = await startServerProcess();
  seller = await server.seller('하늘상점');
  shop = await seedShop(server, seller);
});
afterEach(() => gas.uninstall());

function value<T>(reply: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!reply.ok) throw new Error(`expected a value, got ${JSON.stringify(reply.error)}`);
  return reply.value;
}

describe('the sidebar state and refresh', () => {
  it('without a connection, says so and touches neither the server nor the sheets', () => {
    gas = connectedGas(null, null);
    const state = value(addon.getSidebarState({}));
    expect(state.connection).toEqual({ status: 'not_configured' });
    expect(state.counts.ALLOCATED).toBe(0);
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(0);
    gas.calls.reset();
    expect(addon.refresh({})).toEqual({ ok: false, error: { code: 'sidebar.error.NOT_CONFIGURED', params: {} } });
    expect(gas.calls.count({ service: 'Spreadsheet', kind: 'write' })).toBe(0);
    // No triggers until there is a server to refresh from.
    expect(gas.ScriptApp.allTriggers()).toEqual([]);
  });

  it('refreshes the sheets from the server, then shows the shop, the counts and the open alerts', () => {
    gas = connectedGas(server, seller);
    const refreshed = value(addon.refresh({}));
    expect(refreshed.updatedRows).toBeGreaterThanOrEqual(4);
    const sheet = gas.spreadsheet!.sheet('주문');
    expect(cellOf(sheet, ordersLayout, shop.allocated[0]!, 'state')).toBe('할당');
    expect(cellOf(sheet, ordersLayout, shop.held, 'state')).toBe('보류');
    // Buyer text that looks like a formula stays inert text.
    expect(cellOf(sheet, ordersLayout, shop.allocated[2]!, 'receiver')).toBe('\'=HYPERLINK("http://x")');
    expect(gas.spreadsheet!.sheet('알림').getRange(1, 1).getValue()).toMatch(/^마지막 동기화 \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(KST\)$/);

    const state = refreshed.state;
    expect(state.connection).toEqual({ status: 'ok', sellerName: '하늘상점', keyLabel: 'owner' });
    expect(state.counts).toMatchObject({ ALLOCATED: 3, HELD: 1, SHIPPED: 0 });
    expect(state.lastSyncAt).toBeDefined();
    expect(state.lastError).toBeUndefined();
    const unmapped = state.alerts.find((alert) => alert.type === 'UNMAPPED_LISTING');
    expect(unmapped?.text).toContain('manual:main:NEW-LISTING');
    expect(state.carriers.map((carrier) => carrier.id)).toContain('cj');
  });

  it('an incremental refresh with nothing new writes no rows', () => {
    gas = connectedGas(server, seller);
    value(addon.refresh({}));
    gas.calls.reset();
    const again = value(addon.refresh({}));
    expect(again.updatedRows).toBe(0);
    expect(gas.calls.count({ service: 'Spreadsheet', method: 'Range.setValues' })).toBe(0);
  });

  it('opening the sidebar installs the hourly and edit triggers once, and repairs a stale one', () => {
    gas = connectedGas(server, seller);
    value(addon.getSidebarState({}));
    value(addon.getSidebarState({}));
    const mine = () => gas.ScriptApp.allTriggers().map((trigger) => `${trigger.eventType}:${trigger.handlerFunction}`).sort();
    expect(mine()).toEqual(['CLOCK:onHourlyTrigger', 'ON_EDIT:onSheetEdit']);
    const hourly = gas.ScriptApp.allTriggers().find((trigger) => trigger.eventType === 'CLOCK');
    expect(hourly?.everyMs).toBe(60 * 60 * 1000);
    // An older version's clock trigger under another name is replaced, never doubled (one per type).
    gas.ScriptApp.deleteTrigger(hourly!);
    gas.ScriptApp.newTrigger('refreshHourlyOld').timeBased().everyHours(1).create();
    value(addon.getSidebarState({}));
    expect(mine()).toEqual(['CLOCK:onHourlyTrigger', 'ON_EDIT:onSheetEdit']);
  });

  it('확인 acknowledges an alert, and it leaves the sidebar', () => {
    gas = connectedGas(server, seller);
    const before = value(addon.getSidebarState({}));
    const alert = before.alerts.find((open) => open.type === 'UNMAPPED_LISTING');
    expect(alert).toBeDefined();
    expect(value(addon.ackAlert({ id: alert!.id }))).toEqual({ id: alert!.id });
    expect(value(addon.getSidebarState({})).alerts.map((open) => open.id)).not.toContain(alert!.id);
    expect(addon.ackAlert({ id: 'SHORTAGE:NOPE' })).toEqual({ ok: false, error: { code: 'addon.error.SERVER', params: { message: '알림을 찾을 수 없습니다: SHORTAGE:NOPE', code: 'ALERT_NOT_FOUND' } } });
  });

  it('a failed sync shows in the sidebar and in red in 알림!A1, and the next good one clears it', async () => {
    const closedPort = await freePort();
    gas = connectedGas(server, seller);
    value(addon.refresh({}));
    gas.PropertiesService.getUserProperties().setProperty(USER_KEYS.serverUrl, `http://127.0.0.1:${closedPort}`);
    const failed = addon.refresh({});
    expect(failed.ok).toBe(false);
    const status = String(gas.spreadsheet!.sheet('알림').getRange(1, 1).getValue());
    expect(status).toMatch(/^동기화 오류 .* 서버에서 데이터를 받지 못했습니다: 서버에 연결할 수 없습니다: Address unavailable/);
    const state = value(addon.getSidebarState({}));
    expect(state.connection.status).toBe('error');
    expect(state.lastError?.code).toBe('addon.text');
    expect(String(state.lastError?.params['text'])).toContain('서버에 연결할 수 없습니다');
    gas.PropertiesService.getUserProperties().setProperty(USER_KEYS.serverUrl, server.url);
    value(addon.refresh({}));
    expect(value(addon.getSidebarState({})).lastError).toBeUndefined();
    expect(gas.spreadsheet!.sheet('알림').getRange(1, 1).getValue()).toMatch(/^마지막 동기화/);
  });

  it('counts follow the state column even after people sort the sheet', () => {
    gas = connectedGas(server, seller);
    value(addon.refresh({}));
    const sheet = gas.spreadsheet!.sheet('주문');
    sheet.getRange(2, 1, sheet.getLastRow() - 1, 23).sort({ column: columnPosition(ordersLayout, 'receiver'), ascending: false });
    expect(value(addon.getSidebarState({})).counts).toMatchObject({ ALLOCATED: 3, HELD: 1 });
  });
});
