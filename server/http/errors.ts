import { z } from 'zod';
import type { ErrorDetail, ValidationIssue } from '../../shared/api/common';
import { MESSAGES, message, type Language } from '../../shared/messages';
import { StoreError } from '../store';
import { ClaimCheckError } from '../sync/claim-check';
import { TenancyError, type TenancyErrorCode } from '../tenancy/tenants';

type Params = Record<string, string | number>;

/** An answer other than success: status, stable code, message parameters, details and extra headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Params = {},
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'HttpError';
  }
}

/** Input that failed its schema: every issue, each naming its field. */
export class RequestValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`invalid request: ${issues.map((issue) => `${issue.location} ${issue.path}`).join(', ')}`);
    this.name = 'RequestValidationError';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

/** zod issues as ValidationIssues; an unknown key is named as the field it is, not as its parent. */
export function validationIssues(location: ValidationIssue['location'], error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return { location, path: pathText(path) || location, message: issue.message };
  });
}

/** What the store's validation refusal looks like; matched by shape so the store may add it on its own schedule. */
const StoreValidationShape = z.object({ code: z.literal('VALIDATION'), issues: z.array(z.object({ path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]), message: z.string() })) });

function storeValidationIssues(error: unknown): ValidationIssue[] | null {
  if (!(error instanceof Error)) return null;
  const parsed = StoreValidationShape.safeParse(error);
  if (!parsed.success) return null;
  return parsed.data.issues.map((issue) => ({ location: 'body', path: typeof issue.path === 'string' ? issue.path : pathText(issue.path), message: issue.message }));
}

const STORE_STATUS: Record<string, number> = {
  ORDER_NOT_FOUND: 404,
  ALERT_NOT_FOUND: 404,
  UNKNOWN_SKU: 422,
  UNKNOWN_LINE: 422,
  QUANTITY_EXCEEDED: 422,
};

/** Message parameters from a store refusal's detail list, in the order the scripts return them. */
function storeParams(code: string, detail: readonly string[], context: Params): Params {
  const [first = '', second = ''] = detail;
  switch (code) {
    case 'INVALID_TRANSITION':
      return { ...context, from: first, to: second };
    case 'UNKNOWN_SKU':
    case 'INSUFFICIENT_ON_HAND':
      return { ...context, sku: first };
    case 'UNKNOWN_LINE':
    case 'QUANTITY_EXCEEDED':
      return { ...context, lineId: first };
    case 'CONFLICT':
      return { ...context, current: first };
    case 'DUPLICATE_BARCODE':
      return { ...context, owner: first };
    default:
      return first ? { key: first, ...context } : context;
  }
}

/** A store refusal as an HttpError; `context` names what the route was about (the order key, the alert id). */
export function fromStoreRefusal(code: string, detail: readonly string[], context: Params = {}): HttpError {
  return new HttpError(STORE_STATUS[code] ?? 409, code, storeParams(code, detail, context), { detail: [...detail] });
}

const TENANCY_STATUS: Record<TenancyErrorCode, number> = { SELLER_NOT_FOUND: 404, KEY_NOT_FOUND: 404, LABEL_TAKEN: 409 };

/** Body-parser failures carry a status and a `type` (raw-body, co-body). */
const ParserErrorShape = z.object({ status: z.int(), type: z.string().optional(), message: z.string() });

/** The JSON parser refuses keys that could reach Object.prototype; that is bad input naming a key. */
function forbiddenKey(message: string): HttpError | null {
  if (!/forbidden prototype property/.test(message)) return null;
  return validationError([{ location: 'body', path: '__proto__', message: 'is not allowed as a key' }]);
}

/** Any thrown value as the answer to send. Unknown errors are 500 and their text is never sent. */
export function toHttpError(error: unknown, context: Params = {}): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof RequestValidationError) return validationError(error.issues);
  const storeIssues = storeValidationIssues(error);
  if (storeIssues) return validationError(storeIssues);
  if (error instanceof StoreError) return fromStoreRefusal(error.code, error.detail, context);
  if (error instanceof TenancyError) return new HttpError(TENANCY_STATUS[error.code], error.code, error.params);
  // The channel could not be asked about cancels right before shipping: an upstream failure, not the caller's.
  if (error instanceof ClaimCheckError) return new HttpError(502, error.code, { accounts: error.accounts.join(', '), message: error.reason }, { accounts: error.accounts });
  const parser = ParserErrorShape.safeParse(error);
  if (parser.success && parser.data.status < 500) {
    if (parser.data.status === 413) return new HttpError(413, 'PAYLOAD_TOO_LARGE');
    if (parser.data.status === 415) return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
    if (parser.data.status === 400) return forbiddenKey(parser.data.message) ?? new HttpError(400, 'INVALID_JSON');
    return new HttpError(parser.data.status, 'BAD_REQUEST');
  }
  return new HttpError(500, 'INTERNAL');
}

export function validationError(issues: ValidationIssue[]): HttpError {
  const first = issues[0];
  return new HttpError(400, 'VALIDATION', { field: first?.path ?? 'body', problem: first?.message ?? '' }, { issues });
}

/** The `{code, message, details}` triple, with the message in the caller's language. */
export function errorDetail(error: HttpError, language: Language, requestId: string): ErrorDetail {
  // A code without its own text (a refusal added to the store later) still reads as a sentence.
  const key = `error.${error.code}` in MESSAGES ? `error.${error.code}` : 'error.REFUSED';
  return { code: error.code, message: message(key, language, { requestId, code: error.code, ...error.params }), details: error.details };
}

/** A batch item's error: business refusals only; anything else is a fault of the whole request. */
export function itemError(error: unknown, language: Language, requestId: string, context: Params = {}): ErrorDetail {
  if (error instanceof StoreError || storeValidationIssues(error)) return errorDetail(toHttpError(error, context), language, requestId);
  throw error;
}
