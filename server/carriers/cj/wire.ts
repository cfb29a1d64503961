import { z } from 'zod';
import { CjError } from './errors';
import { CJ_DUPLICATE_KEY_MARKER, CJ_LIMITS, CJ_REFINE_CODES, CJ_TOKEN_LIFETIME_MS } from './spec';
import { parseKstStamp } from './time';

/**
 * CJ's answers, parsed once here. Each `interpret*` turns one envelope into a typed outcome or a CjError; they
 * are pure so the golden fixtures in test/fixtures/cj can pin them down.
 */

/** [V2] Every answer: RESULT_CD (`S` or a failure code), RESULT_DETAIL and, for some calls, DATA. */
export const CjEnvelopeSchema = z.looseObject({
  RESULT_CD: z.union([z.string().min(1), z.number()]).transform(String),
  RESULT_DETAIL: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  DATA: z.unknown().optional(),
});
export type CjEnvelope = z.output<typeof CjEnvelopeSchema>;

export function parseEnvelope(body: unknown): CjEnvelope | null {
  const parsed = CjEnvelopeSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === undefined || value.trim() === '' ? null : value));

function rejected(endpoint: string, envelope: CjEnvelope): CjError {
  return new CjError('rejected', `CJ ${endpoint} refused (${envelope.RESULT_CD}): ${envelope.RESULT_DETAIL}`, {
    endpoint,
    resultCode: envelope.RESULT_CD,
    detail: envelope.RESULT_DETAIL,
  });
}

function badData(endpoint: string, error: z.ZodError): CjError {
  const issue = error.issues[0];
  const where = issue ? issue.path.join('.') || 'DATA' : 'DATA';
  return new CjError('bad_response', `CJ ${endpoint} answered S with unusable ${where}: ${issue?.message ?? 'invalid'}`, { endpoint, field: where });
}

// --- ReqOneDayToken ---------------------------------------------------------------------------------------

const TokenDataSchema = z.looseObject({
  TOKEN_NUM: z.string().min(1).max(CJ_LIMITS.TOKEN_NUM),
  TOKEN_EXPRTN_DTM: optionalText,
  NOTICE: optionalText,
});

export interface CjToken {
  token: string;
  /** Epoch ms. From TOKEN_EXPRTN_DTM (KST) when CJ sends a valid one, else 24 h after issue. */
  expiresAt: number;
  notice: string | null;
}

export function interpretToken(envelope: CjEnvelope, issuedAt: number): CjToken {
  if (envelope.RESULT_CD !== 'S') throw rejected('ReqOneDayToken', envelope);
  const data = TokenDataSchema.safeParse(envelope.DATA);
  if (!data.success) throw badData('ReqOneDayToken', data.error);
  const stated = data.data.TOKEN_EXPRTN_DTM === null ? null : parseKstStamp(data.data.TOKEN_EXPRTN_DTM);
  return { token: data.data.TOKEN_NUM, expiresAt: stated ?? issuedAt + CJ_TOKEN_LIFETIME_MS, notice: data.data.NOTICE };
}

// --- ReqAddrRfnSm -----------------------------------------------------------------------------------------

const RefineDataSchema = z.looseObject({
  CLSFCD: z.string().trim().min(1).max(20),
  SUBCLSFCD: optionalText,
  CLSFADDR: optionalText,
  CLLDLVBRANNM: optionalText,
  CLLDLVEMPNM: optionalText,
  CLLDLVEMPNICKNM: optionalText,
  RSPSDIV: optionalText,
  P2PCD: optionalText,
});

/** What the label prints from refinement. Missing values are null. */
export interface CjSortCodes {
  /** CLSFCD: destination/sort code, printed very large (e.g. 7K41). */
  sortCode: string;
  /** SUBCLSFCD: sub-code printed after it (e.g. 2c). */
  subSortCode: string | null;
  /** CLSFADDR: 주소약칭, the short address printed large. */
  shortAddress: string | null;
  /** CLLDLVBRANNM: 배송집배점. */
  deliveryBranch: string | null;
  /** CLLDLVEMPNM: the driver (SM), sometimes `##`. */
  driverName: string | null;
  /** CLLDLVEMPNICKNM: the SM sort code printed in the footer. */
  driverSortCode: string | null;
  /** RSPSDIV: 권역. */
  region: string | null;
  /** P2PCD. */
  p2pCode: string | null;
}

export type CjRefineOutcome =
  /** `delayProne` (-20010) is a warning: the address is deliverable, late. `sort` is null only if CJ sent no codes with it. */
  | { kind: 'refined'; sort: CjSortCodes | null; delayProne: boolean }
  /** -20009: CJ will not deliver there. The waybill service holds the order (ADDRESS) and raises an alert. */
  | { kind: 'undeliverable'; code: string; detail: string }
  /** -20002: CJ could not read the address; the seller must correct it. */
  | { kind: 'unparseable'; code: string; detail: string }
  /** -20003..-20007: CJ has no route set up for the area (no branch, closed branch, no driver, no hub code). */
  | { kind: 'unrouted'; code: string; detail: string };

const REFINE_CODE = /-20\d{3}/;

/** The refinement code, from RESULT_CD where the guide puts it, or from RESULT_DETAIL when RESULT_CD is a bare `E`. */
export function refineCode(envelope: CjEnvelope): string | null {
  if (/^-20\d{3}$/.test(envelope.RESULT_CD)) return envelope.RESULT_CD;
  return REFINE_CODE.exec(envelope.RESULT_DETAIL)?.[0] ?? null;
}

function sortCodes(data: z.output<typeof RefineDataSchema>): CjSortCodes {
  return {
    sortCode: data.CLSFCD,
    subSortCode: data.SUBCLSFCD,
    shortAddress: data.CLSFADDR,
    deliveryBranch: data.CLLDLVBRANNM,
    driverName: data.CLLDLVEMPNM,
    driverSortCode: data.CLLDLVEMPNICKNM,
    region: data.RSPSDIV,
    p2pCode: data.P2PCD,
  };
}

const UNROUTED_CODES: ReadonlySet<string> = new Set([
  CJ_REFINE_CODES.noDeliveryArea,
  CJ_REFINE_CODES.branchClosed,
  CJ_REFINE_CODES.noDriver,
  CJ_REFINE_CODES.noHubCode,
  CJ_REFINE_CODES.noSortAddress,
]);

export function interpretRefine(envelope: CjEnvelope): CjRefineOutcome {
  const endpoint = 'ReqAddrRfnSm';
  if (envelope.RESULT_CD === 'S') {
    const data = RefineDataSchema.safeParse(envelope.DATA);
    if (!data.success) throw badData(endpoint, data.error);
    return { kind: 'refined', sort: sortCodes(data.data), delayProne: false };
  }
  const code = refineCode(envelope);
  const detail = envelope.RESULT_DETAIL;
  if (code === CJ_REFINE_CODES.delayProne) {
    const data = RefineDataSchema.safeParse(envelope.DATA);
    return { kind: 'refined', sort: data.success ? sortCodes(data.data) : null, delayProne: true };
  }
  if (code === CJ_REFINE_CODES.undeliverable) return { kind: 'undeliverable', code, detail };
  if (code === CJ_REFINE_CODES.unparseable) return { kind: 'unparseable', code, detail };
  if (code !== null && UNROUTED_CODES.has(code)) return { kind: 'unrouted', code, detail };
  if (code === CJ_REFINE_CODES.contractExpired || code === CJ_REFINE_CODES.unknownCustomer) {
    throw new CjError('contract', `CJ contract problem (${code}): ${detail}`, { endpoint, resultCode: code, detail });
  }
  throw rejected(endpoint, envelope);
}

// --- ReqInvcNo --------------------------------------------------------------------------------------------

/** [V] CJ numbers are 12 digits (10 on legacy ones). */
const InvoiceDataSchema = z.looseObject({
  INVC_NO: z
    .union([z.string(), z.number().int().nonnegative()])
    .transform((value) => String(value).trim())
    .pipe(z.string().regex(/^(\d{10}|\d{12})$/, 'must be 10 or 12 digits')),
});

export function interpretInvoice(envelope: CjEnvelope): string {
  if (envelope.RESULT_CD !== 'S') throw rejected('ReqInvcNo', envelope);
  const data = InvoiceDataSchema.safeParse(envelope.DATA);
  if (!data.success) throw badData('ReqInvcNo', data.error);
  return data.data.INVC_NO;
}

// --- RegBook / CnclBook -----------------------------------------------------------------------------------

export type CjBookOutcome =
  | { kind: 'booked' }
  /** ORA-00001: a row with this composite key exists, so this booking (or an earlier send of it) is already at CJ. */
  | { kind: 'duplicate'; detail: string };

export function interpretBook(envelope: CjEnvelope): CjBookOutcome {
  if (envelope.RESULT_CD === 'S') return { kind: 'booked' };
  if (envelope.RESULT_DETAIL.includes(CJ_DUPLICATE_KEY_MARKER)) return { kind: 'duplicate', detail: envelope.RESULT_DETAIL };
  throw rejected('RegBook', envelope);
}

export type CjCancelOutcome =
  | { kind: 'cancelled' }
  /** ORA-00001 on the cancel row: an earlier cancel of this booking already went through. */
  | { kind: 'alreadyCancelled'; detail: string }
  /** CJ holds no booking under this key: the attempt never reached it, so nothing is live. */
  | { kind: 'notFound'; detail: string }
  /** The driver scanned the parcel: CJ refuses the cancel and the booking stays live (and billed). */
  | { kind: 'refused'; reason: 'picked_up'; detail: string };

/**
 * CJ's refusal texts for cancels are not in our reference [?]. These defaults match the sandbox; point them at the
 * real texts once seen (the client takes them as an option).
 */
export interface CjCancelPatterns {
  notFound: RegExp;
  pickedUp: RegExp;
}
export const DEFAULT_CANCEL_PATTERNS: CjCancelPatterns = {
  notFound: /예약.{0,10}(없|존재하지)|not found/i,
  pickedUp: /집화|스캔|인수|picked up/i,
};

export function interpretCancel(envelope: CjEnvelope, patterns: CjCancelPatterns = DEFAULT_CANCEL_PATTERNS): CjCancelOutcome {
  if (envelope.RESULT_CD === 'S') return { kind: 'cancelled' };
  const detail = envelope.RESULT_DETAIL;
  if (detail.includes(CJ_DUPLICATE_KEY_MARKER)) return { kind: 'alreadyCancelled', detail };
  if (patterns.pickedUp.test(detail)) return { kind: 'refused', reason: 'picked_up', detail };
  if (patterns.notFound.test(detail)) return { kind: 'notFound', detail };
  throw rejected('CnclBook', envelope);
}
