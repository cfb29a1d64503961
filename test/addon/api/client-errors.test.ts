import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../addon/api/client';
import { ApiError } from '../../../addon/api/errors';
import { API } from '../../../shared/api/routes';
import { message } from '../../../shared/messages';
import { installGas, startServerThread, type GasEnvironment, type ServerThread } from '../../support/gas';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import type { TestSeller } from '../../http/support/harness';

let server: ServerProcess;
let seller: TestSeller;
let gas: GasEnvironment;

beforeAll(async () => {
  server = await startServerProcess();
  seller = await server.seller('하늘상점');
});
afterEach(() => gas.uninstall());

function thrown(work: () => unknown): ApiError {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

const readable = (error: ApiError, language: 'ko' | 'en' = 'ko') => message(error.info.code, language, error.info.params);

describe('the server client', () => {
  it('sends the Bearer key and parses the answer with the contract', () => {
    gas = installGas();
    const me = new ApiClient({ serverUrl: `${server.url}/`, apiKey: seller.key, language: 'ko' }).call(API.me);
    expect(me.seller.name).toBe('하늘상점');
    expect(me.key.label).toBe('owner');
    expect(gas.calls.count({ method: 'UrlFetchApp.fetch' })).toBe(1);
  });

  it('a wrong key is a readable 401, in the user language, with no stack trace', () => {
    gas = installGas();
    const error = thrown(() => new ApiClient({ serverUrl: server.url, apiKey: 'ssk_0000000000000000_wrong', language: 'en' }).call(API.me));
    expect(error.status).toBe(401);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(readable(error)).toBe('API 키가 없거나 올바르지 않습니다');
    expect(readable(error, 'en')).not.toMatch(/at |\n/);
  });

  it('the server refusal of a bad request keeps its message, localized by Accept-Language', () => {
    gas = installGas();
    const client = new ApiClient({ serverUrl: server.url, apiKey: seller.key, language: 'en' });
    const error = thrown(() => client.call(API.getOrder, { params: { key: 'manual:main:nope' } }));
    expect(error.status).toBe(404);
    expect(error.code).toBe('ORDER_NOT_FOUND');
    expect(readable(error)).toBe('Order not found: manual:main:nope');
  });

  it('a body that breaks the contract is refused before anything is sent, naming the field', () => {
    gas = installGas();
    const client = new ApiClient({ serverUrl: server.url, apiKey: seller.key, language: 'ko' });
    const error = thrown(() => client.call(API.adjust, { body: { adjustments: [{ sku: 'A', kind: 'set', quantity: -1 }] } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.serverMessage).toContain('adjustments.0.quantity');
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(0);
  });

  it('a server nobody answers at is UNREACHABLE with the address, not a stack', async () => {
    gas = installGas();
    const gone = await startServerThread('(request, response) => response.end()');
    const url = gone.url;
    await gone.close();
    const error = thrown(() => new ApiClient({ serverUrl: url, apiKey: seller.key, language: 'ko' }).call(API.me));
    expect(error.code).toBe('UNREACHABLE');
    expect(readable(error)).toBe(`서버에 연결할 수 없습니다: Address unavailable: ${url}/v1/me`);
  });

  describe('against a misbehaving server', () => {
    let odd: ServerThread;
    beforeAll(async () => {
      odd = await startServerThread(`(request, response) => {
        if (request.url.startsWith('/v1/me')) { response.setHeader('content-type', 'application/json'); response.end(JSON.stringify({ seller: { id: 'x' } })); return; }
        if (request.url.startsWith('/v1/alerts')) { response.statusCode = 502; response.end('<html>Bad gateway</html>'); return; }
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ echo: { auth: request.headers.authorization, language: request.headers['accept-language'], type: request.headers['content-type'] } }));
      }`);
      return () => odd.close();
    });

    it('an answer that breaks the contract is INVALID_RESPONSE naming the field', () => {
      gas = installGas();
      const error = thrown(() => new ApiClient({ serverUrl: odd.url, apiKey: 'ssk_key_0001', language: 'ko' }).call(API.me));
      expect(error.code).toBe('INVALID_RESPONSE');
      expect(readable(error)).toContain('me seller.id');
    });

    it('an error page that is not JSON (a proxy) is its HTTP status', () => {
      gas = installGas();
      const error = thrown(() => new ApiClient({ serverUrl: odd.url, apiKey: 'ssk_key_0001', language: 'ko' }).call(API.listAlerts));
      expect(error.status).toBe(502);
      expect(readable(error)).toBe('서버가 HTTP 502 오류로 응답했습니다');
    });

    it('requests carry the key, the language and a JSON content type', () => {
      gas = installGas();
      const client = new ApiClient({ serverUrl: odd.url, apiKey: 'ssk_key_0001', language: 'en' });
      const request = client.prepare(API.ackAlert, { params: { id: 'SHORTAGE:A/B' }, body: {} }).request;
      expect(request.url).toBe(`${odd.url}/v1/alerts/SHORTAGE%3AA%2FB/ack`);
      expect(request.headers).toMatchObject({ Authorization: 'Bearer ssk_key_0001', 'Accept-Language': 'en' });
      expect(request.contentType).toBe('application/json');
      expect(request.muteHttpExceptions).toBe(true);
    });
  });
});
