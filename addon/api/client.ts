import type { z } from 'zod';
import { ErrorBodySchema } from '../../shared/api/common';
import type { Endpoint } from '../../shared/api/endpoint';
import { ApiError } from './errors';
import type { Connection } from './connection';

export type ResponseOf<E extends Endpoint> = z.output<E['response']>;
type BodyOf<E extends Endpoint> = E extends { body: z.ZodType } ? z.input<E['body']> : undefined;

export interface RequestParts<E extends Endpoint> {
  /** Values for the path's `:name` parts; URL-encoded here. */
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: BodyOf<E>;
}

/** One request, ready for UrlFetchApp, with the parser of its answer. */
export interface PreparedCall<T> {
  request: GoogleAppsScript.URL_Fetch.URLFetchRequest;
  parse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): T;
}

type Results<T extends readonly PreparedCall<unknown>[]> = { -readonly [K in keyof T]: T[K] extends PreparedCall<infer R> ? R : never };

/** The configured server URL without a trailing slash, so `/v1/...` paths (and a path prefix) join cleanly. */
export function baseUrl(serverUrl: string): string {
  return serverUrl.replace(/\/+$/, '');
}

function pathOf(endpoint: Endpoint, params: Record<string, string> = {}): string {
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.operationId} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

function queryOf(query: Record<string, string | number | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'body';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** UrlFetchApp's own failures ("DNS error: …", "Address unavailable: …") as one readable line. */
function unreachable(error: unknown): ApiError {
  const text = error instanceof Error ? error.message : String(error);
  return new ApiError(0, 'UNREACHABLE', (text.split('\n')[0] ?? '').replace(/^Exception:\s*/, '').slice(0, 200));
}

/**
 * The server client over UrlFetchApp: Bearer key, JSON both ways, answers parsed at this boundary with the
 * contract's schemas (shared/api), errors as ApiError from the `{error:{code,message,details}}` shape.
 * UrlFetch only works in AuthMode FULL, so nothing here may run from onOpen.
 */
export class ApiClient {
  constructor(private readonly connection: Connection) {}

  get language(): Connection['language'] {
    return this.connection.language;
  }

  prepare<E extends Endpoint>(endpoint: E, parts: RequestParts<E> = {}): PreparedCall<ResponseOf<E>> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.connection.apiKey}`,
      Accept: 'application/json',
      'Accept-Language': this.connection.language,
    };
    const request: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
      url: `${baseUrl(this.connection.serverUrl)}${pathOf(endpoint, parts.params)}${queryOf(parts.query)}`,
      method: endpoint.method,
      headers,
      muteHttpExceptions: true,
      followRedirects: false,
    };
    if (parts.body !== undefined) {
      // Checked here too, so a bad request is refused with the field named before anything is sent.
      const body = endpoint.body?.safeParse(parts.body);
      if (body && !body.success) throw new ApiError(0, 'VALIDATION', issueText(body.error.issues[0]));
      request.contentType = 'application/json';
      request.payload = JSON.stringify(parts.body);
    }
    return { request, parse: (response) => this.parse(endpoint, response) };
  }

  private parse<E extends Endpoint>(endpoint: E, response: GoogleAppsScript.URL_Fetch.HTTPResponse): ResponseOf<E> {
    const status = response.getResponseCode();
    const text = response.getContentText();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (status < 200 || status >= 300) {
      const error = ErrorBodySchema.safeParse(json);
      if (error.success) throw new ApiError(status, error.data.error.code, error.data.error.message, error.data.error.details);
      throw new ApiError(status, 'HTTP', `HTTP ${status}`);
    }
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) throw new ApiError(status, 'INVALID_RESPONSE', `${endpoint.operationId} ${issueText(parsed.error.issues[0])}`);
    return parsed.data as ResponseOf<E>;
  }

  /** Sends the calls together (UrlFetchApp.fetchAll) and returns their answers in order; the first failure throws. */
  run<T extends readonly PreparedCall<unknown>[]>(...calls: T): Results<T> {
    let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
    try {
      const only = calls.length === 1 ? calls[0] : undefined;
      if (only) {
        const { url, ...options } = only.request;
        responses = [UrlFetchApp.fetch(url, options)];
      } else {
        responses = UrlFetchApp.fetchAll(calls.map((call) => call.request));
      }
    } catch (error) {
      throw unreachable(error);
    }
    return calls.map((call, index) => {
      const response = responses[index];
      if (!response) throw new ApiError(0, 'UNREACHABLE', `no answer for ${call.request.url}`);
      return call.parse(response);
    }) as Results<T>;
  }

  /** A URL the server gave relative to itself (a signed label link), made absolute against the configured server. */
  absoluteUrl(url: string): string {
    if (/^https?:\/\//i.test(url)) return url;
    return `${baseUrl(this.connection.serverUrl)}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  call<E extends Endpoint>(endpoint: E, parts: RequestParts<E> = {}): ResponseOf<E> {
    const [result] = this.run(this.prepare(endpoint, parts));
    return result;
  }
}
