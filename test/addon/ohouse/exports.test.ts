import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import type { Store } from '../../../server/store';
import { stockedSku, call, type TestSeller } from '../../http/support/harness';
import type { GasEnvironment } from '../../support/gas';
import { openTestStore } from '../../support/store';
import { connectedGas } from '../support/addon-env';
import { postOrders } from '../support/shop';

import { startServerProcess, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let store: Store;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
  store = await openTestStore({ url: server.redisUrl });
});

function ohouseOrder(orderId: string, lines: { lineId: string; sku: string; quantity: number }[]) {
  return {
    channel: 'ohouse',
    account: 'main',
    orderId,
    lines: lines.map((line) => ({ lineId: line.lineId, listingId: line.sku, sellerCode: line.sku, quantity: line.quantity })),
    receiver: { name: '박민수', phone: '010-9876-5432', zip: '06236', address1: '서울 강남구 역삼로 1' },
  };
}

/** Three Ohouse orders: two shipped with waybills (one already confirmed uploaded), one still waiting. */
async function shippedShop(): Promise<TestSeller> {
  const seller = await server.seller();
  await stockedSku(server, seller, 'STOOL-OAK', 10);
  await stockedSku(server, seller, 'CUSHION-GR', 10);
  const [a, b] = await postOrders(server, seller, [
    ohouseOrder('20240607000101', [
      { lineId: '2024060700010101', sku: 'STOOL-OAK', quantity: 1 },
      { lineId: '2024060700010102', sku: 'CUSHION-GR', quantity: 2 },
    ]),
    ohouseOrder('20240607000102', [{ lineId: '2024060700010201', sku: 'STOOL-OAK', quantity: 1 }]),
    ohouseOrder('20240607000103', [{ lineId: '2024060700010301', sku: 'CUSHION-GR', quantity: 1 }]),
  ]);
  const orders = store.forSeller(seller.sellerId).orders;
  await orders.markWaybillIssued([a!.key], { waybillId: 'w-1', carrier: 'cj', trackingNumber: '012345678901', dispatchNow: false });
  await orders.markWaybillIssued([b!.key], { waybillId: 'w-2', carrier: 'hanjin', trackingNumber: '412345678906', dispatchNow: false });
  await orders.ship([a!.key, b!.key]);
  await orders.setFlags(b!.key, { tracking: { status: 'accepted' } });
  return seller;
}

describe('오늘의집 exports', () => {
  it('송장 내보내기 writes one row per shipped line not yet uploaded: line id, carrier, number, all as text', async () => {
    const seller = await shippedShop();
    gas = connectedGas(server, seller);
    addon.ohouseExportTracking();
    const tab = gas.spreadsheet!.sheet('오늘의집 송장');
    expect(tab.getDataRange().getValues()).toEqual([
      ['주문상품번호', '택배사', '송장번호'],
      ['2024060700010101', 'CJ대한통운', '012345678901'],
      ['2024060700010102', 'CJ대한통운', '012345678901'],
    ]);
    expect(tab.getRange(2, 1, 2, 3).getNumberFormats().flat()).toEqual(Array(6).fill('@'));
    expect(gas.spreadsheet!.shownToasts().at(-1)?.message).toBe('"오늘의집 송장" 탭에 송장 2행을 썼습니다. 오로라에 업로드한 뒤 "오늘의집 송장 업로드 완료"를 누르세요');
    // A second export replaces the tab; it never appends duplicates.
    addon.ohouseExportTracking();
    expect(tab.getLastRow()).toBe(3);
  });

  it('업로드 완료 marks the orders behind the exported lines as accepted, so the next export leaves them out', async () => {
    const seller = await shippedShop();
    gas = connectedGas(server, seller);
    addon.ohouseExportTracking();
    const tab = gas.spreadsheet!.sheet('오늘의집 송장');
    // A line the seller typed by mistake is reported, not guessed.
    tab.getRange(4, 1, 1, 3).setValues([['9999999999', 'CJ대한통운', '012345678901']]);
    addon.ohouseMarkUploaded();
    expect(gas.spreadsheet!.shownToasts().at(-1)?.message).toBe('주문 1건을 업로드 완료로 표시했습니다. 실패 0건, 찾지 못한 행 1개');
    const orders = (await call(server, 'GET', '/v1/orders?channel=ohouse', { key: seller.key })).body as { orders: { orderId: string; tracking: { status: string } }[] };
    expect(orders.orders.find((order) => order.orderId === '20240607000101')?.tracking.status).toBe('accepted');
    addon.ohouseExportTracking();
    expect(tab.getDataRange().getValues()).toEqual([['주문상품번호', '택배사', '송장번호']]);
  });

  it('재고 내보내기 writes the sellable quantity of every Ohouse listing', async () => {
    const seller = await shippedShop();
    gas = connectedGas(server, seller);
    addon.ohouseExportStock();
    const inventory = (await call(server, 'GET', '/v1/inventory', { key: seller.key })).body as { listings: { channel: string; listingId: string; sellable: number }[] };
    const expected = inventory.listings.filter((listing) => listing.channel === 'ohouse').map((listing) => [listing.listingId, listing.sellable]);
    const tab = gas.spreadsheet!.sheet('오늘의집 재고');
    const values = tab.getDataRange().getValues();
    expect(values[0]).toEqual(['상품 ID', '상품명', '구성', '판매 가능 수량']);
    expect(values.slice(1).map((row) => [row[0], row[3]])).toEqual(expected);
    expect(expected).toEqual([
      ['CUSHION-GR', 7],
      ['STOOL-OAK', 8],
    ]);
  });
});
