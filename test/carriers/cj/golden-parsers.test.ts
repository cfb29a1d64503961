import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBooking, cancellationOf, cjCustUseNo, type CjBookingInput } from '../../../server/carriers/cj/booking';
import { CjError } from '../../../server/carriers/cj/errors';
import { interpretBook, interpretCancel, interpretInvoice, interpretRefine, interpretToken, parseEnvelope, type CjEnvelope } from '../../../server/carriers/cj/wire';

/** Hand-written answers and requests from the field lists in carriers.md §2.2 (and the guide summary it cites). */
function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/cj/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function envelopeOf(file: string, key: string): CjEnvelope {
  const envelope = parseEnvelope(fixture(file)[key]);
  if (!envelope) throw new Error(`fixture ${file}.${key} is not an envelope`);
  return envelope;
}

function thrown(run: () => unknown): CjError {
  try {
    run();
  } catch (error) {
    if (error instanceof CjError) return error;
    throw error;
  }
  throw new Error('expected a CjError');
}

describe('CJ answer parsers against golden fixtures', () => {
  it('reads a token and its KST expiry stamp, or 24 h after issue when there is none', () => {
    expect(interpretToken(envelopeOf('token', 'ok'), 0)).toEqual({
      token: '23c5c70e-97f8-4a46-9d4a-8b15b098429z',
      expiresAt: Date.UTC(2021, 2, 27, 5, 10, 12),
      notice: null,
    });
    const issuedAt = Date.UTC(2025, 4, 15, 0, 0, 0);
    expect(interpretToken(envelopeOf('token', 'okWithNoticeNoExpiry'), issuedAt)).toMatchObject({ expiresAt: issuedAt + 24 * 3600_000, notice: expect.stringContaining('점검') });
    expect(thrown(() => interpretToken(envelopeOf('token', 'refused'), 0))).toMatchObject({ kind: 'rejected', details: { detail: expect.stringContaining('사업자번호') } });
    expect(thrown(() => interpretToken(envelopeOf('token', 'successWithoutToken'), 0))).toMatchObject({ kind: 'bad_response', details: { field: 'TOKEN_NUM' } });
  });

  it('maps every refinement field to the sort codes the label prints', () => {
    expect(interpretRefine(envelopeOf('refine', 'ok'))).toEqual({
      kind: 'refined',
      delayProne: false,
      sort: {
        sortCode: '7K41',
        subSortCode: '2c',
        shortAddress: '테헤란로 152 강남파이낸스',
        deliveryBranch: '강남역삼',
        driverName: '##',
        driverSortCode: 'G03-01',
        region: '01',
        p2pCode: null,
      },
    });
    expect(interpretRefine(envelopeOf('refine', 'okMinimal'))).toMatchObject({ sort: { sortCode: '5D32', subSortCode: null, shortAddress: null, p2pCode: null } });
    expect(thrown(() => interpretRefine(envelopeOf('refine', 'okWithoutData')))).toMatchObject({ kind: 'bad_response' });
  });

  it('tells undeliverable, unparseable and unrouted addresses apart, wherever CJ puts the code', () => {
    for (const key of ['undeliverable', 'undeliverableInDetail', 'undeliverableNumericCode']) {
      expect(interpretRefine(envelopeOf('refine', key))).toMatchObject({ kind: 'undeliverable', code: '-20009', detail: expect.stringContaining('배송이 불가능') });
    }
    expect(interpretRefine(envelopeOf('refine', 'unparseable'))).toMatchObject({ kind: 'unparseable', code: '-20002' });
    expect(interpretRefine(envelopeOf('refine', 'noDeliveryArea'))).toMatchObject({ kind: 'unrouted', code: '-20003' });
  });

  it('treats -20010 as a warning on a refined address, with or without codes', () => {
    expect(interpretRefine(envelopeOf('refine', 'delayProne'))).toMatchObject({ kind: 'refined', delayProne: true, sort: { sortCode: '9Z01', deliveryBranch: '울릉' } });
    expect(interpretRefine(envelopeOf('refine', 'delayProneWithoutData'))).toEqual({ kind: 'refined', delayProne: true, sort: null });
  });

  it('throws contract errors for -20008 and -20001, and a plain rejection for -20000', () => {
    expect(thrown(() => interpretRefine(envelopeOf('refine', 'contractExpired')))).toMatchObject({ kind: 'contract', details: { resultCode: '-20008' } });
    expect(thrown(() => interpretRefine(envelopeOf('refine', 'unknownCustomer')))).toMatchObject({ kind: 'contract', details: { resultCode: '-20001' } });
    expect(thrown(() => interpretRefine(envelopeOf('refine', 'badParameter')))).toMatchObject({ kind: 'rejected', retryable: false });
  });

  it('reads one invoice number of 12 (or legacy 10) digits and refuses anything else', () => {
    expect(interpretInvoice(envelopeOf('invoice', 'ok'))).toBe('650000000033');
    expect(interpretInvoice(envelopeOf('invoice', 'okLegacyTenDigits'))).toBe('6500000033');
    expect(interpretInvoice(envelopeOf('invoice', 'okAsNumber'))).toBe('650000000034');
    expect(thrown(() => interpretInvoice(envelopeOf('invoice', 'shortNumber')))).toMatchObject({ kind: 'bad_response', details: { field: 'INVC_NO' } });
    expect(thrown(() => interpretInvoice(envelopeOf('invoice', 'refused')))).toMatchObject({ kind: 'rejected', details: { detail: expect.stringContaining('미사용') } });
  });

  it('reads RegBook answers: booked, duplicate key (ORA-00001), or CJ text', () => {
    expect(interpretBook(envelopeOf('book', 'ok'))).toEqual({ kind: 'booked' });
    expect(interpretBook(envelopeOf('book', 'duplicate'))).toEqual({ kind: 'duplicate', detail: 'ORA-00001' });
    expect(thrown(() => interpretBook(envelopeOf('book', 'refused')))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('RCVR_NM') });
    expect(parseEnvelope(fixture('book').notAnEnvelope)).toBeNull();
  });

  it('reads CnclBook answers: cancelled, already cancelled, picked up, not found, or CJ text', () => {
    expect(interpretCancel(envelopeOf('cancel', 'ok'))).toEqual({ kind: 'cancelled' });
    expect(interpretCancel(envelopeOf('cancel', 'alreadyCancelled'))).toMatchObject({ kind: 'alreadyCancelled' });
    expect(interpretCancel(envelopeOf('cancel', 'pickedUp'))).toMatchObject({ kind: 'refused', reason: 'picked_up' });
    expect(interpretCancel(envelopeOf('cancel', 'notFound'))).toMatchObject({ kind: 'notFound' });
    expect(thrown(() => interpretCancel(envelopeOf('cancel', 'other')))).toMatchObject({ kind: 'rejected' });
  });
});

describe('RegBook request against its golden record', () => {
  const golden = fixture('regbook-request') as { context: { customerId: string; receiptDate: string }; input: CjBookingInput; expected: Record<string, unknown> };

  it('builds exactly the hand-written record', () => {
    expect(buildBooking(golden.input, golden.context)).toEqual(golden.expected);
  });

  it('cancels with the same record and REQ_DV_CD 02', () => {
    expect(cancellationOf(buildBooking(golden.input, golden.context))).toEqual({ ...golden.expected, REQ_DV_CD: '02' });
  });

  it('names the field when the input breaks CJ rules', () => {
    const tooLong = { ...golden.input, custUseNo: 'X'.repeat(51) };
    expect(thrown(() => buildBooking(tooLong, golden.context))).toMatchObject({ kind: 'invalid_input', details: { field: 'CUST_USE_NO' } });
    const badPhone = { ...golden.input, receiver: { ...golden.input.receiver, phone: '12345' } };
    expect(thrown(() => buildBooking(badPhone, golden.context))).toMatchObject({ kind: 'invalid_input', details: { field: 'receiver.phone' } });
    const noGoods = { ...golden.input, goods: [] };
    expect(thrown(() => buildBooking(noGoods, golden.context))).toMatchObject({ kind: 'invalid_input', details: { field: 'ARRAY' } });
    const blankName = { ...golden.input, goods: [{ name: '  ' }] };
    expect(thrown(() => buildBooking(blankName, golden.context))).toMatchObject({ kind: 'invalid_input', details: { field: 'ARRAY.0.GDS_NM' } });
  });

  it('builds CUST_USE_NO values that fit the field, differ per attempt and stay stable per parcel', () => {
    const first = cjCustUseNo('smartstore:main:2025051512345|1', 1);
    expect(first).toMatch(/^[0-9A-F]{24}-1$/);
    expect(cjCustUseNo('smartstore:main:2025051512345|1', 1)).toBe(first);
    expect(cjCustUseNo('smartstore:main:2025051512345|1', 2)).not.toBe(first);
    expect(cjCustUseNo('smartstore:main:2025051512345|2', 1)).not.toBe(first);
    expect(cjCustUseNo('k', Number.MAX_SAFE_INTEGER).length).toBeLessThanOrEqual(50);
    expect(thrown(() => cjCustUseNo('k', 0))).toMatchObject({ kind: 'invalid_input', details: { field: 'attempt' } });
  });
});
