import { describe, expect, it } from 'vitest';
import { cjCustUseNo } from '../../../server/carriers/cj/booking';
import { CjError, isCjError } from '../../../server/carriers/cj/errors';
import { cjHarness, parcelInput } from './harness';

const PARCEL = 'coupang:main:88001|1';

function errorOf(outcome: unknown): CjError {
  if (!(outcome instanceof CjError)) throw new Error(`expected a CjError, got ${String(outcome)}`);
  return outcome;
}

describe('CJ faults', () => {
  it('reports a RegBook applied but whose answer was lost as an unknown outcome; cancelling it leaves no live booking', async () => {
    const { sandbox, client } = await cjHarness();
    const booking = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, 1), await client.issueInvoiceNumber()));
    sandbox.control.inject({ kind: 'appliedThenLost', endpoint: 'RegBook' });
    const error = errorOf(await client.registerBooking(booking).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ kind: 'unknown_outcome', retryable: false, details: { custUseNo: booking.CUST_USE_NO } });
    // Applied at CJ, sent once, never resent by the client.
    expect(sandbox.state.liveBookingCount(booking.INVC_NO ?? '')).toBe(1);
    expect(sandbox.state.requests('RegBook')).toHaveLength(1);

    expect(await client.cancelBooking(booking)).toEqual({ kind: 'cancelled' });
    expect(sandbox.state.liveBookings()).toHaveLength(0);

    const retry = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, 2), await client.issueInvoiceNumber()));
    expect(await client.registerBooking(retry)).toEqual({ kind: 'booked' });
    expect(sandbox.state.liveBookings().map((row) => row.booking.CUST_USE_NO)).toEqual([retry.CUST_USE_NO]);
  });

  it('reports a RegBook that timed out as an unknown outcome too; the cancel then finds nothing to cancel', async () => {
    const { sandbox, client } = await cjHarness({ client: { timeoutMs: 1_500 } });
    const booking = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, 1), await client.issueInvoiceNumber()));
    sandbox.control.inject({ kind: 'timeout', endpoint: 'RegBook' });
    const error = errorOf(await client.registerBooking(booking).catch((caught: unknown) => caught));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.cause).toMatchObject({ kind: 'timeout' });
    expect(await client.cancelBooking(booking)).toMatchObject({ kind: 'notFound' });
    expect(sandbox.state.liveBookings()).toHaveLength(0);
  });

  it('treats a 5xx or a malformed answer to RegBook as an unknown outcome', async () => {
    const { sandbox, client } = await cjHarness();
    for (const [attempt, fault] of [
      [1, { kind: 'http5xx', endpoint: 'RegBook', status: 502 }],
      [2, { kind: 'malformed', endpoint: 'RegBook' }],
    ] as const) {
      const booking = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, attempt), await client.issueInvoiceNumber()));
      sandbox.control.inject(fault);
      const error = errorOf(await client.registerBooking(booking).catch((caught: unknown) => caught));
      expect(error.kind).toBe('unknown_outcome');
      expect(error.cause).toMatchObject({ kind: fault.kind === 'http5xx' ? 'server' : 'bad_response' });
    }
    expect(sandbox.state.pendingFaults()).toBe(0);
  });

  it('reports a RegBook that never left (connection refused) as a plain network error, not an unknown outcome', async () => {
    const { sandbox, client } = await cjHarness();
    const booking = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, 1), '650000000001'));
    await client.token();
    await sandbox.stop();
    const error = errorOf(await client.registerBooking(booking).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ kind: 'network', retryable: true, details: { mayHaveReachedCj: false } });
  });

  it('reports a token request that failed before a RegBook as that failure: the booking was never sent', async () => {
    const { sandbox, client } = await cjHarness({ client: { timeoutMs: 1_500 } });
    const booking = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, 1), '650000000001'));
    sandbox.control.inject({ kind: 'timeout', endpoint: 'ReqOneDayToken' });
    const error = errorOf(await client.registerBooking(booking).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, details: { endpoint: 'ReqOneDayToken' } });
    expect(sandbox.state.requests('RegBook')).toHaveLength(0);
  });

  it('gives other calls retryable transport errors, and waits out a slow answer', async () => {
    const { sandbox, client } = await cjHarness({ client: { timeoutMs: 3_000 } });
    await client.token();
    sandbox.control.inject({ kind: 'http5xx', endpoint: 'ReqAddrRfnSm' });
    sandbox.control.inject({ kind: 'malformed', endpoint: 'ReqAddrRfnSm' });
    sandbox.control.inject({ kind: 'timeout', endpoint: 'ReqInvcNo' });
    sandbox.control.inject({ kind: 'slow', endpoint: 'ReqInvcNo', delayMs: 200 });
    const address = '서울 중구 세종대로 9길 53';
    expect(errorOf(await client.refineAddress(address).catch((caught: unknown) => caught))).toMatchObject({ kind: 'server', retryable: true, details: { httpStatus: 503 } });
    expect(errorOf(await client.refineAddress(address).catch((caught: unknown) => caught))).toMatchObject({ kind: 'bad_response', retryable: true });
    expect(await client.refineAddress(address)).toMatchObject({ kind: 'refined' });
    const timedOut = await client.issueInvoiceNumber().catch((caught: unknown) => caught);
    expect(isCjError(timedOut, 'timeout') && timedOut.retryable).toBe(true);
    expect(await client.issueInvoiceNumber()).toMatch(/^\d{12}$/);
  });
});
