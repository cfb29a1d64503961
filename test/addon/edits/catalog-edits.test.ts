import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { listingKey } from '../../../shared/ids';
import { mappingsLayout, ordersLayout, skusLayout } from '../../../shared/sheets/layouts';
import { call, type TestSeller } from '../../http/support/harness';
import type { FakeSheet, GasEnvironment } from '../../support/gas';
import { cellOf } from '../sheets/harness';
import { connectedGas } from '../support/addon-env';
import { column, noteOf, rowOf, userEdit } from '../support/edit';
import { recordRequests } from '../support/requests';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { seedShop } from '../support/shop';

let server: ServerProcess;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
});

async function shop(): Promise<{ seller: TestSeller; held: string }> {
  const seller = await server.seller();
  const { held } = await seedShop(server, seller);
  gas = connectedGas(server, seller);
  addon.refresh({});
  return { seller, held };
}

async function skus(seller: TestSeller): Promise<{ sku: string; name: string; barcode?: string }[]> {
  return ((await call(server, 'GET', '/v1/skus', { key: seller.key })).body as { skus: { sku: string; name: string; barcode?: string }[] }).skus;
}

const sheetOf = (name: string): FakeSheet => gas.spreadsheet!.sheet(name);

describe('상품 edits', () => {
  it('a new name and barcode become one SKU upsert', async () => {
    const { seller } = await shop();
    const sheet = sheetOf('상품');
    const row = rowOf(sheet, skusLayout, 'TEE-W-M');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(skusLayout, 'name'), [['티셔츠 흰색 M (신상)', '8801234500011']]));
    expect(sent.requests.filter((request) => request.path === '/v1/skus' && request.method === 'PUT').map((request) => request.body)).toEqual([
      { skus: [{ sku: 'TEE-W-M', name: '티셔츠 흰색 M (신상)', barcode: '8801234500011' }] },
    ]);
    expect((await skus(seller)).find((sku) => sku.sku === 'TEE-W-M')).toMatchObject({ name: '티셔츠 흰색 M (신상)', barcode: '8801234500011' });
  });

  it('a code and a name typed on an empty row create the SKU, and the row is adopted by the refresh', async () => {
    const { seller } = await shop();
    const sheet = sheetOf('상품');
    const empty = sheet.getLastRow() + 1;
    addon.onSheetEdit(userEdit(gas, sheet, empty, column(skusLayout, 'sku'), [['CAP-RED']]));
    expect(noteOf(sheet, empty, column(skusLayout, 'sku'))).toBe('상품명을 입력하면 SKU가 만들어집니다');
    expect((await skus(seller)).map((sku) => sku.sku)).not.toContain('CAP-RED');
    addon.onSheetEdit(userEdit(gas, sheet, empty, column(skusLayout, 'name'), [['빨간 모자']]));
    expect((await skus(seller)).find((sku) => sku.sku === 'CAP-RED')?.name).toBe('빨간 모자');
    expect(rowOf(sheet, skusLayout, 'CAP-RED')).toBe(empty);
    expect(rowOf(sheetOf('재고'), skusLayout, 'CAP-RED')).toBeGreaterThan(1);
  });

  it('the code of an existing SKU cannot be changed, nor its name emptied: both are put back with a note', async () => {
    const { seller } = await shop();
    const sheet = sheetOf('상품');
    const row = rowOf(sheet, skusLayout, 'TEE-B-M');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(skusLayout, 'sku'), [['TEE-BLACK-M']]));
    expect(sheet.grid.cell(row, column(skusLayout, 'sku')).value).toBe('TEE-B-M');
    expect(noteOf(sheet, row, column(skusLayout, 'sku'))).toBe('적용되지 않았습니다: 이 칸은 바꿀 수 없습니다. 새 행을 추가하세요');
    addon.onSheetEdit(userEdit(gas, sheet, row, column(skusLayout, 'name'), [['']]));
    expect(sheet.grid.cell(row, column(skusLayout, 'name')).value).toBe('상품 TEE-B-M');
    expect(sent.requests).toEqual([]);
    expect((await skus(seller)).map((sku) => sku.sku)).not.toContain('TEE-BLACK-M');
  });
});

describe('매핑 edits', () => {
  it('components typed on an unmapped listing map it, and its held order is allocated', async () => {
    const { held } = await shop();
    const sheet = sheetOf('매핑');
    const key = listingKey('manual', 'main', 'NEW-LISTING');
    const row = rowOf(sheet, mappingsLayout, key);
    expect(cellOf(sheet, mappingsLayout, key, 'productName')).toBe('린넨 셔츠');
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(mappingsLayout, 'components'), [['TEE-W-M x2']]));
    expect(sent.requests.filter((request) => request.path === '/v1/listings').map((request) => request.body)).toEqual([
      { listings: [{ channel: 'manual', account: 'main', listingId: 'NEW-LISTING', components: [{ sku: 'TEE-W-M', qty: 2 }], metadata: { productName: '린넨 셔츠' } }] },
    ]);
    expect(noteOf(sheet, row, column(mappingsLayout, 'components'))).toBe('');
    expect(cellOf(sheet, mappingsLayout, key, 'mappingStatus')).toBe('매핑됨');
    expect(cellOf(sheetOf('주문'), ordersLayout, held, 'state')).toBe('할당');
  });

  it('components that do not parse are refused with the reason, and the identity cells cannot change', async () => {
    await shop();
    const sheet = sheetOf('매핑');
    const key = listingKey('manual', 'main', 'L-TEE-B-M');
    const row = rowOf(sheet, mappingsLayout, key);
    const sent = recordRequests(gas);
    addon.onSheetEdit(userEdit(gas, sheet, row, column(mappingsLayout, 'components'), [['TEE-B-M x two']]));
    expect(sheet.grid.cell(row, column(mappingsLayout, 'components')).value).toBe('TEE-B-M');
    expect(noteOf(sheet, row, column(mappingsLayout, 'components'))).toContain('구성이 올바르지 않습니다: "TEE-B-M x two"');
    addon.onSheetEdit(userEdit(gas, sheet, row, column(mappingsLayout, 'listingId'), [['L-OTHER']]));
    expect(sheet.grid.cell(row, column(mappingsLayout, 'listingId')).value).toBe('L-TEE-B-M');
    expect(sent.requests).toEqual([]);
  });

  it('a mapping typed on an empty row is saved once all four cells are there; an unknown SKU is refused by the server', async () => {
    const { seller } = await shop();
    const sheet = sheetOf('매핑');
    const empty = sheet.getLastRow() + 1;
    const first = column(mappingsLayout, 'channel');
    addon.onSheetEdit(userEdit(gas, sheet, empty, first, [['수동', 'main', 'BUNDLE-1']]));
    expect(noteOf(sheet, empty, first)).toBe('채널, 계정, 상품 ID와 구성을 모두 입력하면 매핑이 저장됩니다');
    addon.onSheetEdit(userEdit(gas, sheet, empty, column(mappingsLayout, 'components'), [['TEE-W-M, NOPE']]));
    expect(noteOf(sheet, empty, column(mappingsLayout, 'components'))).toContain('적용되지 않았습니다: 등록되지 않은 SKU입니다: NOPE');
    addon.onSheetEdit(userEdit(gas, sheet, empty, column(mappingsLayout, 'components'), [['TEE-W-M, TEE-B-M']]));
    const listings = ((await call(server, 'GET', '/v1/listings', { key: seller.key })).body as { listings: { listingId: string; components: unknown }[] }).listings;
    expect(listings.find((listing) => listing.listingId === 'BUNDLE-1')?.components).toEqual([
      { sku: 'TEE-W-M', qty: 1 },
      { sku: 'TEE-B-M', qty: 1 },
    ]);
    expect(rowOf(sheet, mappingsLayout, listingKey('manual', 'main', 'BUNDLE-1'))).toBe(empty);
  });
});
