/**
 * Refusals the scripts return as {negative code, detail...}, in the BullMQ manner. They are business rules,
 * not faults: the HTTP layer turns them into 4xx errors or per-item results.
 */
export const STORE_ERRORS = {
  [-1]: 'ORDER_NOT_FOUND',
  [-2]: 'INVALID_TRANSITION',
  [-3]: 'UNKNOWN_SKU',
  [-4]: 'ORDER_LOCKED',
  [-5]: 'INSUFFICIENT_ON_HAND',
  [-6]: 'UNKNOWN_LINE',
  [-7]: 'QUANTITY_EXCEEDED',
  [-8]: 'CANCEL_REQUESTED',
  [-9]: 'CONFLICT',
  [-10]: 'NOT_PACKED',
  [-11]: 'ALERT_NOT_FOUND',
  [-12]: 'WAYBILL_VOIDING',
} as const;

export type StoreErrorCode = (typeof STORE_ERRORS)[keyof typeof STORE_ERRORS];

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly detail: readonly string[],
  ) {
    super(detail.length > 0 ? `${code}: ${detail.join(', ')}` : code);
    this.name = 'StoreError';
  }
}

export function storeErrorFromReply(reply: readonly unknown[]): StoreError {
  const [code, ...detail] = reply;
  const name = STORE_ERRORS[Number(code) as keyof typeof STORE_ERRORS];
  if (!name) throw new Error(`a script returned an unknown refusal: ${JSON.stringify(reply)}`);
  return new StoreError(name, detail.map(String));
}

export interface ValidationIssue {
  /** Where in the input: `lines[0].quantity`, `[3].sku`, or '' for the input as a whole. */
  path: string;
  message: string;
}

/**
 * Caller data that breaks its schema, found before anything is written. The HTTP layer answers it with a 4xx
 * that names each field.
 */
export class StoreValidationError extends Error {
  readonly code = 'VALIDATION';

  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`invalid input: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`);
    this.name = 'StoreValidationError';
  }
}
