import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createSmartStoreConnector } from '../../../server/channels/smartstore/connector';
import { FakeClock } from './harness';

/**
 * The connector end to end against a server that replays the hand-written fixtures (not the sandbox), and
 * the request bodies it writes compared with the reference's own request sample.
 */
function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/smartstore/${name}`, import.meta.url), 'utf8');
}

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

async function replayServer(answer: (request: Seen) => string) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://replay');
      const entry = { method: request.method ?? '', path: url.pathname, query: url.searchParams, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/external`, seen };
}

function route(request: Seen): string {
  if (request.path.endsWith('/oauth2/token')) return fixture('token-response.json');
  if (request.path.endsWith('/last-changed-statuses')) return fixture(request.query.has('moreSequence') ? 'last-changed-statuses-page2.json' : 'last-changed-statuses-page1.json');
  if (request.path.endsWith('/product-orders/query')) return fixture('product-orders.json');
  if (request.path.endsWith('/product-orders/dispatch')) return fixture('dispatch-response.json');
  if (request.path.endsWith('/origin-products/2222')) return fixture('origin-product.json');
  return '{}';
}

function connectorFor(url: string) {
  const clock = new FakeClock(Date.parse('2024-06-07T19:05:00.000+09:00'));
  return createSmartStoreConnector({ baseUrl: url, clientId: 'replay', clientSecret: '$2a$04$JwR0/o1nO1lsdoNZ6LQVPu', account: 'main', clock });
}

describe('smartstore against replayed fixtures', () => {
  it('polls two feed pages, passing Naver’s page position back as it came', async () => {
    const replay = await replayServer(route);
    const connector = connectorFor(replay.url);
    const result = await connector.pollOrders(null, new Date(Date.parse('2024-06-07T19:00:00.000+09:00')));
    expect(result.orders.map((order) => [order.order.orderId, order.addressChanged])).toEqual([
      ['2024060712345', false],
      ['2024060712400', false],
      ['2024060712500', true],
      ['2024060712900', false],
    ]);
    expect(result.unreadable?.map((entry) => entry.orderId)).toEqual(['2024060712800', '2024060712700']);
    expect(result.more).toBe(false);
    const feed = replay.seen.filter((request) => request.path.endsWith('/last-changed-statuses'));
    expect(feed.map((request) => [request.query.get('lastChangedFrom'), request.query.get('moreSequence')])).toEqual([
      ['2024-06-07T19:00:00.000+09:00', null],
      ['2024-06-07T19:01:02.000+09:00', '2024060798766'],
    ]);
    const query = replay.seen.find((request) => request.path.endsWith('/product-orders/query'));
    expect(JSON.parse(query?.body ?? '{}')).toEqual({
      productOrderIds: ['2024060798765', '2024060798766', '2024060798800', '2024060798900'],
      quantityClaimCompatibility: true,
    });
    // The token request is the documented form, signed.
    const token = replay.seen.find((request) => request.path.endsWith('/oauth2/token'));
    const form = new URLSearchParams(token?.body ?? '');
    expect([...form.keys()].sort()).toEqual(['client_id', 'client_secret_sign', 'grant_type', 'timestamp', 'type']);
    expect(form.get('type')).toBe('SELF');
    expect(Buffer.from(form.get('client_secret_sign') ?? '', 'base64').toString('utf8')).toMatch(/^\$2a\$04\$JwR0\/o1nO1lsdoNZ6LQVP[.Oeu]/);
  });

  it('writes the dispatch body of the reference sample', async () => {
    const replay = await replayServer(route);
    const connector = connectorFor(replay.url);
    const outcomes = await connector.dispatch([{ lineId: '2024060798765', carrier: 'cj', carrierCode: 'CJGLS', trackingNumber: '1234-5678-9012', dispatchedAt: '2024-06-08T01:00:00.000Z' }]);
    expect(outcomes).toEqual([{ lineId: '2024060798765', ok: true }]);
    const sent = replay.seen.find((request) => request.path.endsWith('/product-orders/dispatch'));
    expect(JSON.parse(sent?.body ?? '{}')).toEqual(JSON.parse(fixture('dispatch-request.json')));
  });

  it('writes every option back with only the mapped one changed, price and usable as read', async () => {
    const replay = await replayServer(route);
    const connector = connectorFor(replay.url);
    expect(await connector.setStock([{ listingId: '2222:3334', quantity: 4, metadata: {} }])).toEqual([{ listingId: '2222:3334', ok: true }]);
    const put = replay.seen.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/external/v1/products/origin-products/2222/option-stock');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({
      optionInfo: {
        optionCombinations: [
          { id: 3333, stockQuantity: 5, price: 0, usable: true },
          { id: 3334, stockQuantity: 4, price: 1000, usable: true },
          { id: 3335, stockQuantity: 0, price: 2000, usable: false },
        ],
        useStockManagement: true,
      },
    });
  });
});
