import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { ListSkusResponseSchema } from '../../shared/api/catalog';
import { call, provisionSeller, startTestServer } from './support/harness';

const server = await startTestServer({ bodyLimit: '2kb' });

/** A raw request, so the body can be larger than the limit and sent the way a client streams it. */
function rawPost(path: string, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('request envelope', () => {
  it('answers 413 in JSON to a body over the limit, and applies nothing', async () => {
    const seller = await provisionSeller(server);
    const skus = Array.from({ length: 100 }, (_, index) => ({ sku: `SKU-${index}`, name: 'x'.repeat(20) }));
    const answer = await rawPost('/v1/skus', seller.key, JSON.stringify({ skus }));
    expect(answer.status).toBe(413);
    expect(ErrorBodySchema.parse(JSON.parse(answer.body)).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '요청이 너무 큽니다' });
    expect(ListSkusResponseSchema.parse((await call(server, 'GET', '/v1/skus', { key: seller.key })).body).skus).toEqual([]);
  });

  it('answers broken JSON with 400 and another media type with 415', async () => {
    const seller = await provisionSeller(server);
    const broken = await call(server, 'PUT', '/v1/skus', { key: seller.key, rawBody: '{"skus": [', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(ErrorBodySchema.parse(broken.body).error.code).toBe('INVALID_JSON');
    const form = await call(server, 'PUT', '/v1/skus', { key: seller.key, rawBody: 'skus=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(ErrorBodySchema.parse(form.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown routes and methods in JSON', async () => {
    const missing = await call(server, 'GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(missing.body).error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '없는 주소입니다: GET /v1/nothing-here' });
    const wrong = await call(server, 'DELETE', '/v1/orders');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('POST');
    expect(ErrorBodySchema.parse(wrong.body).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    expect((await call(server, 'GET', '/healthz', { headers: { 'x-request-id': 'sheet-42.abc' } })).headers.get('x-request-id')).toBe('sheet-42.abc');
    const made = (await call(server, 'GET', '/healthz', { headers: { 'x-request-id': 'bad id\u00e9' } })).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const onError = await call(server, 'GET', '/v1/me');
    expect(onError.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('speaks Korean by default and English on request, with the same code', async () => {
    const seller = await provisionSeller(server);
    const body = { skus: [{ sku: 'A', name: '' }] };
    const korean = ErrorBodySchema.parse((await call(server, 'PUT', '/v1/skus', { key: seller.key, body })).body).error;
    const english = ErrorBodySchema.parse((await call(server, 'PUT', '/v1/skus', { key: seller.key, body, headers: { 'accept-language': 'en-US,en;q=0.9' } })).body).error;
    expect(korean.code).toBe('VALIDATION');
    expect(english.code).toBe('VALIDATION');
    expect(korean.message).toMatch(/^입력값이 올바르지 않습니다: skus\[0\]\.name /);
    expect(english.message).toMatch(/^Invalid input: skus\[0\]\.name Too small/);
  });
});

describe('keys that could reach Object.prototype', () => {
  it('are refused as a 400 naming the key, and nothing is applied', async () => {
    const seller = await provisionSeller(server);
    const proto = await call(server, 'PUT', '/v1/skus', { key: seller.key, rawBody: '{"skus":[{"sku":"A","name":"a","__proto__":{"admin":true}}]}', headers: { 'content-type': 'application/json' } });
    expect(proto.status).toBe(400);
    expect(ErrorBodySchema.parse(proto.body).error).toMatchObject({ code: 'VALIDATION', message: '입력값이 올바르지 않습니다: __proto__ is not allowed as a key' });
    const constructor = await call(server, 'PUT', '/v1/skus', { key: seller.key, rawBody: '{"skus":[],"constructor":{"prototype":{"x":1}}}', headers: { 'content-type': 'application/json' } });
    expect(constructor.status).toBe(400);
    expect(ErrorBodySchema.parse(constructor.body).error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('constructor') });
    expect(ListSkusResponseSchema.parse((await call(server, 'GET', '/v1/skus', { key: seller.key })).body).skus).toEqual([]);
  });
});
