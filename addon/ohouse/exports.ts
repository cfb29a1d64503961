import { MAX_BATCH } from '../../shared/catalog';
import { API } from '../../shared/api/routes';
import { message, type Language } from '../../shared/messages';
import { openQuantity, type Order } from '../../shared/order';
import { cellText, neutralize } from '../../shared/sheets/cells';
import { formatComponents } from '../../shared/sheets/components';
import { carrierLabel } from '../../shared/sheets/labels';
import type { ApiClient } from '../api/client';
import { fetchListings, fetchOrders } from '../api/sheet-source';
import { chunks } from '../lib/chunks';
import { withDocumentLock } from '../lib/lock';
import { ensureSettingsSheet, readOhouseSettings, type OhouseSettings } from './settings-sheet';
import { writeExportTab } from './tab';

export const TRACKING_TAB = '오늘의집 송장';
export const STOCK_TAB = '오늘의집 재고';

const SHIPPED_STATES: readonly Order['state'][] = ['SHIPPED', 'DELIVERED'];

function settingsOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, language: Language): OhouseSettings {
  return readOhouseSettings(withDocumentLock(() => ensureSettingsSheet(spreadsheet, language)));
}

/** The Ohouse orders of the chosen account (every page of GET /v1/orders?channel=ohouse). */
function ohouseOrders(client: ApiClient, account: string): Order[] {
  return fetchOrders(client, null, 'ohouse').orders.filter((order) => order.account === account);
}

/**
 * 오늘의집 송장 내보내기: one row per shipped line whose tracking the console has not got yet (not
 * `accepted`): line id, carrier, tracking number, all as text, ready for the console's bulk upload.
 * The carrier is written by its Korean name; the console's own carrier list is not documented [C].
 */
export function exportOhouseTracking(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, client: ApiClient, language: Language): string {
  const settings = settingsOf(spreadsheet, language);
  const rows: string[][] = [];
  for (const order of ohouseOrders(client, settings.account)) {
    const { trackingNumber, carrier, status } = order.tracking;
    if (!SHIPPED_STATES.includes(order.state) || !trackingNumber || status === 'accepted') continue;
    for (const line of order.lines) if (openQuantity(line) > 0) rows.push([line.lineId, carrierLabel(carrier, 'ko'), trackingNumber]);
  }
  const header = ['lineId', 'carrier', 'trackingNumber'].map((id) => message(`ohouse.tracking.header.${id}`, language));
  writeExportTab(spreadsheet, TRACKING_TAB, header, rows, [true, true, true]);
  return message('ohouse.tracking.summary', language, { tab: TRACKING_TAB, rows: rows.length });
}

/** 오늘의집 재고 내보내기: the sellable quantity of every Ohouse listing of the account (the stock push skips file channels). */
export function exportOhouseStock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, client: ApiClient, language: Language): string {
  const settings = settingsOf(spreadsheet, language);
  const rows = fetchListings(client)
    .filter((listing) => listing.channel === 'ohouse' && listing.account === settings.account)
    .map((listing) => [listing.listingId, neutralize(String(listing.metadata['productName'] ?? '')), formatComponents(listing.components), listing.sellable]);
  const header = ['listingId', 'productName', 'components', 'sellable'].map((id) => message(`ohouse.stock.header.${id}`, language));
  writeExportTab(spreadsheet, STOCK_TAB, header, rows, [true, true, true, false]);
  return message('ohouse.stock.summary', language, { tab: STOCK_TAB, rows: rows.length });
}

/**
 * 업로드 완료: the orders behind the line ids now in the tracking tab (what the seller uploaded, rows they
 * deleted excluded) are marked as accepted, so no 송장 누락 alert fires for them.
 */
export function markOhouseUploaded(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, client: ApiClient, language: Language): string {
  const settings = settingsOf(spreadsheet, language);
  const tab = spreadsheet.getSheetByName(TRACKING_TAB);
  const lineIds = tab && tab.getLastRow() > 1 ? tab.getRange(2, 1, tab.getLastRow() - 1, 1).getValues().map(([cell]) => cellText(cell).trim()).filter((id) => id !== '') : [];
  if (lineIds.length === 0) return message('ohouse.uploaded.none', language, { tab: TRACKING_TAB });
  const orderOfLine = new Map<string, string>();
  for (const order of ohouseOrders(client, settings.account)) for (const line of order.lines) orderOfLine.set(line.lineId, order.key);
  const orderKeys = [...new Set(lineIds.flatMap((lineId) => orderOfLine.get(lineId) ?? []))];
  const unknown = lineIds.filter((lineId) => !orderOfLine.has(lineId)).length;
  let ok = 0;
  let failed = 0;
  for (const batch of chunks(orderKeys, MAX_BATCH)) {
    for (const result of client.call(API.trackingUploaded, { body: { orderKeys: batch } }).results) {
      if (result.result === 'applied') ok += 1;
      else failed += 1;
    }
  }
  return message('ohouse.uploaded.summary', language, { ok, failed, unknown });
}
