import { randomUUID } from 'node:crypto';
import { CjBookingSchema, type CjBooking } from '../booking';
import { CJ_DUPLICATE_KEY_MARKER, CJ_REFINE_CODES, CJ_REQ_DV, CJ_TOKEN_BURST_INTERVAL_MS, CJ_TOKEN_LIFETIME_MS } from '../spec';
import { kstStamp } from '../time';
import { InvoiceRequestSchema, RefineRequestSchema, shapeProblem, TokenRequestSchema } from './checks';
import { classifyAddress, DEFAULT_ADDRESS_RULES, refinedAddressData, type AddressRules } from './refine';

/** What one request gets back; the HTTP layer writes it as is. */
export interface SandboxReply {
  status: number;
  body: { RESULT_CD: string; RESULT_DETAIL: string; DATA?: Record<string, unknown> };
}

const reply = (status: number, code: string, detail: string, data?: Record<string, unknown>): SandboxReply => ({
  status,
  body: { RESULT_CD: code, RESULT_DETAIL: detail, ...(data ? { DATA: data } : {}) },
});
const ok = (data?: Record<string, unknown>) => reply(200, 'S', 'Success', data);
const refused = (detail: string) => reply(200, 'E', detail);
export const authFailed = (detail: string) => reply(401, 'E', `Authentication failed: ${detail}`);

interface TokenRecord {
  customerId: string;
  expiresAt: number;
  revoked: boolean;
}

/** One row of CJ's booking table. Its composite key includes REQ_DV_CD, so a cancel is a second row [V2]. */
export interface BookingRow {
  key: string;
  booking: CjBooking;
  pickedUp: boolean;
}

export interface CjSandboxStateOptions {
  customers: { customerId: string; businessNumber: string }[];
  addressRules?: Partial<AddressRules>;
  /** First number handed out by ReqInvcNo (12 digits). */
  invoiceRangeStart?: number;
  /** Token requests closer together than this (per customer) are refused and block the customer. */
  tokenBurstIntervalMs?: number;
  /** How long a burst blocks the customer's token requests. */
  tokenBlockMs?: number;
  /** ReqInvcNo is refused while this many issued numbers have no booking (CJ may block such accounts). */
  maxUnusedInvoices?: number;
}

const KEY_FIELDS = ['CUST_ID', 'RCPT_YMD', 'CUST_USE_NO', 'RCPT_DV', 'WORK_DV_CD', 'REQ_DV_CD', 'MPCK_KEY', 'MPCK_SEQ'] as const;

function rowKey(booking: CjBooking, reqDv: string): string {
  return KEY_FIELDS.map((field) => (field === 'REQ_DV_CD' ? reqDv : booking[field])).join('\u0001');
}

/** CJ's side of the protocol, without HTTP: customers, tokens, numbers and bookings. */
export class CjSandboxState {
  readonly customers = new Map<string, string>();
  readonly rules: AddressRules;
  readonly expiredContracts = new Set<string>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly rows = new Map<string, BookingRow>();
  readonly invoices: string[] = [];
  maxUnusedInvoices: number;
  private offsetMs = 0;
  private nextInvoice: number;
  private readonly lastTokenRequest = new Map<string, number>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly burstIntervalMs: number;
  private readonly blockMs: number;

  constructor(options: CjSandboxStateOptions) {
    for (const customer of options.customers) this.customers.set(customer.customerId, customer.businessNumber);
    this.rules = {
      undeliverable: [...(options.addressRules?.undeliverable ?? DEFAULT_ADDRESS_RULES.undeliverable)],
      unparseable: [...(options.addressRules?.unparseable ?? DEFAULT_ADDRESS_RULES.unparseable)],
      delayProne: [...(options.addressRules?.delayProne ?? DEFAULT_ADDRESS_RULES.delayProne)],
    };
    this.nextInvoice = options.invoiceRangeStart ?? 650_000_000_001;
    this.burstIntervalMs = options.tokenBurstIntervalMs ?? CJ_TOKEN_BURST_INTERVAL_MS;
    this.blockMs = options.tokenBlockMs ?? 1_000;
    this.maxUnusedInvoices = options.maxUnusedInvoices ?? Number.POSITIVE_INFINITY;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  // --- ReqOneDayToken ---

  issueToken(data: Record<string, unknown>): SandboxReply {
    const now = this.now();
    const customerHint = typeof data.CUST_ID === 'string' ? data.CUST_ID : '';
    const last = this.lastTokenRequest.get(customerHint);
    this.lastTokenRequest.set(customerHint, now);
    if ((this.blockedUntil.get(customerHint) ?? 0) > now) return reply(429, 'E', '토큰 발급 요청이 차단되었습니다. 잠시 후 다시 시도하세요.');
    if (last !== undefined && now - last < this.burstIntervalMs) {
      this.blockedUntil.set(customerHint, now + this.blockMs);
      return reply(429, 'E', '토큰 발급 요청이 너무 잦아 차단되었습니다 (초당 허용 횟수 초과).');
    }
    const parsed = TokenRequestSchema.safeParse(data);
    if (!parsed.success) return refused(shapeProblem(parsed.error, data));
    const registered = this.customers.get(parsed.data.CUST_ID);
    if (registered === undefined) return refused(`등록되지 않은 고객 ID입니다: ${parsed.data.CUST_ID}`);
    if (registered !== parsed.data.BIZ_REG_NUM) return refused('고객 ID에 등록된 청구 사업자번호와 일치하지 않습니다.');
    // [V2] Asking again before expiry returns the same token with its original expiry.
    const live = [...this.tokens.entries()].find(([, record]) => record.customerId === parsed.data.CUST_ID && !record.revoked && record.expiresAt > now);
    const [token, record] = live ?? [randomUUID(), { customerId: parsed.data.CUST_ID, expiresAt: now + CJ_TOKEN_LIFETIME_MS, revoked: false }];
    this.tokens.set(token, record);
    return ok({ TOKEN_NUM: token, TOKEN_EXPRTN_DTM: kstStamp(record.expiresAt) });
  }

  /** The customer a valid token belongs to, or the refusal. Both places must carry the same live token [V2]. */
  authorize(headerToken: string | undefined, data: Record<string, unknown>): { customerId: string } | SandboxReply {
    const bodyToken = data.TOKEN_NUM;
    if (!headerToken) return authFailed('CJ-Gateway-APIKey 헤더가 없습니다.');
    if (typeof bodyToken !== 'string' || bodyToken.length === 0) return authFailed('TOKEN_NUM 항목이 없습니다.');
    if (bodyToken !== headerToken) return authFailed('헤더의 CJ-Gateway-APIKey와 TOKEN_NUM이 다릅니다.');
    const record = this.tokens.get(headerToken);
    if (!record || record.revoked) return authFailed('유효하지 않은 토큰입니다.');
    if (record.expiresAt <= this.now()) return authFailed('만료된 토큰입니다.');
    const claimed = data.CLNTNUM ?? data.CUST_ID;
    if (claimed !== undefined && claimed !== record.customerId) return authFailed('토큰의 고객 ID와 요청의 고객 ID가 다릅니다.');
    return { customerId: record.customerId };
  }

  revokeTokens(): void {
    for (const record of this.tokens.values()) record.revoked = true;
  }

  // --- ReqAddrRfnSm ---

  refine(customerId: string, data: Record<string, unknown>): SandboxReply {
    const parsed = RefineRequestSchema.safeParse(data);
    if (!parsed.success) return reply(200, CJ_REFINE_CODES.badParameter, shapeProblem(parsed.error, data));
    if (this.expiredContracts.has(customerId)) return reply(200, CJ_REFINE_CODES.contractExpired, '고객ID 계약이 만료되었거나 계약이 없습니다.');
    const kind = classifyAddress(parsed.data.ADDRESS, this.rules);
    if (kind === 'unparseable') return reply(200, CJ_REFINE_CODES.unparseable, '입력 주소 분석에 실패했습니다.');
    if (kind === 'undeliverable') return reply(200, CJ_REFINE_CODES.undeliverable, '입력 주소는 배송이 불가능한 지역입니다.');
    const codes = refinedAddressData(parsed.data.ADDRESS);
    if (kind === 'delayProne') return reply(200, CJ_REFINE_CODES.delayProne, '배송 지연이 발생할 수 있는 지역입니다.', codes);
    return ok(codes);
  }

  // --- ReqInvcNo ---

  unusedInvoices(): number {
    const booked = new Set([...this.rows.values()].map((row) => row.booking.INVC_NO));
    return this.invoices.filter((number) => !booked.has(number)).length;
  }

  issueInvoice(data: Record<string, unknown>): SandboxReply {
    const parsed = InvoiceRequestSchema.safeParse(data);
    if (!parsed.success) return refused(shapeProblem(parsed.error, data));
    if (this.unusedInvoices() >= this.maxUnusedInvoices) return refused('미사용 운송장 번호가 많아 채번이 제한되었습니다.');
    const number = String(this.nextInvoice).padStart(12, '0');
    this.nextInvoice += 1;
    this.invoices.push(number);
    return ok({ INVC_NO: number });
  }

  // --- RegBook / CnclBook ---

  private parseBooking(data: Record<string, unknown>, reqDv: string): CjBooking | SandboxReply {
    const parsed = CjBookingSchema.safeParse(data);
    if (!parsed.success) return refused(shapeProblem(parsed.error, data));
    if (parsed.data.REQ_DV_CD !== reqDv) return refused(`형식 오류: REQ_DV_CD (이 요청은 ${reqDv}이어야 합니다)`);
    return parsed.data;
  }

  book(data: Record<string, unknown>): SandboxReply {
    const booking = this.parseBooking(data, CJ_REQ_DV.request);
    if ('status' in booking) return booking;
    const key = rowKey(booking, CJ_REQ_DV.request);
    if (this.rows.has(key)) return refused(`${CJ_DUPLICATE_KEY_MARKER}: unique constraint (DX.PK_RCPT_BOOK) violated`);
    this.rows.set(key, { key, booking, pickedUp: false });
    return ok();
  }

  cancel(data: Record<string, unknown>): SandboxReply {
    const request = this.parseBooking(data, CJ_REQ_DV.cancel);
    if ('status' in request) return request;
    const original = this.rows.get(rowKey(request, CJ_REQ_DV.request));
    if (!original) {
      const sameUseNo = this.bookingRows().some((row) => row.booking.CUST_ID === request.CUST_ID && row.booking.CUST_USE_NO === request.CUST_USE_NO);
      return refused(sameUseNo ? '예약 정보가 일치하지 않습니다 (접수일자/합포장 키를 확인하세요).' : '취소할 예약 정보가 없습니다.');
    }
    const twins = this.liveBookings().filter((row) => row.booking.CUST_ID === request.CUST_ID && row.booking.CUST_USE_NO === request.CUST_USE_NO);
    if (twins.length > 1) return refused('고객사용번호(CUST_USE_NO)가 중복되어 취소할 수 없습니다.');
    if (original.pickedUp) return refused('집화(스캔) 처리된 운송장은 예약을 취소할 수 없습니다.');
    const key = rowKey(request, CJ_REQ_DV.cancel);
    if (this.rows.has(key)) return refused(`${CJ_DUPLICATE_KEY_MARKER}: unique constraint (DX.PK_RCPT_BOOK) violated`);
    this.rows.set(key, { key, booking: request, pickedUp: false });
    return ok();
  }

  /** Booking rows (REQ_DV_CD 01), cancelled or not. */
  bookingRows(): BookingRow[] {
    return [...this.rows.values()].filter((row) => row.booking.REQ_DV_CD === CJ_REQ_DV.request);
  }

  /** Bookings without a cancel row: what CJ would pick up and bill. */
  liveBookings(): BookingRow[] {
    return this.bookingRows().filter((row) => !this.rows.has(rowKey(row.booking, CJ_REQ_DV.cancel)));
  }

  markPickedUp(match: { invoiceNo?: string; custUseNo?: string }): number {
    let marked = 0;
    for (const row of this.liveBookings()) {
      if ((match.invoiceNo !== undefined && row.booking.INVC_NO === match.invoiceNo) || (match.custUseNo !== undefined && row.booking.CUST_USE_NO === match.custUseNo)) {
        row.pickedUp = true;
        marked += 1;
      }
    }
    return marked;
  }
}
