import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../../../addon/actions/order-rows';
import { scanResultOf } from '../../../addon/actions/shipping';
import { groupParcels } from '../../../addon/actions/waybills';

function row(key: string, cells: Record<string, string>): OrderRow {
  return { row: 2, key, checked: true, cell: (id) => cells[id] ?? '' };
}

const kim = { state: '할당', receiver: '김철수', phone: '010-1234-5678', zip: '06234', address: '서울 강남구 테헤란로 1 101호' };

describe('parcels for 송장 발급', () => {
  it('allocated orders to the same receiver and address share one parcel (합포장); the rest go alone', () => {
    const rows = [
      row('smartstore:a:1', kim),
      row('coupang:b:2', { ...kim, receiver: ' 김철수 ', phone: '01012345678', address: '서울 강남구  테헤란로 1 101호' }),
      row('smartstore:a:3', { ...kim, address: '서울 강남구 테헤란로 1 102호' }),
      row('smartstore:a:4', { ...kim, state: '송장발급' }),
      row('smartstore:a:5', { ...kim, state: 'Allocated' }),
    ];
    expect(groupParcels(rows)).toEqual([['smartstore:a:1', 'coupang:b:2', 'smartstore:a:5'], ['smartstore:a:3'], ['smartstore:a:4']]);
  });

  it('a parcel never names more than 50 orders (the contract limit)', () => {
    const rows = Array.from({ length: 120 }, (_, index) => row(`manual:main:${index}`, kim));
    expect(groupParcels(rows).map((parcel) => parcel.length)).toEqual([50, 50, 20]);
  });
});

describe('scan answers in the sidebar terms', () => {
  it('shipped, verified, packed and every refusal', () => {
    expect(scanResultOf({ result: 'shipped', orderKeys: ['a:b:1'], waybillId: 'w', trackingNumber: '6', message: 'ok' }, 'ko')).toEqual({ ok: true, reason: 'OK', orderKeys: ['a:b:1'] });
    expect(scanResultOf({ result: 'verified', orderKeys: ['a:b:1'], remaining: 2, packed: false, message: '' }, 'ko')).toEqual({ ok: true, reason: 'OK', text: '남은 수량 2', orderKeys: ['a:b:1'] });
    expect(scanResultOf({ result: 'verified', orderKeys: ['a:b:1'], remaining: 0, packed: true, message: '' }, 'en')).toEqual({ ok: true, reason: 'PACKED', orderKeys: ['a:b:1'] });
    for (const reason of ['ALREADY_SHIPPED', 'CANCEL_REQUESTED', 'NOT_READY', 'NO_PARCEL_OPEN'] as const) {
      expect(scanResultOf({ result: 'refused', reason, orderKeys: [], message: 'x' }, 'ko')).toEqual({ ok: false, reason, orderKeys: [] });
    }
    // A reason the server learns later still refuses, with the server's own words.
    expect(scanResultOf({ result: 'refused', reason: 'SOMETHING_NEW' as never, orderKeys: [], message: '새로운 거부 사유' }, 'ko')).toEqual({ ok: false, reason: 'NOT_READY', text: '새로운 거부 사유', orderKeys: [] });
  });
});
