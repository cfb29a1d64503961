import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages';
import { FIRST_DATA_COLUMN, headerCells, numberFormatOf, renderContext } from '../../../shared/sheets/layout';
import { alertsLayout, LAYOUTS, mappingFromListing, mappingsFromAlerts, mappingsLayout, ordersLayout, stockLayout } from '../../../shared/sheets/layouts';
import { decodeRendered } from '../../../shared/sheets/rendered';
import { renderRow } from '../../../shared/sheets/rows';
import { makeAlert, makeListing, makeOrder, makeSku, unmappedAlert } from './fixtures';

const ko = renderContext('ko');
const en = renderContext('en');

function cell(row: ReturnType<typeof renderRow>, columnId: string): unknown {
  const index = ordersLayout.columns.findIndex((column) => column.id === columnId);
  return row.cells[2 + index];
}

describe('sheet layouts', () => {
  it('have a Korean and an English header for every column, and unique column ids', () => {
    for (const layout of Object.values(LAYOUTS)) {
      for (const column of layout.columns) expect(MESSAGES, `${layout.id}.${column.id}`).toHaveProperty(column.header);
      expect(new Set(layout.columns.map((column) => column.id)).size).toBe(layout.columns.length);
      expect(headerCells(layout, 'ko')).not.toEqual(headerCells(layout, 'en'));
      expect(FIRST_DATA_COLUMN - 1 + layout.columns.length).toBeLessThanOrEqual(26);
    }
  });

  it('keep identifiers and dates in plain-text columns and counts in number columns', () => {
    for (const layout of Object.values(LAYOUTS)) {
      for (const column of layout.columns) expect(numberFormatOf(column.kind), `${layout.id}.${column.id}`).toBe(column.kind === 'number' ? '#,##0' : '@');
    }
    const kinds = Object.fromEntries(ordersLayout.columns.map((column) => [column.id, column.kind]));
    expect([kinds['orderId'], kinds['phone'], kinds['zip'], kinds['trackingNumber'], kinds['orderedAt']]).toEqual(['id', 'id', 'id', 'id', 'date']);
  });

  it('give every editable column a validation with help text, and every status colour a label', () => {
    for (const layout of Object.values(LAYOUTS)) {
      for (const column of layout.columns) {
        if (column.editable) expect(MESSAGES).toHaveProperty(column.editable.help);
        for (const colour of column.statusColors ?? []) expect(MESSAGES).toHaveProperty(colour.code);
      }
    }
    expect(ordersLayout.columns.filter((column) => column.editable).map((column) => column.id)).toEqual(['carrier', 'trackingNumber']);
    expect(stockLayout.columns.filter((column) => column.editable).map((column) => column.id)).toEqual(['onHand', 'safety']);
  });

  it('render an order with text identifiers, KST dates, labels and neutralised buyer text', () => {
    const order = makeOrder(3, {
      state: 'SHIPPED',
      receiver: { name: '=HYPERLINK("http://x","y")', phone: '+82 10 1234 5678', zip: '06234', address1: '-서울', address2: '@101' },
      tracking: { status: 'rejected', carrier: 'lotte', trackingNumber: '012345678901', message: '=송장 오류' },
      orderedAt: '2024-05-01T15:30:00Z',
    });
    const row = renderRow(ordersLayout, order, ko);
    expect(row.key).toBe('smartstore:main:02024050100003');
    expect(row.cells[0]).toBe('smartstore:main:02024050100003');
    expect(cell(row, 'orderId')).toBe('02024050100003');
    expect(cell(row, 'zip')).toBe('06234');
    expect(cell(row, 'phone')).toBe("'+82 10 1234 5678");
    expect(cell(row, 'receiver')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(cell(row, 'address')).toBe("'-서울 @101");
    expect(cell(row, 'orderedAt')).toBe('2024-05-02 00:30');
    expect(cell(row, 'state')).toBe('출고');
    expect(cell(row, 'carrier')).toBe('롯데택배');
    expect(cell(row, 'tracking')).toBe('등록 실패: =송장 오류');
    expect(cell(row, 'quantity')).toBe(1 + (3 % 3));
    expect(renderRow(ordersLayout, order, en).cells[2 + ordersLayout.columns.findIndex((column) => column.id === 'state')]).toBe('Shipped');
    expect(decodeRendered(row.cells[1])).toEqual({ key: order.key, values: { carrier: '롯데택배', trackingNumber: '012345678901' } });
  });

  it('render an order whose buyer data was erased with a marker and empty buyer cells', () => {
    const order = makeOrder(4, {
      state: 'SHIPPED',
      receiver: { name: '', phone: '', zip: '', address1: '', address2: '' },
      piiErasedAt: '2024-09-01T00:00:00.000Z',
      tracking: { status: 'accepted', carrier: 'cj', trackingNumber: '123456789012' },
    });
    const row = renderRow(ordersLayout, order, ko);
    expect(cell(row, 'receiver')).toBe('(보관 기간 만료로 삭제됨)');
    expect([cell(row, 'phone'), cell(row, 'zip'), cell(row, 'address'), cell(row, 'message')]).toEqual(['', '', '', '']);
    expect(cell(row, 'trackingNumber')).toBe('123456789012');
    expect(cell(renderRow(ordersLayout, order, en), 'receiver')).toBe('(erased after the retention period)');
  });

  it('summarise several lines and partial cancels', () => {
    const order = makeOrder(1, {
      lines: [
        { lineId: 'l1', listingId: 'p1', quantity: 3, cancelled: 1, returned: 0, productName: '이어폰', optionName: '블랙' },
        { lineId: 'l2', listingId: 'p2', quantity: 1, cancelled: 0, returned: 0 },
      ],
    });
    const row = renderRow(ordersLayout, order, ko);
    expect(cell(row, 'products')).toBe('이어폰 / 블랙 x2 외 1건');
    expect(cell(row, 'quantity')).toBe(3);
  });

  it('render stock status and the mapping rows of listings and of unmapped alerts', () => {
    expect(renderRow(stockLayout, makeSku(1, { onHand: 1, reserved: 3, available: 0 }), ko).cells.at(-1)).toBe('부족');
    expect(renderRow(stockLayout, makeSku(1, { onHand: 3, reserved: 1, safety: 2, available: 0 }), ko).cells.at(-1)).toBe('품절');
    const mapped = renderRow(mappingsLayout, mappingFromListing(makeListing(7, { components: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 1 }] })), ko);
    expect(mapped.key).toBe('smartstore:main:90007');
    expect(mapped.cells.slice(2)).toEqual(['스마트스토어', 'main', '90007', '무선 이어폰 7', 'A x2, B', 5, '수동', '매핑됨']);
    const [unmapped] = mappingsFromAlerts([unmappedAlert('555:1', '=오류 상품'), makeAlert('SHORTAGE', 'SKU-1', { missing: 2 })]);
    expect(unmapped).toBeDefined();
    expect(renderRow(mappingsLayout, unmapped!, ko).cells.slice(2)).toEqual(['쿠팡', 'main', '555:1', "'=오류 상품", '', '', '', '매핑 필요']);
  });

  it('render alerts with their message, or their type and facts when the table has none', () => {
    const shortage = renderRow(alertsLayout, makeAlert('SHORTAGE', 'SKU-1', { missing: 2 }, { severity: 'critical' }), ko);
    expect(shortage.cells.slice(2, 6)).toEqual(['긴급', '재고 부족', 'SKU-1', 'SKU-1 재고가 2개 부족합니다']);
    const held = renderRow(alertsLayout, makeAlert('HELD_ORDER', 'smartstore:main:1', { reason: 'UNMAPPED' }), en);
    expect(held.cells[5]).toBe('Order smartstore:main:1 is held: Unmapped');
    const channel = renderRow(alertsLayout, makeAlert('CHANNEL_ERROR', 'coupang:main', { message: '=401', code: 401 }), ko);
    expect(channel.cells[5]).toBe('채널 오류 · message: =401 · code: 401');
    expect(channel.cells[1]).toBe('');
  });
});
