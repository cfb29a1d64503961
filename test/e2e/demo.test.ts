import { describe, expect, it } from 'vitest';
import { ListOrdersResponseSchema } from '../../shared/api/orders';
import { freePort } from '../../server/redis/launch';
import { call } from '../http/support/harness';
import { waitFor } from '../sync/support/harness';
import { buildServer, startServer, tempFolder } from './support/built-server';

describe('demo mode', () => {
  it('shows sandbox orders through GET /v1/orders with the printed key within a minute of starting', async () => {
    const main = await buildServer();
    const started = Date.now();
    // Nothing configured, as after a fresh clone: no REDIS_URL (a private redis-server starts), no keys, no accounts.
    const { child, url } = await startServer(main, { SHEETSHIP_VAR_DIR: tempFolder(), SHEETSHIP_LOCAL_REDIS_PORT: String(await freePort()) });
    const key = await waitFor('the printed demo key', () => /Demo key: +(\S+)/.exec(child.stderr())?.[1], 30_000);
    await waitFor('the sandbox line', () => /Sandbox: +http:\/\/127\.0\.0\.1:\d+\/external/.test(child.stderr()), 30_000);

    const orders = await waitFor(
      'sandbox orders',
      async () => {
        const answer = await call({ url }, 'GET', '/v1/orders?channel=smartstore', { key });
        const page = ListOrdersResponseSchema.parse(answer.body);
        return page.orders.length >= 2 ? page.orders : null;
      },
      60_000,
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    for (const order of orders) expect(order.key).toMatch(/^smartstore:demo-[ab]:\d+$/);
    expect(orders.some((order) => order.state === 'ALLOCATED')).toBe(true);
    // The console says what happened.
    expect(child.stderr()).toMatch(/\[demo\] order +smartstore:demo-[ab]:\d+/);
    expect(child.stderr()).toMatch(/\[demo\] stock +→ demo-[ab]:/);

    child.process.kill('SIGTERM');
    expect(await child.exit).toBe(0);
  });
});
