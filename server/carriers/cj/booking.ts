import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CjError } from './errors';
import { isMobile, splitKoreanPhone, type PhoneParts } from './phone';
import {
  CJ_BOX_TYPES,
  CJ_FREIGHT,
  CJ_LIMITS,
  CJ_PRINT_STATES,
  CJ_RCPT_DV,
  CJ_REQ_DV,
  type CjBoxType,
  type CjFreight,
  type CjPrintState,
} from './spec';

/**
 * The RegBook record. CnclBook takes the very same record with REQ_DV_CD 02 [V2], so the waybill service stores
 * it (this schema re-reads it) before calling RegBook, and cancels with it later. Field list and sizes: the guide
 * summary in carriers.md §2.2 [V2]; names, addresses and goods have no documented size, so none is enforced.
 * The sandbox checks incoming bookings with this same schema, the way CJ would refuse them.
 */

const numeric = (maxDigits: number) =>
  z
    .union([z.string(), z.int().nonnegative()])
    .transform(String)
    .pipe(z.string().regex(new RegExp(`^\\d{1,${maxDigits}}$`), `must be at most ${maxDigits} digits`));
const text = (max?: number) => (max === undefined ? z.string().min(1) : z.string().min(1).max(max));
const nonBlank = () => z.string().regex(/\S/, 'must not be blank');
const optionalText = (max: number) => z.string().max(max).optional();

const TEL_PART = [/^\d{2,4}$/, /^\d{3,4}$/, /^\d{4}$/] as const;

type Triple<P extends string, S> = { [K in `${P}_NO1` | `${P}_NO2` | `${P}_NO3`]: S };

function requiredPhone<P extends string>(prefix: P) {
  const part = (index: 0 | 1 | 2) => z.string().regex(TEL_PART[index], 'must be a phone-number part');
  return { [`${prefix}_NO1`]: part(0), [`${prefix}_NO2`]: part(1), [`${prefix}_NO3`]: part(2) } as Triple<P, z.ZodString>;
}

/** Optional phones are all three parts or none; the object-level check below enforces the pairing. */
function optionalPhone<P extends string>(prefix: P) {
  const part = () => z.string().regex(/^\d{0,4}$/, 'must be a phone-number part').optional();
  return { [`${prefix}_NO1`]: part(), [`${prefix}_NO2`]: part(), [`${prefix}_NO3`]: part() } as Triple<P, z.ZodOptional<z.ZodString>>;
}
const OPTIONAL_PHONES = ['SENDR_CELL', 'SENDR_SAFE', 'RCVR_CELL', 'RCVR_SAFE', 'ORDRR_TEL', 'ORDRR_CELL'] as const;

const ZIP = z.string().regex(/^(\d{5}|\d{6})$/, 'must be 5 or 6 digits (000000 when unknown)');
const CJ_NUMBER_OR_BLANK = z.string().regex(/^(\d{10}|\d{12})?$/, 'must be a 10- or 12-digit CJ number');

export const CjGoodsSchema = z.object({
  MPCK_SEQ: numeric(20),
  GDS_CD: optionalText(100),
  GDS_NM: nonBlank(),
  GDS_QTY: numeric(9).optional(),
  UNIT_CD: optionalText(100),
  UNIT_NM: optionalText(200),
  GDS_AMT: numeric(CJ_LIMITS.ARTICLE_AMT_DIGITS).optional(),
});

export const CjBookingSchema = z
  .object({
    // The composite primary key [V2]: a second row with the same values fails with ORA-00001.
    CUST_ID: text(CJ_LIMITS.CUST_ID),
    RCPT_YMD: z.string().regex(/^\d{8}$/, 'must be YYYYMMDD'),
    CUST_USE_NO: text(CJ_LIMITS.CUST_USE_NO),
    RCPT_DV: z.enum([CJ_RCPT_DV.normal, CJ_RCPT_DV.return]),
    WORK_DV_CD: z.literal('01'),
    REQ_DV_CD: z.enum([CJ_REQ_DV.request, CJ_REQ_DV.cancel]),
    MPCK_KEY: text(CJ_LIMITS.MPCK_KEY),
    MPCK_SEQ: numeric(20),
    // Freight and contract.
    CAL_DV_CD: z.string().regex(/^\d{1,2}$/, 'must be a settlement code such as 01'),
    FRT_DV_CD: z.enum(Object.values(CJ_FREIGHT)),
    CNTR_ITEM_CD: z.string().regex(/^\d{2}$/, 'must be a 2-digit item code such as 01'),
    BOX_TYPE_CD: z.enum(Object.values(CJ_BOX_TYPES)),
    BOX_QTY: numeric(5).refine((value) => Number(value) >= 1, 'must be at least 1'),
    FRT: z.union([z.literal(''), numeric(CJ_LIMITS.ARTICLE_AMT_DIGITS)]).optional(),
    CUST_MGMT_DLCM_CD: text(CJ_LIMITS.CUST_ID),
    DLV_DV: z.literal('01'),
    // Sender.
    SENDR_NM: nonBlank(),
    ...requiredPhone('SENDR_TEL'),
    ...optionalPhone('SENDR_CELL'),
    ...optionalPhone('SENDR_SAFE'),
    SENDR_ZIP_NO: ZIP,
    SENDR_ADDR: nonBlank(),
    SENDR_DETAIL_ADDR: text(),
    // Receiver.
    RCVR_NM: nonBlank(),
    ...requiredPhone('RCVR_TEL'),
    ...optionalPhone('RCVR_CELL'),
    ...optionalPhone('RCVR_SAFE'),
    RCVR_ZIP_NO: ZIP,
    RCVR_ADDR: nonBlank(),
    RCVR_DETAIL_ADDR: text(),
    // Orderer (optional).
    ORDRR_NM: z.string().optional(),
    ...optionalPhone('ORDRR_TEL'),
    ...optionalPhone('ORDRR_CELL'),
    ORDRR_ZIP_NO: z.union([z.literal(''), ZIP]).optional(),
    ORDRR_ADDR: z.string().optional(),
    ORDRR_DETAIL_ADDR: z.string().optional(),
    // Label and number.
    INVC_NO: CJ_NUMBER_OR_BLANK.optional(),
    ORI_INVC_NO: CJ_NUMBER_OR_BLANK.optional(),
    ORI_ORD_NO: optionalText(100),
    PRT_ST: z.enum(Object.values(CJ_PRINT_STATES)),
    ARTICLE_AMT: numeric(CJ_LIMITS.ARTICLE_AMT_DIGITS).optional(),
    REMARK_1: optionalText(CJ_LIMITS.REMARK),
    REMARK_2: optionalText(CJ_LIMITS.REMARK),
    REMARK_3: optionalText(CJ_LIMITS.REMARK),
    COD_YN: z.enum(['Y', 'N']).optional(),
    RCPT_SERIAL: optionalText(50),
    ARRAY: z.array(CjGoodsSchema).min(1, 'needs at least one item'),
  })
  .superRefine((booking, ctx) => {
    for (const prefix of OPTIONAL_PHONES) {
      const parts = [1, 2, 3].map((n) => booking[`${prefix}_NO${n}` as keyof typeof booking] as string | undefined);
      if (parts.every((part) => !part)) continue;
      parts.forEach((part, index) => {
        if (!TEL_PART[index as 0 | 1 | 2].test(part ?? '')) {
          ctx.addIssue({ code: 'custom', path: [`${prefix}_NO${index + 1}`], message: 'must be a phone-number part (all three parts or none)' });
        }
      });
    }
    // [V2] A return's number is issued by CJ at pickup, so it must be blank.
    if (booking.RCPT_DV === CJ_RCPT_DV.return && booking.INVC_NO) {
      ctx.addIssue({ code: 'custom', path: ['INVC_NO'], message: 'must be blank for a return (RCPT_DV 02)' });
    }
    // [I] A label printed by the customer carries its number.
    if (booking.RCPT_DV === CJ_RCPT_DV.normal && booking.PRT_ST !== CJ_PRINT_STATES.notPrinted && !booking.INVC_NO) {
      ctx.addIssue({ code: 'custom', path: ['INVC_NO'], message: 'is required when the label is printed by the customer (PRT_ST 02/03)' });
    }
  });

export type CjBooking = z.output<typeof CjBookingSchema>;
export type CjGoods = z.output<typeof CjGoodsSchema>;

/** The first problem of a failed parse, as `FIELD: problem` (ARRAY items as ARRAY.0.GDS_NM). */
export function describeIssue(error: z.ZodError): { field: string; problem: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') || 'DATA', problem: issue?.message ?? 'is invalid' };
}

// --- Building a booking -----------------------------------------------------------------------------------

export interface CjParty {
  name: string;
  /** Any Korean format: 010-1234-5678, 02 123 4567, +82 10..., 1588-1234, 0504-... safe numbers. */
  phone: string;
  /** A separate mobile; when absent a mobile `phone` fills the CELL fields too. */
  mobile?: string;
  /** 안심번호 (050X), when the channel gave one. */
  safeNumber?: string;
  /** Missing zips go in as 000000: CJ routes on CLSFCD, not the zip [I]. */
  zip?: string;
  address: string;
  detailAddress?: string;
}

export interface CjGoodsInput {
  name: string;
  quantity?: number;
  amount?: number;
  code?: string;
}

export interface CjBookingInput {
  /** Unique per issue attempt (see cjCustUseNo): it is CJ's cancel key. */
  custUseNo: string;
  /** From ReqInvcNo or a contract range. */
  invoiceNo: string;
  sender: CjParty;
  receiver: CjParty;
  orderer?: Partial<Pick<CjParty, 'phone' | 'mobile' | 'zip' | 'address' | 'detailAddress'>> & { name: string };
  goods: CjGoodsInput[];
  /** REMARK_1: the delivery message. */
  message?: string;
  /** REMARK_2 / REMARK_3: sender's and receiver's remarks. */
  senderRemark?: string;
  receiverRemark?: string;
  freight?: CjFreight;
  boxType?: CjBoxType;
  boxQuantity?: number;
  printState?: CjPrintState;
  articleAmount?: number;
  /** 합포장 keys, when CJ consolidates several bookings; default: none (key from date, customer and CUST_USE_NO, seq 1). */
  consolidation?: { key: string; seq: number };
  /** CUST_MGMT_DLCM_CD; defaults to the customer id. */
  customerManagementCode?: string;
}

export interface CjBookingContext {
  customerId: string;
  /** RCPT_YMD, YYYYMMDD (KST). */
  receiptDate: string;
}

/** [V2] Without consolidation: `YYYYMMDD_custId_custUseNo`, seq 1. */
export function cjMpckKey(receiptDate: string, customerId: string, custUseNo: string): string {
  return `${receiptDate}_${customerId}_${custUseNo}`;
}

const CUST_USE_NO_HASH_CHARS = 24;

/**
 * A CUST_USE_NO for one issue attempt of one parcel: 24 hex characters of a hash of the caller's parcel key (for
 * example the order keys and package number), then `-attempt`. A new attempt after a void or an unknown outcome
 * gets a new value, so it never collides with the cancelled booking's key.
 */
export function cjCustUseNo(parcelKey: string, attempt: number): string {
  if (parcelKey.length === 0) throw new CjError('invalid_input', 'parcelKey must not be empty', { field: 'parcelKey' });
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new CjError('invalid_input', 'attempt must be a positive integer', { field: 'attempt' });
  const hash = createHash('sha256').update(parcelKey).digest('hex').slice(0, CUST_USE_NO_HASH_CHARS).toUpperCase();
  return `${hash}-${attempt}`;
}

function phoneParts(raw: string, field: string): PhoneParts {
  const parts = splitKoreanPhone(raw);
  if (!parts) throw new CjError('invalid_input', `${field}: "${raw}" is not a Korean phone number CJ accepts`, { field });
  return parts;
}

function triple(prefix: string, parts: PhoneParts | null): Record<string, string> {
  return parts ? { [`${prefix}_NO1`]: parts[0], [`${prefix}_NO2`]: parts[1], [`${prefix}_NO3`]: parts[2] } : {};
}

function zip(raw: string | undefined): string {
  const digits = (raw ?? '').replace(/\D/g, '');
  return digits.length === 0 ? '000000' : digits;
}

function party(prefix: 'SENDR' | 'RCVR', value: CjParty, role: string): Record<string, string> {
  const tel = phoneParts(value.phone, `${role}.phone`);
  const cell = value.mobile ? phoneParts(value.mobile, `${role}.mobile`) : isMobile(tel) ? tel : null;
  const safe = value.safeNumber ? phoneParts(value.safeNumber, `${role}.safeNumber`) : null;
  return {
    [`${prefix}_NM`]: value.name.trim(),
    ...triple(`${prefix}_TEL`, tel),
    ...triple(`${prefix}_CELL`, cell),
    ...triple(`${prefix}_SAFE`, safe),
    [`${prefix}_ZIP_NO`]: zip(value.zip),
    [`${prefix}_ADDR`]: value.address.trim(),
    // [I] Required by CJ; one integration sends a single space when the address has no detail part.
    [`${prefix}_DETAIL_ADDR`]: value.detailAddress?.trim() || ' ',
  };
}

function orderer(value: CjBookingInput['orderer']): Record<string, string> {
  if (!value) return {};
  const tel = value.phone ? phoneParts(value.phone, 'orderer.phone') : null;
  const cell = value.mobile ? phoneParts(value.mobile, 'orderer.mobile') : tel && isMobile(tel) ? tel : null;
  return {
    ORDRR_NM: value.name.trim(),
    ...triple('ORDRR_TEL', tel),
    ...triple('ORDRR_CELL', cell),
    ...(value.zip ? { ORDRR_ZIP_NO: zip(value.zip) } : {}),
    ...(value.address ? { ORDRR_ADDR: value.address.trim() } : {}),
    ...(value.detailAddress ? { ORDRR_DETAIL_ADDR: value.detailAddress.trim() } : {}),
  };
}

function optionalNumber(value: number | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new CjError('invalid_input', `${field} must be a whole number of won or units`, { field });
  return String(value);
}

/** Builds and checks a RegBook record. Throws `invalid_input` naming the field; nothing is sent. */
export function buildBooking(input: CjBookingInput, context: CjBookingContext): CjBooking {
  const seq = String(input.consolidation?.seq ?? 1);
  const raw: Record<string, unknown> = {
    CUST_ID: context.customerId,
    RCPT_YMD: context.receiptDate,
    CUST_USE_NO: input.custUseNo,
    RCPT_DV: CJ_RCPT_DV.normal,
    WORK_DV_CD: '01',
    REQ_DV_CD: CJ_REQ_DV.request,
    MPCK_KEY: input.consolidation?.key ?? cjMpckKey(context.receiptDate, context.customerId, input.custUseNo),
    MPCK_SEQ: seq,
    CAL_DV_CD: '01',
    FRT_DV_CD: CJ_FREIGHT[input.freight ?? 'credit'],
    CNTR_ITEM_CD: '01',
    BOX_TYPE_CD: CJ_BOX_TYPES[input.boxType ?? 'small'],
    BOX_QTY: optionalNumber(input.boxQuantity ?? 1, 'boxQuantity'),
    CUST_MGMT_DLCM_CD: input.customerManagementCode ?? context.customerId,
    DLV_DV: '01',
    ...party('SENDR', input.sender, 'sender'),
    ...party('RCVR', input.receiver, 'receiver'),
    ...orderer(input.orderer),
    INVC_NO: input.invoiceNo.replace(/[\s-]/g, ''),
    PRT_ST: CJ_PRINT_STATES[input.printState ?? 'printed'],
    ARTICLE_AMT: optionalNumber(input.articleAmount, 'articleAmount'),
    REMARK_1: input.message,
    REMARK_2: input.senderRemark,
    REMARK_3: input.receiverRemark,
    COD_YN: 'N',
    ARRAY: input.goods.map((goods, index) => ({
      MPCK_SEQ: seq,
      GDS_NM: goods.name.trim(),
      GDS_QTY: optionalNumber(goods.quantity, `goods.${index}.quantity`),
      GDS_AMT: optionalNumber(goods.amount, `goods.${index}.amount`),
      GDS_CD: goods.code,
      // [V2] Fixed 1 without consolidation.
      UNIT_CD: '1',
    })),
  };
  const parsed = CjBookingSchema.safeParse(JSON.parse(JSON.stringify(raw)));
  if (!parsed.success) {
    const { field, problem } = describeIssue(parsed.error);
    throw new CjError('invalid_input', `CJ booking field ${field} ${problem}`, { field });
  }
  return parsed.data;
}

/** The same record as a cancel request [V2: CnclBook resends the booking with REQ_DV_CD 02]. */
export function cancellationOf(booking: CjBooking): CjBooking {
  return { ...booking, REQ_DV_CD: CJ_REQ_DV.cancel };
}
