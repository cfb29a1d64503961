import { API } from '../../shared/api/routes';
import type { ParcelResult as ServerParcelResult } from '../../shared/api/waybills';
import type { CarrierId } from '../../shared/carriers';
import { message } from '../../shared/messages';
import { errorInfo, SidebarFailure, type CallOutput, type ParcelResult } from '../../shared/sidebar-contract';
import { USER_KEYS, userProperties } from '../api/connection';
import type { ApiClient } from '../api/client';
import { connectedClient } from '../api/session';
import { chunks } from '../lib/chunks';
import { checkedOrderRows, type OrderRow } from './order-rows';

const MAX_PARCELS_PER_CALL = 500;
const MAX_ORDERS_PER_PARCEL = 50;

function isAllocated(row: OrderRow): boolean {
  const label = row.cell('state');
  return label === message('state.ALLOCATED', 'ko') || label === message('state.ALLOCATED', 'en');
}

/** Same receiver, phone, zip and address: one parcel (합포장) is enough; the server checks the rule again. */
function receiverIdentity(row: OrderRow): string {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return [squash(row.cell('receiver')), row.cell('phone').replace(/\D/g, ''), row.cell('zip').replace(/\D/g, ''), squash(row.cell('address'))].join('|');
}

/**
 * The checked orders as parcels: allocated orders to the same receiver and address share one; every other
 * order goes alone (an order that already has a waybill gets the same one back, a held one its refusal).
 */
export function groupParcels(rows: readonly OrderRow[]): string[][] {
  const groups = new Map<string, string[]>();
  const parcels: string[][] = [];
  for (const row of rows) {
    if (!isAllocated(row)) {
      parcels.push([row.key]);
      continue;
    }
    const identity = receiverIdentity(row);
    const group = groups.get(identity);
    if (group) group.push(row.key);
    else {
      const created = [row.key];
      groups.set(identity, created);
      parcels.push(created);
    }
  }
  return parcels.flatMap((parcel) => chunks(parcel, MAX_ORDERS_PER_PARCEL));
}

function parcelResult(orderKeys: string[], result: ServerParcelResult | undefined): ParcelResult {
  if (!result) return { orderKeys, ok: false, error: errorInfo('addon.error.INVALID_RESPONSE', { what: 'issueWaybills results' }) };
  if (result.result === 'error') return { orderKeys, ok: false, error: errorInfo('addon.error.SERVER', { message: result.error.message, code: result.error.code }) };
  return { orderKeys, ok: true, trackingNumber: result.waybills.map((waybill) => waybill.trackingNumber).join(', ') };
}

/** One waybill per parcel, idempotent on the server; the carrier is remembered as this user's choice. */
function issueParcels(client: ApiClient, carrier: CarrierId, parcels: readonly string[][]): ParcelResult[] {
  userProperties().setProperty(USER_KEYS.carrier, carrier);
  const results: ParcelResult[] = [];
  for (const batch of chunks(parcels, MAX_PARCELS_PER_CALL)) {
    const response = client.call(API.issueWaybills, { body: { carrier, parcels: batch.map((orderKeys) => ({ orderKeys })) } });
    batch.forEach((orderKeys, index) => results.push(parcelResult(orderKeys, response.results.find((result) => result.index === index))));
  }
  return results;
}

/** 송장 발급 for the rows checked in 주문. */
export function issueWaybillsForChecked(carrier: CarrierId): CallOutput<'issueWaybills'> {
  return { results: issueParcels(connectedClient(), carrier, groupParcels(checkedOrderRows({ withCells: true }))) };
}

/**
 * 라벨 인쇄: the checked orders still without a waybill get one first (CJ numbers are best issued right before
 * printing), from the carrier picked in the sidebar; then one PDF for every checked order that has a waybill,
 * behind a short-lived signed URL the browser opens. An order whose issuance was refused is left out of the
 * PDF and reported in `issued`.
 */
export function labelsForChecked(carrier: CarrierId): CallOutput<'printLabels'> {
  const client = connectedClient();
  const rows = checkedOrderRows({ withCells: true });
  const unissued = rows.filter(isAllocated);
  const issued = unissued.length > 0 ? issueParcels(client, carrier, groupParcels(unissued)) : [];
  const refused = issued.filter((result) => !result.ok);
  const skipped = new Set(refused.flatMap((result) => result.orderKeys));
  const orderKeys = rows.map((row) => row.key).filter((key) => !skipped.has(key));
  const [firstRefusal] = refused;
  if (orderKeys.length === 0 && firstRefusal?.error) throw new SidebarFailure(firstRefusal.error.code, firstRefusal.error.params);
  const response = client.call(API.createLabels, { body: { orderKeys } });
  return { url: client.absoluteUrl(response.url), expiresAt: response.expiresAt, labels: response.waybillIds.length, issued };
}
