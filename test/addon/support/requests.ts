import type { GasEnvironment } from '../../support/gas';
import type { FetchOptions, FetchRequest } from '../../support/gas/url-fetch';

export interface SentRequest {
  method: string;
  /** Path and query, without the server's origin. */
  path: string;
  body: unknown;
}

function sent(url: string, options: FetchOptions): SentRequest {
  const parsed = new URL(url);
  const payload = typeof options.payload === 'string' ? options.payload : undefined;
  return { method: (options.method ?? 'get').toUpperCase(), path: `${parsed.pathname}${parsed.search}`, body: payload === undefined ? undefined : JSON.parse(payload) };
}

/**
 * Notes every request the add-on sends through the fake UrlFetchApp (which still sends it), so a test can
 * say "one batch request for the whole paste" without looking inside the add-on.
 */
export function recordRequests(gas: GasEnvironment): { requests: SentRequest[]; paths(method?: string): string[] } {
  const requests: SentRequest[] = [];
  const app = gas.UrlFetchApp;
  const fetch = app.fetch.bind(app);
  const fetchAll = app.fetchAll.bind(app);
  app.fetch = (url: string, options: FetchOptions = {}) => {
    requests.push(sent(url, options));
    return fetch(url, options);
  };
  app.fetchAll = (list: readonly (string | FetchRequest)[]) => {
    for (const request of list) requests.push(typeof request === 'string' ? sent(request, {}) : sent(request.url, request));
    return fetchAll(list);
  };
  return { requests, paths: (method) => requests.filter((request) => !method || request.method === method).map((request) => request.path.split('?')[0] ?? '') };
}
