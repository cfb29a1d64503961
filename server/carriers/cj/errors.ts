/**
 * What can go wrong talking to CJ, typed so the waybill service can act on it:
 * - `auth`: CJ refused the token (HTTP 401) even after one refresh.
 * - `blocked`: CJ's burst block (HTTP 429, or too many token requests).
 * - `contract`: the customer is unknown to CJ or its contract expired (-20001, -20008).
 * - `rejected`: CJ answered RESULT_CD E… ; `detail` is CJ's RESULT_DETAIL, worth showing to the seller.
 * - `server`, `timeout`, `network`, `bad_response`: transport trouble; retryable, except that a RegBook hit by
 *   it becomes `unknown_outcome` instead.
 * - `unknown_outcome`: a RegBook reached CJ (or may have) and no definite answer came back. Never resend it:
 *   cancel that CUST_USE_NO, then book again under a new one.
 * - `invalid_input`: the request would break CJ's field rules; `field` names the field. Nothing was sent.
 */
export type CjErrorKind =
  | 'auth'
  | 'blocked'
  | 'contract'
  | 'rejected'
  | 'server'
  | 'timeout'
  | 'network'
  | 'bad_response'
  | 'unknown_outcome'
  | 'invalid_input';

const RETRYABLE: ReadonlySet<CjErrorKind> = new Set(['blocked', 'server', 'timeout', 'network', 'bad_response']);

export interface CjErrorDetails {
  endpoint?: string;
  httpStatus?: number;
  resultCode?: string;
  /** CJ's RESULT_DETAIL, verbatim. */
  detail?: string;
  field?: string;
  /** For `unknown_outcome`: the booking's cancel key. */
  custUseNo?: string;
  /** False only when the request certainly never reached CJ (connection refused). */
  mayHaveReachedCj?: boolean;
  cause?: unknown;
}

export class CjError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly kind: CjErrorKind,
    message: string,
    readonly details: CjErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CjError';
    this.retryable = RETRYABLE.has(kind);
  }
}

export function isCjError(error: unknown, kind?: CjErrorKind): error is CjError {
  return error instanceof CjError && (kind === undefined || error.kind === kind);
}
