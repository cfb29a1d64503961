import { CjError } from './errors';
import { CJ_API_KEY_HEADER, type CjEndpoint } from './spec';
import { parseEnvelope, type CjEnvelope } from './wire';

export interface CjTransportOptions {
  baseUrl: string;
  /** Path prefix before the endpoint name; '' (root) per the public summaries, unknown in our reference [?]. */
  pathPrefix: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Error codes that mean the connection never opened, so CJ cannot have seen the request. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function transportError(endpoint: string, error: unknown): CjError {
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CjError('timeout', `CJ ${endpoint} did not answer in time`, { endpoint, mayHaveReachedCj: true, cause: error });
  }
  const code = causeCode(error);
  const reached = !(code && NOT_SENT_CODES.has(code));
  return new CjError('network', `CJ ${endpoint} could not be reached (${code ?? String(error)})`, { endpoint, mayHaveReachedCj: reached, cause: error });
}

export function endpointUrl(options: Pick<CjTransportOptions, 'baseUrl' | 'pathPrefix'>, endpoint: CjEndpoint): string {
  const prefix = options.pathPrefix.replace(/^\/*/, '/').replace(/\/+$/, '');
  return `${options.baseUrl.replace(/\/+$/, '')}${prefix === '/' ? '' : prefix}/${endpoint}`;
}

/**
 * One JSON POST with the `{"DATA": …}` wrapper. Returns CJ's envelope for any answer that carries one (success or
 * a RESULT_CD failure); throws CjError for auth (401), burst blocks (429), 5xx, timeouts, network trouble and
 * bodies that are not an envelope.
 */
export async function postToCj(options: CjTransportOptions, endpoint: CjEndpoint, data: Record<string, unknown>, token: string | null): Promise<CjEnvelope> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' };
  if (token !== null) headers[CJ_API_KEY_HEADER] = token;
  let status: number;
  let text: string;
  try {
    const response = await options.fetch(endpointUrl(options, endpoint), {
      method: 'POST',
      headers,
      body: JSON.stringify({ DATA: data }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw transportError(endpoint, error);
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Left null: handled with the status below.
  }
  const envelope = parseEnvelope(body);
  const detail = envelope?.RESULT_DETAIL ?? text.slice(0, 300);
  const details = { endpoint, httpStatus: status, detail, mayHaveReachedCj: true, ...(envelope ? { resultCode: envelope.RESULT_CD } : {}) };
  // The gateway turns these away before the business logic runs.
  if (status === 401) throw new CjError('auth', `CJ ${endpoint} refused the token: ${detail}`, { ...details, mayHaveReachedCj: false });
  if (status === 429) throw new CjError('blocked', `CJ ${endpoint} blocked the request (too many): ${detail}`, { ...details, mayHaveReachedCj: false });
  if (status >= 500) throw new CjError('server', `CJ ${endpoint} failed with HTTP ${status}: ${detail}`, details);
  if (!envelope) throw new CjError('bad_response', `CJ ${endpoint} answered HTTP ${status} without a RESULT_CD envelope`, details);
  if (status === 403) throw new CjError('rejected', `CJ ${endpoint} forbade the call: ${detail}`, details);
  if ((status < 200 || status >= 300) && envelope.RESULT_CD === 'S') {
    throw new CjError('bad_response', `CJ ${endpoint} answered HTTP ${status} with RESULT_CD S`, details);
  }
  return envelope;
}
