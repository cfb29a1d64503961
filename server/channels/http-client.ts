import { ChannelError } from './connector';

/**
 * One HTTP exchange with a channel API, reduced to what connectors decide on: the status, the headers and
 * the raw body. A request that gets no answer (timeout, connection reset, refused) becomes a ChannelError
 * of kind 'timeout', because for the caller all of them mean the same thing: the outcome is unknown.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export async function sendHttp(fetchImpl: FetchLike, request: HttpRequest): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
    });
    // The body is read under the same deadline: a server that sends headers and then stalls is a timeout too.
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (signal.aborted) throw new ChannelError('timeout', `${request.method} ${pathOf(request.url)}: no answer within ${request.timeoutMs} ms`);
    throw new ChannelError('timeout', `${request.method} ${pathOf(request.url)}: connection failed (${describeNetworkError(error)})`);
  }
}

/** The JSON of a body, or a 'bad_response' error that names the request; an empty body is null. */
export function parseJsonBody(response: HttpResponse, what: string): unknown {
  if (response.text.trim() === '') return null;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new ChannelError('bad_response', `${what}: the body is not JSON (${response.text.length} bytes, HTTP ${response.status})`);
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) return `${error.message}: ${(cause as Error & { code?: string }).code ?? cause.message}`;
  return error.message;
}
