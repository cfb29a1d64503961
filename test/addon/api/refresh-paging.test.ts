import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { ordersLayout } from '../../../shared/sheets/layouts';
import { stockedSku, type TestSeller } from '../../http/support/harness';
import { orderBody } from '../../http/support/orders';
import type { GasEnvironment } from '../../support/gas';
import { rowsByKey } from '../sheets/harness';
import { connectedGas } from '../support/addon-env';
import { recordRequests } from '../support/requests';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { postOrders } from '../support/shop';

let server: ServerProcess;
let seller: TestSeller;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
  seller = await server.seller();
  await stockedSku(server, seller, 'BULK', 5000);
  await postOrders(server, seller, Array.from({ length: 1000 }, (_, index) => orderBody(`B${index}`, [{ listingId: 'L-BULK', quantity: 1 }])));
  await postOrders(server, seller, [orderBody('B1000', [{ listingId: 'L-BULK', quantity: 1 }])]);
});

describe('refreshing from the server', () => {
  it('fetches every list together, then follows the order pages to the end', () => {
    gas = connectedGas(server, seller);
    const sent = recordRequests(gas);
    const reply = addon.refresh({});
    expect(reply.ok).toBe(true);
    expect(rowsByKey(gas.spreadsheet!.sheet('주문'), ordersLayout).size).toBe(1001);
    const orderPages = sent.requests.filter((request) => request.path.startsWith('/v1/orders'));
    expect(orderPages.map((request) => request.path.replace(/cursor=\d+/, 'cursor=N'))).toEqual(['/v1/orders?limit=1000', '/v1/orders?limit=1000&cursor=N']);
    expect(gas.calls.count({ method: 'UrlFetchApp.fetchAll' })).toBeGreaterThanOrEqual(1);
  });

  it('the next refresh asks only for orders changed since the last one', async () => {
    gas = connectedGas(server, seller);
    addon.refresh({});
    const [added] = await postOrders(server, seller, [orderBody('B1001', [{ listingId: 'L-BULK', quantity: 2 }])]);
    const sent = recordRequests(gas);
    gas.calls.reset();
    addon.refresh({});
    const orderPages = sent.requests.filter((request) => request.path.startsWith('/v1/orders'));
    expect(orderPages).toHaveLength(1);
    expect(orderPages[0]?.path).toMatch(/^\/v1\/orders\?limit=1000&updatedSince=\d+$/);
    expect(rowsByKey(gas.spreadsheet!.sheet('주문'), ordersLayout).get(added!.key)).toBe(1003);
    expect(gas.calls.filter({ method: 'Range.setValues', sheet: '주문' }).map((record) => record.range)).toEqual(['B1003:W1003']);
  });
});
