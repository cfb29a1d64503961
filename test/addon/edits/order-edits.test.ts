import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { withCheckDigit } from '../../../shared/carriers';
import { ordersLayout } from '../../../shared/sheets/layouts';
import { cellOf } from '../sheets/harness';
import type { TestSeller } from '../../http/support/harness';
import type { GasEnvironment } from '../../support/gas';
import { openTestStore } from '../../support/store';
import type { Store } from '../../../server/store';
import { connectedGas } from '../support/addon-env';
import { column, noteOf, renderedOf, rowOf, userEdit } from '../support/edit';
import { recordRequests } from '../support/requests';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { seedShop } from '../support/shop';

let server: ServerProcess;
let store: Store;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
  store = await openTestStore({ url: server.redisUrl });
});

async function shop(): Promise<{ seller: TestSeller; allocated: string[] }> {
  const seller = await server.seller();
  const { allocated } = await seedShop(server, seller);
  gas = connectedGas(server, seller);
  addon.refresh({});
  return { seller, allocated };
}

describe('주문 edits: tracking numbers typed by hand', () => {
  it('a number that is not valid for the carrier is put back with the reason, and nothing is sent', async () => {
    const { allocated } = await shop();
    const sheet = gas.spreadsheet!.sheet('주문');
    const row = rowOf(sheet, ordersLayout, allocated[0]!);
    const sent = recordRequests(gas);
    // Lotte numbers are 12 digits with a mod-7 check digit; this one's check digit is wrong.
    addon.onSheetEdit(userEdit(gas, sheet, row, column(ordersLayout, 'carrier'), [['롯데택배', '1234-5678-9010']]));
    expect(sent.requests).toEqual([]);
    expect(sheet.grid.cell(row, column(ordersLayout, 'trackingNumber')).value).toBe('');
    expect(sheet.grid.cell(row, column(ordersLayout, 'carrier')).value).toBe('');
    expect(noteOf(sheet, row, column(ordersLayout, 'trackingNumber'))).toBe('적용되지 않았습니다: 롯데택배 송장번호가 아닙니다: 검증 숫자가 맞지 않습니다');
  });

  it('a valid number with its carrier becomes a manual waybill, and the row shows it issued', async () => {
    const { allocated } = await shop();
    const sheet = gas.spreadsheet!.sheet('주문');
    const key = allocated[0]!;
    const row = rowOf(sheet, ordersLayout, key);
    const number = withCheckDigit('lotte', '40246360001');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(ordersLayout, 'carrier'), [['롯데택배', `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`]]));
    expect(sent.requests.filter((request) => request.path === '/v1/waybills').map((request) => request.body)).toEqual([
      { carrier: 'lotte', parcels: [{ orderKeys: [key], trackingNumber: number }] },
    ]);
    expect(noteOf(sheet, row, column(ordersLayout, 'trackingNumber'))).toBe('');
    expect(cellOf(sheet, ordersLayout, key, 'trackingNumber')).toBe(number);
    expect(cellOf(sheet, ordersLayout, key, 'state')).toBe('송장발급');
    expect(renderedOf(sheet, row)?.values['trackingNumber']).toBe(number);
  });

  it('a number without a carrier waits, with a note asking for the carrier', async () => {
    const { allocated } = await shop();
    const sheet = gas.spreadsheet!.sheet('주문');
    const row = rowOf(sheet, ordersLayout, allocated[1]!);
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(ordersLayout, 'trackingNumber'), [['612345678901']]));
    expect(sent.requests).toEqual([]);
    expect(sheet.grid.cell(row, column(ordersLayout, 'trackingNumber')).value).toBe('612345678901');
    expect(noteOf(sheet, row, column(ordersLayout, 'trackingNumber'))).toBe('택배사를 고르면 송장번호가 등록됩니다');
  });

  it('an order that has a waybill keeps it: a typed number or carrier is put back', async () => {
    const { seller, allocated } = await shop();
    const key = allocated[2]!;
    await store.forSeller(seller.sellerId).orders.markWaybillIssued([key], { waybillId: 'w-test-1', carrier: 'cj', trackingNumber: '612345678903', dispatchNow: false });
    addon.refresh({});
    const sheet = gas.spreadsheet!.sheet('주문');
    const row = rowOf(sheet, ordersLayout, key);
    expect(renderedOf(sheet, row)?.values['trackingNumber']).toBe('612345678903');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(ordersLayout, 'trackingNumber'), [['612345678910']]));
    expect(sent.requests).toEqual([]);
    expect(sheet.grid.cell(row, column(ordersLayout, 'trackingNumber')).value).toBe('612345678903');
    expect(noteOf(sheet, row, column(ordersLayout, 'trackingNumber'))).toBe('적용되지 않았습니다: 이미 송장이 있습니다 (612345678903). 바꾸려면 송장을 폐기한 뒤 다시 입력하세요');
  });
});
