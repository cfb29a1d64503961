/**
 * A business refusal of the waybill and shipping services: a stable code (with its text in the message table,
 * `error.<code>`), the facts for the message, and the HTTP status a whole request refused by it gets. Inside a
 * batch it becomes that item's error instead.
 */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly status = 409,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'Refusal';
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}

/** A script's refusal (ParcelRefusalSchema) as a Refusal: something missing (`…_NOT_FOUND`) is 404, anything else 409. */
export function scriptRefusal(error: { code: string; params: Record<string, string | number> }): Refusal {
  return new Refusal(error.code, error.params, error.code.endsWith('_NOT_FOUND') ? 404 : 409);
}
