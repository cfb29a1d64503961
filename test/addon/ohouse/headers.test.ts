import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIASES, headerForms, matchHeaders } from '../../../addon/ohouse/fields';

describe('matching the 오로라 export headers', () => {
  it('ignores spaces and brackets, as characters and with what they enclose', () => {
    expect(headerForms(' 수취인 연락처 ')).toEqual(['수취인연락처']);
    expect(headerForms('[필수] 주문번호')).toEqual(['필수주문번호', '주문번호']);
    expect(headerForms('수량(개)')).toEqual(['수량개', '수량']);
  });

  it('finds every field by its names, each column used once, in the export order people see', () => {
    const header = ['No', '[필수] 주문번호', '주문상세번호', '상품명', '옵션명', '수량(개)', '받는분', '휴대폰', '우편번호', '배송지 주소', '상세주소', '배송메세지', '결제일시', '판매자상품코드'];
    expect(matchHeaders(header, DEFAULT_ALIASES)).toEqual({
      orderId: 1,
      lineId: 2,
      sellerCode: 13,
      productName: 3,
      optionName: 4,
      quantity: 5,
      receiver: 6,
      phone: 7,
      zip: 8,
      address1: 9,
      address2: 10,
      message: 11,
      orderedAt: 12,
    });
  });

  it('a 주문상세번호 column is the order number only when no 주문번호 exists', () => {
    expect(matchHeaders(['주문상세번호', '상품명'], DEFAULT_ALIASES)).toEqual({ orderId: 0, productName: 1 });
    expect(matchHeaders(['주문번호', '주문상세번호', '상품명'], DEFAULT_ALIASES)).toMatchObject({ orderId: 0, lineId: 1 });
  });

  it('a row without an order number or a product name is not the header; edited names are used', () => {
    expect(matchHeaders(['2024 주문 내역', '', ''], DEFAULT_ALIASES)).toBeNull();
    expect(matchHeaders(['Order No', 'Item'], DEFAULT_ALIASES)).toBeNull();
    expect(matchHeaders(['Order No', 'Item'], { ...DEFAULT_ALIASES, orderId: ['order no'], productName: ['ITEM'] })).toEqual({ orderId: 0, productName: 1 });
  });
});
