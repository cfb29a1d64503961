import { describe, expect, it } from 'vitest';
import { validateTrackingNumber } from '../../../shared/carriers';
import { cjCustUseNo } from '../../../server/carriers/cj/booking';
import type { CjClient } from '../../../server/carriers/cj/client';
import { isCjError } from '../../../server/carriers/cj/errors';
import { cjHarness, parcelInput } from './harness';

const PARCEL = 'smartstore:main:2025051500001|1';

/** The order the waybill service calls CJ in: refine, then number, then booking. */
async function issue(client: CjClient, attempt: number, address = '경기도 의왕시 내손로 12') {
  const refined = await client.refineAddress(address);
  if (refined.kind !== 'refined') return { refined, booking: null };
  const invoiceNo = await client.issueInvoiceNumber();
  const input = parcelInput(cjCustUseNo(PARCEL, attempt), invoiceNo);
  const booking = client.prepareBooking({ ...input, receiver: { ...input.receiver, address } });
  expect(await client.registerBooking(booking)).toEqual({ kind: 'booked' });
  return { refined, booking };
}

describe('CJ sandbox flow', () => {
  it('issues, books, voids and re-issues under a new CUST_USE_NO without a collision', async () => {
    const { sandbox, client } = await cjHarness();
    const first = await issue(client, 1);
    if (!first.booking) throw new Error('expected a booking');
    const firstNumber = first.booking.INVC_NO ?? '';
    expect(sandbox.state.liveBookingCount(firstNumber)).toBe(1);

    expect(await client.cancelBooking(first.booking)).toEqual({ kind: 'cancelled' });
    expect(sandbox.state.liveBookingCount(firstNumber)).toBe(0);

    const second = await issue(client, 2);
    if (!second.booking) throw new Error('expected a booking');
    expect(second.booking.CUST_USE_NO).not.toBe(first.booking.CUST_USE_NO);
    expect(second.booking.INVC_NO).not.toBe(firstNumber);
    expect(sandbox.state.liveBookings().map((row) => row.booking.INVC_NO)).toEqual([second.booking.INVC_NO]);
  });

  it('would collide if the re-issue reused the voided CUST_USE_NO', async () => {
    const { sandbox, client } = await cjHarness();
    const first = await issue(client, 1);
    if (!first.booking) throw new Error('expected a booking');
    await client.cancelBooking(first.booking);
    const reused = client.prepareBooking(parcelInput(first.booking.CUST_USE_NO, await client.issueInvoiceNumber()));
    expect(await client.registerBooking(reused)).toMatchObject({ kind: 'duplicate', detail: expect.stringContaining('ORA-00001') });
    expect(sandbox.state.liveBookings()).toHaveLength(0);
  });

  it('stops at an undeliverable address: no number, no booking', async () => {
    const { sandbox, client } = await cjHarness();
    const result = await issue(client, 1, '경북 울릉군 울릉읍 독도리 1');
    expect(result.refined).toMatchObject({ kind: 'undeliverable', code: '-20009' });
    expect(result.booking).toBeNull();
    expect(sandbox.state.issuedInvoices()).toHaveLength(0);
    expect(sandbox.state.bookingRows()).toHaveLength(0);
  });

  it('refuses a duplicate booking, keeping one live booking for the box', async () => {
    const { sandbox, client } = await cjHarness();
    const { booking } = await issue(client, 1);
    if (!booking) throw new Error('expected a booking');
    expect(await client.registerBooking(booking)).toMatchObject({ kind: 'duplicate' });
    expect(sandbox.state.liveBookingCount(booking.INVC_NO ?? '')).toBe(1);
  });

  it('refuses to cancel after the pickup scan, and knows cancelled and unknown bookings', async () => {
    const { sandbox, client } = await cjHarness();
    const { booking } = await issue(client, 1);
    if (!booking) throw new Error('expected a booking');
    expect(sandbox.control.markPickedUp({ invoiceNo: booking.INVC_NO ?? '' })).toBe(1);
    expect(await client.cancelBooking(booking)).toMatchObject({ kind: 'refused', reason: 'picked_up', detail: expect.stringContaining('집화') });
    expect(sandbox.state.liveBookingCount(booking.INVC_NO ?? '')).toBe(1);

    const other = await issue(client, 2);
    if (!other.booking) throw new Error('expected a booking');
    expect(await client.cancelBooking(other.booking)).toEqual({ kind: 'cancelled' });
    expect(await client.cancelBooking(other.booking)).toMatchObject({ kind: 'alreadyCancelled' });

    const never = client.prepareBooking(parcelInput(cjCustUseNo(PARCEL, 9), '650000009999'));
    expect(await client.cancelBooking(never)).toMatchObject({ kind: 'notFound' });
  });

  it('hands out unique 12-digit numbers, one per call, even concurrently', async () => {
    const { sandbox, client } = await cjHarness();
    const numbers = await Promise.all(Array.from({ length: 25 }, () => client.issueInvoiceNumber()));
    expect(new Set(numbers).size).toBe(25);
    for (const number of numbers) expect(validateTrackingNumber('cj', number)).toEqual({ ok: true, number });
    expect(sandbox.state.requests('ReqInvcNo')).toHaveLength(25);
  });

  it('surfaces CJ refusing numbers while too many issued ones are unused', async () => {
    const { sandbox, client } = await cjHarness({ sandbox: { maxUnusedInvoices: 2 } });
    await client.issueInvoiceNumber();
    await client.issueInvoiceNumber();
    const outcome = await client.issueInvoiceNumber().catch((error: unknown) => error);
    expect(isCjError(outcome, 'rejected')).toBe(true);
    expect(outcome).toMatchObject({ details: { detail: expect.stringContaining('미사용') } });
    expect(sandbox.state.unusedInvoices()).toBe(2);
  });
});
