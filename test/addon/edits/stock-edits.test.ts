import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { RENDERED_COLUMN } from '../../../shared/sheets/layout';
import { stockLayout } from '../../../shared/sheets/layouts';
import { call, type TestSeller } from '../../http/support/harness';
import type { FakeSheet, GasEnvironment } from '../../support/gas';
import { connectedGas } from '../support/addon-env';
import { column, noteOf, renderedOf, rowOf, userEdit } from '../support/edit';
import { recordRequests } from '../support/requests';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { seedShop } from '../support/shop';

let server: ServerProcess;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
});

/** A seller of its own per test, so counts never leak between tests. */
async function shopSheet(): Promise<{ seller: TestSeller; sheet: FakeSheet }> {
  const seller = await server.seller();
  await seedShop(server, seller);
  gas = connectedGas(server, seller);
  addon.refresh({});
  return { seller, sheet: gas.spreadsheet!.sheet('재고') };
}

async function counters(seller: TestSeller, sku: string): Promise<{ onHand: number; safety: number; available: number }> {
  const answer = await call(server, 'GET', '/v1/inventory', { key: seller.key });
  const found = (answer.body as { skus: { sku: string; onHand: number; safety: number; available: number }[] }).skus.find((item) => item.sku === sku);
  if (!found) throw new Error(`no ${sku}`);
  return found;
}

describe('재고 edits', () => {
  it('an on-hand edit becomes a count that carries the value the user saw, and the row follows', async () => {
    const { seller, sheet } = await shopSheet();
    const row = rowOf(sheet, stockLayout, 'TEE-W-M');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(stockLayout, 'onHand'), [[25]]));
    const adjustments = sent.requests.filter((request) => request.path === '/v1/inventory/adjustments');
    expect(adjustments.map((request) => request.body)).toEqual([{ adjustments: [{ sku: 'TEE-W-M', kind: 'set', quantity: 25, expected: 20 }] }]);
    expect(await counters(seller, 'TEE-W-M')).toMatchObject({ onHand: 25, available: 23 });
    expect(sheet.grid.cell(row, column(stockLayout, 'onHand')).value).toBe(25);
    expect(sheet.grid.cell(row, column(stockLayout, 'available')).value).toBe(23);
    expect(noteOf(sheet, row, column(stockLayout, 'onHand'))).toBe('');
    expect(renderedOf(sheet, row)?.values['onHand']).toBe(25);
  });

  it('an edit made on a stale number is refused as a conflict: the cell shows the server value and a note says why', async () => {
    const { seller, sheet } = await shopSheet();
    // Someone counted the shelf meanwhile, from another tool.
    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'TEE-W-M', kind: 'set', quantity: 30 }] } });
    const row = rowOf(sheet, stockLayout, 'TEE-W-M');
    addon.onSheetEdit(userEdit(gas, sheet, row, column(stockLayout, 'onHand'), [[21]]));
    expect((await counters(seller, 'TEE-W-M')).onHand).toBe(30);
    expect(sheet.grid.cell(row, column(stockLayout, 'onHand')).value).toBe(30);
    expect(noteOf(sheet, row, column(stockLayout, 'onHand'))).toBe(
      '적용되지 않았습니다: 다른 곳에서 값이 30(으)로 바뀌어 있었습니다. 입력한 값은 21입니다. 확인 후 다시 입력하세요',
    );
    // What the user sees now is the new "seen" value: typing again applies.
    addon.onSheetEdit(userEdit(gas, sheet, row, column(stockLayout, 'onHand'), [[31]]));
    expect((await counters(seller, 'TEE-W-M')).onHand).toBe(31);
    expect(noteOf(sheet, row, column(stockLayout, 'onHand'))).toBe('');
  });

  it('the same edit handled by two users\' edit triggers is applied once, with no conflict note', async () => {
    const { seller, sheet } = await shopSheet();
    const row = rowOf(sheet, stockLayout, 'TEE-W-M');
    const seenBefore = sheet.grid.cell(row, RENDERED_COLUMN).value;
    const event = userEdit(gas, sheet, row, column(stockLayout, 'onHand'), [[26]]);
    addon.onSheetEdit(event);
    // The second trigger read the row before the first one wrote back.
    sheet.grid.cell(row, RENDERED_COLUMN).value = seenBefore;
    addon.onSheetEdit(event);
    expect((await counters(seller, 'TEE-W-M')).onHand).toBe(26);
    expect(sheet.grid.cell(row, column(stockLayout, 'onHand')).value).toBe(26);
    expect(noteOf(sheet, row, column(stockLayout, 'onHand'))).toBe('');
  });

  it('a paste over several rows and columns is one batch request, with each value the user saw', async () => {
    const { seller, sheet } = await shopSheet();
    const white = rowOf(sheet, stockLayout, 'TEE-W-M');
    const black = rowOf(sheet, stockLayout, 'TEE-B-M');
    const top = Math.min(white, black);
    expect(Math.abs(white - black)).toBe(1);
    const onHand = column(stockLayout, 'onHand');
    const block = [0, 1].map((offset) => {
      const isWhite = top + offset === white;
      // onHand, reserved (server-owned: ignored), safety
      return isWhite ? [40, 99, 3] : [12, 99, 1];
    });
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, top, onHand, block));
    const adjustments = sent.requests.filter((request) => request.path === '/v1/inventory/adjustments');
    expect(adjustments).toHaveLength(1);
    expect((adjustments[0]?.body as { adjustments: unknown[] }).adjustments).toEqual(
      expect.arrayContaining([
        { sku: 'TEE-W-M', kind: 'set', quantity: 40, expected: 20 },
        { sku: 'TEE-W-M', kind: 'safety', quantity: 3, expected: 0 },
        { sku: 'TEE-B-M', kind: 'set', quantity: 12, expected: 10 },
        { sku: 'TEE-B-M', kind: 'safety', quantity: 1, expected: 0 },
      ]),
    );
    expect(await counters(seller, 'TEE-W-M')).toMatchObject({ onHand: 40, safety: 3 });
    expect(await counters(seller, 'TEE-B-M')).toMatchObject({ onHand: 12, safety: 1 });
    // The server-owned column was rewritten by the refresh that followed.
    expect(sheet.grid.cell(white, column(stockLayout, 'reserved')).value).toBe(2);
  });

  it('a value that is not a count is put back with a note, and nothing is sent', async () => {
    const { sheet } = await shopSheet();
    const row = rowOf(sheet, stockLayout, 'TEE-B-M');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(stockLayout, 'safety'), [['many']]));
    expect(sent.requests).toEqual([]);
    expect(sheet.grid.cell(row, column(stockLayout, 'safety')).value).toBe(0);
    expect(noteOf(sheet, row, column(stockLayout, 'safety'))).toBe('적용되지 않았습니다: 0 이상의 정수를 입력하세요');
    const writes = gas.calls.filter({ service: 'Spreadsheet', kind: 'write' }).map((record) => record.method);
    expect(writes).toEqual(['Range.setValues', 'Range.setNotes']);
  });

  it('a row whose cells no longer belong together is refused rather than sent with a value nobody saw', async () => {
    const { sheet } = await shopSheet();
    const row = rowOf(sheet, stockLayout, 'TEE-B-M');
    sheet.grid.cell(row, RENDERED_COLUMN).value = '';
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(stockLayout, 'onHand'), [[3]]));
    expect(sent.requests).toEqual([]);
    expect(noteOf(sheet, row, column(stockLayout, 'onHand'))).toContain('새로고침한 뒤 다시 입력하세요');
  });

  it('ticking a checkbox or typing in a server-owned column costs no request', async () => {
    const { sheet } = await shopSheet();
    const row = rowOf(sheet, stockLayout, 'TEE-B-M');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, 1, [[true]]));
    expect(gas.calls.count({ service: 'Spreadsheet', kind: 'write' })).toBe(0);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(stockLayout, 'available'), [[7]]));
    expect(gas.calls.count({ service: 'Spreadsheet', kind: 'write' })).toBe(0);
    expect(sent.requests).toEqual([]);
  });
});
