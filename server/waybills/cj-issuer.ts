import { createHash, randomUUID } from 'node:crypto';
import type { Order } from '../../shared/order';
import type { CarrierContract } from '../../shared/settings';
import { cjCustUseNo, isCjError, type CjBookingInput, type CjClient, type CjSortCodes } from '../carriers/cj';
import type { SellerStore } from '../store';
import type { CjAttempt, Issuance, StoredWaybill } from './records';
import { Refusal, isRefusal, scriptRefusal } from './refusal';
import type { WaybillStore } from './waybill-store';
import { bookingGoods, refineAddressOf } from './parcel-content';

export interface CjIssuerOptions {
  /** How long an issuance stays leased to its caller without a save; every save renews it. Longer than a CJ call. */
  leaseMs: number;
  /** How long a call waits for another caller's issuance of the same orders to finish. */
  waitMs: number;
  /** Test-only: a pause between CJ's answer to RegBook and saving it (the crash-safety test kills the process there). */
  saveDelayMs: number;
  now: () => number;
}

export type IssueOutcome = { result: 'applied'; replay: boolean; waybills: StoredWaybill[] } | { result: 'error'; refusal: Refusal };

/** A caller whose lease was taken over must stop at once: the new holder settles the attempts. */
class LeaseLost extends Error {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One issuance per parcel (its set of orders): the same orders, in any order, name the same issuance. */
export function issuanceIdOf(orderKeys: readonly string[]): string {
  return createHash('sha256').update([...orderKeys].sort().join('\n')).digest('hex').slice(0, 32);
}

/** The label's sort data; empty (not absent) when CJ sent none, so the address is not refined again. */
function sortCodeOf(sort: CjSortCodes | null): NonNullable<Issuance['sortCode']> {
  if (!sort) return {};
  const entries = { code: sort.sortCode, subCode: sort.subSortCode, shortAddress: sort.shortAddress, branch: sort.deliveryBranch, driverAlias: sort.driverSortCode };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => typeof value === 'string' && value.length > 0));
}

/** CJ's failures as a refusal for the parcel; anything else is a fault and is thrown on. */
function refusalOf(error: unknown): Refusal {
  if (isRefusal(error)) return error;
  if (isCjError(error)) return new Refusal('CARRIER_ERROR', { detail: error.details.detail ?? error.message }, 502);
  throw error;
}

/**
 * CJ numbers for one parcel, crash-safe. Every carrier call is recorded in Redis before it is made, under a
 * lease, and its result right after; whoever takes an issuance over (after a crash, or a failure that left it)
 * first cancels at CJ every booking whose result was never saved. So a box never has two live bookings, and a
 * number is attached to orders only once, when every box is booked.
 */
export class CjIssuer {
  constructor(
    private readonly sellerId: string,
    private readonly waybills: WaybillStore,
    private readonly seller: SellerStore,
    private readonly client: CjClient,
    private readonly options: CjIssuerOptions,
  ) {}

  async issue(parcel: { orderKeys: string[]; packages: number }, contract: CarrierContract, dispatchNow: boolean): Promise<IssueOutcome> {
    const issuanceId = issuanceIdOf(parcel.orderKeys);
    const giveUpAt = this.options.now() + this.options.waitMs;
    for (;;) {
      const token = randomUUID();
      const begun = await this.waybills.cjBegin({ issuanceId, orderKeys: parcel.orderKeys, packages: parcel.packages, token, leaseUntil: this.leaseUntil() });
      if (begun.kind === 'error') return { result: 'error', refusal: scriptRefusal(begun.error) };
      if (begun.kind === 'replay') return { result: 'applied', replay: true, waybills: begun.waybills };
      if (begun.kind === 'owner') return this.own(begun.record, contract, dispatchNow);
      const taken = await this.waybills.cjTakeOver(begun.issuanceId, token, this.leaseUntil());
      if (taken.kind === 'taken') {
        if (taken.record.id === issuanceId && taken.record.packages === parcel.packages) return this.own(taken.record, contract, dispatchNow);
        // An abandoned issuance of other boxes for these orders: settle it, then start afresh.
        await this.rollBack(taken.record);
      } else if (taken.kind === 'live') {
        if (this.options.now() > giveUpAt) return { result: 'error', refusal: new Refusal('ISSUE_IN_PROGRESS', { key: parcel.orderKeys[0] ?? '' }) };
        await sleep(100);
      }
    }
  }

  /** Settles and drops an issuance nobody holds any more (the recovery worker's job). */
  async recover(issuanceId: string): Promise<'settled' | 'live' | 'gone' | 'kept'> {
    const taken = await this.waybills.cjTakeOver(issuanceId, randomUUID(), this.leaseUntil());
    if (taken.kind !== 'taken') return taken.kind;
    return (await this.rollBack(taken.record)) ? 'settled' : 'kept';
  }

  private leaseUntil(): number {
    return this.options.now() + this.options.leaseMs;
  }

  /** Saves the record as the lease holder (renewing the lease), or stops if the lease was taken over. */
  private async save(record: Issuance): Promise<void> {
    record.leaseUntil = this.leaseUntil();
    if (!(await this.waybills.cjSave(record))) throw new LeaseLost();
  }

  private async own(leased: Issuance, contract: CarrierContract, dispatchNow: boolean): Promise<IssueOutcome> {
    const record: Issuance = structuredClone(leased);
    try {
      await this.settleUnsaved(record);
      const orders = await this.seller.orders.getMany(record.orderKeys);
      const first = orders[0];
      if (!first || orders.length !== record.orderKeys.length) throw new Refusal('ORDER_NOT_FOUND', { key: record.orderKeys.find((key) => !orders.some((o) => o.key === key)) ?? '' }, 404);
      if (!record.sortCode) {
        const refined = await this.client.refineAddress(refineAddressOf(first));
        if (refined.kind === 'undeliverable') {
          await this.rollBack(record);
          await this.holdForAddress(orders, refined.detail);
          return { result: 'error', refusal: new Refusal('UNDELIVERABLE_ADDRESS', { key: first.key, detail: refined.detail }) };
        }
        if (refined.kind !== 'refined') throw new Refusal('ADDRESS_UNUSABLE', { key: first.key, detail: refined.detail }, 422);
        record.sortCode = sortCodeOf(refined.sort);
        await this.save(record);
      }
      for (const box of record.boxes) await this.ensureBooked(record, box, this.bookingInput(orders, contract));
      const completed = await this.waybills.cjComplete(record, dispatchNow);
      if (completed.kind === 'lost') throw new LeaseLost();
      if (completed.kind === 'error') throw scriptRefusal(completed.error);
      return { result: 'applied', replay: false, waybills: completed.waybills };
    } catch (error) {
      if (error instanceof LeaseLost) return { result: 'error', refusal: new Refusal('ISSUE_IN_PROGRESS', { key: record.orderKeys[0] ?? '' }) };
      await this.rollBack(record);
      return { result: 'error', refusal: refusalOf(error) };
    }
  }

  /** Attempts a crashed holder recorded but never saved a result for are cancelled at CJ before anything else. */
  private async settleUnsaved(record: Issuance): Promise<void> {
    for (const box of record.boxes) {
      for (const attempt of box.attempts) {
        if (attempt.state !== 'booking') continue;
        attempt.state = (await this.cancel(attempt)) ? 'cancelled' : 'booked';
        await this.save(record);
      }
    }
  }

  /** True when CJ holds no live booking for the attempt afterwards; false when it refuses (picked up). */
  private async cancel(attempt: CjAttempt): Promise<boolean> {
    const outcome = await this.client.cancelBooking(attempt.booking);
    return outcome.kind !== 'refused';
  }

  private bookingInput(orders: readonly Order[], contract: CarrierContract): Omit<CjBookingInput, 'custUseNo' | 'invoiceNo'> {
    const first = orders[0];
    if (!first) throw new Error('a parcel without orders');
    const receiver = first.receiver;
    const message = orders.map((order) => order.message?.trim() ?? '').find((text) => text.length > 0);
    return {
      sender: { name: contract.senderName, phone: contract.senderPhone, address: contract.senderAddress1, ...(contract.senderZip ? { zip: contract.senderZip } : {}), ...(contract.senderAddress2 ? { detailAddress: contract.senderAddress2 } : {}) },
      receiver: { name: receiver.name, phone: receiver.phone, zip: receiver.zip, address: receiver.address1, ...(receiver.address2 ? { detailAddress: receiver.address2 } : {}) },
      goods: bookingGoods(orders),
      ...(message ? { message: message.slice(0, 200) } : {}),
    };
  }

  private async ensureBooked(record: Issuance, box: Issuance['boxes'][number], parcel: Omit<CjBookingInput, 'custUseNo' | 'invoiceNo'>): Promise<void> {
    if (box.attempts.some((attempt) => attempt.state === 'booked')) return;
    if (!box.invoiceNo) {
      box.invoiceNo = await this.client.issueInvoiceNumber();
      await this.save(record);
    }
    for (let tries = 0; tries < 3; tries += 1) {
      const n = box.attempts.length + 1;
      const custUseNo = cjCustUseNo(`${this.sellerId}:${box.waybillId}`, n);
      const attempt: CjAttempt = { n, custUseNo, booking: this.client.prepareBooking({ ...parcel, custUseNo, invoiceNo: box.invoiceNo }), state: 'booking' };
      box.attempts.push(attempt);
      await this.save(record);
      try {
        await this.client.registerBooking(attempt.booking);
      } catch (error) {
        if (!isCjError(error, 'unknown_outcome')) {
          attempt.state = 'failed';
          await this.save(record);
          throw error;
        }
        // It may or may not have landed: cancel it, then book again under a new CUST_USE_NO.
        attempt.state = (await this.cancel(attempt)) ? 'cancelled' : 'booked';
        await this.save(record);
        if (attempt.state === 'booked') return;
        continue;
      }
      if (this.options.saveDelayMs > 0) await sleep(this.options.saveDelayMs);
      attempt.state = 'booked';
      await this.save(record);
      return;
    }
    throw new Refusal('CARRIER_ERROR', { detail: 'CJ RegBook gave no definite answer three times' }, 502);
  }

  /**
   * Cancels every booking the issuance may hold and drops it. A cancel CJ refuses or cannot answer leaves the
   * issuance with its lease released, so the next caller or the recovery worker tries again. True when dropped.
   */
  private async rollBack(record: Issuance): Promise<boolean> {
    let settled = true;
    try {
      for (const box of record.boxes) {
        for (const attempt of box.attempts) {
          if (attempt.state !== 'booking' && attempt.state !== 'booked') continue;
          try {
            if (await this.cancel(attempt)) attempt.state = 'cancelled';
            else settled = false;
          } catch {
            settled = false;
          }
          await this.save(record);
        }
      }
      if (settled) return await this.waybills.cjDrop(record);
      record.leaseUntil = 0;
      await this.waybills.cjSave(record);
      return false;
    } catch (error) {
      if (error instanceof LeaseLost) return false;
      throw error;
    }
  }

  private async holdForAddress(orders: readonly Order[], detail: string): Promise<void> {
    for (const order of orders) {
      await this.seller.orders.hold(order.key, `CJ: ${detail}`.slice(0, 500), 'ADDRESS');
      await this.seller.alerts.raise('UNDELIVERABLE_ADDRESS', 'critical', order.key, { orderKey: order.key, carrier: 'cj', detail });
    }
  }
}
