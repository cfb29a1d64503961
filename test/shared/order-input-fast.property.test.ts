import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptPostOrdersBody, PostOrdersBodySchema } from '../../shared/api/orders';
import { OrderInputSchema } from '../../shared/order';
import { acceptOrderInput } from '../../shared/order-input-fast';

// Field values: mostly valid, with the edges of every rule (lengths, patterns, trimming, types) mixed in, so
// the generated orders are valid and invalid in every way a field can be.
const length = (text: string, size: number) => text.repeat(Math.ceil(size / Math.max(1, text.length))).slice(0, size);
const oddValue = fc.constantFrom<unknown>(undefined, null, 0, 1.5, -1, true, '', ' ', [], {}, 'x'.repeat(301), new Date(0), Number.NaN);
const printable = (max: number) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.stringMatching(/^[A-Za-z0-9:_-]{1,12}$/) },
    { weight: 1, arbitrary: fc.constantFrom('주문-1', '1:2', length('x', max), length('y', max + 1), 'has space', 'tab\there', 'nl\n', '\u007f', '\u00a0', 'a\u2028b', '') },
    { weight: 1, arbitrary: oddValue },
  );
const text = (max: number) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', '티셔츠 흰색 M', length('가', max), length('나', max + 1), '\ud800') },
    { weight: 1, arbitrary: oddValue },
  );
const trimmed = (max: number) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom('김철수', ' 김철수 ', '서울 강남구 테헤란로 1', 'a') },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t\n', ` ${length('a', max)} `, length('b', max + 1), '\u3000x\u3000', '\ufeffy') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: oddValue },
  );
const pattern = (good: string[], bad: unknown[]) => fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }, { weight: 1, arbitrary: oddValue });
const channel = pattern(['smartstore', 'coupang', 'cafe24', 'ohouse', 'manual'], ['amazon', 'Smartstore', 'smartstore ']);
const account = pattern(['main', 'A00012345', '본점', 'a.b_c-d', length('k', 64)], ['has:colon', 'sp ace', length('k', 65), '가나다!']);
const dateTime = pattern(['2024-05-01T10:15:00+09:00', '2025-01-01T00:00:00.123Z', '2024-02-29T23:59:59-05:30'], ['2023-02-29T00:00:00Z', '2024-05-01T10:15:00', '2024-05-01', 'yesterday', '2024-13-01T00:00:00Z']);
const quantity = fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 1, max: 1000 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, 99_999_999, 100_000_000, '1', Number.POSITIVE_INFINITY, -0) });

/** An object of these fields (the optional ones maybe left out), now and then without a required one or with a key the schema does not know. */
function record(fields: Record<string, fc.Arbitrary<unknown>>, optional: string[]): fc.Arbitrary<unknown> {
  const required = Object.keys(fields).filter((key) => !optional.includes(key));
  const base = fc.record(fields, { requiredKeys: required });
  const rarely = (keys: string[]) => fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...keys) });
  const missing = rarely(required);
  const extra = rarely(['extra', '__proto__', 'lines2']);
  return fc.tuple(base, missing, extra).map(([value, drop, add]) => {
    const copy: Record<string, unknown> = { ...value };
    if (drop !== null) delete copy[drop];
    if (add !== null) Object.defineProperty(copy, add, { value: 1, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

const line = record(
  { lineId: printable(100), listingId: printable(128), quantity, sellerCode: printable(64), productName: text(300), optionName: text(300) },
  ['sellerCode', 'productName', 'optionName'],
);
const receiver = record(
  {
    name: trimmed(100),
    phone: pattern(['010-1234-5678', '+82 (10) 1234 5678', '1234'], ['123', 'call me', length('1', 21), '010.1234']),
    zip: pattern(['06234', '', '123-45'], ['0623a', length('1', 11)]),
    address1: trimmed(300),
    address2: text(300),
  },
  ['address2'],
);
const lines = fc.oneof(
  { weight: 40, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], 'lines', null) },
  // Duplicate line ids, and an order at and past the line limit.
  { weight: 1, arbitrary: line.map((one) => [one, one]) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 101 }).map((count) => Array.from({ length: count }, (_, index) => ({ lineId: `l${index}`, listingId: 'L-A', quantity: 1 }))) },
);
const order = record(
  { channel, account, orderId: printable(100), orderedAt: dateTime, dueAt: dateTime, lines, receiver, message: text(500) },
  ['orderedAt', 'dueAt', 'message'],
);
const wellFormed = fc.record(
  {
    channel: fc.constantFrom('smartstore', 'coupang', 'manual'),
    account: fc.constantFrom('main', 'A00012345'),
    orderId: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
    orderedAt: fc.constant('2024-05-01T10:15:00+09:00'),
    lines: fc.uniqueArray(fc.record({ lineId: fc.stringMatching(/^[a-z0-9]{1,8}$/), listingId: fc.constantFrom('L-A', '1:2'), quantity: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 3, selector: (one) => one.lineId }),
    receiver: fc.record({ name: fc.constantFrom('김철수', ' 이영희 '), phone: fc.constant('010-1234-5678'), zip: fc.constant('06234'), address1: fc.constant('서울 강남구 테헤란로 1'), address2: fc.constantFrom('101호', '') }),
  },
  { requiredKeys: ['channel', 'account', 'orderId', 'lines', 'receiver'] },
);

describe('the fast order check', () => {
  it('accepts exactly what OrderInputSchema accepts and returns the same value', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(order, (input) => {
        const schema = OrderInputSchema.safeParse(input);
        const fast = acceptOrderInput(input);
        if (schema.success) {
          accepted += 1;
          expect(fast).toStrictEqual(schema.data);
        } else {
          refused += 1;
          expect(fast).toBeUndefined();
        }
      }),
      { numRuns: 5_000 },
    );
    // Both sides of the rule were exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(500);
  });

  it('takes the common well-formed order', () => {
    fc.assert(
      fc.property(wellFormed, (input) => {
        const fast = acceptOrderInput(input);
        expect(fast).toBeDefined();
        expect(fast).toStrictEqual(OrderInputSchema.parse(input));
      }),
      { numRuns: 500 },
    );
  });

  it('takes a POST /v1/orders body exactly when PostOrdersBodySchema does, with the same value', () => {
    const body = fc.oneof(
      { weight: 10, arbitrary: fc.array(order, { maxLength: 4 }).map((orders) => ({ orders })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({}, { orders: null }, { orders: [], extra: 1 }, [], null, { orders: Array.from({ length: 1001 }, () => ({})) }) },
    );
    fc.assert(
      fc.property(body, (input) => {
        const schema = PostOrdersBodySchema.safeParse(input);
        expect(acceptPostOrdersBody(input)).toStrictEqual(schema.success ? schema.data : undefined);
      }),
      { numRuns: 1_000 },
    );
  });

  it('leaves orders parsed from JSON with unusual shapes to the schema, which decides', () => {
    const good = { channel: 'manual', account: 'main', orderId: 'o1', lines: [{ lineId: 'l1', listingId: 'L-A', quantity: 1 }], receiver: { name: 'a', phone: '1234', zip: '', address1: 'b' } };
    expect(acceptOrderInput(good)).toStrictEqual(OrderInputSchema.parse(good));
    // A class instance is an object to zod but not a plain one here: the fast check declines it.
    class Shaped {
      channel = 'manual';
    }
    expect(acceptOrderInput(Object.assign(new Shaped(), good))).toBeUndefined();
    expect(acceptOrderInput(JSON.parse(JSON.stringify(good).replace('{"channel"', '{"__proto__":{},"channel"')))).toBeUndefined();
  });
});
