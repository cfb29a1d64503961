import { MODES, SCOPES, type GasRuntime } from './runtime';
import { SyncFetcher, type WireRequest, type WireResponse } from './sync-fetch';

/** The request options Apps Script's UrlFetchApp takes (URLFetchRequestOptions). */
export interface FetchOptions {
  method?: string;
  contentType?: string;
  headers?: Record<string, string>;
  payload?: string | readonly number[] | Record<string, string | number | boolean>;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

export interface FetchRequest extends FetchOptions {
  url: string;
}

/** Limits of reference/appsscript.md §2.2. */
export const URL_LENGTH_LIMIT = 2 * 1024;
export const HEADER_COUNT_LIMIT = 100;
export const HEADER_SIZE_LIMIT = 8 * 1024;
export const BODY_LIMIT_BYTES = 50 * 1024 * 1024;
export const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: fake-script-id)';

function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

export class FakeHttpResponse {
  constructor(
    private readonly status: number,
    private readonly headerPairs: readonly [string, string][],
    private readonly body: Uint8Array,
  ) {}

  getResponseCode(): number {
    return this.status;
  }
  getContentText(charset = 'utf-8'): string {
    return new TextDecoder(charset).decode(this.body);
  }
  getContent(): number[] {
    return signedBytes(this.body);
  }
  /** One value per header (repeated headers joined); names as Node's fetch gives them (lower case). */
  getHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of this.headerPairs) headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    return headers;
  }
  /** Repeated headers (Set-Cookie) as arrays. */
  getAllHeaders(): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of this.headerPairs) {
      const existing = headers[name];
      headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return headers;
  }
  getBlob(): { getBytes(): number[]; getDataAsString(): string; getContentType(): string | null } {
    const contentType = this.getHeaders()['content-type'] ?? null;
    return { getBytes: () => this.getContent(), getDataAsString: () => this.getContentText(), getContentType: () => contentType };
  }
}

function formEncode(payload: Readonly<Record<string, string | number | boolean>>): string {
  return Object.entries(payload)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** The request Apps Script would send: method upper-cased, payload encoded, content type defaulted. */
export function buildRequest(url: string, options: FetchOptions = {}): WireRequest & { contentType: string | null } {
  if (url.length > URL_LENGTH_LIMIT) throw new Error('Limit Exceeded: URLFetch URL Length.');
  if (!/^https?:\/\//i.test(url)) throw new Error(`Invalid argument: ${url}`);
  const method = (options.method ?? 'get').toUpperCase();
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = String(value);
  const headerNames = Object.keys(headers);
  if (headerNames.length > HEADER_COUNT_LIMIT) throw new Error('Limit Exceeded: URLFetch headers.');
  if (headerNames.some((name) => name.length + (headers[name]?.length ?? 0) > HEADER_SIZE_LIMIT)) throw new Error('Limit Exceeded: URLFetch header size.');
  let body: Uint8Array | null = null;
  let contentType: string | null = null;
  const payload = options.payload;
  if (payload !== undefined) {
    if (typeof payload === 'string') body = new TextEncoder().encode(payload);
    else if (Array.isArray(payload)) body = Uint8Array.from(payload as readonly number[], (byte) => byte & 0xff);
    else body = new TextEncoder().encode(formEncode(payload as Readonly<Record<string, string | number | boolean>>));
    contentType = options.contentType ?? 'application/x-www-form-urlencoded';
    if (body.byteLength > BODY_LIMIT_BYTES) throw new Error('Limit Exceeded: URLFetch POST Size.');
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = contentType;
  }
  return { url, method, headers, body, followRedirects: options.followRedirects ?? true, contentType };
}

function describeFailure(url: string, response: Extract<WireResponse, { error: string }>): string {
  if (response.code === 'ENOTFOUND' || response.code === 'EAI_AGAIN') return `DNS error: ${url}`;
  if (response.code === 'ECONNREFUSED' || response.code === 'ECONNRESET') return `Address unavailable: ${url}`;
  return `Exception: ${response.error}: ${url}`;
}

/**
 * UrlFetchApp: synchronous like the real one, through a worker thread, to a real server. Non-2xx
 * answers throw unless muteHttpExceptions, with Apps Script's message. Only in FULL auth mode.
 */
export class FakeUrlFetchApp {
  private fetcher: SyncFetcher | null = null;
  private fetchesToday = 0;

  constructor(
    private readonly runtime: GasRuntime,
    private readonly dailyLimit: number,
  ) {}

  private call(method: string, count: number): void {
    this.runtime.call('UrlFetch', `UrlFetchApp.${method}`, 'other', MODES.full, SCOPES.externalRequest);
    this.fetchesToday += count;
    if (this.fetchesToday > this.dailyLimit) throw new Error('Service invoked too many times for one day: urlfetch.');
  }

  private send(requests: readonly FetchRequest[]): FakeHttpResponse[] {
    const wire = requests.map((request) => buildRequest(request.url, request));
    this.fetcher ??= new SyncFetcher();
    const responses = this.fetcher.fetchAll(wire.map(({ contentType: _contentType, ...request }) => request));
    return responses.map((response, index) => {
      const request = requests[index];
      const url = request?.url ?? '';
      if ('error' in response) throw new Error(describeFailure(url, response));
      if (response.body.byteLength > BODY_LIMIT_BYTES) throw new Error('Limit Exceeded: URLFetch response size.');
      const result = new FakeHttpResponse(response.status, response.headers, response.body);
      if (response.status >= 400 && !request?.muteHttpExceptions) {
        const origin = new URL(url).origin;
        throw new Error(
          `Request failed for ${origin} returned code ${response.status}. Truncated server response: ${result.getContentText().slice(0, 1000)} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return result;
    });
  }

  fetch(url: string, params: FetchOptions = {}): FakeHttpResponse {
    this.call('fetch', 1);
    const [response] = this.send([{ ...params, url }]);
    if (!response) throw new Error(`no response for ${url}`);
    return response;
  }

  /** Sent together; the answers come back in order. */
  fetchAll(requests: readonly (string | FetchRequest)[]): FakeHttpResponse[] {
    this.call('fetchAll', requests.length);
    return this.send(requests.map((request) => (typeof request === 'string' ? { url: request } : request)));
  }

  /** What fetch would send, without sending it. */
  getRequest(url: string, params: FetchOptions = {}): { url: string; method: string; headers: Record<string, string>; payload: string; contentType: string | null; followRedirects: boolean } {
    this.call('getRequest', 0);
    const request = buildRequest(url, params);
    return {
      url: request.url,
      method: request.method.toLowerCase(),
      headers: request.headers,
      payload: request.body ? new TextDecoder().decode(request.body) : '',
      contentType: request.contentType,
      followRedirects: request.followRedirects,
    };
  }

  async close(): Promise<void> {
    const fetcher = this.fetcher;
    this.fetcher = null;
    if (fetcher) await fetcher.close();
  }
}
