import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockLayout, ordersLayout } from '../../shared/sheets/layouts';
import type { TestSeller } from '../http/support/harness';
import { cellOf } from '../addon/sheets/harness';
import { column, rowOf, userEdit } from '../addon/support/edit';
import { startServerProcess, type ServerProcess } from '../addon/support/server-process';
import { seedShop } from '../addon/support/shop';
import { buildAddonBundle, loadBundle, type LoadedBundle } from './support/bundle';

let built: { dir: string; remove(): void };
let server: ServerProcess;
let seller: TestSeller;
let shop: { allocated: string[]; held: string };
let bundle: LoadedBundle;

beforeAll(async () => {
  [built, server] = await Promise.all([buildAddonBundle(), startServerProcess()]);
  seller = await server.seller('하늘상점');
  shop = await seedShop(server, seller);
  bundle = loadBundle(built.dir);
});
afterAll(async () => {
  await bundle.gas.UrlFetchApp.close();
  built.remove();
});

describe('the built bundle against the real server', () => {
  it('is set up from the settings dialog, then refreshes the sheets and shows the shop', () => {
    expect(bundle.call('testConnection', { serverUrl: server.url, apiKey: seller.key })).toEqual({ ok: true, value: { sellerName: '하늘상점', keyLabel: 'owner' } });
    expect(bundle.call('saveConnectionSettings', { serverUrl: server.url, apiKey: seller.key, language: 'ko' })).toMatchObject({ ok: true });
    const refreshed = bundle.call('refresh', {}) as { ok: boolean; value: { state: { counts: Record<string, number> } } };
    expect(refreshed.ok).toBe(true);
    expect(refreshed.value.state.counts).toMatchObject({ ALLOCATED: 3, HELD: 1 });
    const orders = bundle.gas.spreadsheet!.sheet('주문');
    expect(cellOf(orders, ordersLayout, shop.held, 'held')).toBe('매핑 안 됨: manual:main:NEW-LISTING');
    expect(bundle.gas.calls.count({ service: 'UrlFetch', method: 'UrlFetchApp.fetchAll' })).toBeGreaterThan(0);
  });

  it('turns a 재고 edit into an adjustment through the installable onEdit', () => {
    const sheet = bundle.gas.spreadsheet!.sheet('재고');
    const row = rowOf(sheet, stockLayout, 'TEE-B-M');
    bundle.call('onSheetEdit', userEdit(bundle.gas, sheet, row, column(stockLayout, 'onHand'), [[15]]));
    expect(cellOf(sheet, stockLayout, 'TEE-B-M', 'onHand')).toBe(15);
    expect(cellOf(sheet, stockLayout, 'TEE-B-M', 'available')).toBe(13);
  });

  it('the hourly trigger refreshes through the same code', () => {
    bundle.gas.calls.reset();
    bundle.call('onHourlyTrigger', { authMode: 'FULL', triggerUid: '1' });
    expect(String(bundle.gas.spreadsheet!.sheet('알림').getRange(1, 1).getValue())).toMatch(/^마지막 동기화/);
  });
});
