import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { call, stockedSku, type TestSeller } from '../../http/support/harness';
import type { FakeSheet, GasEnvironment } from '../../support/gas';
import { connectedGas } from '../support/addon-env';
import { recordRequests } from '../support/requests';
import { startServerProcess, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
});

/** The 오로라 export as a seller pastes it: a title line, then the header, then one row per order line. */
const EXPORT = [
  ['오늘의집 주문 내역 (2024-06-07)', '', '', '', '', '', '', '', '', '', '', '', ''],
  ['주문번호', '주문상품번호', '상품명', '옵션', '수량', '판매자상품코드', '수취인', '수취인 연락처', '우편번호', '주소', '상세주소', '배송메세지', '주문일시'],
  ["'20240607000101", '2024060700010101', '원목 스툴', '오크', 1, 'STOOL-OAK', '박민수', '010-9876-5432', '06236', '서울 강남구 역삼로 1', '2층', '문 앞', '2024.06.07 19:00'],
  ["'20240607000101", '2024060700010102', '쿠션 커버', '회색', 2, 'CUSHION-GR', '박민수', '010-9876-5432', '06236', '서울 강남구 역삼로 1', '2층', '문 앞', '2024.06.07 19:00'],
  ["'20240607000102", '2024060700010201', '원목 스툴', '오크', 1, 'STOOL-OAK', '', '010-1111-2222', '48058', '부산 해운대구 1', '', '', '2024.06.07 20:10'],
  ['', '', '', '', '', '', '', '', '', '', '', '', ''],
  ["'20240607000103", '2024060700010301', '원목 스툴', '월넛', 3, 'STOOL-WAL', '최지은', '1033334444', '4524', '서울 중구 세종대로 110', '', '', '2024-06-07 21:00:00'],
];

function pasteExport(tab: FakeSheet): void {
  tab.getRange(1, 1, EXPORT.length, EXPORT[0]!.length).setValues(EXPORT);
}

async function ohouseOrders(seller: TestSeller): Promise<{ key: string; state: string; heldReason: string | null; lines: unknown[]; receiver: { phone: string; zip: string } }[]> {
  const answer = await call(server, 'GET', '/v1/orders?channel=ohouse&limit=1000', { key: seller.key });
  return (answer.body as { orders: never[] }).orders;
}

describe('오늘의집 주문 가져오기', () => {
  it('the first run creates the settings and an orders tab with instructions', async () => {
    const seller = await server.seller();
    gas = connectedGas(server, seller);
    addon.ohouseImportOrders();
    expect(gas.spreadsheet!.sheetNames()).toEqual(expect.arrayContaining(['설정', '오늘의집 주문']));
    expect(String(gas.spreadsheet!.sheet('오늘의집 주문').getRange(1, 1).getValue())).toContain('오로라');
    expect(gas.ui.alerts.map((alert) => alert.prompt)).toEqual(['"오늘의집 주문" 탭에 가져올 주문이 없습니다']);
  });

  it('sends the pasted orders through POST /v1/orders, writes a result beside every row, and a second run changes nothing', async () => {
    const seller = await server.seller();
    await stockedSku(server, seller, 'STOOL-OAK', 5);
    gas = connectedGas(server, seller);
    const tab = gas.spreadsheet!.insertSheet('오늘의집 주문');
    pasteExport(tab);
    const sent = recordRequests(gas);
    addon.ohouseImportOrders();
    expect(sent.paths('POST')).toEqual(['/v1/orders']);
    expect(gas.spreadsheet!.shownToasts().map((toast) => toast.message)).toEqual(['주문 2건 가져옴 (새 주문 2건), 오류 1행']);
    const results = tab.getRange(2, 14, 6, 1).getValues().map(([cell]) => cell);
    expect(results).toEqual([
      'Sheetship 결과',
      '등록됨 · 보류 (매핑 안 됨)',
      '등록됨 · 보류 (매핑 안 됨)',
      '오류: 수취인 값이 없습니다',
      '',
      '등록됨 · 보류 (매핑 안 됨)',
    ]);
    const orders = await ohouseOrders(seller);
    expect(orders.map((order) => order.key).sort()).toEqual(['ohouse:main:20240607000101', 'ohouse:main:20240607000103']);
    const walnut = orders.find((order) => order.key === 'ohouse:main:20240607000103');
    expect(walnut?.receiver).toMatchObject({ phone: '01033334444', zip: '04524' });

    addon.ohouseImportOrders();
    expect(tab.getRange(3, 14).getValue()).toBe('이미 등록됨 · 보류 (매핑 안 됨)');
    expect((await ohouseOrders(seller)).map((order) => order.lines.length)).toEqual(orders.map((order) => order.lines.length));
  });

  it('a seller code equal to a SKU maps the line by itself, and the account is the one chosen in 설정', async () => {
    const seller = await server.seller();
    await stockedSku(server, seller, 'STOOL-WAL', 5);
    gas = connectedGas(server, seller);
    addon.ohouseImportOrders();
    const settings = gas.spreadsheet!.sheet('설정');
    const accountRow = settings.getDataRange().getValues().findIndex((row) => row[2] === 'ohouse.account') + 1;
    settings.getRange(accountRow, 2).setValue('ohouse-2');
    const tab = gas.spreadsheet!.sheet('오늘의집 주문');
    tab.getRange(1, 1, EXPORT.length, EXPORT[0]!.length).setValues(EXPORT);
    addon.ohouseImportOrders();
    const orders = await ohouseOrders(seller);
    expect(orders.find((order) => order.key === 'ohouse:ohouse-2:20240607000103')).toMatchObject({ state: 'ALLOCATED', heldReason: null });
    expect(tab.getRange(7, 14).getValue()).toBe('등록됨 · 할당');
  });

  it('finds renamed headers through the names in 설정, and explains when it finds none', async () => {
    const seller = await server.seller();
    gas = connectedGas(server, seller);
    addon.ohouseImportOrders();
    const tab = gas.spreadsheet!.sheet('오늘의집 주문');
    tab.getRange(1, 1, 2, 2).setValues([['Order', 'Item'], ['X-1', '스툴']]);
    addon.ohouseImportOrders();
    expect(gas.ui.alerts.at(-1)?.prompt).toBe('"오늘의집 주문" 탭에서 주문번호와 상품명 헤더를 찾지 못했습니다. 설정 탭의 헤더 이름을 확인하세요');
    const settings = gas.spreadsheet!.sheet('설정');
    const values = settings.getDataRange().getValues();
    const rowOf = (key: string) => values.findIndex((row) => row[2] === key) + 1;
    settings.getRange(rowOf('orderId'), 2).setValue('주문번호, Order');
    settings.getRange(rowOf('productName'), 2).setValue('상품명, item');
    addon.ohouseImportOrders();
    expect(tab.getRange(2, 3).getValue()).toBe('오류: 수량 값이 없습니다');
  });

  it('without a connection, explains instead of importing', () => {
    gas = connectedGas(null, null);
    addon.ohouseImportOrders();
    expect(gas.ui.alerts.map((alert) => alert.prompt)).toEqual(['설정에서 서버 주소와 API 키를 입력하세요']);
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(0);
  });
});
