import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { validateTrackingNumber } from '../../../shared/carriers';
import { ordersLayout } from '../../../shared/sheets/layouts';
import type { TestSeller } from '../../http/support/harness';
import { orderBody } from '../../http/support/orders';
import type { GasEnvironment } from '../../support/gas';
import { cellOf } from '../sheets/harness';
import { connectedGas } from '../support/addon-env';
import { rowOf } from '../support/rows';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { postOrders, readyToShip, seedShop } from '../support/shop';

let server: ServerProcess;
let gas: GasEnvironment;
afterEach(() => gas.uninstall());

beforeAll(async () => {
  server = await startServerProcess();
});

interface Shop {
  seller: TestSeller;
  allocated: string[];
  held: string;
  /** A second order to the first order's receiver and address: the two make one parcel (합포장). */
  sameReceiver: string;
}

/** The seeded shop, ready to ship with Hanjin, and the sheets refreshed. */
async function shop(): Promise<Shop> {
  const seller = await server.seller('하늘상점');
  const { allocated, held } = await seedShop(server, seller);
  const [same] = await postOrders(server, seller, [orderBody('1005', [{ listingId: 'L-TEE-B-M', quantity: 1 }])]);
  await readyToShip(server, seller);
  gas = connectedGas(server, seller);
  addon.refresh({});
  return { seller, allocated, held, sameReceiver: same!.key };
}

function check(keys: readonly string[]): void {
  const sheet = gas.spreadsheet!.sheet('주문');
  for (let row = 2; row <= sheet.getLastRow(); row += 1) sheet.grid.cell(row, 1).value = false;
  for (const key of keys) sheet.grid.cell(rowOf(sheet, ordersLayout, key), 1).value = true;
}

function value<T>(reply: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!reply.ok) throw new Error(`expected a value, got ${JSON.stringify(reply.error)}`);
  return reply.value;
}

describe('the sidebar buttons against the real waybill and shipment routes', () => {
  it('송장 발급: one number per parcel, 합포장 for the same receiver, a refusal for a held order, the same numbers again', async () => {
    const { allocated, held, sameReceiver } = await shop();
    check([allocated[0]!, sameReceiver, allocated[1]!, held]);
    const issued = value(addon.issueWaybills({ carrier: 'hanjin' }));
    expect(issued.results.map((result) => [result.orderKeys, result.ok])).toEqual([
      [[allocated[0], sameReceiver], true],
      [[allocated[1]], true],
      [[held], false],
    ]);
    for (const result of issued.results.filter((parcel) => parcel.ok)) expect(validateTrackingNumber('hanjin', result.trackingNumber ?? '').ok).toBe(true);
    expect(issued.results[2]?.error?.code).toBe('addon.error.SERVER');
    expect(issued.results[0]?.trackingNumber).not.toBe(issued.results[1]?.trackingNumber);
    // Pressing it again never mints a second number.
    expect(value(addon.issueWaybills({ carrier: 'hanjin' })).results.map((result) => result.trackingNumber)).toEqual(issued.results.map((result) => result.trackingNumber));
    value(addon.refresh({}));
    const sheet = gas.spreadsheet!.sheet('주문');
    expect(cellOf(sheet, ordersLayout, sameReceiver, 'state')).toBe('송장발급');
    expect(cellOf(sheet, ordersLayout, sameReceiver, 'trackingNumber')).toBe(issued.results[0]?.trackingNumber);
    expect(gas.PropertiesService.getUserProperties().getProperty('sheetship.carrier')).toBe('hanjin');
  });

  it('라벨 인쇄: a signed link to one PDF for the checked rows', async () => {
    const { allocated } = await shop();
    check([allocated[0]!, allocated[1]!]);
    value(addon.issueWaybills({ carrier: 'hanjin' }));
    const labels = value(addon.printLabels({ carrier: 'hanjin' }));
    expect(labels.url).toMatch(new RegExp(`^${server.url}/v1/labels/`));
    expect(labels.labels).toBe(2);
    const pdf = await fetch(labels.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('라벨 인쇄 issues a waybill for checked rows that have none, then prints them: one click', async () => {
    const { allocated, sameReceiver } = await shop();
    check([allocated[0]!, sameReceiver, allocated[1]!]);
    const labels = value(addon.printLabels({ carrier: 'hanjin' }));
    expect(labels.issued.map((result) => [result.orderKeys, result.ok])).toEqual([
      [[allocated[0], sameReceiver], true],
      [[allocated[1]], true],
    ]);
    for (const result of labels.issued) expect(validateTrackingNumber('hanjin', result.trackingNumber ?? '').ok).toBe(true);
    expect(labels.labels).toBe(2);
    const pdf = await fetch(labels.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Pressed again before a refresh, issuance is idempotent: the same numbers, not new ones.
    expect(value(addon.printLabels({ carrier: 'hanjin' })).issued.map((result) => result.trackingNumber)).toEqual(labels.issued.map((result) => result.trackingNumber));
    // After the refresh (the sidebar does one) the rows show their numbers and a reprint issues nothing.
    value(addon.refresh({}));
    expect(cellOf(gas.spreadsheet!.sheet('주문'), ordersLayout, allocated[1]!, 'trackingNumber')).toBe(labels.issued[1]?.trackingNumber);
    expect(value(addon.printLabels({ carrier: 'hanjin' }))).toMatchObject({ labels: 2, issued: [] });
  });

  it('일괄 출고 ships the rows with a waybill and names the reason for the others', async () => {
    const { allocated } = await shop();
    check([allocated[0]!]);
    value(addon.issueWaybills({ carrier: 'hanjin' }));
    check([allocated[0]!, allocated[2]!]);
    const shipped = value(addon.bulkShip({}));
    expect(shipped.results.map((result) => [result.orderKey, result.ok])).toEqual([
      [allocated[0], true],
      [allocated[2], false],
    ]);
    expect(shipped.results[1]?.error).toEqual({ code: 'addon.error.SERVER', params: { message: `송장이 발급되지 않은 주문입니다: ${allocated[2]}`, code: 'NO_WAYBILL' } });
    value(addon.refresh({}));
    expect(cellOf(gas.spreadsheet!.sheet('주문'), ordersLayout, allocated[0]!, 'state')).toBe('출고');
  });

  it('스캔 출고 ships a parcel once: a second scan is refused as already shipped, an unknown code as unknown', async () => {
    const { allocated } = await shop();
    check([allocated[1]!]);
    const number = value(addon.issueWaybills({ carrier: 'hanjin' })).results[0]?.trackingNumber ?? '';
    expect(value(addon.scan({ code: number, mode: 'ship', station: 'desk-1' }))).toEqual({ ok: true, reason: 'OK', orderKeys: [allocated[1]] });
    expect(value(addon.scan({ code: number, mode: 'ship' }))).toMatchObject({ ok: false, reason: 'ALREADY_SHIPPED' });
    expect(value(addon.scan({ code: '999999999999', mode: 'ship' }))).toMatchObject({ ok: false, reason: 'UNKNOWN_BARCODE' });
    expect(value(addon.scan({ code: '8801234500022', mode: 'verify' }))).toMatchObject({ ok: false, reason: 'NO_PARCEL_OPEN' });
  });

  it('buttons with nothing checked say so without calling the server', async () => {
    await shop();
    check([]);
    gas.calls.reset();
    for (const reply of [addon.issueWaybills({ carrier: 'cj' }), addon.printLabels({ carrier: 'cj' }), addon.bulkShip({})]) {
      expect(reply).toEqual({ ok: false, error: { code: 'sidebar.error.NO_ROWS_CHECKED', params: {} } });
    }
    expect(gas.calls.count({ service: 'UrlFetch' })).toBe(0);
  });
});
