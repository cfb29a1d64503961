import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { ordersLayout } from '../../../shared/sheets/layouts';
import type { TestSeller } from '../../http/support/harness';
import type { GasEnvironment } from '../../support/gas';
import { rowsByKey } from '../sheets/harness';
import { connectedGas } from '../support/addon-env';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { postOrders, seedShop } from '../support/shop';
import { orderBody } from '../../http/support/orders';

let server: ServerProcess;
let seller: TestSeller;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
  seller = await server.seller();
  await seedShop(server, seller);
});

const statusLine = () => String(gas.spreadsheet!.sheet('알림').getRange(1, 1).getValue());
const sidebarError = () => {
  const reply = addon.getSidebarState({});
  return reply.ok ? reply.value.lastError : undefined;
};

describe('the hourly trigger', () => {
  it('refreshes the sheets, incrementally after the first time', async () => {
    gas = connectedGas(server, seller);
    addon.onHourlyTrigger();
    const sheet = gas.spreadsheet!.sheet('주문');
    expect(rowsByKey(sheet, ordersLayout).size).toBe(4);
    const [added] = await postOrders(server, seller, [orderBody('2001', [{ listingId: 'L-TEE-B-M', quantity: 1 }])]);
    gas.calls.reset();
    addon.onHourlyTrigger();
    expect(rowsByKey(sheet, ordersLayout).has(added!.key)).toBe(true);
    // Only the new order and the stock it touched were written, not every sheet from scratch.
    expect(gas.calls.filter({ method: 'Range.setValues', sheet: '주문' }).map((record) => record.range)).toEqual(['B6:W6']);
    expect(statusLine()).toMatch(/^마지막 동기화/);
  });

  it('without a connection, says so in 알림!A1 and in the sidebar, since a trigger emails nobody', () => {
    gas = connectedGas(null, null);
    addon.onHourlyTrigger();
    expect(statusLine()).toMatch(/^동기화 오류 .*: 서버에서 데이터를 받지 못했습니다: 서버 주소와 API 키가 설정되지 않았습니다 · 마지막 성공 없음$/);
    expect(sidebarError()).toEqual({ code: 'addon.text', params: { text: '서버에서 데이터를 받지 못했습니다: 서버 주소와 API 키가 설정되지 않았습니다' } });
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(0);
  });

  it('when the user must authorize again, says so instead of failing silently', () => {
    gas = connectedGas(server, seller, { authorized: false });
    addon.onHourlyTrigger();
    expect(statusLine()).toContain('Sheetship 권한이 필요합니다');
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(0);
  });
});
