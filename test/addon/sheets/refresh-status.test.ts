import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_KEYS, setSheetLanguage } from '../../../addon/lib/document-state';
import { readSyncStatus, refreshSheets } from '../../../addon/sheets/refresh';
import { columnPosition } from '../../../shared/sheets/layout';
import { ordersLayout } from '../../../shared/sheets/layouts';
import { installGas, type GasEnvironment } from '../../support/gas';
import { FixtureSource, makeAlert, makeOrder, makeOrders } from '../../shared/sheets/fixtures';
import { cellOf, writes } from './harness';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

const at = (iso: string) => () => new Date(iso);

function source(): FixtureSource {
  const fixture = new FixtureSource();
  fixture.putOrders(makeOrders(3));
  fixture.alerts = [makeAlert('SHORTAGE', 'SKU-1', { missing: 1 })];
  return fixture;
}

describe('refresh status and recovery', () => {
  it('shows the last sync time in 알림!A1 and returns it, keeping the cursor in document properties', () => {
    gas = installGas();
    const result = refreshSheets(source(), { now: at('2024-05-01T01:02:00Z') });
    expect(result).toMatchObject({ ok: true, mode: 'full', status: { lastSyncAt: '2024-05-01T01:02:00.000Z', error: null }, statusText: '마지막 동기화 2024-05-01 10:02 (KST)' });
    expect(gas.spreadsheet!.sheet('알림').getRange('A1').getValue()).toBe('마지막 동기화 2024-05-01 10:02 (KST)');
    const properties = gas.PropertiesService.getDocumentProperties()!.getProperties();
    expect(properties[DOCUMENT_KEYS.cursor]).toBe('3');
    expect(JSON.stringify(properties).length).toBeLessThan(2000);
    expect(readSyncStatus().status.lastSyncAt).toBe('2024-05-01T01:02:00.000Z');
  });

  it('shows a failed fetch in red without moving the cursor, and retries from the same cursor', () => {
    gas = installGas();
    const fixture = source();
    refreshSheets(fixture, { now: at('2024-05-01T01:00:00Z') });
    fixture.failWith = new Error('connect ECONNREFUSED');
    const failed = refreshSheets(fixture, { now: at('2024-05-01T02:00:00Z') });
    expect(failed.ok).toBe(false);
    expect(failed.status.error).toBe('서버에서 데이터를 받지 못했습니다: connect ECONNREFUSED');
    const alerts = gas.spreadsheet!.sheet('알림');
    expect(alerts.getRange('A1').getValue()).toBe('동기화 오류 2024-05-01 11:00 (KST): 서버에서 데이터를 받지 못했습니다: connect ECONNREFUSED · 마지막 성공 2024-05-01 10:00');
    expect(alerts.conditionalBackgroundAt(1, 1)).toBe('#f4cccc');
    fixture.failWith = null;
    fixture.updateOrder(makeOrder(1).key, (order) => ({ ...order, state: 'CANCELLED' }));
    const recovered = refreshSheets(fixture, { now: at('2024-05-01T03:00:00Z') });
    expect(recovered.ok).toBe(true);
    expect(fixture.fetches).toEqual([null, '3', '3']);
    expect(cellOf(gas.spreadsheet!.sheet('주문'), ordersLayout, makeOrder(1).key, 'state')).toBe('취소');
    expect(alerts.getRange('A1').getValue()).toBe('마지막 동기화 2024-05-01 12:00 (KST)');
  });

  it('shows an error on the first refresh too, creating the alerts sheet for it', () => {
    gas = installGas();
    const fixture = source();
    fixture.failWith = new Error('HTTP 401');
    const failed = refreshSheets(fixture);
    expect(failed.ok).toBe(false);
    expect(String(gas.spreadsheet!.sheet('알림').getRange('A1').getValue())).toContain('HTTP 401');
  });

  it('refuses to write while another execution holds the document lock, and says so', () => {
    gas = installGas();
    refreshSheets(source());
    const other = gas.otherExecution();
    other.run(() => gas.LockService.getDocumentLock()!.waitLock(100));
    gas.calls.reset();
    const busy = refreshSheets(source());
    expect(busy.ok).toBe(false);
    expect(busy.status.error).toBe('다른 작업이 시트를 쓰고 있습니다. 잠시 뒤 다시 시도하세요');
    expect(writes(gas)).toEqual([]);
    other.end();
    expect(refreshSheets(source()).ok).toBe(true);
  });

  it('sets the sheets up again in English when the language changes, rewriting every label', () => {
    gas = installGas();
    const fixture = source();
    refreshSheets(fixture);
    setSheetLanguage('en');
    const result = refreshSheets(fixture, { now: at('2024-05-01T01:02:00Z') });
    expect(result.mode).toBe('full');
    const orders = gas.spreadsheet!.sheet('주문');
    expect(orders.getRange(1, columnPosition(ordersLayout, 'state')).getValue()).toBe('Status');
    expect(cellOf(orders, ordersLayout, makeOrder(0).key, 'state')).toBe('Held');
    expect(gas.spreadsheet!.sheet('알림').getRange('A1').getValue()).toBe('Last sync 2024-05-01 10:02 (KST)');
  });

  it('recreates a sheet someone deleted, with all its rows', () => {
    gas = installGas();
    const fixture = source();
    refreshSheets(fixture);
    gas.spreadsheet!.deleteSheet(gas.spreadsheet!.sheet('주문'));
    const result = refreshSheets(fixture);
    expect(result.mode).toBe('full');
    expect(gas.spreadsheet!.sheet('주문').getLastRow()).toBe(4);
  });
});
