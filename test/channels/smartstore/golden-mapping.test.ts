import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapOrders } from '../../../server/channels/smartstore/map';
import { rowKey } from '../../../server/channels/smartstore/feed';
import { describeGatewayError } from '../../../server/channels/smartstore/transport';
import {
  ConfirmResponseSchema,
  DispatchResponseSchema,
  GatewayErrorSchema,
  LastChangedResponseSchema,
  OriginProductResponseSchema,
  ProductOrdersResponseSchema,
  TokenResponseSchema,
} from '../../../server/channels/smartstore/wire';

/** The client's parsers and mappers on wire fixtures written by hand from channels.md, not from the sandbox. */
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/smartstore/${name}`, import.meta.url), 'utf8'));
}

const receiverKim = { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '서울특별시 강남구 테헤란로 152', address2: '101동 1001호' };

describe('smartstore golden fixtures', () => {
  it('reads the change feed sample: rows, page position and the dedupe key', () => {
    const page = LastChangedResponseSchema.parse(fixture('last-changed-statuses-page1.json'));
    expect(page.data?.more).toEqual({ moreFrom: '2024-06-07T19:01:02.000+09:00', moreSequence: '2024060798766' });
    expect(page.data?.lastChangeStatuses?.map(rowKey)).toEqual([`2024060798765|PAYED|${Date.parse('2024-06-07T10:01:02.000Z')}`]);
    const last = LastChangedResponseSchema.parse(fixture('last-changed-statuses-page2.json'));
    expect(last.data?.more).toBeUndefined();
    expect(last.data?.lastChangeStatuses?.map((row) => [row.lastChangedType, row.claimType, row.receiverAddressChanged])).toEqual([
      ['PAYED', null, false],
      ['CLAIM_REQUESTED', 'CANCEL', false],
      ['DELIVERY_ADDRESS_CHANGED', 'RETURN', true],
    ]);
  });

  it('maps product orders to orders: listings, seller codes, deadline, receiver, claims, dispatch, unreadables', () => {
    const entries = ProductOrdersResponseSchema.parse(fixture('product-orders.json')).data ?? [];
    const { orders, unreadable } = mapOrders('main', entries, new Set(['2024060712500']));
    expect(orders).toEqual([
      {
        order: {
          channel: 'smartstore',
          account: 'main',
          orderId: '2024060712345',
          orderedAt: '2024-06-07T19:00:40.000+09:00',
          dueAt: '2024-06-09T23:59:59.000+09:00',
          lines: [
            { lineId: '2024060798765', listingId: '2222:3333', quantity: 2, sellerCode: 'SKU-RED-M', productName: '티셔츠', optionName: '색상: 빨강 / 사이즈: M' },
            { lineId: '2024060798766', listingId: '2223', quantity: 1, sellerCode: 'MUG-WHITE', productName: '머그컵' },
          ],
          receiver: receiverKim,
          message: '부재 시 경비실에 맡겨주세요',
        },
        confirmedLineIds: [],
        dispatched: [],
        claims: [],
        addressChanged: false,
      },
      {
        order: {
          channel: 'smartstore',
          account: 'main',
          orderId: '2024060712400',
          orderedAt: '2024-06-07T09:59:00.000+09:00',
          dueAt: '2024-06-10T23:59:59.000+09:00',
          lines: [{ lineId: '2024060798800', listingId: '2222:3334', quantity: 3, sellerCode: 'SKU-BLUE-L', productName: '티셔츠', optionName: '색상: 파랑 / 사이즈: L' }],
          receiver: { name: '이영희', phone: '010-2222-3333', zip: '48058', address1: '부산광역시 해운대구 센텀중앙로 79' },
        },
        confirmedLineIds: ['2024060798800'],
        dispatched: [],
        claims: [{ orderId: '2024060712400', lineId: '2024060798800', type: 'CANCEL', status: 'REQUESTED', quantity: 1, reason: 'INTENT_CHANGED', at: '2024-06-07T19:02:30.500+09:00' }],
        addressChanged: false,
      },
      {
        order: {
          channel: 'smartstore',
          account: 'main',
          orderId: '2024060712500',
          orderedAt: '2024-06-06T20:59:00.000+09:00',
          dueAt: '2024-06-08T23:59:59.000+09:00',
          lines: [{ lineId: '2024060798900', listingId: '2222:3333', quantity: 2, sellerCode: 'SKU-RED-M', productName: '티셔츠', optionName: '색상: 빨강 / 사이즈: M' }],
          receiver: { name: '박민수', phone: '010-4444-5555', zip: '34134', address1: '대전광역시 유성구 대학로 99', address2: '공학관 301호' },
        },
        confirmedLineIds: ['2024060798900'],
        dispatched: [{ lineId: '2024060798900', trackingNumber: '123456789012' }],
        claims: [{ orderId: '2024060712500', lineId: '2024060798900', type: 'RETURN', status: 'REQUESTED', quantity: 1, reason: 'COLOR_AND_SIZE', at: '2024-06-07T18:00:00.000+09:00' }],
        addressChanged: true,
      },
      {
        order: {
          channel: 'smartstore',
          account: 'main',
          orderId: '2024060712900',
          orderedAt: '2024-06-07T19:04:30.000+09:00',
          dueAt: '2024-06-10T23:59:59.000+09:00',
          lines: [{ lineId: '2024060799300', listingId: '2222:3333', quantity: 1, sellerCode: 'SKU-RED-M', productName: '티셔츠' }],
          receiver: { name: '한도윤', phone: '0507-1234-5678', zip: '21984', address1: '인천광역시 연수구 송도과학로 32' },
        },
        confirmedLineIds: [],
        dispatched: [],
        claims: [],
        addressChanged: false,
      },
    ]);
    expect(unreadable).toEqual([
      { orderId: '2024060712800', problem: expect.stringContaining('productOrder.productOrderId') },
      { orderId: '2024060712700', problem: 'the order has no shipping address' },
    ]);
  });

  it('reads confirm and dispatch responses, whose shapes differ', () => {
    expect(ConfirmResponseSchema.parse(fixture('confirm-response.json')).data).toEqual({
      successProductOrderInfos: [
        { productOrderId: '2024060798765', isReceiverAddressChanged: false },
        { productOrderId: '2024060798766', isReceiverAddressChanged: true },
      ],
      failProductOrderInfos: [{ productOrderId: '2024060798800', code: '104127', message: '취소 요청된 상품주문입니다.' }],
    });
    expect(DispatchResponseSchema.parse(fixture('dispatch-response.json')).data).toEqual({
      successProductOrderIds: ['2024060798765'],
      failProductOrderInfos: [{ productOrderId: '2024060798766', code: '104150', message: '발주확인 후 발송처리할 수 있습니다.' }],
    });
  });

  it('reads the product: option rows with ids as strings, stock, price, seller code, usable', () => {
    const product = OriginProductResponseSchema.parse(fixture('origin-product.json'));
    expect(product.originProduct.detailAttribute?.optionInfo?.optionCombinations).toEqual([
      { id: '3333', stockQuantity: 5, price: 0, sellerManagerCode: 'SKU-RED-M', usable: true },
      { id: '3334', stockQuantity: 12, price: 1000, sellerManagerCode: 'SKU-BLUE-L', usable: true },
      { id: '3335', stockQuantity: 0, price: 2000, sellerManagerCode: 'SKU-BLACK-XL', usable: false },
    ]);
  });

  it('reads the token response and describes an error body by its invalid inputs', () => {
    expect(TokenResponseSchema.parse(fixture('token-response.json'))).toEqual({ access_token: '2Zq8vYV0rKx4cXxfXk0Fyb', expires_in: 10800, token_type: 'Bearer' });
    expect(describeGatewayError(GatewayErrorSchema.parse(fixture('error-invalid-inputs.json')))).toBe('104000: 요청 파라미터가 유효하지 않습니다. [productOrderIds: 크기가 1에서 30 사이여야 합니다.] (trace t-6)');
  });
});
