import { describe, expect, it } from 'vitest';
import type { OhouseField } from '../../../addon/ohouse/fields';
import { kstIso, parseOhouseRows, pastedText, type PastedRow } from '../../../addon/ohouse/parse';

function rows(...entries: Partial<Record<OhouseField, unknown>>[]): PastedRow[] {
  return entries.map((entry, index) => ({ row: index + 2, get: (field) => pastedText(entry[field]) }));
}

const base = { productName: '원목 스툴', quantity: 1, receiver: '박민수', phone: '010-9876-5432', zip: '06236', address1: '서울 강남구 역삼로 1', orderedAt: '2024.06.07 19:00' };

describe('reading the pasted 오로라 rows', () => {
  it('reads KST times with dots, dashes or slashes', () => {
    expect(kstIso('2024.06.07 19:00')).toBe('2024-06-07T19:00:00+09:00');
    expect(kstIso('2024-6-7 09:05:30')).toBe('2024-06-07T09:05:30+09:00');
    expect(kstIso('2024/06/07')).toBe('2024-06-07T00:00:00+09:00');
    expect(kstIso('어제')).toBeNull();
  });

  it('keeps long order numbers exact, drops Excel text markers and puts back the leading zeros Excel dropped', () => {
    const parsed = parseOhouseRows(rows({ ...base, orderId: 2024060712345678, lineId: "'202406071234567801", phone: 1098765432, zip: 6236 }), 'main');
    expect(parsed.problems.size).toBe(0);
    const order = parsed.orders[0]!.input;
    expect(order).toMatchObject({ channel: 'ohouse', account: 'main', orderId: '2024060712345678', orderedAt: '2024-06-07T19:00:00+09:00' });
    expect(order.receiver).toMatchObject({ phone: '01098765432', zip: '06236' });
    expect(order.lines[0]?.lineId).toBe('202406071234567801');
  });

  it('groups lines into orders, and names lines by content so a re-paste in another order names them the same', () => {
    const a = { ...base, orderId: '_A100', productName: '원목 스툴', optionName: '오크', quantity: 2, sellerCode: 'STOOL-OAK' };
    const b = { ...base, orderId: '_A100', productName: '쿠션', optionName: '회색' };
    const first = parseOhouseRows(rows(a, b), 'main');
    const second = parseOhouseRows(rows(b, a), 'main');
    expect(first.orders).toHaveLength(1);
    const lines = (result: typeof first) => [...(result.orders[0]?.input.lines ?? [])].sort((x, y) => x.lineId.localeCompare(y.lineId));
    expect(lines(first)).toEqual(lines(second));
    const stool = lines(first).find((line) => line.productName === '원목 스툴');
    // The seller code names the listing (and maps it to the SKU of that code automatically).
    expect(stool).toMatchObject({ listingId: 'STOOL-OAK', sellerCode: 'STOOL-OAK', quantity: 2, optionName: '오크' });
    expect(lines(first).find((line) => line.productName === '쿠션')?.listingId).toMatch(/^name-[0-9a-f]{8}$/);
  });

  it('a row missing what an order needs is reported by field, and its order is not sent half', () => {
    const parsed = parseOhouseRows(rows({ ...base, orderId: 'B1', receiver: '' }, { ...base, orderId: 'B2', quantity: 'two' }, { ...base, orderId: 'B3', phone: '연락처 없음' }), 'main');
    expect(parsed.orders).toEqual([]);
    expect(Object.fromEntries(parsed.problems)).toEqual({
      2: { field: 'receiver', problem: 'missing' },
      3: { field: 'quantity', problem: 'must be a whole number, 1 or more' },
      4: { field: 'receiver.phone', problem: 'must be 4-20 digits, spaces, "+", "(", ")" or "-"' },
    });
  });
});
