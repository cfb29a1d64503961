import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { ListSkusResponseSchema } from '../../shared/api/catalog';
import { byteLimit } from '../../server/http/middleware/json-body';
import { call, provisionSeller, startTestServer } from './support/harness';

const server = await startTestServer({ bodyLimit: '2kb' });

/** PUT /v1/skus with raw bytes and headers, streamed in chunks as a client without Content-Length sends it. */
function put(key: string, chunks: Buffer[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}/v1/skus`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

const skus = (count: number) => JSON.stringify({ skus: Array.from({ length: count }, (_, index) => ({ sku: `S-${index}`, name: `상품 ${index}` })) });

describe('the JSON body reader', () => {
  it('reads a body sent in pieces, a byte order mark and UTF-8 split across chunks', async () => {
    const seller = await provisionSeller(server);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(skus(3))]);
    // Split inside the three bytes of a Hangul syllable.
    const cut = bytes.indexOf(Buffer.from('상')) + 1;
    const answer = await put(seller.key, [bytes.subarray(0, cut), bytes.subarray(cut)], {});
    expect(answer.status).toBe(200);
    const listed = ListSkusResponseSchema.parse((await call(server, 'GET', '/v1/skus', { key: seller.key })).body).skus;
    expect(listed.map((sku) => sku.name)).toEqual(['상품 0', '상품 1', '상품 2']);
  });

  it('answers 413 to a streamed body over the limit that never said its length', async () => {
    const seller = await provisionSeller(server);
    const body = Buffer.from(skus(100));
    expect(body.length).toBeGreaterThan(byteLimit('2kb'));
    const answer = await put(seller.key, [body.subarray(0, 1000), body.subarray(1000)], {});
    expect(answer.status).toBe(413);
    expect(ErrorBodySchema.parse(JSON.parse(answer.body)).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(ListSkusResponseSchema.parse((await call(server, 'GET', '/v1/skus', { key: seller.key })).body).skus).toEqual([]);
  });

  it('still inflates a gzip body', async () => {
    const seller = await provisionSeller(server);
    const answer = await put(seller.key, [gzipSync(skus(2))], { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(ListSkusResponseSchema.parse((await call(server, 'GET', '/v1/skus', { key: seller.key })).body).skus).toHaveLength(2);
  });

  it('finds a __proto__ key written with escapes', async () => {
    const seller = await provisionSeller(server);
    const answer = await put(seller.key, [Buffer.from('{"skus":[],"x":{"\\u005f_proto__":{"admin":true}}}')], {});
    expect(answer.status).toBe(400);
    expect(ErrorBodySchema.parse(JSON.parse(answer.body)).error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: '__proto__' }] } });
  });

  it('reads sizes as 1024-byte kilobytes and megabytes', () => {
    expect([byteLimit('512b'), byteLimit('2kb'), byteLimit('4MB')]).toEqual([512, 2048, 4 * 1024 * 1024]);
    expect(() => byteLimit('4 mb')).toThrow(/4 mb/);
  });
});
