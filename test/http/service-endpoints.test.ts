import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/api/common';
import { API } from '../../shared/api/routes';
import { HealthResponseSchema, ReadyResponseSchema } from '../../shared/api/service';
import { assembleApp, createLogger } from '../../server/http/assemble';
import { listen } from '../../server/http/server';
import { launchRedis } from '../../server/redis/launch';
import { Store } from '../../server/store';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';
import { orderBody } from './support/orders';

const server = await startTestServer();

describe('service endpoints', () => {
  it('reports liveness and readiness', async () => {
    expect(HealthResponseSchema.parse((await call(server, 'GET', '/healthz')).body)).toEqual({ status: 'ok' });
    const ready = await call(server, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ReadyResponseSchema.parse(ready.body)).toEqual({ status: 'ready', checks: { redis: true, scripts: true } });
  });

  it('recovers from a script flush, and is not ready while Redis is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheetship-readyz-'));
    const redis = await launchRedis({ dir, persistence: 'none' });
    const store = await Store.open(redis.url, { connections: 1 });
    const { app } = assembleApp({ store, masterKey: Buffer.alloc(32, 1), adminKey: 'a'.repeat(32), rateLimit: { limit: 10, windowSeconds: 60 }, bodyLimit: '1mb', trustProxy: false, logger: createLogger('silent') });
    const running = await listen(app, '127.0.0.1', 0);
    try {
      expect((await call(running, 'GET', '/readyz')).status).toBe(200);
      // A Redis that forgot the scripts (restarted without persistence, flushed) is ready again at once.
      await store.pool.pick().sendCommand(['SCRIPT', 'FLUSH']);
      expect(ReadyResponseSchema.parse((await call(running, 'GET', '/readyz')).body).checks).toEqual({ redis: true, scripts: true });
      await redis.stop();
      const down = await call(running, 'GET', '/readyz');
      expect(down.status).toBe(503);
      expect(ErrorBodySchema.parse(down.body).error).toMatchObject({ code: 'NOT_READY', details: { checks: { redis: false, scripts: false } } });
      expect((await call(running, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await running.close(1000);
      // Closing waits for replies that a stopped Redis will never send.
      for (const client of store.pool.clients) client.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves Prometheus metrics to the admin key only', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 1);
    await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: [orderBody('m1', [{ listingId: 'L-A', quantity: 1 }]), orderBody('m2', [{ listingId: 'L-A', quantity: 1 }])] } });
    expect((await call(server, 'GET', '/metrics')).status).toBe(401);
    expect((await call(server, 'GET', '/metrics', { key: seller.key })).status).toBe(401);
    const metrics = await call(server, 'GET', '/metrics', { key: server.adminKey });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toMatch(/sheetship_http_requests_total\{method="POST",route="\/v1\/orders",status="200"\} 1/);
    expect(metrics.text).toMatch(/sheetship_http_request_duration_seconds_bucket\{le="0\.05",method="POST",route="\/v1\/orders"\} 1/);
    expect(metrics.text).toMatch(/sheetship_orders_ingested_total\{outcome="created"\} 2/);
    const held = Number(/^sheetship_held_orders (\d+)$/m.exec(metrics.text)?.[1]);
    expect(held).toBeGreaterThanOrEqual(1);
    const outbox = Number(/^sheetship_outbox_depth (\d+)$/m.exec(metrics.text)?.[1]);
    expect(outbox).toBeGreaterThanOrEqual(1);
  });

  it('publishes an OpenAPI document with every route of the contract', async () => {
    const answer = await call(server, 'GET', '/v1/openapi.json');
    expect(answer.status).toBe(200);
    const doc = z.object({ openapi: z.string(), paths: z.record(z.string(), z.record(z.string(), z.object({ operationId: z.string(), responses: z.record(z.string(), z.unknown()) }).loose())) }).parse(answer.body);
    expect(doc.openapi).toBe('3.1.0');
    for (const endpoint of Object.values(API)) {
      const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(doc.paths[path]?.[endpoint.method]?.operationId, `${endpoint.method} ${path}`).toBe(endpoint.operationId);
    }
    const listOrders = z
      .object({ parameters: z.array(z.object({ name: z.string(), in: z.string(), required: z.boolean() })) })
      .parse(doc.paths['/v1/orders']?.get);
    expect(listOrders.parameters.map((parameter) => parameter.name).sort()).toEqual(['channel', 'cursor', 'limit', 'status', 'updatedSince']);
    const postOrders = z.object({ requestBody: z.object({ content: z.object({ 'application/json': z.object({ schema: z.object({ required: z.array(z.string()) }).loose() }) }) }) }).parse(doc.paths['/v1/orders']?.post);
    expect(postOrders.requestBody.content['application/json'].schema.required).toEqual(['orders']);
  });

  // Where the kernel caps every backlog at 511 or less, Node's default would pass too: nothing to tell apart.
  const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
  it.skipIf(somaxconn <= 511)('keeps a burst of new connections waiting instead of dropping those past the 511 Node allows by default', () => {
    // Send-Q of a listening socket is its accept backlog; the kernel caps what listen() asks at somaxconn.
    const listening = execFileSync('ss', ['-ltnH', `sport = :${new URL(server.url).port}`]).toString().trim().split(/\s+/);
    expect(Number(listening[2])).toBe(Math.min(4096, somaxconn));
  });
});
