import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installGas, startServerThread, type GasEnvironment, type ServerThread } from '../support/gas';

// The server runs in a worker thread: this thread blocks in Atomics.wait while UrlFetchApp waits.
const ECHO = `async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  if (request.url.startsWith('/status/')) {
    response.writeHead(Number(request.url.slice(8)), { 'content-type': 'text/plain' });
    response.end('status body');
    return;
  }
  if (request.url === '/redirect') {
    response.writeHead(302, { location: '/echo?redirected=1' });
    response.end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
  response.end(JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body }));
}`;

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let server: ServerThread;
let gas: GasEnvironment;
beforeAll(async () => {
  server = await startServerThread(ECHO);
});
afterAll(() => server.close());
afterEach(() => gas.uninstall());

describe('fake UrlFetchApp against a real server', () => {
  it('fetches synchronously with method, headers and a JSON payload', () => {
    gas = installGas();
    const response = UrlFetchApp.fetch(`${server.url}/v1/orders?x=1`, {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer k1' },
      payload: JSON.stringify({ orderKeys: ['smartstore:main:1'] }),
    });
    expect(response.getResponseCode()).toBe(200);
    expect((response.getHeaders() as Record<string, string>)['x-request-id']).toBe('r-1');
    const echoed = JSON.parse(response.getContentText()) as { method: string; url: string; headers: Record<string, string>; body: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.url).toBe('/v1/orders?x=1');
    expect(echoed.headers['authorization']).toBe('Bearer k1');
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.headers['user-agent']).toContain('Google-Apps-Script');
    expect(JSON.parse(echoed.body)).toEqual({ orderKeys: ['smartstore:main:1'] });
  });

  it('form-encodes an object payload by default', () => {
    gas = installGas();
    const echoed = JSON.parse(UrlFetchApp.fetch(`${server.url}/form`, { method: 'post', payload: { a: '1 2', b: '한' } }).getContentText()) as { body: string; headers: Record<string, string> };
    expect(echoed.body).toBe('a=1%202&b=%ED%95%9C');
    expect(echoed.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('throws on an error status unless muteHttpExceptions, and follows redirects', () => {
    gas = installGas();
    expect(() => UrlFetchApp.fetch(`${server.url}/status/409`)).toThrow(`Request failed for ${server.url} returned code 409. Truncated server response: status body`);
    const muted = UrlFetchApp.fetch(`${server.url}/status/503`, { muteHttpExceptions: true });
    expect([muted.getResponseCode(), muted.getContentText()]).toEqual([503, 'status body']);
    const redirected = JSON.parse(UrlFetchApp.fetch(`${server.url}/redirect`).getContentText()) as { url: string };
    expect(redirected.url).toBe('/echo?redirected=1');
    expect(UrlFetchApp.fetch(`${server.url}/redirect`, { followRedirects: false, muteHttpExceptions: true }).getResponseCode()).toBe(302);
  });

  it('sends fetchAll together and answers in order', () => {
    gas = installGas();
    const responses = UrlFetchApp.fetchAll([`${server.url}/a`, { url: `${server.url}/status/404`, muteHttpExceptions: true }, { url: `${server.url}/c`, method: 'delete' }]);
    expect(responses.map((response) => response.getResponseCode())).toEqual([200, 404, 200]);
    expect((JSON.parse(responses[2]!.getContentText()) as { method: string }).method).toBe('DELETE');
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(1);
  });

  it('reports an unreachable address like Apps Script, and shows a request without sending it', async () => {
    gas = installGas();
    const closed = await closedPort();
    expect(() => UrlFetchApp.fetch(`http://127.0.0.1:${closed}/`)).toThrow(`Address unavailable: http://127.0.0.1:${closed}/`);
    const request = UrlFetchApp.getRequest(`${server.url}/x`, { method: 'put', payload: 'p' });
    expect([request.method, request.payload, request.contentType]).toEqual(['put', 'p', 'application/x-www-form-urlencoded']);
  });

  it('is refused outside FULL mode and after the daily quota', () => {
    gas = installGas({ authMode: 'LIMITED', urlFetchDailyLimit: 1 });
    expect(() => UrlFetchApp.fetch(`${server.url}/a`)).toThrow('Required permissions: https://www.googleapis.com/auth/script.external_request');
    gas.runtime.authMode = 'FULL';
    expect(UrlFetchApp.fetch(`${server.url}/a`).getResponseCode()).toBe(200);
    expect(() => UrlFetchApp.fetch(`${server.url}/a`)).toThrow('Service invoked too many times for one day: urlfetch.');
  });
});
