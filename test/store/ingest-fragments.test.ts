import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderInput } from '../../shared/order';
import { pushOrderArgs } from '../../server/store/ingest-batch';

const text = (bytes: Buffer | string) => (typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

/** The stored fields the fragments stand for, as JSON.stringify would write them. */
function expected(input: OrderInput, key: string) {
  const { channel, account, orderId, receiver, message, orderedAt, dueAt } = input;
  return {
    head: { key, channel, account, orderId, receiver: { ...receiver, address2: receiver.address2 ?? '' }, message, orderedAt, dueAt },
    lines: input.lines,
  };
}

describe('the JSON fragments an order is sent as', () => {
  it('parse to exactly the fields JSON.stringify would write, whatever the text holds', () => {
    fc.assert(
      fc.property(
        fc.record({
          orderId: anyText,
          name: anyText,
          address1: anyText,
          address2: fc.option(anyText, { nil: undefined }),
          message: fc.option(anyText, { nil: undefined }),
          lineId: anyText,
          listingId: anyText,
          sellerCode: fc.option(anyText, { nil: undefined }),
          productName: fc.option(anyText, { nil: undefined }),
          optionName: fc.option(anyText, { nil: undefined }),
          dated: fc.boolean(),
        }),
        (v) => {
          const receiver = { name: v.name, phone: '010-1234-5678', zip: '06234', address1: v.address1, ...(v.address2 === undefined ? {} : { address2: v.address2 }) };
          const line = {
            lineId: v.lineId,
            listingId: v.listingId,
            quantity: 3,
            ...(v.sellerCode === undefined ? {} : { sellerCode: v.sellerCode }),
            ...(v.productName === undefined ? {} : { productName: v.productName }),
            ...(v.optionName === undefined ? {} : { optionName: v.optionName }),
          };
          const input: OrderInput = {
            channel: 'coupang',
            account: 'A0001가',
            orderId: v.orderId,
            receiver,
            lines: [line, { lineId: 'second', listingId: 'L-2', quantity: 1 }],
            ...(v.message === undefined ? {} : { message: v.message }),
            ...(v.dated ? { orderedAt: '2025-05-01T10:00:00+09:00', dueAt: '2025-05-02T18:00:00.5+09:00' } : {}),
          };
          const key = `coupang:A0001가:${v.orderId}`;
          const args: (string | Buffer)[] = [];
          pushOrderArgs(input, key, 1234, args);

          expect(args.slice(0, 3)).toEqual([key, '1234', '2']);
          const want = expected(input, key);
          expect(JSON.parse(`${text(args[3]!)}}`)).toEqual(JSON.parse(JSON.stringify(want.head)));
          expect(JSON.parse(`${text(args[4]!)}}`)).toEqual(JSON.parse(JSON.stringify(want.lines[0])));
          expect(args.slice(5, 7)).toEqual([`coupang:A0001가:${v.listingId}`, '3']);
          expect(JSON.parse(`${text(args[7]!)}}`)).toEqual(want.lines[1]);
          expect(args.slice(8)).toEqual(['coupang:A0001가:L-2', '1']);
        },
      ),
      { numRuns: 300 },
    );
  });
});
