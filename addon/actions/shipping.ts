import { API } from '../../shared/api/routes';
import type { ScanResponse } from '../../shared/api/waybills';
import { message, type Language } from '../../shared/messages';
import { errorInfo, SCAN_REASONS, type CallOutput, type ScanInput, type ScanResult } from '../../shared/sidebar-contract';
import { connectedClient } from '../api/session';
import { chunks } from '../lib/chunks';
import { checkedOrderRows } from './order-rows';

const MAX_ORDERS_PER_CALL = 1000;

/** 일괄 출고 for the rows checked in 주문. The server ships WAYBILL_ISSUED orders and refuses the rest with a reason. */
export function shipChecked(): CallOutput<'bulkShip'> {
  const client = connectedClient();
  const orderKeys = checkedOrderRows().map((row) => row.key);
  const results: CallOutput<'bulkShip'>['results'] = [];
  for (const batch of chunks(orderKeys, MAX_ORDERS_PER_CALL)) {
    const response = client.call(API.shipOrders, { body: { orderKeys: batch } });
    for (const result of response.results) {
      results.push(
        result.result === 'applied'
          ? { orderKey: result.orderKey, ok: true }
          : { orderKey: result.orderKey, ok: false, error: errorInfo('addon.error.SERVER', { message: result.error.message, code: result.error.code }) },
      );
    }
  }
  return { results };
}

/** A refusal the sidebar knows by name, or (a reason added on the server later) "not ready" with the server's words. */
function refusal(reason: string, serverMessage: string): Pick<ScanResult, 'reason' | 'text'> {
  const known = SCAN_REASONS.find((candidate) => candidate === reason);
  return known ? { reason: known } : { reason: 'NOT_READY', text: serverMessage };
}

/** The server's scan answer in the sidebar's terms: OK, PACKED, or the refusal with its own Korean reason. */
export function scanResultOf(response: ScanResponse, language: Language): ScanResult {
  switch (response.result) {
    case 'shipped':
      return { ok: true, reason: 'OK', orderKeys: response.orderKeys };
    case 'verified':
      if (response.packed) return { ok: true, reason: 'PACKED', orderKeys: response.orderKeys };
      return { ok: true, reason: 'OK', text: message('addon.scan.remaining', language, { remaining: response.remaining }), orderKeys: response.orderKeys };
    case 'refused':
      return { ok: false, ...refusal(response.reason, response.message), orderKeys: response.orderKeys };
  }
}

/** One scan from the scan station: ship mode ships the parcel, verify mode checks an item against it. */
export function scanCode(input: ScanInput): ScanResult {
  const client = connectedClient();
  const response = client.call(API.scan, { body: { code: input.code, mode: input.mode, ...(input.station ? { station: input.station } : {}) } });
  return scanResultOf(response, client.language);
}
